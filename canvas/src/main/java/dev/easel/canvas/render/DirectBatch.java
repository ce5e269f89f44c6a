package dev.easel.canvas.render;

import dev.easel.canvas.LineCap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * A queue of shapes for {@link DirectRaster}, each with its own colour, in device coordinates: the
 * Java2D painter queues consecutive direct-drawable commands here (across colour and width
 * changes) and flushes them before anything else draws.
 *
 * <p>Why queue: bands of rows are independent, so a big batch is split between the calling thread
 * and one pool thread, each drawing the whole queue clipped to its own bands. Every pixel still
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
    private static final int BANDS = 4;

    private int[] kinds = new int[256];
    private int[] colors = new int[256];
    private double[] geom = new double[256 * STRIDE];
    private int size;
    private boolean parallel = true;
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
        boolean twoThreads = parallel && size >= PARALLEL_MIN_ITEMS && cy1 - cy0 >= 4 * 16
                && ForkJoinPool.getCommonPoolParallelism() >= 1 && Runtime.getRuntime().availableProcessors() >= 2;
        if (!twoThreads) {
            drawBand(main, cx0, cy0, cx1, cy1);
            size = 0;
            return;
        }
        // Four bands of rows, alternating between this thread and one pool thread: shapes are usually
        // spread over the frame, and every band costs each shape reaching it its setup again.
        int bandRows = (cy1 - cy0 + BANDS - 1) / BANDS;
        helper.target(px, width, height);
        ForkJoinTask<?> other = ForkJoinPool.commonPool().submit(() -> drawBands(helper, 1, 2, bandRows,
                cx0, cy0, cx1, cy1));
        try {
            drawBands(main, 0, 2, bandRows, cx0, cy0, cx1, cy1);
        } finally {
            other.join(); // Also publishes the helper's pixel writes to this thread.
        }
        size = 0;
    }

    private void drawBands(DirectRaster r, int first, int step, int bandRows, int cx0, int cy0, int cx1, int cy1) {
        for (int y = cy0 + first * bandRows; y < cy1; y += step * bandRows) {
            drawBand(r, cx0, y, cx1, Math.min(cy1, y + bandRows));
        }
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
