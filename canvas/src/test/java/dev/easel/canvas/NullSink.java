package dev.easel.canvas;

/** A sink that ignores everything; tests override the commands they look at. */
class NullSink implements CommandSink {
    @Override public void fill(int argb) { }
    @Override public void stroke(int argb) { }
    @Override public void fillGradient(Gradient gradient) { }
    @Override public void strokeGradient(Gradient gradient) { }
    @Override public void imageSmoothing(boolean on) { }
    @Override public void lineWidth(double width) { }
    @Override public void lineCap(LineCap cap) { }
    @Override public void lineJoin(LineJoin join) { }
    @Override public void lineDash(double[] dashes, int offset, int length) { }
    @Override public void font(FontSpec font) { }
    @Override public void textAlign(TextAlign align) { }
    @Override public void textBaseline(TextBaseline baseline) { }
    @Override public void alpha(double alpha) { }
    @Override public void blend(BlendMode mode) { }
    @Override public void clear(int argb) { }
    @Override public void clearRect(double x, double y, double w, double h) { }
    @Override public void fillRects(double[] xywh, int offset, int count) { }
    @Override public void strokeRects(double[] xywh, int offset, int count) { }
    @Override public void fillCircles(double[] xyr, int offset, int count) { }
    @Override public void strokeCircles(double[] xyr, int offset, int count) { }
    @Override public void fillEllipse(double cx, double cy, double w, double h) { }
    @Override public void strokeEllipse(double cx, double cy, double w, double h) { }
    @Override public void lines(double[] xy, int offset, int count) { }
    @Override public void points(double[] xy, int offset, int count, double size) { }
    @Override public void polyline(double[] xy, int offset, int points) { }
    @Override public void fillPolygon(double[] xy, int offset, int points) { }
    @Override public void strokePolygon(double[] xy, int offset, int points) { }
    @Override public void fillRoundRect(double x, double y, double w, double h, double r) { }
    @Override public void strokeRoundRect(double x, double y, double w, double h, double r) { }
    @Override public void fillArc(double x, double y, double r, double start, double sweep) { }
    @Override public void strokeArc(double x, double y, double r, double start, double sweep) { }
    @Override public void beginPath() { }
    @Override public void moveTo(double x, double y) { }
    @Override public void lineTo(double x, double y) { }
    @Override public void quadTo(double cx, double cy, double x, double y) { }
    @Override public void bezierTo(double c1x, double c1y, double c2x, double c2y, double x, double y) { }
    @Override public void arc(double x, double y, double r, double start, double end, boolean ccw) { }
    @Override public void arcTo(double x1, double y1, double x2, double y2, double r) { }
    @Override public void rect(double x, double y, double w, double h) { }
    @Override public void closePath() { }
    @Override public void fillPath() { }
    @Override public void strokePath() { }
    @Override public void clip() { }
    @Override public void fillText(String text, double x, double y, double maxWidth) { }
    @Override public void strokeText(String text, double x, double y, double maxWidth) { }
    @Override public void drawImage(ImageData image, double x, double y, double w, double h) { }
    @Override public void putPixels(byte[] rgba, int offset, int width, int height, int x, int y) { }
    @Override public void translate(double x, double y) { }
    @Override public void rotate(double angle) { }
    @Override public void scale(double x, double y) { }
    @Override public void transform(double a, double b, double c, double d, double e, double f) { }
    @Override public void setTransform(double a, double b, double c, double d, double e, double f) { }
    @Override public void save() { }
    @Override public void restore() { }
}
