package dev.easel.pybridge;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Thread states over the life of threads and interpreters ({@link ThreadStatesMain}, each scenario
 * in a child JVM: a wrong delete is a crash, and the leak is measured in a fresh process). Both
 * children start together before the first test: the close-elsewhere one keeps about one core
 * busy, so the other runs beside it instead of after it.
 */
@Timeout(value = 1200, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ThreadStatesTest {
    private static ExecutorService pool;
    private static CompletableFuture<ChildJvm.Result> shortLived;
    private static CompletableFuture<ChildJvm.Result> closeElsewhere;

    @BeforeAll
    static void startChildren() {
        PythonRuntime rt = TestPython.runtime(); // skips the class when this run's Python is absent
        pool = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("thread-states-child-", 0).daemon(true).factory());
        // 20,000 short-lived threads; a small heap, so the JVM's own growth does not hide a leak.
        shortLived = start(List.of("-Xmx256m"), Map.of(), Duration.ofSeconds(240),
                "short-lived", String.valueOf(Bounded.scaled(20_000, 4_000)));
        if (rt.supportsSubInterpreters()) {
            // Under glibc's malloc checks: freed memory filled, heap checked.
            closeElsewhere = start(List.of(), Map.of("MALLOC_CHECK_", "3", "MALLOC_PERTURB_", "165"),
                    Duration.ofSeconds(900), "close-elsewhere", String.valueOf(Bounded.scaled(1000, 250)));
        }
    }

    private static CompletableFuture<ChildJvm.Result> start(List<String> jvmOptions, Map<String, String> env,
                                                            Duration timeout, String... args) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ChildJvm.run(TestPython.choice(), jvmOptions, env, ThreadStatesMain.class, timeout, args);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, pool);
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** 20,000 short-lived threads that attach (main and a sub): thread states and RSS stay flat. */
    @Test
    void shortLivedThreadsLeaveNoThreadStates() throws Exception {
        ChildJvm.Result r = shortLived.get(300, TimeUnit.SECONDS);
        assertTrue(ChildRuns.check("short-lived", r).contains("CHILD OK"), r.describe());
    }

    /**
     * A sub-interpreter closed by one thread right after another used it, 1,000 times, under glibc's
     * malloc checks (freed memory filled, heap checked): no state of a live thread is deleted by
     * another, and each sub-interpreter is ended once its last user attached elsewhere or ended.
     */
    @Test
    void closingASubInterpreterUsedByAnotherThread() throws Exception {
        TestPython.assumeSubInterpreters();
        ChildJvm.Result r = closeElsewhere.get(1000, TimeUnit.SECONDS);
        assertTrue(ChildRuns.check("close-elsewhere", r).contains("CHILD OK"), r.describe());
    }
}
