package dev.easel.canvas;

import java.util.Arrays;

/**
 * The transform, the state stack and the whole-canvas calls of a {@link DisplayList}. An opaque
 * full {@code clear} at save depth 0, with no clip and no path under construction, throws away
 * everything recorded before it in the frame (it would all be painted over), then re-records the
 * current state.
 */
abstract sealed class TransformRecorder extends StateRecorder permits ShapeRecorder {
    private final DrawState scratch = new DrawState();

    /** The colour {@link #clear()} uses: the canvas background, set by the canvas host (default white). */
    int background = Colors.WHITE;

    /** The colour {@link #clear()} uses: the canvas background, set by the canvas host (default white). */
    public int background() {
        return background;
    }

    /** Sets the colour {@link #clear()} uses. Not recorded; survives {@link DisplayList#reset()}. */
    public void background(int argb) {
        background = argb;
    }

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
        cmd4(Op.CLEAR_RECT, x, y, w, h);
    }


    /** Moves the origin by (x, y) in the current coordinates. */
    public void translate(double x, double y) {
        checkRecording();
        checkFinite("translate", x, y, 0, 0, 0, 0);
        if (x == 0 && y == 0) {
            return;
        }
        cmd2(Op.TRANSLATE, x, y);
        st.concat(1, 0, 0, 1, x, y);
    }

    /** Rotates the coordinates by {@code angle} radians, clockwise on screen. */
    public void rotate(double angle) {
        checkRecording();
        checkFinite("rotate", angle, 0, 0, 0, 0, 0);
        if (angle == 0) {
            return;
        }
        cmd1(Op.ROTATE, angle);
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
        cmd2(Op.SCALE, x, y);
        st.concat(x, 0, 0, y, 0, 0);
    }

    /** Multiplies the transform by {@code [a c e; b d f; 0 0 1]} (HTML {@code transform()}). */
    public void transform(double a, double b, double c, double d, double e, double f) {
        checkRecording();
        checkFinite("transform", a, b, c, d, e, f);
        if (a == 1 && b == 0 && c == 0 && d == 1 && e == 0 && f == 0) {
            return;
        }
        cmd6(Op.TRANSFORM, a, b, c, d, e, f);
        st.concat(a, b, c, d, e, f);
    }

    /** Replaces the transform by {@code [a c e; b d f; 0 0 1]} (HTML {@code setTransform()}). */
    public void setTransform(double a, double b, double c, double d, double e, double f) {
        checkRecording();
        checkFinite("set_transform", a, b, c, d, e, f);
        if (a == st.a && b == st.b && c == st.c && d == st.d && e == st.e && f == st.f) {
            return;
        }
        cmd6(Op.SET_TRANSFORM, a, b, c, d, e, f);
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
        DrawState s = stack[depth];
        if (s == null) {
            s = stack[depth] = new DrawState();
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

    static void checkFinite(String call, double a, double b, double c, double d, double e, double f) {
        if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d)
                && Double.isFinite(e) && Double.isFinite(f))) {
            throw new IllegalArgumentException(call + ": arguments must be finite numbers");
        }
    }
}
