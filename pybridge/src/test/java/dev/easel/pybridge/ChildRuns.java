package dev.easel.pybridge;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The child JVMs of one test class ({@link ChildJvm}), started ahead (so that they run while
 * other tests wait) and two at a time (the machine has two cores), each checked the same way.
 */
final class ChildRuns implements AutoCloseable {
    private final Class<?> mainClass;
    private final Duration timeout;
    private final ExecutorService pool;
    private final Map<String, CompletableFuture<ChildJvm.Result>> results = new LinkedHashMap<>();

    /** Children of {@code mainClass}, each killed after {@code timeout}; {@code name} names the pool's threads. */
    ChildRuns(String name, Class<?> mainClass, Duration timeout) {
        this.mainClass = mainClass;
        this.timeout = timeout;
        this.pool = Executors.newFixedThreadPool(2, Thread.ofPlatform().name(name + "-", 0).daemon(true).factory());
    }

    /** Queues a child with {@code args}, known as {@code key}. */
    synchronized void start(String key, String... args) {
        results.put(key, CompletableFuture.supplyAsync(() -> {
            try {
                return ChildJvm.run(mainClass, timeout, args);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, pool));
    }

    /** The keys, in the order started. */
    synchronized List<String> keys() {
        return List.copyOf(results.keySet());
    }

    /** Waits for the child {@code key} (as long as all queued children may take). */
    ChildJvm.Result await(String key) throws Exception {
        CompletableFuture<ChildJvm.Result> f;
        int queued;
        synchronized (this) {
            f = results.get(key);
            queued = results.size();
        }
        return f.get(timeout.toSeconds() * queued, TimeUnit.SECONDS);
    }

    /** Waits for the child {@code key}, prints its output, checks it ended well ({@link #check}) and returns the output. */
    String awaitOk(String key) throws Exception {
        return check(key, await(key));
    }

    /** Prints a child's output and checks it ended well: no hang, no crash, exit code 0, no violation. */
    static String check(String label, ChildJvm.Result r) {
        System.out.println("=== " + label + ": " + (r.timedOut() ? "timed out" : "exit " + r.exitCode()));
        System.out.println(r.output());
        assertFalse(r.timedOut(), "child hung: " + r.describe());
        assertFalse(r.crashed(), "child JVM crashed: " + r.describe());
        assertEquals(0, r.exitCode(), r.describe());
        assertFalse(r.output().contains("VIOLATION"), r.describe());
        return r.output();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
