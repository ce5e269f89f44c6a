package dev.easel.canvas.render;

import dev.easel.canvas.BlendMode;
import dev.easel.canvas.Colors;
import dev.easel.canvas.CommandSink;
import dev.easel.canvas.FontSpec;
import dev.easel.canvas.Fonts;
import dev.easel.canvas.Gradient;
import dev.easel.canvas.ImageData;
import dev.easel.canvas.LineCap;
import dev.easel.canvas.LineJoin;
import dev.easel.canvas.TextAlign;
import dev.easel.canvas.TextBaseline;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Replays display-list commands into a Java2D {@link Graphics2D} on an {@code INT_ARGB_PRE} image,
 * using {@link DirectRaster} for the shapes Java2D draws slowly (see there) whenever the result is
 * the same. Keeps its own copy of the drawing state because Graphics2D has no save/restore and one
 * paint for fills and strokes. One per {@link Java2dRenderer}; not thread-safe.
 */
final class Java2dPainter implements CommandSink {
    /** Device line widths up to this go through {@link DirectRaster#line}. */
    private static final double DIRECT_MAX_LINE_WIDTH = 2.0;
    private static final AffineTransform IDENTITY = new AffineTransform();
    private static final double[] SOLID = new double[0];

    private final DirectBatch batch = new DirectBatch();
    private final Map<ImageData, BufferedImage> images;
    private final Line2D.Double line = new Line2D.Double();
    private final Rectangle2D.Double rect = new Rectangle2D.Double();
    private final Ellipse2D.Double ellipse = new Ellipse2D.Double();
    private final Path2D.Double shape = new Path2D.Double();
    private final DevicePath path = new DevicePath();
    private final List<Saved> stack = new ArrayList<>();
    private final double[] pt = new double[4];

    private Graphics2D g;
    private int[] px;
    private int pw;
    private int ph;
    private double scale;
    private boolean directEnabled = true;

    // The drawing state, as the display list has set it.
    private int fill;
    private int stroke;
    /** The fill paint when it is a gradient (then {@link #fill} is unused), else null. */
    private Gradient fillGradient;
    private Gradient strokeGradient;
    private boolean smoothing;
    private double lineWidth;
    private LineCap cap;
    private LineJoin join;
    private double[] dash = SOLID;
    private FontSpec font;
    private TextAlign align;
    private TextBaseline baseline;
    private double alpha;
    private BlendMode blend;
    private final AffineTransform tx = new AffineTransform();
    private int depth;

    // Derived from the state, updated when it changes.
    /** Device pixels per user unit when the transform is a similarity (uniform scale + rotation), else NaN. */
    private double uniformScale;
    /** Whether the transform keeps rectangles axis-aligned (no rotation or shear). */
    private boolean axisAligned;
    /** The clip, if any, is a device rectangle [clipX0, clipX1) × [clipY0, clipY1); false for a shaped clip. */
    private boolean clipIsRect;
    private int clipX0;
    private int clipY0;
    private int clipX1;
    private int clipY1;
    private boolean clipped;
    private BasicStroke basicStroke;
    private int paintArgb;
    /** The gradient g's paint was made from (with {@link #paintAlpha}, in user space), or null. */
    private Gradient paintGradient;
    private double paintAlpha;
    private Composite composite;

    Java2dPainter(Map<ImageData, BufferedImage> images) {
        this.images = images;
    }

    void directEnabled(boolean on) {
        directEnabled = on;
    }

    void parallel(boolean on) {
        batch.parallel(on);
    }

    /** Draws the queued direct shapes; called before anything else touches the pixels or the clip. */
    private void flush() {
        if (!batch.isEmpty()) {
            batch.flush(px, pw, ph, clipX0, clipY0, clipX1, clipY1);
        }
    }

    /** Starts a frame on {@code graphics}, which draws into {@code pixels} ({@code width} × {@code height}). */
    void begin(Graphics2D graphics, int[] pixels, int width, int height, double pixelScale) {
        g = graphics;
        px = pixels;
        pw = width;
        ph = height;
        scale = pixelScale;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        // Pure strokes: geometry exactly where the coordinates say, as JavaFX and HTML canvas draw it.
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        fill = Colors.BLACK;
        stroke = Colors.BLACK;
        fillGradient = null;
        strokeGradient = null;
        smoothing = true;
        lineWidth = 1;
        cap = LineCap.BUTT;
        join = LineJoin.MITER;
        dash = SOLID;
        font = null; // FontSpec.DEFAULT, resolved when text is first drawn
        align = TextAlign.LEFT;
        baseline = TextBaseline.ALPHABETIC;
        alpha = 1;
        blend = BlendMode.SOURCE_OVER;
        depth = 0;
        tx.setToScale(scale, scale);
        g.setTransform(tx);
        g.setClip(null);
        clipped = false;
        setClipRect(0, 0, pw, ph);
        basicStroke = null;
        paintArgb = 0;
        paintGradient = null;
        g.setColor(new Color(0, true));
        composite = AlphaComposite.SrcOver;
        g.setComposite(composite);
        path.reset();
        transformChanged();
    }

