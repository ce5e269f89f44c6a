package dev.easel.canvas.render;

import dev.easel.canvas.DisplayList;
import dev.easel.canvas.ImageData;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.IntConsumer;

/**
 * One {@link Java2dRenderer}'s frames drawn in horizontal bands of rows, in parallel: each band has
 * its own painter (its own drawing state, save stack, queue of direct shapes and image cache) and its
 * own Graphics2D on the same buffer, clipped to its rows, and replays the whole display list. Bands
 * write disjoint rows and no command reads pixels outside the rows it writes (blend composites read
 * the destination under the clip only; {@code put_pixels} and {@code clear} are limited to the
 * band), so no band waits for another; Marlin keeps a renderer context per thread.
 *
 * <p>Every pixel gets the same operations in the same order as drawn in one piece; antialiasing at
 * a band's edge is computed from the same geometry (the direct rasterizer's coverage does not depend
 * on the clip; Marlin clips paths in float space, tested against one band in
 * {@code BandedRenderTest}). Frames too small to pay for the hand-off are drawn in one piece.
 *
 * <p>The rows are split where the last frame's bands would have taken equal time (frames of a
 * sketch look alike), so a picture busy at the top is still shared evenly; only a schedule, the
 * pixels do not depend on it. Nothing is allocated per frame once the bands have drawn one.
 *
 * <p>Threads: the renderer's; the helpers run {@link #renderBand} while {@link #render} waits.
 */
final class FrameBands implements AutoCloseable {
    /** Frames cheaper than this (list bytes + {@link #COMMAND_COST} per command) are drawn in one piece. */
    static final long MIN_COST = 16 * 1024;
    /** A command's weight in {@link #MIN_COST} bytes: text, paths and images cost far more than their bytes. */
    static final long COMMAND_COST = 256;
    static final int MIN_BAND_ROWS = 16;

    private final BufferedImage image;
    private final int[] pixels;
    private final double scale;
    private final int maxBands;
    /** The helpers: shared (not closed here), or this renderer's own, made at the first banded frame. */
    private RasterBands helpers;
    private final boolean ownHelpers;
    private final Java2dPainter[] painters;
    private final Graphics2D[] graphics;
    /** Rows of band b: [edges[b], edges[b + 1]); for {@link #bandsNow} bands. */
    private final int[] edges;
    private final long[] nanos;
    private final int[] pending;
    private boolean closed;
    /** Tests: draw every frame in this many bands, however cheap (0: decide per frame). */
    private int forced;
    private int bandsNow;
    private boolean directEnabled = true;
    private DisplayList list;
    private final IntConsumer bandTask = this::renderBand;

    FrameBands(BufferedImage image, int[] pixels, double scale, int maxBands, RasterBands shared) {
        this.image = image;
        this.pixels = pixels;
        this.scale = scale;
        this.maxBands = maxBands;
        this.helpers = shared;
        this.ownHelpers = shared == null;
        this.painters = new Java2dPainter[maxBands];
        this.graphics = new Graphics2D[maxBands];
        this.edges = new int[maxBands + 1];
        this.nanos = new long[maxBands];
        this.pending = new int[maxBands + 1];
    }

    int maxBands() {
        return maxBands;
    }

    void force(int n) {
        forced = n;
    }

    /** The current band edges (tests). */
    int[] edges() {
        return java.util.Arrays.copyOf(edges, bandsNow + 1);
    }

    void directEnabled(boolean on) {
        directEnabled = on;
        for (Java2dPainter p : painters) {
            if (p != null) {
                p.directEnabled(on);
            }
        }
    }

