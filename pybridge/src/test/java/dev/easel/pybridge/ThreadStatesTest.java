package dev.easel.pybridge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Thread states over the life of threads and interpreters ({@link ThreadStatesMain}, each scenario
 * in a child JVM: a wrong delete is a crash, and the leak is measured in a fresh process).
 */
@Timeout(value = 1200, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ThreadStatesTest {
    static String run(List<String> jvmOptions, String... args) throws Exception {
        ChildJvm.Result r = ChildJvm.run(TestPython.choice(), jvmOptions, ThreadStatesMain.class, Duration.ofSeconds(240), args);
        String out = ChildRuns.check(String.join(" ", args), r);
        assertTrue(out.contains("CHILD OK"), r.describe());
        return out;
    }

    /** 20,000 short-lived threads that attach (main and a sub): thread states and RSS stay flat. */
    @Test
    void shortLivedThreadsLeaveNoThreadStates() throws Exception {
        TestPython.runtime(); // skips when this run's Python is absent
        run(List.of("-Xmx256m"), "short-lived", String.valueOf(Bounded.scaled(20_000, 4_000)));
    }

    /**
     * A sub-interpreter closed by one thread right after another used it, 1,000 times, under glibc's
     * malloc checks (freed memory filled, heap checked): no state of a live thread is deleted by
     * another, and each sub-interpreter is ended once its last user attached elsewhere or ended.
     */
    @Test
    void closingASubInterpreterUsedByAnotherThread() throws Exception {
        TestPython.assumeSubInterpreters();
        ChildJvm.Result r = ChildJvm.run(TestPython.choice(), List.of(), java.util.Map.of("MALLOC_CHECK_", "3",
                "MALLOC_PERTURB_", "165"), ThreadStatesMain.class, Duration.ofSeconds(900),
                "close-elsewhere", String.valueOf(Bounded.scaled(1000, 250)));
        assertTrue(ChildRuns.check("close-elsewhere", r).contains("CHILD OK"), r.describe());
    }
}
