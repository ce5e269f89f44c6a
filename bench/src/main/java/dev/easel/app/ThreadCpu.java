package dev.easel.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU time of this process and of each of its Java threads at one moment, so a benchmark can
 * say where the CPU of what it measured went (a window's frame: the raster threads, JavaFX's render
 * thread, the canvas thread). Threads that are not Java threads (the collector's, the compilers')
 * count in the process's time only. The process's clock is coarse (on Linux user and system time,
 * each in 10 ms ticks: up to 20 ms off over an interval), the threads' exact: measure the process
 * over seconds.
 */
record ThreadCpu(long processNanos, Map<Long, Named> threads) {
    /** One thread's name and CPU time so far. */
    record Named(String name, long nanos) {}

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Now. */
    static ThreadCpu now() {
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        Map<Long, Named> threads = new HashMap<>();
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t == null) {
                continue; // ended meanwhile
            }
            long ns = THREADS.getThreadCpuTime(t.getThreadId());
            if (ns >= 0) {
                threads.put(t.getThreadId(), new Named(t.getThreadName(), ns));
            }
        }
        return new ThreadCpu(process, threads);
    }

    /** The process's CPU nanoseconds from {@code before} to this. */
    long processSince(ThreadCpu before) {
        return processNanos - before.processNanos;
    }

    /**
     * CPU nanoseconds from {@code before} to this by thread name (threads of one name summed; one
     * started meanwhile counts from zero, one ended meanwhile is missing), largest first.
     */
    Map<String, Long> byNameSince(ThreadCpu before) {
        Map<String, Long> sums = new HashMap<>();
        threads.forEach((id, t) -> {
            Named was = before.threads.get(id);
            long from = was != null && was.name().equals(t.name()) ? was.nanos() : 0;
            sums.merge(t.name(), t.nanos() - from, Long::sum);
        });
        Map<String, Long> sorted = new LinkedHashMap<>();
        sums.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The CPU nanoseconds since {@code before} of the threads whose name starts with {@code prefix}. */
    long namedSince(ThreadCpu before, String prefix) {
        return byNameSince(before).entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
