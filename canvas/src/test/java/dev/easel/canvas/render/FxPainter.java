package dev.easel.canvas.render;

import dev.easel.canvas.CommandSink;
import dev.easel.canvas.FontSpec;
import dev.easel.canvas.Fonts;
import dev.easel.canvas.ImageData;
import dev.easel.canvas.LineCap;
import dev.easel.canvas.LineJoin;
import dev.easel.canvas.TextAlign;
import dev.easel.canvas.TextBaseline;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.effect.BlendMode;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Replays display-list commands onto a JavaFX {@link GraphicsContext}, which follows the same HTML
 * canvas model, so most commands map one to one. FX thread only; one per {@link FxRenderer}.
 */
final class FxPainter implements CommandSink {
    private final GraphicsContext gc;
    private final double scale;
    private final Map<ImageData, Image> images;
    private final Map<FontSpec, Font> fonts = new HashMap<>();
    private final FxPath path = new FxPath();
    private double[] xs = new double[64];
    private double[] ys = new double[64];
    private int[] argb = new int[0];
    private int depth;
    /** The font state, kept here (null = the default) and applied only when text is drawn. */
    private FontSpec font;
    private FontSpec[] fontStack = new FontSpec[8];

    FxPainter(GraphicsContext gc, double scale, Map<ImageData, Image> images) {
        this.gc = gc;
        this.scale = scale;
        this.images = images;
    }

