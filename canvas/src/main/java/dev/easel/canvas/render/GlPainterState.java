package dev.easel.canvas.render;

import dev.easel.canvas.BlendMode;
import dev.easel.canvas.CommandSink;
import dev.easel.canvas.FontSpec;
import dev.easel.canvas.Gradient;
import dev.easel.canvas.LineCap;
import dev.easel.canvas.LineJoin;
import dev.easel.canvas.TextAlign;
import dev.easel.canvas.TextBaseline;
import java.awt.geom.AffineTransform;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The state half of {@link GlPainter}: the drawing state, save/restore, the transform and the path
 * being built (in device pixels, {@link GlPath}). Nothing here touches GL.
 */
abstract class GlPainterState implements CommandSink {
    /** Everything save() saves. Mutable: copied on save. */
    static final class State implements Cloneable {
        int fill = 0xFF000000, stroke = 0xFF000000;
        Gradient fillGradient, strokeGradient;
        boolean smoothing = true;
        double lineWidth = 1;
        LineCap cap = LineCap.BUTT;
        LineJoin join = LineJoin.MITER;
        double[] dash;
        FontSpec font = FontSpec.DEFAULT;
        TextAlign align = TextAlign.LEFT;
        TextBaseline baseline = TextBaseline.ALPHABETIC;
        double alpha = 1;
        BlendMode blend = BlendMode.SOURCE_OVER;
        double a = 1, b, c, d = 1, e, f;
        int cx0, cy0, cx1, cy1; // device clip rectangle

        State copy() {
            try {
                return (State) clone();
            } catch (CloneNotSupportedException ex) {
                throw new AssertionError(ex);
            }
        }
    }

    final GlPath path = new GlPath();
    final GlPath shape = new GlPath();
    private final ArrayDeque<State> stack = new ArrayDeque<>();
    State s = new State();
    double scale = 1;
    int pw, ph;

    /** Starts a replay from the default state for a {@code pw × ph} target at {@code scale}. */
    void begin(int pw, int ph, double scale) {
        this.pw = pw;
        this.ph = ph;
        this.scale = scale;
        stack.clear();
        s = new State();
        s.a = s.d = scale;
        s.cx1 = pw;
        s.cy1 = ph;
        path.reset();
        syncTransform();
    }

    void syncTransform() {
        path.setTransform(s.a, s.b, s.c, s.d, s.e, s.f);
        shape.setTransform(s.a, s.b, s.c, s.d, s.e, s.f);
    }

    AffineTransform device() {
        return new AffineTransform(s.a, s.b, s.c, s.d, s.e, s.f);
    }

    double meanScale() {
        return Math.sqrt(Math.abs(s.a * s.d - s.b * s.c));
    }

    boolean clipEmpty() {
        return s.cx1 <= s.cx0 || s.cy1 <= s.cy0;
    }

    // ------------------------------------------------------------------ state

    @Override public void fill(int argb) {
        s.fill = argb;
        s.fillGradient = null;
    }

    @Override public void stroke(int argb) {
        s.stroke = argb;
        s.strokeGradient = null;
    }

    @Override public void fillGradient(Gradient gradient) {
        s.fillGradient = gradient;
    }

    @Override public void strokeGradient(Gradient gradient) {
        s.strokeGradient = gradient;
    }

    @Override public void imageSmoothing(boolean on) {
        s.smoothing = on;
    }

    @Override public void lineWidth(double width) {
        s.lineWidth = width;
    }

    @Override public void lineCap(LineCap cap) {
        s.cap = cap;
    }

    @Override public void lineJoin(LineJoin join) {
        s.join = join;
    }

    @Override public void lineDash(double[] dashes, int offset, int length) {
        s.dash = length == 0 ? null : Arrays.copyOfRange(dashes, offset, offset + length);
    }

    @Override public void font(FontSpec font) {
        s.font = font;
    }

    @Override public void textAlign(TextAlign align) {
        s.align = align;
    }

    @Override public void textBaseline(TextBaseline baseline) {
        s.baseline = baseline;
    }

    @Override public void alpha(double alpha) {
        s.alpha = alpha;
    }

    @Override public void blend(BlendMode mode) {
        s.blend = mode;
    }

    @Override public void save() {
        stack.push(s.copy());
    }

    @Override public void restore() {
        if (!stack.isEmpty()) {
            s = stack.pop();
            syncTransform();
        }
    }

    @Override public void translate(double x, double y) {
        transform(1, 0, 0, 1, x, y);
    }

    @Override public void rotate(double angle) {
        double cos = Math.cos(angle), sin = Math.sin(angle);
        transform(cos, sin, -sin, cos, 0, 0);
    }

    @Override public void scale(double x, double y) {
        transform(x, 0, 0, y, 0, 0);
    }

    @Override public void transform(double a, double b, double c, double d, double e, double f) {
        double na = s.a * a + s.c * b, nb = s.b * a + s.d * b;
        double nc = s.a * c + s.c * d, nd = s.b * c + s.d * d;
        double ne = s.a * e + s.c * f + s.e, nf = s.b * e + s.d * f + s.f;
        s.a = na;
        s.b = nb;
        s.c = nc;
        s.d = nd;
        s.e = ne;
        s.f = nf;
        syncTransform();
    }

    @Override public void setTransform(double a, double b, double c, double d, double e, double f) {
        s.a = scale * a;
        s.b = scale * b;
        s.c = scale * c;
        s.d = scale * d;
        s.e = scale * e;
        s.f = scale * f;
        syncTransform();
    }

    // ------------------------------------------------------------------ the path

    @Override public void beginPath() {
        path.reset();
    }

    @Override public void moveTo(double x, double y) {
        path.moveTo(x, y);
    }

    @Override public void lineTo(double x, double y) {
        path.lineTo(x, y);
    }

    @Override public void quadTo(double cx, double cy, double x, double y) {
        path.quadTo(cx, cy, x, y);
    }

    @Override public void bezierTo(double c1x, double c1y, double c2x, double c2y, double x, double y) {
        path.bezierTo(c1x, c1y, c2x, c2y, x, y);
    }

    @Override public void arc(double x, double y, double r, double start, double end, boolean ccw) {
        path.arc(x, y, r, start, end, ccw);
    }

    @Override public void arcTo(double x1, double y1, double x2, double y2, double r) {
        path.arcTo(x1, y1, x2, y2, r);
    }

    @Override public void rect(double x, double y, double w, double h) {
        path.rect(x, y, w, h);
    }

    @Override public void closePath() {
        path.closePath();
    }
}
