package dev.easel.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Files of one run still being written on threads of their own (a window's recording, encoded
 * after it stopped or its window closed): the run waits for them before it exits, or they would be
 * lost (a recording is written under a temporary name and moved into place when complete).
 */
final class PendingWrites {
    /**
     * One file being written: {@code encoded} of {@code total} frames so far; {@code done} completes
     * when it is complete (or failed or cancelled, having said so); {@code cancel} gives it up,
     * leaving nothing at {@code file}.
     */
    record Write(Path file, IntSupplier encoded, IntSupplier total, CompletableFuture<?> done, Runnable cancel) {
        /** "encoding 93 frames into clip.mp4…  40 %". */
        String progress() {
            int t = Math.max(1, total.getAsInt());
            int p = (int) Math.min(100, 100L * encoded.getAsInt() / t);
            return String.format(Locale.ROOT, "encoding %d frames into %s\u2026  %d %%", total.getAsInt(),
                    file.getFileName(), p);
        }

        /** 0 to 1. */
        double fraction() {
            int t = total.getAsInt();
            return t <= 0 ? 0 : Math.min(1.0, (double) encoded.getAsInt() / t);
        }
    }

    private final Set<Write> writing = ConcurrentHashMap.newKeySet();

    /** A write under way, until its {@code done} completes. Any thread. */
    void add(Write w) {
        writing.add(w);
        w.done().whenComplete((v, e) -> writing.remove(w));
    }

    /** The writes still going on. */
    List<Write> pending() {
        return List.copyOf(writing);
    }

    /** Completes (normally, whatever their outcome) when every write going on now has ended. */
    CompletableFuture<Void> allDone() {
        return CompletableFuture.allOf(writing.stream().map(w -> w.done().handle((v, e) -> null))
                .toArray(CompletableFuture[]::new));
    }

    /** Cancels every write going on: each leaves nothing at its target. Any thread. */
    void cancelAll() {
        writing.forEach(w -> w.cancel().run());
    }

    /**
     * Without windows: waits until every file is written, at most {@code max} (then the writes are
     * cancelled); says so when it has to wait.
     */
    void awaitAll(Duration max) {
        if (writing.isEmpty()) {
            return;
        }
        System.err.println("easel: finishing " + writing.size() + " recording(s)...");
        try {
            allDone().get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            cancelAll();
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            cancelAll(); // still going after max: given up, nothing half-written left behind
            try {
                allDone().get(1, TimeUnit.MINUTES); // the frame being encoded ends it
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
            } catch (Exception x) {
                // the temporary files go when the JVM exits
            }
        }
    }
}