    /** Starts a frame: saves the context and sets the defaults every replay starts from. */
    void begin() {
        gc.save();
        depth = 0;
        gc.setTransform(scale, 0, 0, scale, 0, 0);
        gc.setFill(Color.BLACK);
        gc.setStroke(Color.BLACK);
        gc.setLineWidth(1);
        gc.setLineCap(StrokeLineCap.BUTT); // JavaFX defaults to SQUARE; HTML and Easel to butt.
        gc.setLineJoin(StrokeLineJoin.MITER);
        gc.setMiterLimit(10);
        gc.setLineDashes((double[]) null);
        gc.setLineDashOffset(0);
        font = null;
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.BASELINE);
        gc.setGlobalAlpha(1);
        gc.setGlobalBlendMode(BlendMode.SRC_OVER);
        gc.setFillRule(FillRule.NON_ZERO);
        gc.setImageSmoothing(true);
        gc.setEffect(null);
        path.reset();
    }

    /** Ends a frame: unwinds unbalanced saves and the frame's own save, leaving the context pristine. */
    void end() {
        for (; depth > 0; depth--) {
            gc.restore();
            fontStack[depth - 1] = null;
        }
        gc.restore();
        gc.beginPath();
    }

    private static Color color(int argb) {
        return Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF, (argb >>> 24) / 255.0);
    }

    private Font fxFont(FontSpec f) {
        return fonts.computeIfAbsent(f, s -> {
            Fonts.LoadedFont loaded = Fonts.loaded(s.family());
            if (loaded != null) {
                Font fx = Font.loadFont(loaded.path().toUri().toString(), s.size());
                if (fx != null) {
                    return fx;
                }
            }
            return Font.font(s.family(), s.bold() ? FontWeight.BOLD : FontWeight.NORMAL,
                    s.italic() ? FontPosture.ITALIC : FontPosture.REGULAR, s.size());
        });
    }

    // ---------------------------------------------------------------------------------------------
    // State

    @Override
    public void fill(int c) {
        gc.setFill(color(c));
    }

    @Override
    public void stroke(int c) {
        gc.setStroke(color(c));
    }

    @Override
    public void fillGradient(dev.easel.canvas.Gradient g) {
        gc.setFill(fxPaint(g));
    }

    @Override
    public void strokeGradient(dev.easel.canvas.Gradient g) {
        gc.setStroke(fxPaint(g));
    }

    @Override
    public void imageSmoothing(boolean on) {
        gc.setImageSmoothing(on);
    }

    /** A JavaFX gradient in user units (JavaFX's focus is an angle and a fraction of the radius). */
    private static javafx.scene.paint.Paint fxPaint(dev.easel.canvas.Gradient g) {
        double[] off = g.stops().offsets();
        int[] c = g.stops().argb();
        java.util.List<javafx.scene.paint.Stop> stops = new java.util.ArrayList<>();
        for (int i = 0; i < off.length; i++) {
            stops.add(new javafx.scene.paint.Stop(off[i], color(c[i])));
        }
        javafx.scene.paint.CycleMethod cycle = switch (g.extend()) {
            case PAD -> javafx.scene.paint.CycleMethod.NO_CYCLE;
            case REPEAT -> javafx.scene.paint.CycleMethod.REPEAT;
            case REFLECT -> javafx.scene.paint.CycleMethod.REFLECT;
        };
        if (g.paintsNothing()) {
            return Color.TRANSPARENT;
        }
        return switch (g) {
            case dev.easel.canvas.Gradient.Linear l -> new javafx.scene.paint.LinearGradient(l.x0(), l.y0(), l.x1(), l.y1(),
                    false, cycle, stops);
            case dev.easel.canvas.Gradient.Radial r -> new javafx.scene.paint.RadialGradient(
                    Math.toDegrees(Math.atan2(r.fy() - r.cy(), r.fx() - r.cx())),
                    Math.min(1, Math.hypot(r.fx() - r.cx(), r.fy() - r.cy()) / r.r()), r.cx(), r.cy(), r.r(), false, cycle, stops);
        };
    }

    @Override
    public void lineWidth(double width) {
        gc.setLineWidth(width);
    }

    @Override
    public void lineCap(LineCap cap) {
        gc.setLineCap(switch (cap) {
            case BUTT -> StrokeLineCap.BUTT;
            case ROUND -> StrokeLineCap.ROUND;
            case SQUARE -> StrokeLineCap.SQUARE;
        });
    }

    @Override
    public void lineJoin(LineJoin join) {
        gc.setLineJoin(switch (join) {
            case MITER -> StrokeLineJoin.MITER;
            case ROUND -> StrokeLineJoin.ROUND;
            case BEVEL -> StrokeLineJoin.BEVEL;
        });
    }

    @Override
    public void lineDash(double[] dashes, int offset, int length) {
        gc.setLineDashes(length == 0 ? null : Arrays.copyOfRange(dashes, offset, offset + length));
    }

    @Override
    public void font(FontSpec f) {
        font = f;
    }

    /** Sets the context's font right before drawing text (JavaFX ignores a set to the same font). */
    private void applyFont() {
        gc.setFont(fxFont(font != null ? font : FontSpec.DEFAULT));
    }

    @Override
    public void textAlign(TextAlign align) {
        gc.setTextAlign(switch (align) {
            case LEFT -> TextAlignment.LEFT;
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
        });
    }

    @Override
    public void textBaseline(TextBaseline baseline) {
        gc.setTextBaseline(switch (baseline) {
            case TOP -> VPos.TOP;
            case MIDDLE -> VPos.CENTER;
            case ALPHABETIC -> VPos.BASELINE;
            case BOTTOM -> VPos.BOTTOM;
        });
    }

    @Override
    public void alpha(double alpha) {
        gc.setGlobalAlpha(alpha);
    }

    @Override
    public void blend(dev.easel.canvas.BlendMode mode) {
        gc.setGlobalBlendMode(switch (mode) {
            case SOURCE_OVER -> BlendMode.SRC_OVER;
            case SOURCE_ATOP -> BlendMode.SRC_ATOP;
            case ADD -> BlendMode.ADD;
            case MULTIPLY -> BlendMode.MULTIPLY;
            case SCREEN -> BlendMode.SCREEN;
            case OVERLAY -> BlendMode.OVERLAY;
            case DARKEN -> BlendMode.DARKEN;
            case LIGHTEN -> BlendMode.LIGHTEN;
            case COLOR_DODGE -> BlendMode.COLOR_DODGE;
            case COLOR_BURN -> BlendMode.COLOR_BURN;
            case HARD_LIGHT -> BlendMode.HARD_LIGHT;
            case SOFT_LIGHT -> BlendMode.SOFT_LIGHT;
            case DIFFERENCE -> BlendMode.DIFFERENCE;
            case EXCLUSION -> BlendMode.EXCLUSION;
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Whole canvas and shapes

    @Override
    public void clear(int c) {
        double w = gc.getCanvas().getWidth();
        double h = gc.getCanvas().getHeight();
        gc.save();
        gc.setTransform(1, 0, 0, 1, 0, 0);
        gc.setGlobalAlpha(1);
        gc.setGlobalBlendMode(BlendMode.SRC_OVER);
        // A full clearRect with identity transform and no clip also lets JavaFX drop its buffered commands.
        gc.clearRect(0, 0, w, h);
        if (c >>> 24 != 0) {
            gc.setFill(color(c));
            gc.fillRect(0, 0, w, h);
        }
        gc.restore();
    }

    @Override
    public void clearRect(double x, double y, double w, double h) {
        gc.clearRect(Math.min(x, x + w), Math.min(y, y + h), Math.abs(w), Math.abs(h));
    }

    @Override
    public void fillRects(double[] d, int off, int count) {
        for (int i = 0, k = off; i < count; i++, k += 4) {
            double w = d[k + 2];
            double h = d[k + 3];
            gc.fillRect(Math.min(d[k], d[k] + w), Math.min(d[k + 1], d[k + 1] + h), Math.abs(w), Math.abs(h));
        }
    }

    @Override
    public void strokeRects(double[] d, int off, int count) {
        for (int i = 0, k = off; i < count; i++, k += 4) {
            double w = d[k + 2];
            double h = d[k + 3];
            gc.strokeRect(Math.min(d[k], d[k] + w), Math.min(d[k + 1], d[k + 1] + h), Math.abs(w), Math.abs(h));
        }
    }

    @Override
    public void fillCircles(double[] d, int off, int count) {
        for (int i = 0, k = off; i < count; i++, k += 3) {
            double r = d[k + 2];
            if (r > 0) {
                gc.fillOval(d[k] - r, d[k + 1] - r, 2 * r, 2 * r);
            }
        }
    }

    @Override
    public void strokeCircles(double[] d, int off, int count) {
        for (int i = 0, k = off; i < count; i++, k += 3) {
            double r = d[k + 2];
            if (r > 0) {
                gc.strokeOval(d[k] - r, d[k + 1] - r, 2 * r, 2 * r);
            }
        }
    }

    @Override
    public void fillEllipse(double cx, double cy, double w, double h) {
        gc.fillOval(cx - Math.abs(w) / 2, cy - Math.abs(h) / 2, Math.abs(w), Math.abs(h));
    }

    @Override
    public void strokeEllipse(double cx, double cy, double w, double h) {
        gc.strokeOval(cx - Math.abs(w) / 2, cy - Math.abs(h) / 2, Math.abs(w), Math.abs(h));
    }

    @Override
    public void lines(double[] d, int off, int count) {
        for (int i = 0, k = off; i < count; i++, k += 4) {
            gc.strokeLine(d[k], d[k + 1], d[k + 2], d[k + 3]);
        }
    }

    @Override
    public void points(double[] d, int off, int count, double size) {
        double h = size / 2;
        for (int i = 0, k = off; i < count; i++, k += 2) {
            gc.fillRect(d[k] - h, d[k + 1] - h, size, size);
        }
    }

    @Override
    public void polyline(double[] d, int off, int points) {
        split(d, off, points);
        gc.strokePolyline(xs, ys, points);
    }

    @Override
    public void fillPolygon(double[] d, int off, int points) {
        split(d, off, points);
        gc.fillPolygon(xs, ys, points);
    }

    @Override
    public void strokePolygon(double[] d, int off, int points) {
        split(d, off, points);
        gc.strokePolygon(xs, ys, points);
    }

    /** JavaFX wants separate x and y arrays. */
    private void split(double[] d, int off, int points) {
        if (xs.length < points) {
            xs = new double[points];
            ys = new double[points];
        }
        for (int i = 0; i < points; i++) {
            xs[i] = d[off + 2 * i];
            ys[i] = d[off + 2 * i + 1];
        }
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double r) {
        gc.fillRoundRect(Math.min(x, x + w), Math.min(y, y + h), Math.abs(w), Math.abs(h), 2 * r, 2 * r);
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double r) {
        gc.strokeRoundRect(Math.min(x, x + w), Math.min(y, y + h), Math.abs(w), Math.abs(h), 2 * r, 2 * r);
    }

    @Override
    public void fillArc(double x, double y, double r, double start, double sweep) {
        // JavaFX angles: degrees, counter-clockwise on screen; Easel's: radians, clockwise.
        gc.fillArc(x - r, y - r, 2 * r, 2 * r, -Math.toDegrees(start), -Math.toDegrees(sweep), ArcType.ROUND);
    }

    @Override
    public void strokeArc(double x, double y, double r, double start, double sweep) {
        gc.strokeArc(x - r, y - r, 2 * r, 2 * r, -Math.toDegrees(start), -Math.toDegrees(sweep), ArcType.OPEN);
    }

    // ---------------------------------------------------------------------------------------------
    // Paths: JavaFX keeps the path and transforms points as they are added, like HTML.

    @Override
    public void beginPath() {
        path.reset();
        gc.beginPath();
    }

    @Override
    public void moveTo(double x, double y) {
        path.moveTo(x, y);
    }

    @Override
    public void lineTo(double x, double y) {
        path.lineTo(x, y);
    }

    @Override
    public void quadTo(double cx, double cy, double x, double y) {
        if (!path.hasPoint) {
            path.moveTo(cx, cy);
        }
        gc.quadraticCurveTo(cx, cy, x, y);
    }

    @Override
    public void bezierTo(double c1x, double c1y, double c2x, double c2y, double x, double y) {
        path.curveTo(c1x, c1y, c2x, c2y, x, y);
    }

    @Override
    public void arc(double x, double y, double r, double start, double end, boolean ccw) {
        Arcs.arc(path, x, y, r, start, Arcs.htmlSweep(start, end, ccw));
    }

    @Override
    public void arcTo(double x1, double y1, double x2, double y2, double r) {
        if (!path.hasPoint) {
            path.moveTo(x1, y1);
        } else {
            gc.arcTo(x1, y1, x2, y2, r);
        }
    }

    @Override
    public void rect(double x, double y, double w, double h) {
        gc.rect(x, y, w, h);
        path.hasPoint = true;
    }

    @Override
    public void closePath() {
        gc.closePath();
    }

    @Override
    public void fillPath() {
        gc.fill();
    }

    @Override
    public void strokePath() {
        gc.stroke();
    }

    @Override
    public void clip() {
        gc.clip();
    }

    // ---------------------------------------------------------------------------------------------
    // Text and images

    @Override
    public void fillText(String text, double x, double y, double maxWidth) {
        applyFont();
        eachLine(text, y, (line, ly) -> {
            if (Double.isNaN(maxWidth)) {
                gc.fillText(line, x, ly);
            } else {
                gc.fillText(line, x, ly, maxWidth);
            }
        });
    }

    @Override
    public void strokeText(String text, double x, double y, double maxWidth) {
        applyFont();
        eachLine(text, y, (line, ly) -> {
            if (Double.isNaN(maxWidth)) {
                gc.strokeText(line, x, ly);
            } else {
                gc.strokeText(line, x, ly, maxWidth);
            }
        });
    }

    private interface LineSink {
        void draw(String line, double y);
    }

    /** Lines of {@code text} placed as Java2dPainter places them ({@link Fonts#LINE_SPACING} apart). */
    private void eachLine(String text, double y, LineSink sink) {
        if (text.indexOf('\n') < 0) {
            sink.draw(text, y);
            return;
        }
        String[] lines = text.split("\n", -1);
        double lineHeight = (font != null ? font : FontSpec.DEFAULT).size() * Fonts.LINE_SPACING;
        double first = y - switch (gc.getTextBaseline()) {
            case CENTER -> (lines.length - 1) * lineHeight / 2;
            case BOTTOM -> (lines.length - 1) * lineHeight;
            default -> 0;
        };
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                sink.draw(lines[i], first + i * lineHeight);
            }
        }
    }

    @Override
    public void drawImage(ImageData image, double x, double y, double w, double h) {
        gc.drawImage(images.computeIfAbsent(image, FxPainter::toFxImage), x, y, w, h);
    }

    /** A JavaFX image with the same pixels (made once per image and renderer). */
    static WritableImage toFxImage(ImageData image) {
        WritableImage wi = new WritableImage(image.width(), image.height());
        wi.getPixelWriter().setPixels(0, 0, image.width(), image.height(), PixelFormat.getIntArgbInstance(),
                image.argb(), 0, image.width());
        return wi;
    }

    @Override
    public void putPixels(byte[] rgba, int offset, int width, int height, int x, int y) {
        // The context's PixelWriter writes canvas pixels directly, ignoring transform, clip, alpha and
        // blend: exactly put_pixels' contract. With a pixel scale, enlarge nearest-neighbour first.
        double cw = gc.getCanvas().getWidth();
        double ch = gc.getCanvas().getHeight();
        int dx0 = Math.max(0, (int) Math.round(x * scale));
        int dy0 = Math.max(0, (int) Math.round(y * scale));
        int dx1 = (int) Math.min(Math.floor(cw), Math.round((x + (double) width) * scale));
        int dy1 = (int) Math.min(Math.floor(ch), Math.round((y + (double) height) * scale));
        int w = dx1 - dx0;
        int h = dy1 - dy0;
        if (w <= 0 || h <= 0) {
            return;
        }
        if (argb.length < w * h) {
            argb = new int[w * h];
        }
        for (int j = 0; j < h; j++) {
            int v = Math.min(height - 1, Math.max(0, (int) ((dy0 + j + 0.5) / scale) - y));
            int src = offset + v * width * 4;
            for (int i = 0; i < w; i++) {
                int u = Math.min(width - 1, Math.max(0, (int) ((dx0 + i + 0.5) / scale) - x));
                int s = src + u * 4;
                argb[j * w + i] = (rgba[s + 3] & 0xFF) << 24 | (rgba[s] & 0xFF) << 16 | (rgba[s + 1] & 0xFF) << 8
                        | (rgba[s + 2] & 0xFF);
            }
        }
        PixelWriter pw = gc.getPixelWriter();
        pw.setPixels(dx0, dy0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    }

    // ---------------------------------------------------------------------------------------------
    // Transforms and save/restore

    @Override
    public void translate(double x, double y) {
        gc.translate(x, y);
    }

    @Override
    public void rotate(double angle) {
        gc.rotate(Math.toDegrees(angle)); // JavaFX rotates clockwise on screen for positive degrees, like HTML.
    }

    @Override
    public void scale(double x, double y) {
        gc.scale(x, y);
    }

    @Override
    public void transform(double a, double b, double c, double d, double e, double f) {
        gc.transform(a, b, c, d, e, f);
    }

    @Override
    public void setTransform(double a, double b, double c, double d, double e, double f) {
        gc.setTransform(scale * a, scale * b, scale * c, scale * d, scale * e, scale * f);
    }

    @Override
    public void save() {
        gc.save();
        if (depth == fontStack.length) {
            fontStack = Arrays.copyOf(fontStack, depth * 2);
        }
        fontStack[depth++] = font;
    }

    @Override
    public void restore() {
        if (depth > 0) {
            gc.restore();
            font = fontStack[--depth];
            fontStack[depth] = null;
        }
    }

    /** Forwards path building to the context, remembering whether the path has a current point. */
    private final class FxPath implements PathBuilder {
        boolean hasPoint;

        void reset() {
            hasPoint = false;
        }

        @Override
        public boolean hasCurrentPoint() {
            return hasPoint;
        }

        @Override
        public void moveTo(double x, double y) {
            gc.moveTo(x, y);
            hasPoint = true;
        }

        @Override
        public void lineTo(double x, double y) {
            if (hasPoint) {
                gc.lineTo(x, y);
            } else {
                moveTo(x, y);
            }
        }

        @Override
        public void curveTo(double c1x, double c1y, double c2x, double c2y, double x, double y) {
            if (!hasPoint) {
                moveTo(c1x, c1y);
            }
            gc.bezierCurveTo(c1x, c1y, c2x, c2y, x, y);
        }
    }
}