    /** Ends the frame: unbalanced saves are dropped. */
    void end() {
        flush();
        stack.subList(0, Math.min(depth, stack.size())).forEach(Saved::clear);
        depth = 0;
        g = null;
    }

    // ---------------------------------------------------------------------------------------------
    // State

    @Override
    public void fill(int argb) {
        fill = argb;
        fillGradient = null;
    }

    @Override
    public void stroke(int argb) {
        stroke = argb;
        strokeGradient = null;
    }

    @Override
    public void fillGradient(Gradient gradient) {
        fillGradient = gradient;
    }

    @Override
    public void strokeGradient(Gradient gradient) {
        strokeGradient = gradient;
    }

    @Override
    public void imageSmoothing(boolean on) {
        smoothing = on;
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, on ? RenderingHints.VALUE_INTERPOLATION_BILINEAR
                : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    }

    @Override
    public void lineWidth(double width) {
        lineWidth = width;
        basicStroke = null;
    }

    @Override
    public void lineCap(LineCap c) {
        cap = c;
        basicStroke = null;
    }

    @Override
    public void lineJoin(LineJoin j) {
        join = j;
        basicStroke = null;
    }

    @Override
    public void lineDash(double[] dashes, int offset, int length) {
        dash = length == 0 ? SOLID : Arrays.copyOfRange(dashes, offset, offset + length);
        basicStroke = null;
    }

    @Override
    public void font(FontSpec f) {
        font = f;
    }

    @Override
    public void textAlign(TextAlign a) {
        align = a;
    }

    @Override
    public void textBaseline(TextBaseline b) {
        baseline = b;
    }

    @Override
    public void alpha(double a) {
        alpha = a;
        paintArgb = 0; // The colour set on g folds the alpha in: force it to be set again.
        paintGradient = null;
    }

    @Override
    public void blend(BlendMode mode) {
        blend = mode;
        composite = switch (mode) {
            case SOURCE_OVER -> AlphaComposite.SrcOver;
            case SOURCE_ATOP -> AlphaComposite.SrcAtop;
            default -> new BlendComposite(mode, 1f);
        };
        g.setComposite(composite);
    }

    // ---------------------------------------------------------------------------------------------
    // Whole canvas

    @Override
    public void clear(int argb) {
        int pre = ImageData.premultiply(argb);
        if (!clipped) {
            batch.discard(); // Everything queued would be painted over: draw none of it.
            Arrays.fill(px, 0, pw * ph, pre);
            return;
        }
        flush();
        if (clipIsRect) {
            for (int y = clipY0; y < clipY1; y++) {
                Arrays.fill(px, y * pw + clipX0, y * pw + clipX1, pre);
            }
            return;
        }
        g.setTransform(IDENTITY);
        g.setComposite(AlphaComposite.Src);
        g.setColor(new Color(argb, true));
        paintArgb = 0;
        paintGradient = null;
        g.fillRect(0, 0, pw, ph);
        g.setComposite(composite);
        g.setTransform(tx);
    }

    @Override
    public void clearRect(double x, double y, double w, double h) {
        flush();
        g.setComposite(AlphaComposite.Clear);
        rect.setRect(Math.min(x, x + w), Math.min(y, y + h), Math.abs(w), Math.abs(h));
        g.fill(rect);
        g.setComposite(composite);
    }

    // ---------------------------------------------------------------------------------------------
    // Shapes

    @Override
    public void fillRects(double[] d, int off, int count) {
        if (directShapes() && axisAligned && fillGradient == null) {
            int pre = DirectRaster.premultiply(fill, alpha);
            for (int i = 0, k = off; i < count && pre != 0; i++, k += 4) {
                directRect(pre, d[k], d[k + 1], d[k + 2], d[k + 3]);
            }
            return;
        }
        flush();
        useFill();
        for (int i = 0, k = off; i < count; i++, k += 4) {
            double w = d[k + 2];
            double h = d[k + 3];
            rect.setRect(Math.min(d[k], d[k] + w), Math.min(d[k + 1], d[k + 1] + h), Math.abs(w), Math.abs(h));
            g.fill(rect);
        }
    }

    private void directRect(int pre, double x, double y, double w, double h) {
        double x0 = tx.getScaleX() * x + tx.getTranslateX();
        double y0 = tx.getScaleY() * y + tx.getTranslateY();
        double x1 = tx.getScaleX() * (x + w) + tx.getTranslateX();
        double y1 = tx.getScaleY() * (y + h) + tx.getTranslateY();
        batch.rect(pre, x0, y0, x1, y1);
    }

    @Override
    public void strokeRects(double[] d, int off, int count) {
        flush();
        useStroke();
        useStrokePaint();
        for (int i = 0, k = off; i < count; i++, k += 4) {
            double w = d[k + 2];
            double h = d[k + 3];
            rect.setRect(Math.min(d[k], d[k] + w), Math.min(d[k + 1], d[k + 1] + h), Math.abs(w), Math.abs(h));
            drawStroke(rect);
        }
    }