    /** Bands worth drawing {@code l} in: 1 for a cheap frame or a short buffer. */
    int bandsFor(DisplayList l) {
        if (l.clipsOrImages()) {
            return 1; // Exact only in one piece: see DisplayList.clipsOrImages.
        }
        if (forced > 0) {
            return Math.min(forced, maxBands);
        }
        long cost = l.sizeBytes() + COMMAND_COST * l.commandCount();
        if (cost < MIN_COST) {
            return 1;
        }
        return Math.max(1, Math.min(maxBands, image.getHeight() / MIN_BAND_ROWS));
    }

    /**
     * Draws {@code l} in bands; false (nothing drawn) when it is not worth it or the helpers are
     * closed or busy, and the caller draws it in one piece.
     */
    boolean render(DisplayList l) {
        int n = bandsFor(l);
        if (n < 2 || closed) {
            return false;
        }
        RasterBands h = helpers();
        if (h == null) {
            return false;
        }
        n = Math.min(n, h.maxBands());
        prepare(n);
        list = l;
        try {
            if (!h.run(n, bandTask)) {
                return false;
            }
        } finally {
            list = null;
        }
        rebalance();
        return true;
    }

    private RasterBands helpers() {
        if (helpers == null && ownHelpers) {
            helpers = new RasterBands("raster", maxBands - 1);
        }
        return helpers;
    }

    /** Painters and Graphics2Ds for {@code n} bands (made once), and equal bands when {@code n} changed. */
    private void prepare(int n) {
        for (int b = 0; b < n; b++) {
            if (painters[b] == null) {
                Map<ImageData, BufferedImage> images = new WeakHashMap<>();
                painters[b] = new Java2dPainter(images);
                painters[b].parallel(false); // The bands are the parallelism.
                painters[b].directEnabled(directEnabled);
                graphics[b] = image.createGraphics();
            }
        }
        if (n != bandsNow) {
            bandsNow = n;
            int h = image.getHeight();
            for (int b = 0; b <= n; b++) {
                edges[b] = (int) ((long) h * b / n);
            }
        }
    }

    /** Band {@code b} of the frame in {@link #list}: on the caller or a helper. */
    private void renderBand(int b) {
        long t0 = System.nanoTime();
        Java2dPainter p = painters[b];
        p.band(edges[b], edges[b + 1]);
        try {
            p.begin(graphics[b], pixels, image.getWidth(), image.getHeight(), scale);
            list.replay(p);
        } finally {
            p.end();
            nanos[b] = System.nanoTime() - t0;
        }
    }

    /**
     * Moves the edges half way to where the last frame's time, spread evenly over each band's rows,
     * would have been shared equally (halfway: one preempted band does not swing the split).
     */
    private void rebalance() {
        int n = bandsNow;
        double total = 0;
        for (int b = 0; b < n; b++) {
            total += Math.max(1, nanos[b]);
        }
        int h = image.getHeight();
        double run = 0;
        int b = 0;
        int prev = 0;
        for (int k = 1; k < n; k++) {
            double target = total * k / n;
            while (b < n - 1 && run + Math.max(1, nanos[b]) < target) {
                run += Math.max(1, nanos[b]);
                b++;
            }
            double within = (target - run) / Math.max(1, nanos[b]);
            double ideal = edges[b] + within * (edges[b + 1] - edges[b]);
            int e = (int) Math.round((edges[k] + ideal) / 2);
            e = Math.max(e, prev + MIN_BAND_ROWS);
            e = Math.min(e, h - (n - k) * MIN_BAND_ROWS);
            prev = e; // The old edges are still read by later k: the new ones wait in pending.
            pending[k] = e;
        }
        for (int k = 1; k < n; k++) {
            edges[k] = pending[k];
        }
    }

    /** Ends this renderer's own helpers and frees the Graphics2Ds. Idempotent. */
    @Override
    public void close() {
        closed = true;
        if (ownHelpers && helpers != null) {
            helpers.close();
        }
        for (int b = 0; b < graphics.length; b++) {
            if (graphics[b] != null) {
                graphics[b].dispose();
                graphics[b] = null;
                painters[b] = null;
            }
        }
    }
}
