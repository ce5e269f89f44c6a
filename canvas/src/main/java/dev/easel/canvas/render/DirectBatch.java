package dev.easel.canvas.render;

import dev.easel.canvas.LineCap;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A queue of shapes for {@link DirectRaster}, each with its own colour, in device coordinates: the
 * Java2D painter queues consecutive direct-drawable commands here (across colour and width
 * changes) and flushes them before anything else draws.
 *
 * <p>Why queue: bands of rows are independent, so a big batch is split between the calling thread
 * and one pool thread, each drawing the whole queue clipped to the bands it takes. Every pixel still
 * receives the same blends in the same order, so the picture is exactly the one drawing the queue
 * in order would give (DirectRaster computes each pixel's coverage independently of the clip).
 *
 * <p>Not thread-safe: owned by one painter; {@link #flush} uses a helper thread internally and
 * returns only when all bands are drawn.
 */
final class DirectBatch {
    private static final int LINE = 0;
    private static final int RECT = 1;
    private static final int RING = 2;
    /** Doubles per item: geometry (up to 5), then the y range used to skip bands. */
    private static final int STRIDE = 7;
    private static final LineCap[] CAPS = LineCap.values();
    /** Below this many items, a second thread costs more than it saves. */
    private static final int PARALLEL_MIN_ITEMS = 2048;
    /** Bands per parallel batch: more balance the threads better, but each costs the setup of every shape reaching it again. */
    private static final int BANDS = 6;
    private static final int MIN_BAND_ROWS = 8;
    /** Work estimate of a line's setup, in pixel steps (its two end columns are computed in floating point). */
    private static final double SETUP_STEPS = 24;

    private int[] kinds = new int[256];
    private int[] colors = new int[256];
    private double[] geom = new double[256 * STRIDE];
    private int size;
    private boolean parallel = true;
    /** Per-row work estimates, then their running sums (see {@link #bandEdges}). */
    private double[] rowWork = new double[0];
    /** Band boundaries of the current flush; written before the helper starts, read-only while it runs. */
    private final int[] edges = new int[BANDS + 1];
    private final DirectRaster main = new DirectRaster();
    private final DirectRaster helper = new DirectRaster();

    void parallel(boolean on) {
        parallel = on;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Forgets everything queued (it is about to be painted over). */
    void discard() {
        size = 0;
    }

    /** Queues a line; see {@link DirectRaster#line}. {@code argbPre} is premultiplied. */
    void line(int argbPre, double x0, double y0, double x1, double y1, double width, LineCap cap) {
        int k = add(LINE | cap.ordinal() << 4, argbPre);
        geom[k] = x0;
        geom[k + 1] = y0;
        geom[k + 2] = x1;
        geom[k + 3] = y1;
        geom[k + 4] = width;
        double reach = width + 1;
        geom[k + 5] = Math.min(y0, y1) - reach;
        geom[k + 6] = Math.max(y0, y1) + reach;
    }

    /** Queues an axis-aligned rectangle; see {@link DirectRaster#rect}. */
    void rect(int argbPre, double x0, double y0, double x1, double y1) {
        int k = add(RECT, argbPre);
        geom[k] = x0;
        geom[k + 1] = y0;
        geom[k + 2] = x1;
        geom[k + 3] = y1;
        geom[k + 5] = Math.min(y0, y1) - 1;
        geom[k + 6] = Math.max(y0, y1) + 1;
    }

    /** Queues a disc or ring; see {@link DirectRaster#ring}. */
    void ring(int argbPre, double cx, double cy, double inner, double outer) {
        int k = add(RING, argbPre);
        geom[k] = cx;
        geom[k + 1] = cy;
        geom[k + 2] = inner;
        geom[k + 3] = outer;
        geom[k + 5] = cy - outer - 1;
        geom[k + 6] = cy + outer + 1;
    }

    private int add(int kind, int argbPre) {
        if (size == kinds.length) {
            kinds = java.util.Arrays.copyOf(kinds, size * 2);
            colors = java.util.Arrays.copyOf(colors, size * 2);
            geom = java.util.Arrays.copyOf(geom, size * 2 * STRIDE);
        }
        kinds[size] = kind;
        colors[size] = argbPre;
        return size++ * STRIDE;
    }

    /**
     * Draws everything queued into {@code px} ({@code width} pixels per row), inside the clip
     * rectangle [cx0, cx1) × [cy0, cy1), and empties the queue.
     */
    void flush(int[] px, int width, int height, int cx0, int cy0, int cx1, int cy1) {
        if (size == 0) {
            return;
        }
        main.target(px, width, height);
        boolean twoThreads = parallel && size >= PARALLEL_MIN_ITEMS && cy1 - cy0 >= BANDS * MIN_BAND_ROWS
                && ForkJoinPool.getCommonPoolParallelism() >= 1 && Runtime.getRuntime().availableProcessors() >= 2;
        if (!twoThreads) {
            drawBand(main, cx0, cy0, cx1, cy1);
            size = 0;
            return;
        }
        // Bands of rows holding equal shares of the work, taken in turn by this thread and one pool
        // thread: a preempted or late helper costs at most the band it is drawing, and a batch whose
        // shapes crowd into a few rows is still shared evenly.
        int[] edges = bandEdges(cy0, cy1);
        helper.target(px, width, height);
        Split split = new Split();
        ForkJoinTask<?> other = ForkJoinPool.commonPool().submit(() -> {
            if (split.compareAndSet(Split.WAITING, Split.RUNNING)) {
                drawBands(helper, split, edges, cx0, cx1);
            }
        });
        try {
            drawBands(main, split, edges, cx0, cx1);
        } finally {
            // A helper that has not started yet is told not to; one that has is waited for (it is
            // finishing its last band). The join also publishes the helper's pixel writes.
            if (!split.compareAndSet(Split.WAITING, Split.ABANDONED)) {
                other.join();
            }
        }
        size = 0;
    }

    /** The hand-over between the two threads drawing one batch: the helper's state, and the next band. */
    private static final class Split extends AtomicInteger {
        static final int WAITING = 0;
        static final int RUNNING = 1;
        static final int ABANDONED = 2;
        final AtomicInteger nextBand = new AtomicInteger();
    }

    private void drawBands(DirectRaster r, Split split, int[] edges, int cx0, int cx1) {
        for (int b; (b = split.nextBand.getAndIncrement()) < BANDS; ) {
            if (edges[b] < edges[b + 1]) {
                drawBand(r, cx0, edges[b], cx1, edges[b + 1]);
            }
        }
    }

    /**
     * Row boundaries of {@link #BANDS} bands of [cy0, cy1) with about equal work: each queued item's
     * estimated cost (pixel steps plus a setup charge) spread evenly over the rows it spans, summed per
     * row, then cut at equal shares. Only a schedule: the pixels do not depend on it.
     */
    private int[] bandEdges(int cy0, int cy1) {
        int rows = cy1 - cy0;
        if (rowWork.length < rows + 1) {
            rowWork = new double[rows + 1];
        }
        double[] w = rowWork;
        Arrays.fill(w, 0, rows + 1, 0);
        for (int i = 0, k = 0; i < size; i++, k += STRIDE) {
            double top = geom[k + 5];
            double bottom = geom[k + 6];
            if (!(bottom >= cy0 && top < cy1)) {
                continue; // Also skips NaN.
            }
            double span = bottom - top;
            double perRow = switch (kinds[i] & 0xF) {
                case LINE -> (Math.max(Math.abs(geom[k + 2] - geom[k]), Math.abs(geom[k + 3] - geom[k + 1]))
                        * Math.max(1, geom[k + 4]) + SETUP_STEPS) / span;
                case RECT -> Math.abs(geom[k + 2] - geom[k]) + 2;
                default -> 2 * geom[k + 3] + 2;
            };
            if (!(perRow < 1e12)) {
                continue; // Infinite or NaN estimates (absurd coordinates): leave them out of the schedule.
            }
            int a = (int) Math.max(0, top - cy0);
            int b = (int) Math.min(rows, bottom - cy0 + 1);
            w[a] += perRow;
            w[b] -= perRow;
        }
        // w becomes the cumulative work up to each row; cut where it crosses each equal share.
        double run = 0;
        double total = 0;
        for (int y = 0; y < rows; y++) {
            run += w[y];
            total += run;
            w[y] = total;
        }
        edges[0] = cy0;
        int y = 0;
        for (int band = 1; band < BANDS; band++) {
            double target = total * band / BANDS;
            while (y < rows - 1 && w[y] < target) {
                y++;
            }
            // Rows [cy0, cy0 + y] hold the share: the band ends after row y, and is never too thin.
            int edge = Math.max(edges[band - 1] + MIN_BAND_ROWS, cy0 + y + 1);
            edges[band] = Math.min(edge, cy1 - (BANDS - band) * MIN_BAND_ROWS);
        }
        edges[BANDS] = cy1;
        return edges;
    }

    /** Draws the queued items that reach rows [y0, y1), clipped to them. */
    private void drawBand(DirectRaster r, int x0, int y0, int x1, int y1) {
        r.clip(x0, y0, x1, y1);
        int lastColor = 0;
        boolean colorSet = false;
        for (int i = 0, k = 0; i < size; i++, k += STRIDE) {
            if (geom[k + 6] < y0 || geom[k + 5] > y1) {
                continue;
            }
            int c = colors[i];
            if (!colorSet || c != lastColor) {
                r.premultipliedColor(c);
                lastColor = c;
                colorSet = true;
            }
            switch (kinds[i] & 0xF) {
                case LINE -> r.line(geom[k], geom[k + 1], geom[k + 2], geom[k + 3], geom[k + 4], CAPS[kinds[i] >>> 4]);
                case RECT -> r.rect(geom[k], geom[k + 1], geom[k + 2], geom[k + 3]);
                default -> r.ring(geom[k], geom[k + 1], geom[k + 2], geom[k + 3]);
            }
        }
    }
}
