package dev.easel.canvas.host.loop;

import java.util.ArrayList;
import java.util.List;

/**
 * One canvas' numbers: frames drawn ({@code on_draw} calls), shown and dropped (replaced by a newer
 * one before the window showed them), time in {@code on_draw}, time waiting to attach (GIL
 * contention), time rendering, and the errors raised with their tracebacks. Written by the canvas
 * thread and its view, read once it has ended (or approximately while it runs).
 */
public final class CanvasStats {
    /** Frames kept for {@link #recent}. */
    public static final int RECENT = 240;
    private static final double BUCKET_BASE_MS = 0.001, BUCKET_RATIO = 1.01;
    private static final int BUCKETS = (int) Math.ceil(Math.log(1e5 / BUCKET_BASE_MS) / Math.log(BUCKET_RATIO));

    /** One error raised by a callback. */
    public record Error(long frame, String where, String type, String message, String traceback) {}

    /**
     * {@code on_draw} times as a histogram of buckets 1 % wide from 1 µs to 100 s (p95 within 1 %,
     * memory fixed however long the canvas runs), their sum, and the last {@link #RECENT} in a ring
     * (the performance overlay's chart).
     */
    private final int[] drawHistogram = new int[BUCKETS + 1];
    private double drawMsSum;
    private final double[] recentDrawMs = new double[RECENT];
    private final double[] recentWaitMs = new double[RECENT];
    private int frames;
    private long attachWaitNanos;
    private long renderNanos;
    private final List<Error> errors = new ArrayList<>();
    private long shown;
    private long dropped;
    /** When the last frames were shown ({@link System#nanoTime()}), a ring: for the shown rate. */
    private final long[] recentShown = new long[256];
    private int recentHead;

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
        drawHistogram[bucket(onDrawMs)]++;
        drawMsSum += onDrawMs;
        recentDrawMs[frames % RECENT] = onDrawMs;
        recentWaitMs[frames % RECENT] = attachWait / 1e6;
        frames++;
        attachWaitNanos += attachWait;
    }

    synchronized void attachWait(long nanos) {
        attachWaitNanos += nanos;
    }

    synchronized void rendered(long nanos) {
        renderNanos += nanos;
    }

    synchronized void shown(long now) {
        recentShown[recentHead] = now;
        recentHead = (recentHead + 1) % recentShown.length;
        shown++;
    }

    synchronized void dropped() {
        dropped++;
    }

    /** Frames shown per second over the second before {@code now} (0 with fewer than two). */
    synchronized double shownPerSecond(long now) {
        int n = 0;
        long oldest = now;
        int count = (int) Math.min(shown, recentShown.length);
        for (int i = 0; i < count; i++) {
            long t = recentShown[(recentHead - 1 - i + recentShown.length) % recentShown.length];
            if (now - t > 1_000_000_000L) {
                break;
            }
            n++;
            oldest = t;
        }
        return n < 2 || now == oldest ? 0 : (n - 1) / ((now - oldest) / 1e9);
    }

    /** Frames that reached the screen (headless: the picture), error pictures included. */
    public synchronized long framesShown() {
        return shown;
    }

    /** Frames drawn but replaced by a newer one before they were shown. */
    public synchronized long framesDropped() {
        return dropped;
    }

    synchronized void error(Error e) {
        if (errors.size() < 100) {
            errors.add(e);
        }
    }

    /** Frames drawn: {@code on_draw} calls. */
    public synchronized int frames() {
        return frames;
    }

    /** Errors raised (at most 100 kept). */
    public synchronized List<Error> errors() {
        return List.copyOf(errors);
    }

    private static int bucket(double ms) {
        if (!(ms > BUCKET_BASE_MS)) {
            return 0;
        }
        return Math.min(BUCKETS, (int) Math.ceil(Math.log(ms / BUCKET_BASE_MS) / Math.log(BUCKET_RATIO)));
    }

    /** Mean {@code on_draw} time in ms (0 before the first frame). */
    public synchronized double meanDrawMs() {
        return frames == 0 ? 0 : drawMsSum / frames;
    }

    /** 95th percentile {@code on_draw} time in ms (the upper edge of its 1 % bucket). */
    public synchronized double p95DrawMs() {
        if (frames == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(frames * 0.95);
        long seen = 0;
        for (int b = 0; b <= BUCKETS; b++) {
            seen += drawHistogram[b];
            if (seen >= rank) {
                return b == 0 ? BUCKET_BASE_MS : BUCKET_BASE_MS * Math.pow(BUCKET_RATIO, b);
            }
        }
        return BUCKET_BASE_MS * Math.pow(BUCKET_RATIO, BUCKETS);
    }

    /**
     * The last frames (at most {@link #RECENT}), oldest first: {@code [0]} their {@code on_draw}
     * ms, {@code [1]} their attach-wait ms.
     */
    public synchronized double[][] recent() {
        int n = Math.min(frames, RECENT);
        double[][] out = new double[2][n];
        for (int i = 0; i < n; i++) {
            int at = (frames - n + i) % RECENT;
            out[0][i] = recentDrawMs[at];
            out[1][i] = recentWaitMs[at];
        }
        return out;
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
