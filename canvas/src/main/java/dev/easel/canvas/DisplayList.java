package dev.easel.canvas;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.Arrays;
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
 * <li>Streams grow by doubling and are reused by {@link #reset()}, so a steady-state frame records
 *     without allocating; every 60 frames a stream much larger than recent frames needed is shrunk
 *     ("sized from recent frames").</li>
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
public final class DisplayList {
    private static final int MIN_OPS = 256;
    private static final int MIN_NUMS = 1024;
    private static final int MIN_OBJS = 16;
    private static final int MIN_BYTES = 0;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;
    /** Frames over which peak usage is watched before an oversized stream is shrunk. */
    private static final int SIZING_WINDOW = 60;

    private static final LineCap[] CAPS = LineCap.values();
    private static final LineJoin[] JOINS = LineJoin.values();
    private static final TextAlign[] ALIGNS = TextAlign.values();
    private static final TextBaseline[] BASELINES = TextBaseline.values();
    private static final BlendMode[] BLENDS = BlendMode.values();

    private int[] ops = new int[MIN_OPS];
    private int opCount;
    private double[] nums = new double[MIN_NUMS];
    private int numCount;
    private Object[] objs = new Object[MIN_OBJS];
    private int objCount;
    private byte[] bytes = new byte[MIN_BYTES];
    private int byteCount;

    /** Index in {@code ops} of the last command's opcode (for run merging), or -1. */
    private int lastOp = -1;
    private int commands;
    private boolean finished;
    private int background = Colors.WHITE;

    /** The state the renderer will have after replaying everything recorded so far. */
    private final State st = new State();
    private final State scratch = new State();
    private State[] stack = new State[8];
    private int depth;
    /** Whether the path is empty (no element since the start or the last beginPath). */
    private boolean pathEmpty = true;
    /** Cached "fill / stroke would draw something": colour alpha and global alpha both non-zero. */
    private boolean fillVisible = true;
    private boolean strokeVisible = true;

    private int sizingFrames;
    private int peakOps;
    private int peakNums;
    private int peakObjs;
    private int peakBytes;

    /** An empty list, ready to record. */
    public DisplayList() {
    }

    // ---------------------------------------------------------------------------------------------
    // Lifecycle

    /**
     * Empties the list for a new frame and makes it recordable again; the state returns to the
     * defaults (see {@link CommandSink}). Keeps the streams' capacity, so recording the next frame
     * allocates nothing unless it is bigger than any recent one.
     */
    public void reset() {
        notePeaks();
        if (++sizingFrames >= SIZING_WINDOW) {
            shrinkToRecentFrames();
        }
        truncate();
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

    /** The colour {@link #clear()} uses: the canvas background, set by the canvas host (default white). */
    public int background() {
        return background;
    }

    /** Sets the colour {@link #clear()} uses. Not recorded; survives {@link #reset()}. */
    public void background(int argb) {
        background = argb;
    }

    /** Number of commands recorded (a merged run counts once). */
    public int commandCount() {
        return commands;
    }

    /** Bytes used by the recorded streams (ints, doubles, object references at 8, pixel bytes). */
    public long sizeBytes() {
        return opCount * 4L + numCount * 8L + objCount * 8L + byteCount;
    }

    /** Bytes reserved by the streams; stays constant across frames in steady state. */
    public long capacityBytes() {
        return ops.length * 4L + nums.length * 8L + objs.length * 8L + bytes.length;
    }

    int opsCapacity() {
        return ops.length;
    }

    int numsCapacity() {
        return nums.length;
    }

    // ---------------------------------------------------------------------------------------------
    // State

    /** The current fill colour (ARGB). */
    public int fill() {
        return st.fill;
    }

    /** Sets the fill colour (packed non-premultiplied ARGB, see {@link Colors}), replacing a fill gradient. */
    public void fill(int argb) {
        checkRecording();
        if (argb != st.fill || st.fillGradient != null) {
            st.fill = argb;
            st.fillGradient = null;
            op1(Op.FILL, argb);
            updateVisibility();
        }
    }

    /** The current stroke colour (ARGB). */
    public int stroke() {
        return st.stroke;
    }

    /** Sets the stroke colour (packed non-premultiplied ARGB, see {@link Colors}), replacing a stroke gradient. */
    public void stroke(int argb) {
        checkRecording();
        if (argb != st.stroke || st.strokeGradient != null) {
            st.stroke = argb;
            st.strokeGradient = null;
            op1(Op.STROKE, argb);
            updateVisibility();
        }
    }

    /** The current fill gradient, or null when the fill is the colour {@link #fill()}. */
    public Gradient fillGradient() {
        return st.fillGradient;
    }

    /** Fills with a gradient until the next {@link #fill(int)} or {@link #fillGradient(Gradient)}. */
    public void fillGradient(Gradient gradient) {
        checkRecording();
        Objects.requireNonNull(gradient, "gradient");
        if (!gradient.equals(st.fillGradient)) {
            st.fillGradient = gradient;
            op0(Op.FILL_GRADIENT);
            obj(gradient);
            updateVisibility();
        }
    }

    /** The current stroke gradient, or null when the stroke is the colour {@link #stroke()}. */
    public Gradient strokeGradient() {
        return st.strokeGradient;
    }

    /** Strokes with a gradient until the next {@link #stroke(int)} or {@link #strokeGradient(Gradient)}. */
    public void strokeGradient(Gradient gradient) {
        checkRecording();
        Objects.requireNonNull(gradient, "gradient");
        if (!gradient.equals(st.strokeGradient)) {
            st.strokeGradient = gradient;
            op0(Op.STROKE_GRADIENT);
            obj(gradient);
            updateVisibility();
        }
    }

    /** Whether images are scaled smoothly (the default) rather than nearest-neighbour. */
    public boolean imageSmoothing() {
        return st.smoothing;
    }

    /** Scales images smoothly (bilinear, the default) or, when false, nearest-neighbour (hard pixel edges). */
    public void imageSmoothing(boolean on) {
        checkRecording();
        if (on != st.smoothing) {
            st.smoothing = on;
            op1(Op.IMAGE_SMOOTHING, on ? 1 : 0);
        }
    }

    /** The current line width. */
    public double lineWidth() {
        return st.lineWidth;
    }

    /**
     * Sets the line width in user units.
     *
     * @throws IllegalArgumentException unless positive and finite
     */
    public void lineWidth(double width) {
        checkRecording();
        if (width != st.lineWidth) {
            if (!(width > 0 && width < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("line_width must be a positive number, got " + width);
            }
            st.lineWidth = width;
            op0(Op.LINE_WIDTH);
            num1(width);
        }
    }

    /** The current line cap. */
    public LineCap lineCap() {
        return st.cap;
    }

    /** Sets the line cap. */
    public void lineCap(LineCap cap) {
        checkRecording();
        if (cap != st.cap) {
            st.cap = Objects.requireNonNull(cap, "cap");
            op1(Op.LINE_CAP, cap.ordinal());
        }
    }

    /** The current line join. */
    public LineJoin lineJoin() {
        return st.join;
    }

    /** Sets the line join. */
    public void lineJoin(LineJoin join) {
        checkRecording();
        if (join != st.join) {
            st.join = Objects.requireNonNull(join, "join");
            op1(Op.LINE_JOIN, join.ordinal());
        }
    }

    /** A copy of the current dash pattern (empty = solid). */
    public double[] lineDash() {
        return Arrays.copyOf(st.dash, st.dashLength);
    }

    /** Sets the dash pattern; {@code null} or empty = solid. See {@link #lineDash(double[], int, int)}. */
    public void lineDash(double[] dashes) {
        lineDash(dashes, 0, dashes == null ? 0 : dashes.length);
    }

    /**
     * Sets the dash pattern from {@code length} values of {@code dashes} (copied): alternating dash
     * and gap lengths in user units. As in HTML, an odd-length list is repeated to make it even, and
     * an all-zero list means solid.
     *
     * @throws IllegalArgumentException if a value is negative or not finite
     */
    public void lineDash(double[] dashes, int offset, int length) {
        checkRecording();
        double sum = 0;
        for (int i = 0; i < length; i++) {
            double v = dashes[offset + i];
            if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("line_dash values must be non-negative numbers, got " + v);
            }
            sum += v;
        }
        int n = sum == 0 ? 0 : (length % 2 == 0 ? length : 2 * length);
        if (n == st.dashLength && sameDash(dashes, offset, length, n)) {
            return;
        }
        if (st.dash.length < n) {
            st.dash = new double[Math.max(n, 2 * st.dash.length)];
        }
        for (int i = 0; i < n; i++) {
            st.dash[i] = dashes[offset + i % length];
        }
        st.dashLength = n;
        op1(Op.LINE_DASH, n);
        ensureNums(n);
        System.arraycopy(st.dash, 0, nums, numCount, n);
        numCount += n;
    }

    private boolean sameDash(double[] dashes, int offset, int length, int n) {
        for (int i = 0; i < n; i++) {
            if (Double.doubleToLongBits(st.dash[i]) != Double.doubleToLongBits(dashes[offset + i % length])) {
                return false;
            }
        }
        return true;
    }

    /** The current font. */
    public FontSpec font() {
        return st.font != null ? st.font : FontSpec.DEFAULT;
    }

    /** Sets the font (see {@link FontSpec#parse}). */
    public void font(FontSpec font) {
        checkRecording();
        Objects.requireNonNull(font, "font");
        // A null state font is the default, left unresolved so that a list that draws no text never
        // waits for the system font scan.
        if (st.font == null ? !font.equals(FontSpec.DEFAULT) : font != st.font && !font.equals(st.font)) {
            st.font = font;
            op0(Op.FONT);
            obj(font);
        }
    }

    /** The current text alignment. */
    public TextAlign textAlign() {
        return st.align;
    }

    /** Sets the horizontal text alignment. */
    public void textAlign(TextAlign align) {
        checkRecording();
        if (align != st.align) {
            st.align = Objects.requireNonNull(align, "align");
            op1(Op.TEXT_ALIGN, align.ordinal());
        }
    }

    /** The current text baseline. */
    public TextBaseline textBaseline() {
        return st.baseline;
    }

    /** Sets the vertical text alignment. */
    public void textBaseline(TextBaseline baseline) {
        checkRecording();
        if (baseline != st.baseline) {
            st.baseline = Objects.requireNonNull(baseline, "baseline");
            op1(Op.TEXT_BASELINE, baseline.ordinal());
        }
    }

    /** The current global alpha. */
    public double alpha() {
        return st.alpha;
    }

    /**
     * Sets the global alpha, multiplied into everything drawn (except clear and put_pixels).
     *
     * @throws IllegalArgumentException unless 0..1
     */
    public void alpha(double alpha) {
        checkRecording();
        if (alpha != st.alpha) {
            if (!(alpha >= 0 && alpha <= 1)) {
                throw new IllegalArgumentException("alpha must be between 0 and 1, got " + alpha);
            }
            st.alpha = alpha;
            op0(Op.ALPHA);
            num1(alpha);
            updateVisibility();
        }
    }

    /** The current blend mode. */
    public BlendMode blend() {
        return st.blend;
    }

    /** Sets how drawing combines with the canvas. */
    public void blend(BlendMode mode) {
        checkRecording();
        if (mode != st.blend) {
            st.blend = Objects.requireNonNull(mode, "mode");
            op1(Op.BLEND, mode.ordinal());
        }
    }

    /** A copy of the current transform as {@code {a, b, c, d, e, f}} (HTML order). */
    public double[] transform() {
        return new double[] {st.a, st.b, st.c, st.d, st.e, st.f};
    }

    /** Measures text in the current font (see {@link Fonts#measure}). */
    public TextMetrics measureText(String text) {
        return Fonts.measure(text, font());
    }

    // ---------------------------------------------------------------------------------------------
    // Whole canvas

    /** Clears the canvas to the {@link #background() background colour}; see {@link #clear(int)}. */
    public void clear() {
        clear(background);
    }

    /**
     * Sets every pixel (inside the clip) to {@code argb}, replacing rather than blending, ignoring the
     * transform, alpha and blend mode. When the colour is opaque and nothing can survive it (save
     * depth 0, no clip, no path being built), everything recorded before it is discarded.
     */
    public void clear(int argb) {
        checkRecording();
        if (argb >>> 24 == 255 && depth == 0 && !st.clipped && pathEmpty) {
            discardAndReemitState();
        }
        op1(Op.CLEAR, argb);
    }

    private void discardAndReemitState() {
        notePeaks();
        scratch.copyFrom(st);
        truncate();
        st.reset();
        // The renderer starts from the defaults: record whatever differs from them again.
        fill(scratch.fill);
        stroke(scratch.stroke);
        if (scratch.fillGradient != null) {
            fillGradient(scratch.fillGradient);
        }
        if (scratch.strokeGradient != null) {
            strokeGradient(scratch.strokeGradient);
        }
        imageSmoothing(scratch.smoothing);
        lineWidth(scratch.lineWidth);
        lineCap(scratch.cap);
        lineJoin(scratch.join);
        lineDash(scratch.dash, 0, scratch.dashLength);
        if (scratch.font != null) {
            font(scratch.font);
        }
        textAlign(scratch.align);
        textBaseline(scratch.baseline);
        alpha(scratch.alpha);
        blend(scratch.blend);
        setTransform(scratch.a, scratch.b, scratch.c, scratch.d, scratch.e, scratch.f);
        updateVisibility();
    }

    /** Makes a rectangle transparent (transformed and clipped, like HTML {@code clearRect}). */
    public void clearRect(double x, double y, double w, double h) {
        checkRecording();
        if (w == 0 || h == 0) {
            return;
        }
        op0(Op.CLEAR_RECT);
        num4(x, y, w, h);
    }

    // ---------------------------------------------------------------------------------------------
    // Shapes

    /** Fills a rectangle with the fill colour. */
    public void fillRect(double x, double y, double w, double h) {
        checkRecording();
        if (!fillVisible || w == 0 || h == 0) {
            return;
        }
        runItem(Op.FILL_RECTS, 4);
        num4(x, y, w, h);
    }

    /** Strokes a rectangle's outline with the stroke colour and line style. */
    public void strokeRect(double x, double y, double w, double h) {
        checkRecording();
        if (!strokeVisible) {
            return;
        }
        runItem(Op.STROKE_RECTS, 4);
        num4(x, y, w, h);
    }

    /**
     * Fills the circle centred at (x, y) with radius r.
     *
     * @throws IllegalArgumentException if r is negative
     */
    public void fillCircle(double x, double y, double r) {
        checkRecording();
        checkRadius("fill_circle", r);
        if (!fillVisible || r == 0) {
            return;
        }
        runItem(Op.FILL_CIRCLES, 3);
        num3(x, y, r);
    }

    /**
     * Strokes the circle centred at (x, y) with radius r.
     *
     * @throws IllegalArgumentException if r is negative
     */
    public void strokeCircle(double x, double y, double r) {
        checkRecording();
        checkRadius("stroke_circle", r);
        if (!strokeVisible) {
            return;
        }
        runItem(Op.STROKE_CIRCLES, 3);
        num3(x, y, r);
    }

    /** Fills the ellipse centred at (cx, cy), w wide and h high (like Processing's default mode). */
    public void fillEllipse(double cx, double cy, double w, double h) {
        checkRecording();
        if (!fillVisible || w == 0 || h == 0) {
            return;
        }
        op0(Op.FILL_ELLIPSE);
        num4(cx, cy, w, h);
    }

    /** Strokes the ellipse centred at (cx, cy), w wide and h high. */
    public void strokeEllipse(double cx, double cy, double w, double h) {
        checkRecording();
        if (!strokeVisible) {
            return;
        }
        op0(Op.STROKE_ELLIPSE);
        num4(cx, cy, w, h);
    }

    /**
     * Strokes a line segment with the stroke colour and line style. Consecutive calls merge into one
     * command; this is the hot path for sketches drawing many lines.
     */
    public void line(double x1, double y1, double x2, double y2) {
        if (finished) {
            throw finishedError();
        }
        if (!strokeVisible) {
            return;
        }
        int k = numCount;
        if (k + 4 > nums.length) {
            growNums(4);
        }
        int last = lastOp;
        if (last >= 0 && ops[last] == Op.LINES) {
            ops[last + 1]++;
        } else {
            runStart(Op.LINES);
        }
        double[] n = nums;
        n[k] = x1;
        n[k + 1] = y1;
        n[k + 2] = x2;
        n[k + 3] = y2;
        numCount = k + 4;
    }

    /** Strokes an open polyline through {@code points} points {@code x0 y0 x1 y1 ...} from {@code xy[offset]}. */
    public void polyline(double[] xy, int offset, int points) {
        pointsCommand(Op.POLYLINE, strokeVisible, xy, offset, points);
    }

    /** Strokes an open polyline through all the points of {@code xy} ({@code x0 y0 x1 y1 ...}). */
    public void polyline(double[] xy) {
        polyline(xy, 0, evenPoints("polyline", xy.length));
    }

    /** Strokes an open polyline through points read from a buffer of {@code elements} numbers. */
    public void polyline(MemorySegment xy, long elements, NumType type) {
        pointsCommand(Op.POLYLINE, strokeVisible, xy, elements, type, "polyline");
    }

    /** Fills a polygon (non-zero winding) through {@code points} points from {@code xy[offset]}. */
    public void fillPolygon(double[] xy, int offset, int points) {
        pointsCommand(Op.FILL_POLYGON, fillVisible, xy, offset, points);
    }

    /** Fills a polygon through all the points of {@code xy}. */
    public void fillPolygon(double[] xy) {
        fillPolygon(xy, 0, evenPoints("fill_polygon", xy.length));
    }

    /** Fills a polygon through points read from a buffer of {@code elements} numbers. */
    public void fillPolygon(MemorySegment xy, long elements, NumType type) {
        pointsCommand(Op.FILL_POLYGON, fillVisible, xy, elements, type, "fill_polygon");
    }

    /** Strokes a closed polygon through {@code points} points from {@code xy[offset]}. */
    public void strokePolygon(double[] xy, int offset, int points) {
        pointsCommand(Op.STROKE_POLYGON, strokeVisible, xy, offset, points);
    }

    /** Strokes a closed polygon through all the points of {@code xy}. */
    public void strokePolygon(double[] xy) {
        strokePolygon(xy, 0, evenPoints("stroke_polygon", xy.length));
    }

    /** Strokes a closed polygon through points read from a buffer of {@code elements} numbers. */
    public void strokePolygon(MemorySegment xy, long elements, NumType type) {
        pointsCommand(Op.STROKE_POLYGON, strokeVisible, xy, elements, type, "stroke_polygon");
    }

    /** Fills a rectangle whose corners are rounded to radius r. */
    public void fillRoundRect(double x, double y, double w, double h, double r) {
        checkRecording();
        checkRadius("fill_round_rect", r);
        if (!fillVisible || w == 0 || h == 0) {
            return;
        }
        op0(Op.FILL_ROUND_RECT);
        num5(x, y, w, h, r);
    }

    /** Strokes a rectangle whose corners are rounded to radius r. */
    public void strokeRoundRect(double x, double y, double w, double h, double r) {
        checkRecording();
        checkRadius("stroke_round_rect", r);
        if (!strokeVisible) {
            return;
        }
        op0(Op.STROKE_ROUND_RECT);
        num5(x, y, w, h, r);
    }

    /**
     * Fills a pie slice of the circle centred at (x, y) with radius r, from angle {@code start} to
     * angle {@code end} (radians, 0 = east, increasing clockwise on screen). The slice sweeps
     * {@code end - start}: clockwise when positive, counter-clockwise when negative, a full disc from
     * 2π on.
     */
    public void fillArc(double x, double y, double r, double start, double end) {
        checkRecording();
        checkRadius("fill_arc", r);
        if (!fillVisible || r == 0 || start == end) {
            return;
        }
        op0(Op.FILL_ARC);
        num5(x, y, r, start, sweep(start, end));
    }

    /** Strokes the open arc of the circle (x, y, r) from {@code start} to {@code end}; see {@link #fillArc}. */
    public void strokeArc(double x, double y, double r, double start, double end) {
        checkRecording();
        checkRadius("stroke_arc", r);
        if (!strokeVisible || start == end) {
            return;
        }
        op0(Op.STROKE_ARC);
        num5(x, y, r, start, sweep(start, end));
    }

    private static double sweep(double start, double end) {
        double s = end - start;
        return Math.max(-2 * Math.PI, Math.min(2 * Math.PI, s));
    }

    // ---------------------------------------------------------------------------------------------
    // Paths (HTML canvas semantics; points are transformed by the transform current when added)

    /** Empties the current path. */
    public void beginPath() {
        checkRecording();
        if (!pathEmpty) {
            op0(Op.BEGIN_PATH);
            pathEmpty = true;
        }
    }

    /** Starts a new subpath at (x, y). */
    public void moveTo(double x, double y) {
        checkRecording();
        op0(Op.MOVE_TO);
        num2(x, y);
        pathEmpty = false;
    }

    /** Adds a straight segment to (x, y). */
    public void lineTo(double x, double y) {
        checkRecording();
        op0(Op.LINE_TO);
        num2(x, y);
        pathEmpty = false;
    }

    /** Adds a quadratic Bézier segment with control point (cx, cy) to (x, y). */
    public void quadTo(double cx, double cy, double x, double y) {
        checkRecording();
        op0(Op.QUAD_TO);
        num4(cx, cy, x, y);
        pathEmpty = false;
    }

    /** Adds a cubic Bézier segment with control points (c1x, c1y), (c2x, c2y) to (x, y). */
    public void bezierTo(double c1x, double c1y, double c2x, double c2y, double x, double y) {
        checkRecording();
        op0(Op.BEZIER_TO);
        ensureNums(6);
        double[] n = nums;
        int k = numCount;
        n[k] = c1x;
        n[k + 1] = c1y;
        n[k + 2] = c2x;
        n[k + 3] = c2y;
        n[k + 4] = x;
        n[k + 5] = y;
        numCount = k + 6;
        pathEmpty = false;
    }

    /**
     * Adds an arc of the circle (x, y, r) from angle {@code start} to {@code end} (radians, clockwise
     * on screen; counter-clockwise when {@code ccw}), preceded by a line from the current point to the
     * arc's start: HTML {@code arc()}.
     *
     * @throws IllegalArgumentException if r is negative
     */
    public void arc(double x, double y, double r, double start, double end, boolean ccw) {
        checkRecording();
        checkRadius("arc", r);
        op1(Op.ARC, ccw ? 1 : 0);
        num5(x, y, r, start, end);
        pathEmpty = false;
    }

    /**
     * Adds an arc of radius r tangent to the line from the current point to (x1, y1) and to the line
     * from (x1, y1) to (x2, y2): HTML {@code arcTo()}.
     *
     * @throws IllegalArgumentException if r is negative
     */
    public void arcTo(double x1, double y1, double x2, double y2, double r) {
        checkRecording();
        checkRadius("arc_to", r);
        op0(Op.ARC_TO);
        num5(x1, y1, x2, y2, r);
        pathEmpty = false;
    }

    /** Adds a closed rectangle subpath. */
    public void rect(double x, double y, double w, double h) {
        checkRecording();
        op0(Op.RECT);
        num4(x, y, w, h);
        pathEmpty = false;
    }

    /** Closes the current subpath with a straight line to its start. */
    public void closePath() {
        checkRecording();
        if (!pathEmpty) {
            op0(Op.CLOSE_PATH);
        }
    }

    /** Fills the current path (non-zero winding) with the fill colour. The path is kept. */
    public void fillPath() {
        checkRecording();
        if (fillVisible && !pathEmpty) {
            op0(Op.FILL_PATH);
        }
    }

    /** Strokes the current path with the stroke colour and line style. The path is kept. */
    public void strokePath() {
        checkRecording();
        if (strokeVisible && !pathEmpty) {
            op0(Op.STROKE_PATH);
        }
    }

    /** Intersects the clip with the current path; undone only by {@link #restore()}. */
    public void clip() {
        checkRecording();
        op0(Op.CLIP);
        st.clipped = true;
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
            op0(Op.FILL_TEXT);
            obj(text);
            num3(x, y, maxWidth);
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
            op0(Op.STROKE_TEXT);
            obj(text);
            num3(x, y, maxWidth);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Images

    /** Draws an image at its natural size with its top-left corner at (x, y). */
    public void drawImage(ImageData image, double x, double y) {
        drawImage(image, x, y, Double.NaN, Double.NaN);
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
        op0(Op.DRAW_IMAGE);
        obj(image);
        num4(x, y, ww, hh);
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
        op0(Op.PUT_PIXELS);
        ensureOps(5);
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
    // Transforms and the state stack

    /** Moves the origin by (x, y) in the current coordinates. */
    public void translate(double x, double y) {
        checkRecording();
        checkFinite("translate", x, y, 0, 0, 0, 0);
        if (x == 0 && y == 0) {
            return;
        }
        op0(Op.TRANSLATE);
        num2(x, y);
        st.concat(1, 0, 0, 1, x, y);
    }

    /** Rotates the coordinates by {@code angle} radians, clockwise on screen. */
    public void rotate(double angle) {
        checkRecording();
        checkFinite("rotate", angle, 0, 0, 0, 0, 0);
        if (angle == 0) {
            return;
        }
        op0(Op.ROTATE);
        num1(angle);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        st.concat(cos, sin, -sin, cos, 0, 0);
    }

    /** Scales the coordinates by (x, y). */
    public void scale(double x, double y) {
        checkRecording();
        checkFinite("scale", x, y, 0, 0, 0, 0);
        if (x == 1 && y == 1) {
            return;
        }
        op0(Op.SCALE);
        num2(x, y);
        st.concat(x, 0, 0, y, 0, 0);
    }

    /** Multiplies the transform by {@code [a c e; b d f; 0 0 1]} (HTML {@code transform()}). */
    public void transform(double a, double b, double c, double d, double e, double f) {
        checkRecording();
        checkFinite("transform", a, b, c, d, e, f);
        if (a == 1 && b == 0 && c == 0 && d == 1 && e == 0 && f == 0) {
            return;
        }
        op0(Op.TRANSFORM);
        num6(a, b, c, d, e, f);
        st.concat(a, b, c, d, e, f);
    }

    /** Replaces the transform by {@code [a c e; b d f; 0 0 1]} (HTML {@code setTransform()}). */
    public void setTransform(double a, double b, double c, double d, double e, double f) {
        checkRecording();
        checkFinite("set_transform", a, b, c, d, e, f);
        if (a == st.a && b == st.b && c == st.c && d == st.d && e == st.e && f == st.f) {
            return;
        }
        op0(Op.SET_TRANSFORM);
        num6(a, b, c, d, e, f);
        st.a = a;
        st.b = b;
        st.c = c;
        st.d = d;
        st.e = e;
        st.f = f;
    }

    /** Back to the identity transform. */
    public void resetTransform() {
        setTransform(1, 0, 0, 1, 0, 0);
    }

    /** Pushes the state, transform and clip (not the path). */
    public void save() {
        checkRecording();
        op0(Op.SAVE);
        if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
        }
        State s = stack[depth];
        if (s == null) {
            s = stack[depth] = new State();
        }
        s.copyFrom(st);
        depth++;
    }

    /** Pops what the matching {@link #save()} pushed; ignored when nothing is saved, as in HTML. */
    public void restore() {
        checkRecording();
        if (depth == 0) {
            return;
        }
        depth--;
        if (lastOp >= 0 && lastOp == opCount - 1 && ops[lastOp] == Op.SAVE) {
            // save() immediately followed by restore(): drop both.
            opCount--;
            commands--;
            lastOp = -1;
        } else {
            op0(Op.RESTORE);
        }
        st.copyFrom(stack[depth]);
        updateVisibility();
    }

    /** Number of saves not yet restored. */
    public int saveDepth() {
        return depth;
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
        runItems(Op.LINES, count);
        copyNumbers(xy, (int) elements, type);
    }

    /** Strokes {@code count} lines {@code x1 y1 x2 y2} from {@code xy[offset]} (one bulk copy). */
    public void lines(double[] xy, int offset, int count) {
        checkRecording();
        if (count == 0 || !strokeVisible) {
            return;
        }
        Objects.checkFromIndexSize(offset, count * 4, xy.length);
        runItems(Op.LINES, count);
        ensureNums(count * 4);
        System.arraycopy(xy, offset, nums, numCount, count * 4);
        numCount += count * 4;
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
        op1(Op.POINTS, count);
        num1(size);
        copyNumbers(xy, (int) elements, type);
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
        runItems(fill ? Op.FILL_RECTS : Op.STROKE_RECTS, count);
        copyNumbers(xywh, (int) elements, type);
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
        runItems(fill ? Op.FILL_CIRCLES : Op.STROKE_CIRCLES, count);
        copyNumbers(xyr, (int) elements, type);
    }

    private int items(String call, MemorySegment src, long elements, NumType type, int arity, String layout) {
        if (elements < 0 || elements % arity != 0) {
            throw new IllegalArgumentException(call + ": expected " + layout + ", got " + elements + " numbers");
        }
        if (elements * type.size() > src.byteSize()) {
            throw new IllegalArgumentException(call + ": " + elements + " " + type + " numbers need "
                    + elements * type.size() + " bytes, the buffer has " + src.byteSize());
        }
        if (elements > MAX_ARRAY - numCount) {
            throw new IllegalArgumentException(call + ": " + elements + " numbers do not fit in one display list");
        }
        return (int) (elements / arity);
    }

    private void copyNumbers(MemorySegment src, int elements, NumType type) {
        ensureNums(elements);
        if (type == NumType.FLOAT64) {
            MemorySegment.copy(src, ValueLayout.JAVA_DOUBLE_UNALIGNED, 0, nums, numCount, elements);
        } else {
            // No bulk copy converts float to double; this loop is bounds-check-free after JIT and
            // vectorised (about 0.3 ns per number), far above the target rate.
            double[] n = nums;
            int base = numCount;
            for (int i = 0; i < elements; i++) {
                n[base + i] = src.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, i);
            }
        }
        numCount += elements;
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
        final int[] o = ops;
        final double[] d = nums;
        final Object[] ob = objs;
        final int end = opCount;
        int n = 0;
        int j = 0;
        int i = 0;
        while (i < end) {
            int op = o[i];
            switch (op) {
                case Op.FILL -> { sink.fill(o[i + 1]); i += 2; }
                case Op.STROKE -> { sink.stroke(o[i + 1]); i += 2; }
                case Op.LINE_WIDTH -> { sink.lineWidth(d[n++]); i++; }
                case Op.LINE_CAP -> { sink.lineCap(CAPS[o[i + 1]]); i += 2; }
                case Op.LINE_JOIN -> { sink.lineJoin(JOINS[o[i + 1]]); i += 2; }
                case Op.LINE_DASH -> {
                    int len = o[i + 1];
                    sink.lineDash(d, n, len);
                    n += len;
                    i += 2;
                }
                case Op.FONT -> { sink.font((FontSpec) ob[j++]); i++; }
                case Op.TEXT_ALIGN -> { sink.textAlign(ALIGNS[o[i + 1]]); i += 2; }
                case Op.TEXT_BASELINE -> { sink.textBaseline(BASELINES[o[i + 1]]); i += 2; }
                case Op.ALPHA -> { sink.alpha(d[n++]); i++; }
                case Op.BLEND -> { sink.blend(BLENDS[o[i + 1]]); i += 2; }
                case Op.CLEAR -> { sink.clear(o[i + 1]); i += 2; }
                case Op.CLEAR_RECT -> { sink.clearRect(d[n], d[n + 1], d[n + 2], d[n + 3]); n += 4; i++; }
                case Op.FILL_RECTS -> { int c = o[i + 1]; sink.fillRects(d, n, c); n += 4 * c; i += 2; }
                case Op.STROKE_RECTS -> { int c = o[i + 1]; sink.strokeRects(d, n, c); n += 4 * c; i += 2; }
                case Op.FILL_CIRCLES -> { int c = o[i + 1]; sink.fillCircles(d, n, c); n += 3 * c; i += 2; }
                case Op.STROKE_CIRCLES -> { int c = o[i + 1]; sink.strokeCircles(d, n, c); n += 3 * c; i += 2; }
                case Op.FILL_ELLIPSE -> { sink.fillEllipse(d[n], d[n + 1], d[n + 2], d[n + 3]); n += 4; i++; }
                case Op.STROKE_ELLIPSE -> { sink.strokeEllipse(d[n], d[n + 1], d[n + 2], d[n + 3]); n += 4; i++; }
                case Op.LINES -> { int c = o[i + 1]; sink.lines(d, n, c); n += 4 * c; i += 2; }
                case Op.POINTS -> {
                    int c = o[i + 1];
                    sink.points(d, n + 1, c, d[n]);
                    n += 1 + 2 * c;
                    i += 2;
                }
                case Op.POLYLINE -> { int c = o[i + 1]; sink.polyline(d, n, c); n += 2 * c; i += 2; }
                case Op.FILL_POLYGON -> { int c = o[i + 1]; sink.fillPolygon(d, n, c); n += 2 * c; i += 2; }
                case Op.STROKE_POLYGON -> { int c = o[i + 1]; sink.strokePolygon(d, n, c); n += 2 * c; i += 2; }
                case Op.FILL_ROUND_RECT -> {
                    sink.fillRoundRect(d[n], d[n + 1], d[n + 2], d[n + 3], d[n + 4]);
                    n += 5;
                    i++;
                }
                case Op.STROKE_ROUND_RECT -> {
                    sink.strokeRoundRect(d[n], d[n + 1], d[n + 2], d[n + 3], d[n + 4]);
                    n += 5;
                    i++;
                }
                case Op.FILL_ARC -> { sink.fillArc(d[n], d[n + 1], d[n + 2], d[n + 3], d[n + 4]); n += 5; i++; }
                case Op.STROKE_ARC -> { sink.strokeArc(d[n], d[n + 1], d[n + 2], d[n + 3], d[n + 4]); n += 5; i++; }
                case Op.BEGIN_PATH -> { sink.beginPath(); i++; }
                case Op.MOVE_TO -> { sink.moveTo(d[n], d[n + 1]); n += 2; i++; }
                case Op.LINE_TO -> { sink.lineTo(d[n], d[n + 1]); n += 2; i++; }
                case Op.QUAD_TO -> { sink.quadTo(d[n], d[n + 1], d[n + 2], d[n + 3]); n += 4; i++; }
                case Op.BEZIER_TO -> {
                    sink.bezierTo(d[n], d[n + 1], d[n + 2], d[n + 3], d[n + 4], d[n + 5]);
                    n += 6;
                    i++;
                }
                case Op.ARC -> {
                    sink.arc(d[n], d[n + 1], d[n + 2], d[n + 3], d[n + 4], o[i + 1] != 0);
                    n += 5;
                    i += 2;
                }
                case Op.ARC_TO -> { sink.arcTo(d[n], d[n + 1], d[n + 2], d[n + 3], d[n + 4]); n += 5; i++; }
                case Op.RECT -> { sink.rect(d[n], d[n + 1], d[n + 2], d[n + 3]); n += 4; i++; }
                case Op.CLOSE_PATH -> { sink.closePath(); i++; }
                case Op.FILL_PATH -> { sink.fillPath(); i++; }
                case Op.STROKE_PATH -> { sink.strokePath(); i++; }
                case Op.CLIP -> { sink.clip(); i++; }
                case Op.FILL_TEXT -> { sink.fillText((String) ob[j++], d[n], d[n + 1], d[n + 2]); n += 3; i++; }
                case Op.STROKE_TEXT -> { sink.strokeText((String) ob[j++], d[n], d[n + 1], d[n + 2]); n += 3; i++; }
                case Op.DRAW_IMAGE -> {
                    sink.drawImage((ImageData) ob[j++], d[n], d[n + 1], d[n + 2], d[n + 3]);
                    n += 4;
                    i++;
                }
                case Op.PUT_PIXELS -> {
                    sink.putPixels(bytes, o[i + 5], o[i + 1], o[i + 2], o[i + 3], o[i + 4]);
                    i += 6;
                }
                case Op.TRANSLATE -> { sink.translate(d[n], d[n + 1]); n += 2; i++; }
                case Op.ROTATE -> { sink.rotate(d[n++]); i++; }
                case Op.SCALE -> { sink.scale(d[n], d[n + 1]); n += 2; i++; }
                case Op.TRANSFORM -> {
                    sink.transform(d[n], d[n + 1], d[n + 2], d[n + 3], d[n + 4], d[n + 5]);
                    n += 6;
                    i++;
                }
                case Op.SET_TRANSFORM -> {
                    sink.setTransform(d[n], d[n + 1], d[n + 2], d[n + 3], d[n + 4], d[n + 5]);
                    n += 6;
                    i++;
                }
                case Op.SAVE -> { sink.save(); i++; }
                case Op.RESTORE -> { sink.restore(); i++; }
                case Op.FILL_GRADIENT -> { sink.fillGradient((Gradient) ob[j++]); i++; }
                case Op.STROKE_GRADIENT -> { sink.strokeGradient((Gradient) ob[j++]); i++; }
                case Op.IMAGE_SMOOTHING -> { sink.imageSmoothing(o[i + 1] != 0); i += 2; }
                default -> throw new IllegalStateException("corrupt display list: " + Op.name(op) + " at " + i);
            }
        }
    }

    /** A readable listing of the commands, one per line, for debugging and tests. */
    public String dump() {
        StringBuilder b = new StringBuilder();
        boolean wasFinished = finished;
        finished = true;
        try {
            replay(new DumpSink(b));
        } finally {
            finished = wasFinished;
        }
        return b.toString();
    }

    // ---------------------------------------------------------------------------------------------
    // Stream writing

    private void checkRecording() {
        if (finished) {
            throw finishedError();
        }
    }

    private static IllegalStateException finishedError() {
        return new IllegalStateException(
                "display list is finished (handed to a renderer): reset() it before recording");
    }

    private static void checkRadius(String call, double r) {
        if (r < 0) {
            throw new IllegalArgumentException(call + ": radius must be >= 0, got " + r);
        }
    }

    private static void checkFinite(String call, double a, double b, double c, double d, double e, double f) {
        if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d)
                && Double.isFinite(e) && Double.isFinite(f))) {
            throw new IllegalArgumentException(call + ": arguments must be finite numbers");
        }
    }

    private static int evenPoints(String call, int length) {
        if (length % 2 != 0) {
            throw new IllegalArgumentException(call + ": expected x y pairs, got " + length + " numbers");
        }
        return length / 2;
    }

    private void pointsCommand(int op, boolean visible, double[] xy, int offset, int points) {
        checkRecording();
        Objects.checkFromIndexSize(offset, points * 2, xy.length);
        if (!visible || points < 2) {
            return;
        }
        op1(op, points);
        ensureNums(points * 2);
        System.arraycopy(xy, offset, nums, numCount, points * 2);
        numCount += points * 2;
    }

    private void pointsCommand(int op, boolean visible, MemorySegment xy, long elements, NumType type, String call) {
        checkRecording();
        int points = items(call, xy, elements, type, 2, "x y pairs");
        if (!visible || points < 2) {
            return;
        }
        op1(op, points);
        copyNumbers(xy, (int) elements, type);
    }

    private void updateVisibility() {
        Gradient fg = st.fillGradient;
        Gradient sg = st.strokeGradient;
        fillVisible = (fg == null ? st.fill >>> 24 != 0 : !fg.paintsNothing()) && st.alpha > 0;
        strokeVisible = (sg == null ? st.stroke >>> 24 != 0 : !sg.paintsNothing()) && st.alpha > 0;
    }

    /** Adds one item to a run of {@code op}, starting a new run command if the last command is another. */
    private void runItem(int op, int arity) {
        ensureNums(arity);
        int last = lastOp;
        if (last >= 0 && ops[last] == op) {
            ops[last + 1]++;
        } else {
            runStart(op);
        }
    }

    /** Adds {@code count} items to a run of {@code op}. */
    private void runItems(int op, int count) {
        int last = lastOp;
        if (last >= 0 && ops[last] == op && ops[last + 1] <= Integer.MAX_VALUE - count) {
            ops[last + 1] += count;
        } else {
            runStart(op);
            ops[lastOp + 1] = count;
        }
    }

    private void runStart(int op) {
        if (opCount + 2 > ops.length) {
            growOps(2);
        }
        int k = opCount;
        ops[k] = op;
        ops[k + 1] = 1;
        lastOp = k;
        opCount = k + 2;
        commands++;
    }

    private void op0(int op) {
        if (opCount == ops.length) {
            growOps(1);
        }
        lastOp = opCount;
        ops[opCount++] = op;
        commands++;
    }

    private void op1(int op, int operand) {
        if (opCount + 2 > ops.length) {
            growOps(2);
        }
        int k = opCount;
        ops[k] = op;
        ops[k + 1] = operand;
        lastOp = k;
        opCount = k + 2;
        commands++;
    }

    private void num1(double a) {
        ensureNums(1);
        nums[numCount++] = a;
    }

    private void num2(double a, double b) {
        ensureNums(2);
        int k = numCount;
        nums[k] = a;
        nums[k + 1] = b;
        numCount = k + 2;
    }

    private void num3(double a, double b, double c) {
        ensureNums(3);
        int k = numCount;
        nums[k] = a;
        nums[k + 1] = b;
        nums[k + 2] = c;
        numCount = k + 3;
    }

    private void num4(double a, double b, double c, double d) {
        ensureNums(4);
        double[] n = nums;
        int k = numCount;
        n[k] = a;
        n[k + 1] = b;
        n[k + 2] = c;
        n[k + 3] = d;
        numCount = k + 4;
    }

    private void num5(double a, double b, double c, double d, double e) {
        ensureNums(5);
        double[] n = nums;
        int k = numCount;
        n[k] = a;
        n[k + 1] = b;
        n[k + 2] = c;
        n[k + 3] = d;
        n[k + 4] = e;
        numCount = k + 5;
    }

    private void num6(double a, double b, double c, double d, double e, double f) {
        ensureNums(6);
        double[] n = nums;
        int k = numCount;
        n[k] = a;
        n[k + 1] = b;
        n[k + 2] = c;
        n[k + 3] = d;
        n[k + 4] = e;
        n[k + 5] = f;
        numCount = k + 6;
    }

    private void obj(Object o) {
        if (objCount == objs.length) {
            objs = Arrays.copyOf(objs, grownLength(objs.length, 1));
        }
        objs[objCount++] = o;
    }

    private void ensureOps(int extra) {
        if (opCount + extra > ops.length) {
            growOps(extra);
        }
    }

    private void ensureNums(int extra) {
        if (numCount + extra > nums.length) {
            growNums(extra);
        }
    }

    private void ensureBytes(int extra) {
        if (byteCount + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, grownLength(bytes.length, byteCount + extra - bytes.length));
        }
    }

    private void growOps(int extra) {
        ops = Arrays.copyOf(ops, grownLength(ops.length, opCount + extra - ops.length));
    }

    private void growNums(int extra) {
        nums = Arrays.copyOf(nums, grownLength(nums.length, numCount + extra - nums.length));
    }

    private static int grownLength(int length, int minExtra) {
        long wanted = Math.max((long) length * 2, (long) length + minExtra);
        if ((long) length + minExtra > MAX_ARRAY) {
            throw new IllegalArgumentException(
                    "display list too large: more than " + MAX_ARRAY + " elements in a stream");
        }
        return (int) Math.min(MAX_ARRAY, Math.max(16, wanted));
    }

    private void truncate() {
        Arrays.fill(objs, 0, objCount, null); // Let strings and images of the old frame be collected.
        opCount = 0;
        numCount = 0;
        objCount = 0;
        byteCount = 0;
        lastOp = -1;
        commands = 0;
    }

    private void notePeaks() {
        peakOps = Math.max(peakOps, opCount);
        peakNums = Math.max(peakNums, numCount);
        peakObjs = Math.max(peakObjs, objCount);
        peakBytes = Math.max(peakBytes, byteCount);
    }

    /** Shrinks a stream that is more than 4 times what the last window of frames needed. */
    private void shrinkToRecentFrames() {
        if (ops.length > 4 * Math.max(MIN_OPS, peakOps)) {
            ops = new int[Math.max(MIN_OPS, peakOps * 2)];
        }
        if (nums.length > 4 * Math.max(MIN_NUMS, peakNums)) {
            nums = new double[Math.max(MIN_NUMS, peakNums * 2)];
        }
        if (objs.length > 4 * Math.max(MIN_OBJS, peakObjs)) {
            objs = new Object[Math.max(MIN_OBJS, peakObjs * 2)];
        }
        if (bytes.length > 4 * Math.max(4096, peakBytes)) {
            bytes = new byte[Math.max(MIN_BYTES, peakBytes * 2)];
        }
        sizingFrames = 0;
        peakOps = 0;
        peakNums = 0;
        peakObjs = 0;
        peakBytes = 0;
    }

    /** The drawing state a recorder tracks, one per save level. Mutable and reused: no garbage. */
    private static final class State {
        int fill;
        int stroke;
        Gradient fillGradient;
        Gradient strokeGradient;
        boolean smoothing;
        double lineWidth;
        LineCap cap;
        LineJoin join;
        double[] dash = new double[4];
        int dashLength;
        FontSpec font;
        TextAlign align;
        TextBaseline baseline;
        double alpha;
        BlendMode blend;
        double a;
        double b;
        double c;
        double d;
        double e;
        double f;
        boolean clipped;

        State() {
            reset();
        }

        void reset() {
            fill = Colors.BLACK;
            stroke = Colors.BLACK;
            fillGradient = null;
            strokeGradient = null;
            smoothing = true;
            lineWidth = 1;
            cap = LineCap.BUTT;
            join = LineJoin.MITER;
            dashLength = 0;
            font = null; // FontSpec.DEFAULT, resolved only when needed
            align = TextAlign.LEFT;
            baseline = TextBaseline.ALPHABETIC;
            alpha = 1;
            blend = BlendMode.SOURCE_OVER;
            a = 1;
            b = 0;
            c = 0;
            d = 1;
            e = 0;
            f = 0;
            clipped = false;
        }

        void copyFrom(State o) {
            fill = o.fill;
            stroke = o.stroke;
            fillGradient = o.fillGradient;
            strokeGradient = o.strokeGradient;
            smoothing = o.smoothing;
            lineWidth = o.lineWidth;
            cap = o.cap;
            join = o.join;
            if (dash.length < o.dashLength) {
                dash = new double[o.dash.length];
            }
            System.arraycopy(o.dash, 0, dash, 0, o.dashLength);
            dashLength = o.dashLength;
            font = o.font;
            align = o.align;
            baseline = o.baseline;
            alpha = o.alpha;
            blend = o.blend;
            a = o.a;
            b = o.b;
            c = o.c;
            d = o.d;
            e = o.e;
            f = o.f;
            clipped = o.clipped;
        }

        /** this = this × m, for m = [ma mc me; mb md mf]. */
        void concat(double ma, double mb, double mc, double md, double me, double mf) {
            double na = a * ma + c * mb;
            double nb = b * ma + d * mb;
            double nc = a * mc + c * md;
            double nd = b * mc + d * md;
            double ne = a * me + c * mf + e;
            double nf = b * me + d * mf + f;
            a = na;
            b = nb;
            c = nc;
            d = nd;
            e = ne;
            f = nf;
        }
    }
}
