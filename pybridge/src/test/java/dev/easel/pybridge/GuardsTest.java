package dev.easel.pybridge;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Misuse and races that used to abort or hang the JVM (issue 8), each in a child JVM
 * ({@link GuardsMain}): a crash must be observed, not suffered. Children run two at a time,
 * started together before the first test.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GuardsTest {
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(90);
    /** Child JVMs closing while threads are being started (one close per JVM). */
    private static final int CLOSE_CHILDREN = 6;
    private static final Map<String, CompletableFuture<ChildJvm.Result>> RESULTS = new LinkedHashMap<>();
    private static ExecutorService pool;

    @BeforeAll
    static void startChildren() {
        TestPython.runtime(); // skips the class when this run's Python is absent
        pool = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("guards-child-", 0).daemon(true).factory());
        long seed = Long.getLong("easel.stress.seed", new Random().nextLong());
        System.out.println("guards: seed " + seed + " (-Deasel.stress.seed=" + seed + ")");
        Random r = new Random(seed);
        List<String[]> runs = new ArrayList<>();
        runs.add(new String[]{"start-vs-interrupt", String.valueOf(r.nextLong())});
        runs.add(new String[]{"detached-misuse"});
        runs.add(new String[]{"deep-recursion"});
        runs.add(new String[]{"small-items"});
        for (int i = 0; i < CLOSE_CHILDREN; i++) {
            runs.add(new String[]{"start-vs-close", String.valueOf(r.nextLong())});
        }
        for (String[] args : runs) {
            String key = args[0] + (args[0].equals("start-vs-close") ? "#" + RESULTS.size() : "");
            RESULTS.put(key, CompletableFuture.supplyAsync(() -> {
                try {
                    return ChildJvm.run(GuardsMain.class, CHILD_TIMEOUT, args);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, pool));
        }
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** Waits for a child, prints its output, and checks it ended well. */
    private static String run(String key) throws Exception {
        ChildJvm.Result r = RESULTS.get(key).get(CHILD_TIMEOUT.toSeconds() * RESULTS.size(), TimeUnit.SECONDS);
        System.out.println("=== " + key + ": " + (r.timedOut() ? "timed out" : "exit " + r.exitCode()));
        System.out.println(r.output());
        assertFalse(r.timedOut(), "child hung: " + r.describe());
        assertFalse(r.crashed(), "child JVM crashed: " + r.describe());
        assertEquals(0, r.exitCode(), r.describe());
        assertFalse(r.output().contains("VIOLATION"), r.describe());
        assertTrue(r.output().contains("CHILD OK"), r.describe());
        return r.output();
    }

    @Test
    void interruptNeverHitsAThreadBeingStarted() throws Exception {
        String out = run("start-vs-interrupt");
        assertTrue(out.contains("finalized=true"), out);
    }

    @Test
    void closeWhileThreadsAreBeingStartedFinalizes() throws Exception {
        for (String key : RESULTS.keySet()) {
            if (key.startsWith("start-vs-close")) {
                assertTrue(run(key).contains("finalized=true"), key);
            }
        }
    }

    @Test
    void attachmentUsedInsideItsDetachedSectionThrows() throws Exception {
        String out = run("detached-misuse");
        assertTrue(out.contains("nested detached -> "), out);
    }

    @Test
    void deepRecursionEndsInRecursionError() throws Exception {
        String out = run("deep-recursion");
        assertTrue(out.contains("finalized=true"), out);
    }

    @Test
    void smallerItemsDoNotCrash() throws Exception {
        String out = run("small-items");
        assertTrue(out.contains("finalized=true"), out);
    }
}
