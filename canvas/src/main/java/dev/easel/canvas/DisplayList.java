package dev.easel.canvas;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One recorded frame: the drawing calls of one {@code on_draw}, kept as an opcode stream with
 * primitive operands, replayable by any renderer.
 *
 * <h2>Threads</h2>
 * A display list is owned by one thread at a time and is not synchronised. The canvas thread records
 * into it ({@code reset()}, then drawing calls, then {@link #finish()}); the finished list is then
 * handed over whole to the renderer (through a safely publishing hand-off such as a
 * {@code BlockingQueue} or {@code AtomicReference}), and the recorder drops its reference and never
 * touches it until the renderer hands it back to be recycled with {@link #reset()}. A finished list
 * is read-only: it may be replayed by several renderers, even concurrently; recording into it throws
 * {@link IllegalStateException}.
 *
 * <h2>Format</h2>
 * Modelled on JavaFX's canvas command buffer ({@code GraphicsContext} + {@code GrowableDataBuffer}):
 * <ul>
 * <li>an {@code int} stream of opcodes, each followed by its int operands (colours, counts, enum
 *     ordinals), a {@code double} stream of numeric operands, an {@code Object} side stream (strings,
 *     fonts, images) and a {@code byte} stream for pixels. No object is allocated per command.</li>
 * <li>State ({@code fill}, {@code stroke}, {@code lineWidth}, ...) is recorded only when it changes:
 *     the list keeps the state the renderer will have at the end of the stream, including across
 *     {@code save}/{@code restore}.</li>
 * <li>Consecutive calls of the same shape ({@code line}, {@code fillRect}, {@code strokeRect},
 *     {@code fillCircle}, {@code strokeCircle}) and the batched calls merge into one "run" command, so
 *     a renderer sees 10,000 lines as one call it can rasterize in one go.</li>
 * <li>No-ops are dropped (zero-size fills, drawing in a fully transparent colour, an empty path's
 *     {@code beginPath}, a {@code save} immediately restored).</li>
 * <li>An opaque full {@link #clear(int)} at save depth 0, with no clip and no path under construction,
 *     throws away everything recorded before it in the frame (it would all be painted over), then
 *     re-records the current state.</li>
 * <li>The int and double streams are lists of chunks kept from frame to frame: a frame bigger than
 *     any before adds chunks instead of copying a grown array, and the next frames reuse them, so a
 *     steady-state frame records without allocating whatever its size ({@link #allocations()}
 *     stays put); every 60 frames chunks no recent frame needed are dropped ("sized from recent
 *     frames"). The storage is {@code RecordingStreams}; the recording methods are spread over
 *     {@code StateRecorder}, {@code TransformRecorder} and {@code ShapeRecorder} by concern, and
 *     {@code ListReader} decodes.</li>
 * </ul>
 * docs/rendering.md lists the opcodes and their operands.
 *
 * <h2>Conventions</h2>
 * Coordinates are logical pixels, y down. Angles are radians, clockwise on screen (the HTML canvas
 * convention). Colours are packed non-premultiplied ARGB ints ({@link Colors#parse}). Arguments
 * that are values of the drawing state (width, alpha, dash lengths, transform numbers) are checked
 * and rejected with {@link IllegalArgumentException}; shape coordinates are not checked (a
 * non-finite coordinate draws nothing or something undefined, never fails).
 */
public final class DisplayList extends ShapeRecorder {
    /** An empty list, ready to record. */
    public DisplayList() {
    }

    // ---------------------------------------------------------------------------------------------
    // Lifecycle

    /**
     * Empties the list for a new frame and makes it recordable again; the state returns to the
     * defaults (see {@link CommandSink}). Keeps the streams' chunks, so recording the next frame
     * allocates nothing unless it is bigger than any recent one.
     */
    public void reset() {
        rewind();
        clipsOrImages = false;
        finished = false;
        st.reset();
        depth = 0;
        pathEmpty = true;
        updateVisibility();
    }

    /**
     * Ends recording: from now on the list is read-only and may be handed to a renderer.
     * Idempotent.
     *
     * @return this list
     */
    public DisplayList finish() {
        finished = true;
        return this;
    }

    /** Whether {@link #finish()} was called since the last {@link #reset()}. */
    public boolean isFinished() {
        return finished;
    }

    // ---------------------------------------------------------------------------------------------
    // Text

    /** Draws text with the fill colour at (x, y) per the text alignment and baseline. */
    public void fillText(String text, double x, double y) {
        fillText(text, x, y, Double.NaN);
    }

    /**
     * Draws text with the fill colour; if {@code maxWidth} is not NaN and the text is wider, it is
     * squeezed horizontally to fit.
     */
    public void fillText(String text, double x, double y, double maxWidth) {
        checkRecording();
        if (fillVisible && !text.isEmpty() && !(maxWidth <= 0)) {
            int k = nums(3);
            op0(Op.FILL_TEXT);
            obj(text);
            put3(k, x, y, maxWidth);
        }
    }

    /** Draws text outlines with the stroke colour and line style. */
    public void strokeText(String text, double x, double y) {
        strokeText(text, x, y, Double.NaN);
    }

    /** Draws text outlines, squeezed to {@code maxWidth} unless it is NaN. */
    public void strokeText(String text, double x, double y, double maxWidth) {
        checkRecording();
        if (strokeVisible && !text.isEmpty() && !(maxWidth <= 0)) {
            int k = nums(3);
            op0(Op.STROKE_TEXT);
            obj(text);
            put3(k, x, y, maxWidth);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Images

    /** Draws an image at its natural size with its top-left corner at (x, y). */
    public void drawImage(ImageData image, double x, double y) {
        drawImage(image, x, y, Double.NaN, Double.NaN);
    }

    /**
     * Whether this frame records a {@code clip} or a {@code drawImage} (possibly discarded since by an
     * opaque clear). Java2D's pixels for those depend on where a clip region starts (a shaped clip's
     * edge, an image's sampling grid), so the raster renderer draws such frames in one piece.
     */
    public boolean clipsOrImages() {
        return clipsOrImages;
    }

    /**
     * Draws an image scaled into the rectangle (x, y, w, h); NaN for w or h means the image's own
     * width or height. Honours transform, clip, alpha and blend.
     */
    public void drawImage(ImageData image, double x, double y, double w, double h) {
        checkRecording();
        Objects.requireNonNull(image, "image");
        double ww = Double.isNaN(w) ? image.width() : w;
        double hh = Double.isNaN(h) ? image.height() : h;
        if (st.alpha == 0 || ww == 0 || hh == 0) {
            return;
        }
        clipsOrImages = true;
        int k = nums(4);
        op0(Op.DRAW_IMAGE);
        obj(image);
        put4(k, x, y, ww, hh);
    }

    /**
     * Replaces the pixels of the rectangle (x, y, width, height) by RGBA bytes copied from
     * {@code rgba[offset ...]}, ignoring transform, clip, alpha and blend (HTML {@code putImageData}).
     *
     * @throws IllegalArgumentException if the size is not positive or there are too few bytes
     */
    public void putPixels(byte[] rgba, int offset, int width, int height, int x, int y) {
        putPixels(MemorySegment.ofArray(rgba).asSlice(offset), width, height, x, y);
    }

    /** Like {@link #putPixels(byte[], int, int, int, int, int)}, from a buffer's remaining bytes. */
    public void putPixels(ByteBuffer rgba, int width, int height, int x, int y) {
        putPixels(MemorySegment.ofBuffer(rgba), width, height, x, y);
    }

    /**
     * Like {@link #putPixels(byte[], int, int, int, int, int)}, from native or heap memory (a Python
     * buffer): {@code width * height * 4} bytes from the segment's start are copied.
     */
    public void putPixels(MemorySegment rgba, int width, int height, int x, int y) {
        checkRecording();
        long n = (long) width * height * 4;
        if (width <= 0 || height <= 0 || n > MAX_ARRAY) {
            throw new IllegalArgumentException("put_pixels: invalid size " + width + "x" + height);
        }
        if (rgba.byteSize() < n) {
            throw new IllegalArgumentException("put_pixels: " + width + "x" + height + " RGBA needs " + n
                    + " bytes, got " + rgba.byteSize());
        }
        ensureBytes((int) n);
        MemorySegment.copy(rgba, ValueLayout.JAVA_BYTE, 0, bytes, byteCount, (int) n);
        ensureOps(6);
        op0(Op.PUT_PIXELS);
        int k = opCount;
        ops[k] = width;
        ops[k + 1] = height;
        ops[k + 2] = x;
        ops[k + 3] = y;
        ops[k + 4] = byteCount;
        opCount = k + 5;
        byteCount += (int) n;
    }

    // ---------------------------------------------------------------------------------------------
    // Batched calls: bulk copies from Python buffers

    /**
     * Strokes one line per 4 numbers {@code x1 y1 x2 y2} read from {@code xy}, as {@link #line} would,
     * in one bulk copy.
     *
     * @param xy       the numbers, native byte order, from the segment's start
     * @param elements how many numbers (a multiple of 4)
     * @param type     float32 or float64
     * @throws IllegalArgumentException if {@code elements} is not a multiple of 4 or exceeds the segment
     */
    public void lines(MemorySegment xy, long elements, NumType type) {
        checkRecording();
        int count = items("lines", xy, elements, type, 4, "x1 y1 x2 y2 per segment");
        if (count == 0 || !strokeVisible) {
            return;
        }
        bulk(Op.LINES, 4, xy, type, count);
    }

    /** Strokes {@code count} lines {@code x1 y1 x2 y2} from {@code xy[offset]} (one bulk copy). */
    public void lines(double[] xy, int offset, int count) {
        checkRecording();
        if (count == 0 || !strokeVisible) {
            return;
        }
        Objects.checkFromIndexSize(offset, count * 4, xy.length);
        bulk(Op.LINES, 4, MemorySegment.ofArray(xy).asSlice(offset * 8L), NumType.FLOAT64, count);
    }

    /**
     * Fills a {@code size} × {@code size} square (fill colour) centred on each point {@code x y}.
     *
     * @throws IllegalArgumentException if {@code elements} is odd or exceeds the segment, or size &lt;= 0
     */
    public void points(MemorySegment xy, long elements, NumType type, double size) {
        checkRecording();
        int count = items("points", xy, elements, type, 2, "x y per point");
        if (!(size > 0 && size < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("points: size must be a positive number, got " + size);
        }
        if (count == 0 || !fillVisible) {
            return;
        }
        // One POINTS command per chunk, each with the size: a command's numbers stay in one chunk.
        for (int done = 0; done < count; ) {
            int fit = (room() - 1) / 2;
            if (fit < 1) {
                nextNumChunk(3);
                continue;
            }
            int take = Math.min(count - done, fit);
            int k = nums(1 + 2 * take);
            op1(Op.POINTS, take);
            nums[k] = size;
            copyNumbers(xy, 2L * done, type, k + 1, 2 * take);
            done += take;
        }
    }

    /**
     * Points from {@code xy[offset]}: {@code count} pairs {@code x y}; see
     * {@link #points(MemorySegment, long, NumType, double)}.
     */
    public void points(double[] xy, int offset, int count, double size) {
        points(MemorySegment.ofArray(xy).asSlice(offset * 8L), count * 2L, NumType.FLOAT64, size);
    }

    /**
     * Fills (or strokes, when {@code fill} is false) one rectangle per 4 numbers {@code x y w h}.
     *
     * @throws IllegalArgumentException if {@code elements} is not a multiple of 4 or exceeds the segment
     */
    public void rects(MemorySegment xywh, long elements, NumType type, boolean fill) {
        checkRecording();
        int count = items("rects", xywh, elements, type, 4, "x y w h per rectangle");
        if (count == 0 || !(fill ? fillVisible : strokeVisible)) {
            return;
        }
        bulk(fill ? Op.FILL_RECTS : Op.STROKE_RECTS, 4, xywh, type, count);
    }

    /**
     * Fills (or strokes, when {@code fill} is false) one circle per 3 numbers {@code x y r}; circles
     * with r &lt;= 0 draw nothing.
     *
     * @throws IllegalArgumentException if {@code elements} is not a multiple of 3 or exceeds the segment
     */
    public void circles(MemorySegment xyr, long elements, NumType type, boolean fill) {
        checkRecording();
        int count = items("circles", xyr, elements, type, 3, "x y r per circle");
        if (count == 0 || !(fill ? fillVisible : strokeVisible)) {
            return;
        }
        bulk(fill ? Op.FILL_CIRCLES : Op.STROKE_CIRCLES, 3, xyr, type, count);
    }

    /** Adds {@code count} items of {@code arity} numbers to runs of {@code op}, one run per chunk they fill. */
    private void bulk(int op, int arity, MemorySegment src, NumType type, int count) {
        for (int done = 0; done < count; ) {
            int fit = room() / arity;
            if (fit == 0) {
                nextNumChunk(arity);
                continue;
            }
            int take = Math.min(count - done, fit);
            int k = runItems(op, take, arity);
            copyNumbers(src, (long) done * arity, type, k, take * arity);
            done += take;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Replay

    /**
     * Replays the commands in order into {@code sink}. The list must be finished; it is not modified,
     * so several renderers may replay it, even at the same time.
     *
     * @throws IllegalStateException if the list is not finished
     */
    public void replay(CommandSink sink) {
        if (!finished) {
            throw new IllegalStateException("replay needs a finished display list: call finish() first");
        }
        ListReader.replay(this, sink);
    }

    /** A readable listing of the commands, one per line, for debugging and tests. */
    public String dump() {
        StringBuilder b = new StringBuilder();
        ListReader.replay(this, new DumpSink(b));
        return b.toString();
    }

    private void put3(int k, double a, double b, double c) {
        double[] n = nums;
        n[k] = a;
        n[k + 1] = b;
        n[k + 2] = c;
    }

    private void put4(int k, double a, double b, double c, double d) {
        double[] n = nums;
        n[k] = a;
        n[k + 1] = b;
        n[k + 2] = c;
        n[k + 3] = d;
    }
}
