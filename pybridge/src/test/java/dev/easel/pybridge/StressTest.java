package dev.easel.pybridge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Randomized stress: {@link StressWorkload} actions from several Java threads at once in this JVM,
 * and shutdown at a random moment in child JVMs ({@link StressShutdownMain}).
 *
 * <p>The seed is printed; rerun one with {@code -Deasel.stress.seed=N}. A normal build makes 1,000
 * in-process repetitions and 200 shutdown races in child JVMs on every Python (100 more races
 * with threads closing their own sub-interpreters on 3.12+), and sub-interpreter close rounds
 * scaled by {@link TestPython#scale()} (200 on the bundled Python, 50 on the others).
 * {@code -Deasel.stress=full} makes 10,000 in-process repetitions, 200 races and 2,000 close
 * rounds on every Python (RELIABILITY.md).
 */
@Timeout(value = 3600, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StressTest {
    /** Whether this is the long run ({@code -Deasel.stress=full}). */
    private static final boolean FULL = "full".equals(System.getProperty("easel.stress"));

    private static long seed() {
        String s = System.getProperty("easel.stress.seed");
        return s != null && !s.isBlank() ? Long.parseLong(s.strip()) : new Random().nextLong();
    }

    @Test
    void randomWorkInProcess() {
        PythonRuntime rt = TestPython.runtime();
        long seed = seed();
        int reps = FULL ? 10_000 : 1_000;
        int threads = 4;
        System.out.println("in-process stress: seed " + seed + " (-Deasel.stress.seed=" + seed + "), " + reps
                + " repetitions on " + threads + " threads, Python " + rt.version());
        StressWorkload w = new StressWorkload(rt, "_easel_stress_inproc");
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        Bounded.run("stress", threads, Duration.ofSeconds(FULL ? 1800 : 180), i -> {
            Random r = new Random(seed + i);
            int rep;
            while ((rep = next.getAndIncrement()) < reps) {
                try {
                    w.randomAction(r, true);
                } catch (Throwable t) {
                    throw new AssertionError("repetition " + rep + " on thread " + i + " (seed " + seed + ") failed: " + t, t);
                }
            }
        });
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("in-process stress: " + w.total() + " actions in " + ms + " ms: " + w.summary());
        assertEquals(reps, w.topLevel.get(), "every repetition completed its action");
        assertEquals(w.expectedCounts.get(), w.counted.get(), "every built-in call from a Python thread reached Java once");
        assertFalse(rt.isAttached());
        // The runtime is healthy afterwards.
        assertEquals(2L, rt.main().evalToJava("1 + 1"));
    }

    /** Sub-interpreters closed by one thread at random moments while others use them ({@link StressSubClose}). */
    @Test
    void subInterpretersClosedWhileInUse() {
        TestPython.assumeSubInterpreters();
        PythonRuntime rt = TestPython.runtime();
        long seed = seed();
        int rounds = FULL ? 2_000 : Bounded.scaled(200, 50);
        System.out.println("sub-interpreter close stress: seed " + seed + " (-Deasel.stress.seed=" + seed + "), "
                + rounds + " rounds, Python " + rt.version());
        Random r = new Random(seed);
        for (int i = 0; i < rounds; i++) {
            try {
                StressSubClose.round(rt, r);
            } catch (Throwable t) {
                throw new AssertionError("round " + i + " (seed " + seed + ") failed: " + t, t);
            }
        }
        // Users ended after attaching elsewhere: a new thread's first attach settles anything left.
        Bounded.run("settle", 1, Duration.ofSeconds(20), i -> rt.main().evalToJava("1"));
        assertTrue(rt.awaitingEnd().isEmpty(), "every closed sub-interpreter was ended: " + rt.awaitingEnd());
        assertEquals(2L, rt.main().evalToJava("1 + 1"));
    }

    /**
     * Shutdown races per Python: 200 on every Python, in a normal build as in the full run (a
     * child costs ~1 s of a core, most of it starting the JVM and Python);
     * {@code -Deasel.stress.races=N} sets another count.
     */
    private static int races() {
        return Integer.getInteger("easel.stress.races", 200);
    }

    @Test
    void shutdownAtRandomMomentsInChildJvms() throws Exception {
        raceInChildren("shutdown stress", StressShutdownMain.class, "STRESS-CHILD", races(), StressShutdownMain::blocksInC);
    }

    /**
     * Regression: a thread that closed its own sub-interpreter deleted its state there, and ended
     * it, after the close returned and outside the gate, so shutdown could finalize meanwhile
     * ("remaining subinterpreters", a SIGSEGV in Py_FinalizeEx, ~1 shutdown race in 200).
     */
    @Test
    void shutdownWhileThreadsCloseTheirOwnSubInterpreters() throws Exception {
        PythonRuntime rt = TestPython.runtime();
        org.junit.jupiter.api.Assumptions.assumeTrue(rt.supportsSubInterpreters(), "sub-interpreters need 3.12+");
        raceInChildren("sub-close shutdown", SubCloseShutdownMain.class, "SUB-CLOSE-CHILD", races() / 2, seed -> false);
    }

    /**
     * Runs {@code children} child JVMs of {@code main}, each with its own seed, and checks every one
     * ended well. Two at a time keep both cores busy; children that {@code waits} says spend most of
     * their time waiting (a thread blocked in C holds their close for seconds) run beside those,
     * two at a time of their own, instead of holding a core's turn idle.
     */
    private static void raceInChildren(String label, Class<?> main, String summaryPrefix, int children,
                                       java.util.function.LongPredicate waits) throws Exception {
        TestPython.runtime(); // skips when this run's Python is absent
        long seed = seed();
        System.out.println(label + ": seed " + seed + " (-Deasel.stress.seed=" + seed + "), " + children
                + " child JVMs, 2 at a time and those that wait 2 at a time beside them");
        Random r = new Random(seed);
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < children; i++) {
            seeds.add(r.nextLong());
        }
        long t0 = System.nanoTime();
        try (ChildRuns busy = new ChildRuns("stress-child", main, Duration.ofSeconds(60));
             ChildRuns waiting = new ChildRuns("stress-waiting-child", main, Duration.ofSeconds(60))) {
            for (int i = 0; i < children; i++) {
                (waits.test(seeds.get(i)) ? waiting : busy).start("child " + i, String.valueOf(seeds.get(i)));
            }
            List<String> failures = new ArrayList<>();
            int ok = 0;
            for (int i = 0; i < children; i++) {
                ChildJvm.Result res = (waits.test(seeds.get(i)) ? waiting : busy).await("child " + i);
                String line = res.output().lines().filter(l -> l.startsWith(summaryPrefix)).findFirst().orElse("(no summary)");
                System.out.println("child " + i + ": " + (res.ok() ? "ok" : "FAILED") + " " + line);
                if (res.ok() && res.output().contains("CHILD OK")) {
                    ok++;
                } else {
                    failures.add("child " + i + " (seed " + seeds.get(i) + "): " + res.describe());
                }
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println(label + ": " + ok + "/" + children + " children ok in " + ms + " ms");
            assertTrue(failures.isEmpty(), failures.size() + " child JVM(s) failed:\n" + String.join("\n\n", failures));
        }
    }
}
