package dev.easel.canvas.render;

import dev.easel.canvas.DisplayList;
import dev.easel.canvas.ImageData;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Rasterizes display lists into its own premultiplied ARGB pixel buffer with Java2D, antialiased,
 * on any thread: each canvas thread can render its own frames in parallel with the others, and
 * headless runs need no JavaFX at all.
 *
 * <p>The buffer is {@code ceil(width × scale)} × {@code ceil(height × scale)} device pixels, drawn
 * with logical coordinates scaled by the pixel scale (HiDPI). It is a {@link BufferedImage} of type
 * {@code TYPE_INT_ARGB_PRE} whose int array {@link #pixels()} exposes directly, in the layout
 * JavaFX's {@code PixelFormat.getIntArgbPreInstance()} expects, so the FX side can show it through a
 * {@code PixelBuffer} or copy it into a {@code WritableImage} without conversion. Thin lines,
 * axis-aligned rectangles, points and circles are drawn by a direct rasterizer (see
 * docs/rendering.md); everything else by Java2D.
 *
 * <p>A big frame is drawn in horizontal bands, in parallel: one band on the calling thread, the
 * others on helper threads ({@link RasterBands}), each replaying the whole list clipped to its
 * rows (see docs/rendering.md, "Frames in bands"). {@link #close} ends those threads.
 *
 * <p>Threads: not thread-safe. One thread at a time may call {@link #render}; reading
 * {@link #pixels()} while another thread renders shows a partly drawn frame, so hand frames over (or
 * copy them) between renders.
 */
public final class Java2dRenderer implements Renderer, AutoCloseable {
    private final int width;
    private final int height;
    private final double scale;
    private final BufferedImage image;
    private final int[] pixels;
    /** Images converted to Java2D's form, once per image while it is alive. */
    private final Map<ImageData, BufferedImage> images = new WeakHashMap<>();
    private final Java2dPainter painter = new Java2dPainter(images);
    /** Draws big frames in bands of rows on several threads (null: never); see {@link FrameBands}. */
    private final FrameBands bands;
    private boolean parallel = true;

    /**
     * A renderer for a canvas of {@code width} × {@code height} logical pixels at the given pixel scale,
     * initially transparent.
     *
     * @throws IllegalArgumentException if a size is not positive or the scale is not in (0, 16]
     */
    public Java2dRenderer(int width, int height, double pixelScale) {
        this(width, height, pixelScale, RasterBands.configuredBands(), null);
    }

    /**
     * A renderer whose big frames are drawn in bands by {@code helpers} (shared, e.g. by the buffers
     * of a window's ring; not closed by {@link #close}), or always on the calling thread when null.
     */
    public Java2dRenderer(int width, int height, double pixelScale, RasterBands helpers) {
        this(width, height, pixelScale, helpers == null ? 1 : helpers.maxBands(), helpers);
    }

    private Java2dRenderer(int width, int height, double pixelScale, int maxBands, RasterBands helpers) {
        if (width <= 0 || height <= 0 || !(pixelScale > 0 && pixelScale <= 16)) {
            throw new IllegalArgumentException("invalid canvas " + width + "x" + height + " at scale " + pixelScale);
        }
        this.width = width;
        this.height = height;
        this.scale = pixelScale;
        int pw = (int) Math.ceil(width * pixelScale - 1e-9);
        int ph = (int) Math.ceil(height * pixelScale - 1e-9);
        if ((long) pw * ph > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("canvas too large: " + pw + "x" + ph + " pixels");
        }
        this.image = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB_PRE);
        // Taking the array marks the image untracked: Java2D will not cache a copy that could go stale.
        this.pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        this.bands = maxBands > 1 ? new FrameBands(image, pixels, pixelScale, maxBands, helpers) : null;
    }

    @Override
    public void render(DisplayList list) {
        if (!list.isFinished()) {
            throw new IllegalStateException("replay needs a finished display list: call finish() first");
        }
        if (bands != null && parallel && bands.render(list)) {
            return;
        }
        Graphics2D g = image.createGraphics();
        try {
            painter.begin(g, pixels, image.getWidth(), image.getHeight(), scale);
            list.replay(painter);
        } finally {
            painter.end();
            g.dispose();
        }
    }

    /**
     * Turns the direct rasterizer on (the default) or off. Off, every shape goes through Java2D
     * (Marlin): for comparisons and benchmarks.
     */
    public void setDirectRasterization(boolean on) {
        painter.directEnabled(on);
        if (bands != null) {
            bands.directEnabled(on);
        }
    }

    /**
     * Lets a big batch of direct shapes (2,048 or more) be rasterized by this thread and one
     * common-pool thread, which take bands of rows of about equal work in turn (the default). Off, everything runs on
     * the calling thread: useful when many canvases already keep every core busy.
     */
    public void setParallel(boolean on) {
        painter.parallel(on);
        parallel = on;
    }

    /**
     * Ends the threads this renderer started to draw bands (not shared helpers). Idempotent; the
     * renderer still renders afterwards, on the calling thread alone, and its pixels stay readable.
     */
    @Override
    public void close() {
        if (bands != null) {
            bands.close();
        }
    }

    /** Tests: every frame in {@code n} bands (at most {@link #maxBands}), however cheap; 0 to decide per frame. */
    void forceBands(int n) {
        bands.force(n);
    }

    /** The band edges of the last banded frame (tests). */
    int[] bandEdges() {
        return bands.edges();
    }

    /** The bands the next big frame would be drawn in (1: on the calling thread alone). */
    int maxBands() {
        return bands == null || !parallel ? 1 : bands.maxBands();
    }

    @Override
    public double pixelScale() {
        return scale;
    }

    /** Logical width. */
    public int width() {
        return width;
    }

    /** Logical height. */
    public int height() {
        return height;
    }

    /** Width of the pixel buffer in device pixels. */
    public int pixelWidth() {
        return image.getWidth();
    }

    /** Height of the pixel buffer in device pixels. */
    public int pixelHeight() {
        return image.getHeight();
    }

    /** The target image (live: it changes with every render). */
    public BufferedImage image() {
        return image;
    }

    /**
     * The pixel buffer itself (live, not a copy): premultiplied ARGB, row-major, {@link #pixelWidth()}
     * ints per row. For handing to a JavaFX {@code PixelBuffer} via {@code IntBuffer.wrap}.
     */
    public int[] pixels() {
        return pixels;
    }

    /** A copy of the current pixels as an immutable, non-premultiplied image (device pixels). */
    public ImageData snapshot() {
        return ImageData.fromPremultiplied(pixels, 0, image.getWidth(), image.getWidth(), image.getHeight());
    }
}
