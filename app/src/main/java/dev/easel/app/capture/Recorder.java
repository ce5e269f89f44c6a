package dev.easel.app.capture;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

/**
 * Feeds a {@link Recording} on a thread of its own: {@link #offer} hands a frame over and returns
 * (waiting only when eight frames are already queued, so a recording never loses frames and never
 * holds more than a few in memory); {@link #finish} encodes the rest and closes the file.
 */
public final class Recorder {
    private static final BufferedImage END = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);

    private final Recording recording;
    private final BlockingQueue<BufferedImage> queue = new ArrayBlockingQueue<>(8);
    private final CompletableFuture<Integer> done = new CompletableFuture<>();
    private volatile boolean finishing;

    /** Starts the encoding thread for {@code recording}. */
    public Recorder(Recording recording, String name) {
        this.recording = recording;
        Thread.ofPlatform().daemon(true).name("easel-record-" + name).start(this::encode);
    }

    private void encode() {
        try (Recording r = recording) {
            for (BufferedImage f; (f = queue.take()) != END; ) {
                r.add(f);
            }
        } catch (IOException | RuntimeException e) {
            done.completeExceptionally(e);
            queue.clear();
            return;
        } catch (InterruptedException e) {
            done.completeExceptionally(e);
            return;
        }
        done.complete(recording.frames());
    }

    /** Hands a frame over (the recorder owns it now). False once finishing or failed. Any thread. */
    public boolean offer(BufferedImage frame) throws InterruptedException {
        if (finishing || done.isDone()) {
            return false;
        }
        queue.put(frame);
        return true;
    }

    /**
     * Hands a frame over unless eight are already waiting: a live window must never wait for the
     * encoder (its frame rate would drop to the encoder's). Returns false when the frame was not
     * taken (then {@link #failed()} tells a full queue from a failed recording). Any thread.
     */
    public boolean offerOrSkip(BufferedImage frame) {
        return !finishing && !done.isDone() && queue.offer(frame);
    }

    /** Whether a frame offered now would be taken: lets a caller skip making one. */
    public boolean hasRoom() {
        return queue.remainingCapacity() > 0;
    }

    /** Whether encoding failed (a resize, a full disk): nothing more is taken. */
    public boolean failed() {
        return done.isCompletedExceptionally();
    }

    /** Ends the recording: completes with the number of frames written, or the encoding error. */
    public CompletableFuture<Integer> finish() {
        if (!finishing) {
            finishing = true;
            Thread.ofPlatform().daemon(true).name("easel-record-end").start(() -> {
                try {
                    if (!done.isDone()) {
                        queue.put(END);
                    }
                } catch (InterruptedException e) {
                    done.completeExceptionally(e);
                }
            });
        }
        return done;
    }
}
