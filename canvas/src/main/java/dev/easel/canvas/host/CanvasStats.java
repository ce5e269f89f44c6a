package dev.easel.canvas.host;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One canvas' numbers: frames, time in {@code on_draw}, time waiting to attach (GIL contention),
 * time rendering, and the errors raised with their tracebacks. Written by the canvas thread,
 * read once it has ended (or approximately while it runs).
 */
public final class CanvasStats {
    /** One error raised by a callback. */
    public record Error(long frame, String where, String type, String message, String traceback) {}

    private double[] drawMs = new double[256];
    private int frames;
    private long attachWaitNanos;
    private long renderNanos;
    private final List<Error> errors = new ArrayList<>();

    private long firstFrameAt;
    private long lastFrameAt;

    /** {@link System#nanoTime()} when the first frame ended (0 before). */
    public synchronized long firstFrameAt() {
        return firstFrameAt;
    }

    /** {@link System#nanoTime()} when the last frame ended. */
    public synchronized long lastFrameAt() {
        return lastFrameAt;
    }

    synchronized void frame(double onDrawMs, long attachWait) {
        lastFrameAt = System.nanoTime();
        if (frames == 0) {
            firstFrameAt = lastFrameAt;
        }
        if (frames == drawMs.length) {
            drawMs = Arrays.copyOf(drawMs, frames * 2);
        }
        drawMs[frames++] = onDrawMs;
        attachWaitNanos += attachWait;
    }

    synchronized void attachWait(long nanos) {
        attachWaitNanos += nanos;
    }

    synchronized void rendered(long nanos) {
        renderNanos += nanos;
    }

    synchronized void error(Error e) {
        if (errors.size() < 100) {
            errors.add(e);
        }
    }

    /** Frames drawn. */
    public synchronized int frames() {
        return frames;
    }

    /** Errors raised (at most 100 kept). */
    public synchronized List<Error> errors() {
        return List.copyOf(errors);
    }

    /** Mean {@code on_draw} time in ms (0 before the first frame). */
    public synchronized double meanDrawMs() {
        double s = 0;
        for (int i = 0; i < frames; i++) {
            s += drawMs[i];
        }
        return frames == 0 ? 0 : s / frames;
    }

    /** 95th percentile {@code on_draw} time in ms. */
    public synchronized double p95DrawMs() {
        if (frames == 0) {
            return 0;
        }
        double[] sorted = Arrays.copyOf(drawMs, frames);
        Arrays.sort(sorted);
        return sorted[Math.min(frames - 1, (int) Math.ceil(frames * 0.95) - 1)];
    }

    /** Mean time per frame spent waiting to attach (the GIL, when canvases share an interpreter), ms. */
    public synchronized double attachWaitMsPerFrame() {
        return frames == 0 ? 0 : attachWaitNanos / 1e6 / frames;
    }

    /** Total render time, ms. */
    public synchronized double renderMs() {
        return renderNanos / 1e6;
    }
}
