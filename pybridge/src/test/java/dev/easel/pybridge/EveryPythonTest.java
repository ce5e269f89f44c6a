package dev.easel.pybridge;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A smoke test ({@link SmokeMain}) in a child JVM against every Python on this machine that
 * {@link PythonLocator#findAll()} finds (3.11 and newer). Runs only in the default (bundled)
 * execution: the other executions would repeat the same children.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EveryPythonTest {
    @TestFactory
    List<DynamicTest> smokeEveryPython() {
        Assumptions.assumeTrue("bundled".equals(TestPython.choice()),
                "runs in the default (bundled) execution only; this one is " + TestPython.choice());
        List<PythonInstallation> all = PythonLocator.findAll();
        System.out.println("Pythons found: " + all.size());
        assertFalse(all.isEmpty(), "at least the bundled Python is found");
        ExecutorService pool = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("every-python-", 0).daemon(true).factory());
        List<DynamicTest> tests = new ArrayList<>();
        for (PythonInstallation inst : all) {
            String choice = inst.origin().equals("bundled") ? "bundled" : inst.library().toString();
            CompletableFuture<ChildJvm.Result> result = CompletableFuture.supplyAsync(() -> {
                try {
                    return ChildJvm.run(choice, List.of(), SmokeMain.class, Duration.ofSeconds(90));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, pool);
            tests.add(DynamicTest.dynamicTest("Python " + inst.version() + " at " + inst.library(), () -> {
                ChildJvm.Result r = result.get(5, TimeUnit.MINUTES);
                assertTrue(r.ok(), "smoke test of " + inst.describe() + " failed: " + r.describe());
                assertTrue(r.output().contains("SMOKE OK Python " + inst.version().major() + "." + inst.version().minor()),
                        r.describe());
                System.out.println("Python " + inst.version() + " at " + inst.library() + ": ok ("
                        + r.output().lines().filter(l -> l.startsWith("SMOKE OK")).findFirst().orElse("") + ")");
            }));
        }
        pool.shutdown(); // lets the queued children run, then its threads end
        return tests;
    }
}
