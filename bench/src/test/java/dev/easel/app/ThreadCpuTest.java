package dev.easel.app;

import org.junit.jupiter.api.RepeatedTest;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadCpuTest {
    private static final long WORK_NS = 100_000_000;
    /**
     * How far the process's clock may be off over an interval: Linux gives it as user and system time,
     * each truncated to 10 ms ticks, at both ends (a 30 ms burst once read as 20 ms). The threads'
     * clocks are exact.
     */
    private static final long PROCESS_CLOCK_ERROR_NS = 20_000_000;

    /**
     * Between two snapshots one thread burns 100 ms of CPU (by its own clock) and another only
     * waits: each is credited what it did, by name, and the process at least the work.
     */
    @RepeatedTest(5)
    void eachThreadIsCreditedTheCpuItBurnedBetweenTheSnapshots() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch end = new CountDownLatch(1);
        AtomicLong burned = new AtomicLong();
        Thread busy = Thread.ofPlatform().name("thread-cpu-test-busy").start(() -> {
            try {
                go.await();
                var mx = ManagementFactory.getThreadMXBean();
                long t0 = mx.getCurrentThreadCpuTime();
                long x = 0;
                while (mx.getCurrentThreadCpuTime() - t0 < WORK_NS) {
                    x += Long.numberOfTrailingZeros(x + 1);
                }
                burned.set(mx.getCurrentThreadCpuTime() - t0 + (x & 0)); // x kept live
                done.countDown();
                end.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread idle = Thread.ofPlatform().name("thread-cpu-test-idle").start(() -> {
            try {
                end.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ThreadCpu before = ThreadCpu.now();
        go.countDown();
        done.await();
        ThreadCpu after = ThreadCpu.now();
        end.countDown();
        busy.join();
        idle.join();

        long busyNs = after.namedSince(before, "thread-cpu-test-busy");
        assertTrue(busyNs >= burned.get(), "credited " + busyNs + " ns for " + burned.get() + " burned between the snapshots");
        assertTrue(busyNs < burned.get() + WORK_NS, "not credited much more than it burned: " + busyNs);
        assertTrue(after.namedSince(before, "thread-cpu-test-idle") < WORK_NS / 10, "a waiting thread is credited next to nothing");
        assertTrue(after.processSince(before) > burned.get() - PROCESS_CLOCK_ERROR_NS, "the process's CPU includes the busy thread's: "
                + after.processSince(before) + " < " + burned.get());
        var byName = after.byNameSince(before);
        assertEquals(busyNs, byName.get("thread-cpu-test-busy"));
        long previous = Long.MAX_VALUE;
        for (long ns : byName.values()) {
            assertTrue(ns <= previous, "largest first: " + byName);
            previous = ns;
        }
    }
}
