package dev.easel.app;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Files of one run still being written on threads of their own (a window's recording, finished
 * after Ctrl+Shift+S stopped it): the run waits for them before it exits, or they would be cut
 * short (an MP4 without its index plays nowhere).
 */
final class PendingWrites {
    private final Set<CompletableFuture<?>> writing = ConcurrentHashMap.newKeySet();

    /** {@code done} completes when its file is complete (or failed, having said why). Any thread. */
    void add(CompletableFuture<?> done) {
        writing.add(done);
        done.whenComplete((v, e) -> writing.remove(done));
    }

    /** Waits until every file is written, at most {@code max}; says so when it has to wait. */
    void awaitAll(Duration max) {
        if (writing.isEmpty()) {
            return;
        }
        System.err.println("easel: finishing " + writing.size() + " recording(s)...");
        try {
            CompletableFuture.allOf(writing.toArray(CompletableFuture[]::new)).get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Failures were said where they happened; a write still going after max is given up.
        }
    }
}