    @Override
    public void fillCircles(double[] d, int off, int count) {
        boolean direct = directShapes() && !Double.isNaN(uniformScale) && fillGradient == null;
        int pre = DirectRaster.premultiply(fill, alpha);
        for (int i = 0, k = off; i < count; i++, k += 3) {
            double r = d[k + 2];
            if (!(r > 0)) {
                continue;
            }
            double rd = r * uniformScale;
            if (direct && rd >= 1) {
                deviceCentre(d[k], d[k + 1]);
                batch.ring(pre, pt[0], pt[1], 0, rd);
            } else {
                flush();
                useFill();
                ellipse.setFrame(d[k] - r, d[k + 1] - r, 2 * r, 2 * r);
                g.fill(ellipse);
            }
        }
    }

    @Override
    public void strokeCircles(double[] d, int off, int count) {
        boolean direct = directShapes() && dash.length == 0 && !Double.isNaN(uniformScale) && strokeGradient == null;
        int pre = DirectRaster.premultiply(stroke, alpha);
        double hw = lineWidth * (Double.isNaN(uniformScale) ? 1 : uniformScale) / 2;
        for (int i = 0, k = off; i < count; i++, k += 3) {
            double r = d[k + 2];
            if (!(r > 0)) {
                continue;
            }
            double rd = r * uniformScale;
            if (direct && rd - hw >= 1) {
                deviceCentre(d[k], d[k + 1]);
                batch.ring(pre, pt[0], pt[1], rd - hw, rd + hw);
            } else {
                flush();
                useStroke();
                useStrokePaint();
                ellipse.setFrame(d[k] - r, d[k + 1] - r, 2 * r, 2 * r);
                drawStroke(ellipse);
            }
        }
    }

    private void deviceCentre(double x, double y) {
        pt[0] = x;
        pt[1] = y;
        tx.transform(pt, 0, pt, 0, 1);
    }

    @Override
    public void fillEllipse(double cx, double cy, double w, double h) {
        flush();
        useFill();
        ellipse.setFrame(cx - Math.abs(w) / 2, cy - Math.abs(h) / 2, Math.abs(w), Math.abs(h));
        g.fill(ellipse);
    }

    @Override
    public void strokeEllipse(double cx, double cy, double w, double h) {
        flush();
        useStroke();
        useStrokePaint();
        ellipse.setFrame(cx - Math.abs(w) / 2, cy - Math.abs(h) / 2, Math.abs(w), Math.abs(h));
        drawStroke(ellipse);
    }

    @Override
    public void lines(double[] d, int off, int count) {
        if (directLines() && strokeGradient == null) {
            int pre = DirectRaster.premultiply(stroke, alpha);
            if (pre == 0) {
                return;
            }
            double w = lineWidth * uniformScale;
            double a = tx.getScaleX();
            double b = tx.getShearY();
            double c = tx.getShearX();
            double dd = tx.getScaleY();
            double e = tx.getTranslateX();
            double f = tx.getTranslateY();
            for (int i = 0, k = off; i < count; i++, k += 4) {
                double x1 = d[k];
                double y1 = d[k + 1];
                double x2 = d[k + 2];
                double y2 = d[k + 3];
                batch.line(pre, a * x1 + c * y1 + e, b * x1 + dd * y1 + f, a * x2 + c * y2 + e, b * x2 + dd * y2 + f,
                        w, cap);
            }
            return;
        }
        flush();
        useStroke();
        useStrokePaint();
        for (int i = 0, k = off; i < count; i++, k += 4) {
            line.setLine(d[k], d[k + 1], d[k + 2], d[k + 3]);
            drawStroke(line);
        }
    }

    @Override
    public void points(double[] d, int off, int count, double size) {
        double h = size / 2;
        if (directShapes() && axisAligned && fillGradient == null) {
            int pre = DirectRaster.premultiply(fill, alpha);
            for (int i = 0, k = off; i < count && pre != 0; i++, k += 2) {
                directRect(pre, d[k] - h, d[k + 1] - h, size, size);
            }
            return;
        }
        flush();
        useFill();
        for (int i = 0, k = off; i < count; i++, k += 2) {
            rect.setRect(d[k] - h, d[k + 1] - h, size, size);
            g.fill(rect);
        }
    }

