package dev.easel.canvas;

import java.util.Locale;

/** Writes each command as one readable line ("fill #ff0000", "lines 3 [...]"), for {@link DisplayList#dump()}. */
final class DumpSink implements CommandSink {
    private final StringBuilder out;

    DumpSink(StringBuilder out) {
        this.out = out;
    }

    private void line(String name, Object... args) {
        out.append(name);
        for (Object a : args) {
            out.append(' ').append(a instanceof Double d ? fmt(d) : a);
        }
        out.append('\n');
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.4g", d);
    }

    private String nums(double[] a, int off, int len) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < len; i++) {
            b.append(i == 0 ? "" : " ").append(fmt(a[off + i]));
        }
        return b.append(']').toString();
    }

    @Override public void fill(int argb) { line("fill", Colors.toHex(argb)); }
    @Override public void stroke(int argb) { line("stroke", Colors.toHex(argb)); }
    @Override public void fillGradient(Gradient g) { line("fillGradient", g); }
    @Override public void strokeGradient(Gradient g) { line("strokeGradient", g); }
    @Override public void imageSmoothing(boolean on) { line("imageSmoothing", on); }
    @Override public void lineWidth(double width) { line("lineWidth", width); }
    @Override public void lineCap(LineCap cap) { line("lineCap", cap.css()); }
    @Override public void lineJoin(LineJoin join) { line("lineJoin", join.css()); }
    @Override public void lineDash(double[] d, int off, int len) { line("lineDash", nums(d, off, len)); }
    @Override public void font(FontSpec font) { line("font", font.css()); }
    @Override public void textAlign(TextAlign align) { line("textAlign", align.css()); }
    @Override public void textBaseline(TextBaseline baseline) { line("textBaseline", baseline.css()); }
    @Override public void alpha(double alpha) { line("alpha", alpha); }
    @Override public void blend(BlendMode mode) { line("blend", mode.css()); }
    @Override public void clear(int argb) { line("clear", Colors.toHex(argb)); }
    @Override public void clearRect(double x, double y, double w, double h) { line("clearRect", x, y, w, h); }
    @Override public void fillRects(double[] d, int off, int n) { line("fillRects", n, nums(d, off, 4 * n)); }
    @Override public void strokeRects(double[] d, int off, int n) { line("strokeRects", n, nums(d, off, 4 * n)); }
    @Override public void fillCircles(double[] d, int off, int n) { line("fillCircles", n, nums(d, off, 3 * n)); }
    @Override public void strokeCircles(double[] d, int off, int n) { line("strokeCircles", n, nums(d, off, 3 * n)); }
    @Override public void fillEllipse(double cx, double cy, double w, double h) { line("fillEllipse", cx, cy, w, h); }
    @Override public void strokeEllipse(double cx, double cy, double w, double h) { line("strokeEllipse", cx, cy, w, h); }
    @Override public void lines(double[] d, int off, int n) { line("lines", n, nums(d, off, 4 * n)); }
    @Override public void points(double[] d, int off, int n, double size) { line("points", n, size, nums(d, off, 2 * n)); }
    @Override public void polyline(double[] d, int off, int n) { line("polyline", n, nums(d, off, 2 * n)); }
    @Override public void fillPolygon(double[] d, int off, int n) { line("fillPolygon", n, nums(d, off, 2 * n)); }
    @Override public void strokePolygon(double[] d, int off, int n) { line("strokePolygon", n, nums(d, off, 2 * n)); }
    @Override public void fillRoundRect(double x, double y, double w, double h, double r) { line("fillRoundRect", x, y, w, h, r); }
    @Override public void strokeRoundRect(double x, double y, double w, double h, double r) { line("strokeRoundRect", x, y, w, h, r); }
    @Override public void fillArc(double x, double y, double r, double s, double sw) { line("fillArc", x, y, r, s, sw); }
    @Override public void strokeArc(double x, double y, double r, double s, double sw) { line("strokeArc", x, y, r, s, sw); }
    @Override public void beginPath() { line("beginPath"); }
    @Override public void moveTo(double x, double y) { line("moveTo", x, y); }
    @Override public void lineTo(double x, double y) { line("lineTo", x, y); }
    @Override public void quadTo(double cx, double cy, double x, double y) { line("quadTo", cx, cy, x, y); }
    @Override public void bezierTo(double a, double b, double c, double d, double x, double y) { line("bezierTo", a, b, c, d, x, y); }
    @Override public void arc(double x, double y, double r, double s, double e, boolean ccw) { line("arc", x, y, r, s, e, ccw); }
    @Override public void arcTo(double x1, double y1, double x2, double y2, double r) { line("arcTo", x1, y1, x2, y2, r); }
    @Override public void rect(double x, double y, double w, double h) { line("rect", x, y, w, h); }
    @Override public void closePath() { line("closePath"); }
    @Override public void fillPath() { line("fillPath"); }
    @Override public void strokePath() { line("strokePath"); }
    @Override public void clip() { line("clip"); }
    @Override public void fillText(String t, double x, double y, double mw) { line("fillText", Values.quote(t), x, y, mw); }
    @Override public void strokeText(String t, double x, double y, double mw) { line("strokeText", Values.quote(t), x, y, mw); }
    @Override public void drawImage(ImageData img, double x, double y, double w, double h) { line("drawImage", img, x, y, w, h); }
    @Override public void putPixels(byte[] rgba, int off, int w, int h, int x, int y) { line("putPixels", w, h, x, y); }
    @Override public void translate(double x, double y) { line("translate", x, y); }
    @Override public void rotate(double a) { line("rotate", a); }
    @Override public void scale(double x, double y) { line("scale", x, y); }
    @Override public void transform(double a, double b, double c, double d, double e, double f) { line("transform", a, b, c, d, e, f); }
    @Override public void setTransform(double a, double b, double c, double d, double e, double f) { line("setTransform", a, b, c, d, e, f); }
    @Override public void save() { line("save"); }
    @Override public void restore() { line("restore"); }
}
