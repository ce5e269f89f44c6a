package dev.easel.pybridge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Platform threads for tests, joined with a deadline: a thread still alive when time is up fails
 * the test (with its stack) instead of hanging it, and the first exception a thread threw is
 * rethrown on the test thread.
 */
final class Bounded {
    private Bounded() {}

    /** Work that may throw anything. */
    @FunctionalInterface
    interface Body {
        void run(int index) throws Throwable;
    }

    /** Starts {@code n} platform threads named {@code name-i} running {@code body(i)}, and joins them within {@code timeout}. */
    static void run(String name, int n, Duration timeout, Body body) {
        List<Thread> threads = start(name, n, body);
        joinAll(threads, timeout);
    }

    /** What {@link #start} threads threw, per thread list. */
    private static final java.util.Map<List<Thread>, List<Throwable>> ERRORS =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** Starts {@code n} daemon platform threads running {@code body(i)}; join them with {@link #joinAll}. */
    static List<Thread> start(String name, int n, Body body) {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            threads.add(Thread.ofPlatform().name(name + "-" + i).daemon(true).unstarted(() -> {
                try {
                    body.run(index);
                } catch (Throwable t) {
                    errors.add(t);
                }
            }));
        }
        ERRORS.put(threads, errors);
        threads.forEach(Thread::start);
        return threads;
    }

    /** Joins every thread by a common deadline; fails if one is still alive, rethrows the first error. */
    static void joinAll(List<Thread> threads, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            try {
                t.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while joining " + t.getName());
            }
            if (t.isAlive()) {
                StringBuilder sb = new StringBuilder();
                for (StackTraceElement e : t.getStackTrace()) {
                    sb.append("\n\tat ").append(e);
                }
                fail("thread " + t.getName() + " did not finish within " + timeout.toMillis() + " ms" + sb);
            }
        }
        List<Throwable> errors = ERRORS.remove(threads);
        if (errors != null && !errors.isEmpty()) {
            Throwable first = errors.get(0);
            AssertionError e = new AssertionError(errors.size() + " thread(s) failed; first: " + first, first);
            for (int i = 1; i < errors.size(); i++) {
                e.addSuppressed(errors.get(i));
            }
            throw e;
        }
    }

    /** Joins one thread within {@code timeout}; returns whether it ended. */
    static boolean join(Thread t, Duration timeout) {
        try {
            t.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }

    /** {@code base * TestPython.scale()}, at least {@code min}. */
    static int scaled(int base, int min) {
        return Math.max(min, (int) Math.round(base * TestPython.scale()));
    }
}