    @Override
    public void polyline(double[] d, int off, int points) {
        // Segment by segment is only identical to one stroked shape when overlaps cannot show: opaque.
        int pre = DirectRaster.premultiply(stroke, alpha);
        if (directLines() && pre >>> 24 == 255 && strokeGradient == null) {
            double w = lineWidth * uniformScale;
            pt[2] = d[off];
            pt[3] = d[off + 1];
            tx.transform(pt, 2, pt, 2, 1);
            for (int i = 1; i < points; i++) {
                pt[0] = pt[2];
                pt[1] = pt[3];
                pt[2] = d[off + 2 * i];
                pt[3] = d[off + 2 * i + 1];
                tx.transform(pt, 2, pt, 2, 1);
                batch.line(pre, pt[0], pt[1], pt[2], pt[3], w, i == 1 || i == points - 1 ? cap : LineCap.SQUARE);
            }
            return;
        }
        flush();
        polygonShape(d, off, points, false);
        useStroke();
        useStrokePaint();
        drawStroke(shape);
    }

    @Override
    public void fillPolygon(double[] d, int off, int points) {
        flush();
        polygonShape(d, off, points, true);
        useFill();
        g.fill(shape);
    }

    @Override
    public void strokePolygon(double[] d, int off, int points) {
        flush();
        polygonShape(d, off, points, true);
        useStroke();
        useStrokePaint();
        drawStroke(shape);
    }

    private void polygonShape(double[] d, int off, int points, boolean close) {
        shape.reset();
        shape.moveTo(d[off], d[off + 1]);
        for (int i = 1; i < points; i++) {
            shape.lineTo(d[off + 2 * i], d[off + 2 * i + 1]);
        }
        if (close) {
            shape.closePath();
        }
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double r) {
        flush();
        useFill();
        g.fill(roundRect(x, y, w, h, r));
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double r) {
        flush();
        useStroke();
        useStrokePaint();
        drawStroke(roundRect(x, y, w, h, r));
    }

    private static Shape roundRect(double x, double y, double w, double h, double r) {
        return new RoundRectangle2D.Double(Math.min(x, x + w), Math.min(y, y + h), Math.abs(w), Math.abs(h), 2 * r, 2 * r);
    }

    @Override
    public void fillArc(double x, double y, double r, double start, double sweep) {
        flush();
        useFill();
        g.fill(new Arc2D.Double(x - r, y - r, 2 * r, 2 * r, -Math.toDegrees(start), -Math.toDegrees(sweep), Arc2D.PIE));
    }

    @Override
    public void strokeArc(double x, double y, double r, double start, double sweep) {
        flush();
        useStroke();
        useStrokePaint();
        drawStroke(new Arc2D.Double(x - r, y - r, 2 * r, 2 * r, -Math.toDegrees(start), -Math.toDegrees(sweep), Arc2D.OPEN));
    }

    // ---------------------------------------------------------------------------------------------
    // Paths: kept in device space, each point transformed when added (HTML semantics).

    @Override
    public void beginPath() {
        path.reset();
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
        path.quadTo(cx, cy, x, y);
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
        if (!path.hasCurrentPoint()) {
            path.moveTo(x1, y1);
            return;
        }
        double[] cur = path.currentUserPoint();
        if (cur == null) {
            return; // Transform not invertible: nothing sensible to draw.
        }
        Arcs.arcTo(path, cur[0], cur[1], x1, y1, x2, y2, r);
    }

    @Override
    public void rect(double x, double y, double w, double h) {
        path.moveTo(x, y);
        path.lineTo(x + w, y);
        path.lineTo(x + w, y + h);
        path.lineTo(x, y + h);
        path.closePath();
    }

    @Override
    public void closePath() {
        path.closePath();
    }

    @Override
    public void fillPath() {
        flush();
        useFill();
        if (fillGradient != null) {
            // The path is in device space; the gradient is in user space: carry it there.
            g.setPaint(awtPaint(fillGradient, alpha, tx));
            paintGradient = null;
        }
        g.setTransform(IDENTITY);
        g.fill(path.device);
        g.setTransform(tx);
    }

    @Override
    public void strokePath() {
        flush();
        // The pen is in user space: bring the device path back into it and stroke with the transform.
        Shape user;
        try {
            user = tx.createInverse().createTransformedShape(path.device);
        } catch (NoninvertibleTransformException e) {
            return;
        }
        useStroke();
        useStrokePaint();
        drawStroke(user);
    }

    @Override
    public void clip() {
        flush();
        g.setTransform(IDENTITY);
        g.clip(path.device);
        Shape deviceClip = g.getClip();
        g.setTransform(tx);
        clipped = true;
        updateClipRect(deviceClip);
    }

    /** Tracks whether the clip is a device rectangle, rounded the way Java2D rounds clips (pixel centres). */
    private void updateClipRect(Shape deviceClip) {
        if (deviceClip == null) {
            setClipRect(0, 0, pw, ph);
            return;
        }
        Area area = new Area(deviceClip);
        if (!area.isRectangular()) {
            clipIsRect = false;
            return;
        }
        Rectangle2D b = area.getBounds2D();
        setClipRect((int) Math.ceil(b.getMinX() - 0.5), (int) Math.ceil(b.getMinY() - 0.5),
                (int) Math.ceil(b.getMaxX() - 0.5), (int) Math.ceil(b.getMaxY() - 0.5));
    }

