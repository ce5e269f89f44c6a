package dev.easel.canvas;

import java.util.Arrays;
import java.util.Objects;

/**
 * The drawing-state half of a {@link DisplayList}: paints, line style, font, alpha and blend, each
 * recorded only when it changes (the recorder keeps the state the renderer will have at the end of
 * the stream), and whether fills and strokes can draw anything at all.
 */
abstract sealed class StateRecorder extends RecordingStreams permits TransformRecorder {
    /** The state the renderer will have after replaying everything recorded so far. */
    final DrawState st = new DrawState();
    DrawState[] stack = new DrawState[8];
    int depth;
    /** Whether the path is empty (no element since the start or the last beginPath). */
    boolean pathEmpty = true;
    /** Cached "fill / stroke would draw something": colour alpha and global alpha both non-zero. */
    boolean fillVisible = true;
    boolean strokeVisible = true;
    boolean finished;

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
            cmd1(Op.LINE_WIDTH, width);
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
        int k = nums(n);
        op1(Op.LINE_DASH, n);
        System.arraycopy(st.dash, 0, nums, k, n);
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
            cmd1(Op.ALPHA, alpha);
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


    final void checkRecording() {
        if (finished) {
            throw finishedError();
        }
    }

    static IllegalStateException finishedError() {
        return new IllegalStateException(
                "display list is finished (handed to a renderer): reset() it before recording");
    }

    final void updateVisibility() {
        Gradient fg = st.fillGradient;
        Gradient sg = st.strokeGradient;
        fillVisible = (fg == null ? st.fill >>> 24 != 0 : !fg.paintsNothing()) && st.alpha > 0;
        strokeVisible = (sg == null ? st.stroke >>> 24 != 0 : !sg.paintsNothing()) && st.alpha > 0;
    }
}