    private void setClipRect(int x0, int y0, int x1, int y1) {
        clipIsRect = true;
        clipX0 = Math.max(0, x0);
        clipY0 = Math.max(0, y0);
        clipX1 = Math.min(pw, x1);
        clipY1 = Math.min(ph, y1);
    }

    // ---------------------------------------------------------------------------------------------
    // Text

    @Override
    public void fillText(String text, double x, double y, double maxWidth) {
        flush();
        useFill();
        drawText(text, x, y, maxWidth, false);
    }

    @Override
    public void strokeText(String text, double x, double y, double maxWidth) {
        flush();
        useStroke();
        useStrokePaint();
        drawText(text, x, y, maxWidth, true);
    }

    /**
     * Draws text; a {@code \n} starts a new line, {@link Fonts#LINE_SPACING} times the font size below
     * the last. The baseline setting places the block: its first line for TOP and ALPHABETIC, its
     * middle for MIDDLE, its last line for BOTTOM (as Processing's text() does).
     */
    private void drawText(String text, double x, double y, double maxWidth, boolean outline) {
        Font f = Fonts.awt(font != null ? font : FontSpec.DEFAULT);
        if (text.indexOf('\n') < 0) {
            drawLine(f, text, x, y, maxWidth, outline);
            return;
        }
        String[] lines = text.split("\n", -1);
        double lineHeight = f.getSize2D() * Fonts.LINE_SPACING;
        double first = y - switch (baseline) {
            case TOP, ALPHABETIC -> 0;
            case MIDDLE -> (lines.length - 1) * lineHeight / 2;
            case BOTTOM -> (lines.length - 1) * lineHeight;
        };
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                drawLine(f, lines[i], x, first + i * lineHeight, maxWidth, outline);
            }
        }
    }

    private void drawLine(Font f, String text, double x, double y, double maxWidth, boolean outline) {
        FontRenderContext frc = g.getFontRenderContext();
        double width = f.getStringBounds(text, frc).getWidth();
        LineMetrics lm = f.getLineMetrics(text, frc);
        double squeeze = !Double.isNaN(maxWidth) && width > maxWidth ? maxWidth / width : 1;
        double dx = switch (align) {
            case LEFT -> 0;
            case CENTER -> -width * squeeze / 2;
            case RIGHT -> -width * squeeze;
        };
        double dy = switch (baseline) {
            case TOP -> lm.getAscent();
            case MIDDLE -> (lm.getAscent() - lm.getDescent()) / 2;
            case ALPHABETIC -> 0;
            case BOTTOM -> -lm.getDescent();
        };
        g.translate(x + dx, y + dy);
        if (squeeze != 1) {
            g.scale(squeeze, 1);
        }
        Gradient gr = outline ? strokeGradient : fillGradient;
        if (gr != null) {
            // The gradient stays where the user put it, not moved with each line of text.
            g.setPaint(awtPaint(gr, alpha, new AffineTransform(1 / squeeze, 0, 0, 1, -(x + dx) / squeeze, -(y + dy))));
            paintGradient = null;
        }
        if (outline) {
            drawStroke(f.createGlyphVector(g.getFontRenderContext(), text).getOutline());
        } else {
            g.setFont(f);
            g.drawString(text, 0f, 0f);
        }
        g.setTransform(tx);
    }

    // ---------------------------------------------------------------------------------------------
    // Images

    @Override
    public void drawImage(ImageData image, double x, double y, double w, double h) {
        flush();
        BufferedImage bi = images.computeIfAbsent(image, Java2dPainter::premultipliedCopy);
        AffineTransform at = new AffineTransform(w / image.width(), 0, 0, h / image.height(), x, y);
        if (alpha < 1) {
            g.setComposite(switch (blend) {
                case SOURCE_OVER -> AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) alpha);
                case SOURCE_ATOP -> AlphaComposite.getInstance(AlphaComposite.SRC_ATOP, (float) alpha);
                default -> new BlendComposite(blend, (float) alpha);
            });
            g.drawImage(bi, at, null);
            g.setComposite(composite);
        } else {
            g.drawImage(bi, at, null);
        }
    }

    private static BufferedImage premultipliedCopy(ImageData image) {
        BufferedImage bi = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        bi.setRGB(0, 0, image.width(), image.height(), image.argb(), 0, image.width());
        return bi;
    }

    @Override
    public void putPixels(byte[] rgba, int offset, int width, int height, int x, int y) {
        flush();
        int dx0 = Math.max(0, (int) Math.round(x * scale));
        int dy0 = Math.max(0, (int) Math.round(y * scale));
        int dx1 = Math.min(pw, (int) Math.round((x + (double) width) * scale));
        int dy1 = Math.min(ph, (int) Math.round((y + (double) height) * scale));
        for (int j = dy0; j < dy1; j++) {
            int v = Math.min(height - 1, Math.max(0, (int) ((j + 0.5) / scale) - y));
            int row = j * pw;
            int src = offset + v * width * 4;
            for (int i = dx0; i < dx1; i++) {
                int u = Math.min(width - 1, Math.max(0, (int) ((i + 0.5) / scale) - x));
                int s = src + u * 4;
                int argb = (rgba[s + 3] & 0xFF) << 24 | (rgba[s] & 0xFF) << 16 | (rgba[s + 1] & 0xFF) << 8
                        | (rgba[s + 2] & 0xFF);
                px[row + i] = ImageData.premultiply(argb);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Transforms and save/restore

    @Override
    public void translate(double x, double y) {
        tx.translate(x, y);
        transformChanged();
    }

    @Override
    public void rotate(double angle) {
        tx.rotate(angle);
        transformChanged();
    }

    @Override
    public void scale(double x, double y) {
        tx.scale(x, y);
        transformChanged();
    }

    @Override
    public void transform(double a, double b, double c, double d, double e, double f) {
        tx.concatenate(new AffineTransform(a, b, c, d, e, f));
        transformChanged();
    }

    @Override
    public void setTransform(double a, double b, double c, double d, double e, double f) {
        tx.setTransform(scale * a, scale * b, scale * c, scale * d, scale * e, scale * f);
        transformChanged();
    }

    private void transformChanged() {
        g.setTransform(tx);
        double a = tx.getScaleX();
        double b = tx.getShearY();
        double c = tx.getShearX();
        double d = tx.getScaleY();
        axisAligned = b == 0 && c == 0;
        // A similarity maps circles to circles: columns orthogonal and of equal length.
        double l1 = a * a + b * b;
        double l2 = c * c + d * d;
        boolean similar = Math.abs(l1 - l2) <= 1e-9 * Math.max(l1, l2) && Math.abs(a * c + b * d) <= 1e-9 * Math.max(l1, l2);
        uniformScale = similar ? Math.sqrt(l1) : Double.NaN;
    }

    @Override
    public void save() {
        if (depth == stack.size()) {
            stack.add(new Saved());
        }
        Saved s = stack.get(depth++);
        s.fill = fill;
        s.stroke = stroke;
        s.fillGradient = fillGradient;
        s.strokeGradient = strokeGradient;
        s.smoothing = smoothing;
        s.lineWidth = lineWidth;
        s.cap = cap;
        s.join = join;
        s.dash = dash;
        s.font = font;
        s.align = align;
        s.baseline = baseline;
        s.alpha = alpha;
        s.blend = blend;
        s.tx.setTransform(tx);
        s.clip = g.getClip(); // In the current user space; restored under the same transform.
        s.clipped = clipped;
        s.clipIsRect = clipIsRect;
        s.clipX0 = clipX0;
        s.clipY0 = clipY0;
        s.clipX1 = clipX1;
        s.clipY1 = clipY1;
    }

    @Override
    public void restore() {
        flush();
        if (depth == 0) {
            return;
        }
        Saved s = stack.get(--depth);
        fill = s.fill;
        stroke = s.stroke;
        fillGradient = s.fillGradient;
        strokeGradient = s.strokeGradient;
        if (smoothing != s.smoothing) {
            imageSmoothing(s.smoothing);
        }
        if (lineWidth != s.lineWidth || cap != s.cap || join != s.join || dash != s.dash) {
            basicStroke = null;
        }
        lineWidth = s.lineWidth;
        cap = s.cap;
        join = s.join;
        dash = s.dash;
        font = s.font;
        align = s.align;
        baseline = s.baseline;
        alpha = s.alpha;
        paintArgb = 0;
        paintGradient = null;
        if (blend != s.blend) {
            blend(s.blend);
        }
        tx.setTransform(s.tx);
        transformChanged();
        g.setClip(s.clip);
        clipped = s.clipped;
        if (s.clipIsRect) {
            setClipRect(s.clipX0, s.clipY0, s.clipX1, s.clipY1);
        } else {
            clipIsRect = false;
        }
        s.clear();
    }

    // ---------------------------------------------------------------------------------------------

    private boolean directShapes() {
        return directEnabled && clipIsRect && blend == BlendMode.SOURCE_OVER;
    }

    private boolean directLines() {
        return directShapes() && dash.length == 0 && uniformScale * lineWidth <= DIRECT_MAX_LINE_WIDTH;
    }

    /** Sets g's paint to the fill: its gradient, else its colour. */
    private void useFill() {
        if (fillGradient != null) {
            useGradient(fillGradient);
        } else {
            usePaint(fill);
        }
    }

    /** Sets g's paint to the stroke: its gradient, else its colour. */
    private void useStrokePaint() {
        if (strokeGradient != null) {
            useGradient(strokeGradient);
        } else {
            usePaint(stroke);
        }
    }

    /** Sets g's colour to {@code argb} times the global alpha, if it is not already. */
    private void usePaint(int argb) {
        int a = (int) Math.round((argb >>> 24) * alpha);
        int effective = a << 24 | (argb & 0xFFFFFF);
        if (effective != paintArgb || paintArgb == 0) {
            g.setColor(new Color(effective, true));
            paintArgb = effective;
            paintGradient = null;
        }
    }

    /** Sets g's paint to {@code gr} (in the current user space) times the global alpha, if it is not already. */
    private void useGradient(Gradient gr) {
        if (gr != paintGradient || paintAlpha != alpha) {
            g.setPaint(awtPaint(gr, alpha, IDENTITY));
            paintGradient = gr;
            paintAlpha = alpha;
            paintArgb = 0;
        }
    }

    /**
     * The Java2D paint of a gradient, colours times {@code alpha}, for a user space mapped by
     * {@code t}. Java2D wants at least two stops at strictly increasing fractions: one stop becomes
     * two of its colour, equal offsets (a hard edge) are moved apart by the smallest float step.
     * What paints nothing (equal end points, radius 0) is a transparent colour.
     */
    static java.awt.Paint awtPaint(Gradient gr, double alpha, AffineTransform t) {
        double[] offsets = gr.stops().offsets();
        int[] argb = gr.stops().argb();
        // Java2D interpolates unpremultiplied colours; HTML canvas premultiplied ones. They differ most
        // at a fully transparent stop ("red" to "transparent" would pass through dark red): such a
        // stop takes the colour of each neighbour on that neighbour's side, which premultiplied
        // interpolation does implicitly.
        float[] f = new float[2 * offsets.length + 1];
        Color[] c = new Color[f.length];
        int n = 0;
        for (int k = 0; k < offsets.length; k++) {
            int a = (int) Math.round((argb[k] >>> 24) * alpha);
            if (argb[k] >>> 24 == 0 && offsets.length > 1) {
                int before = argb[Math.max(0, k - 1)] & 0xFFFFFF;
                int after = argb[Math.min(offsets.length - 1, k + 1)] & 0xFFFFFF;
                if (k > 0) {
                    f[n] = (float) offsets[k];
                    c[n++] = new Color(before, true);
                }
                if (k < offsets.length - 1) {
                    f[n] = (float) offsets[k];
                    c[n++] = new Color(after, true);
                }
                continue;
            }
            f[n] = (float) offsets[k];
            c[n++] = new Color(a << 24 | (argb[k] & 0xFFFFFF), true);
        }
        if (n == 1) {
            f[1] = 1f;
            f[0] = 0f;
            c[1] = c[0];
            n = 2;
        }
        f = Arrays.copyOf(f, n);
        c = Arrays.copyOf(c, n);
        for (int i = 1; i < n; i++) {
            if (f[i] <= f[i - 1]) {
                f[i] = Math.nextUp(f[i - 1]);
            }
        }
        if (f[n - 1] > 1f) {
            f[n - 1] = 1f;
            for (int i = n - 2; i >= 0; i--) {
                f[i] = Math.min(f[i], Math.nextDown(f[i + 1]));
            }
        }
        MultipleGradientPaint.CycleMethod cycle = switch (gr.extend()) {
            case PAD -> MultipleGradientPaint.CycleMethod.NO_CYCLE;
            case REPEAT -> MultipleGradientPaint.CycleMethod.REPEAT;
            case REFLECT -> MultipleGradientPaint.CycleMethod.REFLECT;
        };
        try {
            return switch (gr) {
                case Gradient.Linear l -> new LinearGradientPaint(new Point2D.Double(l.x0(), l.y0()),
                        new Point2D.Double(l.x1(), l.y1()), f, c, cycle, MultipleGradientPaint.ColorSpaceType.SRGB, t);
                case Gradient.Radial r -> new RadialGradientPaint(new Point2D.Double(r.cx(), r.cy()), (float) r.r(),
                        new Point2D.Double(r.fx(), r.fy()), f, c, cycle, MultipleGradientPaint.ColorSpaceType.SRGB, t);
            };
        } catch (IllegalArgumentException degenerate) {
            return new Color(0, true); // equal end points, a radius too small for a float: HTML paints nothing
        }
    }

    /** Dashes beyond which a stroke is drawn solid (Skia, behind Chrome's canvas, gives up at the same count). */
    private static final double MAX_DASHES = 1_000_000;

    /**
     * Strokes {@code s} with the current stroke. Marlin makes a dashed stroke dash by dash, even
     * far outside the canvas: a huge shape with tiny dashes would take hours, so past
     * {@link #MAX_DASHES} dashes it is drawn solid.
     */
    private void drawStroke(Shape s) {
        if (dash.length > 0 && tooManyDashes(s)) {
            g.setStroke(new BasicStroke(basicStroke.getLineWidth(), basicStroke.getEndCap(), basicStroke.getLineJoin(),
                    basicStroke.getMiterLimit()));
            g.draw(s);
            g.setStroke(basicStroke);
            return;
        }
        g.draw(s);
    }

    /** Whether dashing {@code s} (its length measured in user space, like the dashes) makes too many dashes. */
    private boolean tooManyDashes(Shape s) {
        double period = 0;
        for (double d : dash) {
            period += d;
        }
        double limit = MAX_DASHES / dash.length * period;
        double len = 0;
        double mx = 0;
        double my = 0;
        double lx = 0;
        double ly = 0;
        double[] c = new double[6];
        for (java.awt.geom.PathIterator it = s.getPathIterator(null, 0.25); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case java.awt.geom.PathIterator.SEG_MOVETO -> {
                    mx = lx = c[0];
                    my = ly = c[1];
                }
                case java.awt.geom.PathIterator.SEG_LINETO -> {
                    len += Math.hypot(c[0] - lx, c[1] - ly);
                    lx = c[0];
                    ly = c[1];
                }
                case java.awt.geom.PathIterator.SEG_CLOSE -> {
                    len += Math.hypot(mx - lx, my - ly);
                    lx = mx;
                    ly = my;
                }
                default -> { }
            }
            if (!(len <= limit)) {
                return true; // also NaN and infinite lengths
            }
        }
        return false;
    }

    private void useStroke() {
        if (basicStroke == null) {
            int c = switch (cap) {
                case BUTT -> BasicStroke.CAP_BUTT;
                case ROUND -> BasicStroke.CAP_ROUND;
                case SQUARE -> BasicStroke.CAP_SQUARE;
            };
            int j = switch (join) {
                case MITER -> BasicStroke.JOIN_MITER;
                case ROUND -> BasicStroke.JOIN_ROUND;
                case BEVEL -> BasicStroke.JOIN_BEVEL;
            };
            float[] pattern = null;
            if (dash.length > 0) {
                pattern = new float[dash.length];
                for (int i = 0; i < dash.length; i++) {
                    pattern[i] = (float) dash[i];
                }
            }
            basicStroke = new BasicStroke((float) lineWidth, c, j, 10f, pattern, 0f);
        }
        g.setStroke(basicStroke);
    }

    /** A path in device coordinates that also tracks its current point and the user point behind it. */
    private final class DevicePath implements PathBuilder {
        final Path2D.Double device = new Path2D.Double(Path2D.WIND_NON_ZERO);
        private boolean hasPoint;
        private double curX;
        private double curY;
        private double startX;
        private double startY;
        private final double[] p = new double[6];
        private final double[] inv = new double[2];

        void reset() {
            device.reset();
            hasPoint = false;
        }

        @Override
        public boolean hasCurrentPoint() {
            return hasPoint;
        }

        /** The current point in user coordinates, or null if the transform cannot be inverted. */
        double[] currentUserPoint() {
            inv[0] = curX;
            inv[1] = curY;
            try {
                tx.inverseTransform(inv, 0, inv, 0, 1);
            } catch (NoninvertibleTransformException e) {
                return null;
            }
            return inv;
        }

        @Override
        public void moveTo(double x, double y) {
            map(x, y, 0);
            device.moveTo(p[0], p[1]);
            hasPoint = true;
            curX = startX = p[0];
            curY = startY = p[1];
        }

        @Override
        public void lineTo(double x, double y) {
            if (!hasPoint) {
                moveTo(x, y);
                return;
            }
            map(x, y, 0);
            device.lineTo(p[0], p[1]);
            curX = p[0];
            curY = p[1];
        }

        void quadTo(double cx, double cy, double x, double y) {
            if (!hasPoint) {
                moveTo(cx, cy);
            }
            map(cx, cy, 0);
            map(x, y, 2);
            device.quadTo(p[0], p[1], p[2], p[3]);
            curX = p[2];
            curY = p[3];
        }

        @Override
        public void curveTo(double c1x, double c1y, double c2x, double c2y, double x, double y) {
            if (!hasPoint) {
                moveTo(c1x, c1y);
            }
            map(c1x, c1y, 0);
            map(c2x, c2y, 2);
            map(x, y, 4);
            device.curveTo(p[0], p[1], p[2], p[3], p[4], p[5]);
            curX = p[4];
            curY = p[5];
        }

        void closePath() {
            if (hasPoint) {
                device.closePath();
                curX = startX;
                curY = startY;
            }
        }

        private void map(double x, double y, int at) {
            p[at] = x;
            p[at + 1] = y;
            tx.transform(p, at, p, at, 1);
        }
    }

    /** One save level; pooled, so save/restore allocate only the clip copy Java2D hands out. */
    private static final class Saved {
        int fill;
        int stroke;
        Gradient fillGradient;
        Gradient strokeGradient;
        boolean smoothing;
        double lineWidth;
        LineCap cap;
        LineJoin join;
        double[] dash;
        FontSpec font;
        TextAlign align;
        TextBaseline baseline;
        double alpha;
        BlendMode blend;
        final AffineTransform tx = new AffineTransform();
        Shape clip;
        boolean clipped;
        boolean clipIsRect;
        int clipX0;
        int clipY0;
        int clipX1;
        int clipY1;

        void clear() {
            clip = null;
        }
    }
}
