package dev.easel.canvas.render;

import dev.easel.canvas.FontSpec;
import dev.easel.canvas.Fonts;
import dev.easel.canvas.Gradient;
import dev.easel.canvas.ImageData;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * Paths, clip, text, transforms and save/restore of {@link Java2dPainter}. Paths are kept in device
 * space, each point transformed when added (HTML semantics); Graphics2D has no save/restore, so
 * the painter keeps its own stack of {@code Saved} levels.
 */
abstract sealed class PainterGeometry extends PainterState permits Java2dPainter {
    PainterGeometry(Map<ImageData, BufferedImage> images) {
        super(images);
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
            g.setPaint(AwtPaints.awtPaint(fillGradient, alpha, tx));
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
        Shape deviceClip;
        if (clipTracker != null) {
            clipTracker.clip(path.device);
            deviceClip = clipTracker.getClip();
            bandClip(deviceClip);
        } else {
            g.setTransform(IDENTITY);
            g.clip(path.device);
            deviceClip = g.getClip();
            g.setTransform(tx);
        }
        clipped = true;
        updateClipRect(deviceClip);
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
    void drawText(String text, double x, double y, double maxWidth, boolean outline) {
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

    void drawLine(Font f, String text, double x, double y, double maxWidth, boolean outline) {
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
            g.setPaint(AwtPaints.awtPaint(gr, alpha, new AffineTransform(1 / squeeze, 0, 0, 1, -(x + dx) / squeeze, -(y + dy))));
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
        // In device space: a band's clip (or one under a rotation) does not survive a round trip
        // through user space exactly.
        if (clipTracker != null) {
            s.clip = clipTracker.getClip();
        } else {
            g.setTransform(IDENTITY);
            s.clip = g.getClip();
            g.setTransform(tx);
        }
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
        if (clipTracker != null) {
            clipTracker.setClip(s.clip);
            bandClip(s.clip);
        } else {
            g.setTransform(IDENTITY);
            g.setClip(s.clip);
        }
        tx.setTransform(s.tx);
        transformChanged();
        clipped = s.clipped;
        if (s.clipIsRect) {
            setClipRect(s.clipX0, s.clipY0, s.clipX1, s.clipY1);
        } else {
            clipIsRect = false;
        }
        s.clear();
    }

    /** Dashes beyond which a stroke is drawn solid (Skia, behind Chrome's canvas, gives up at the same count). */
    static final double MAX_DASHES = 1_000_000;

    /**
     * Strokes {@code s} with the current stroke. Marlin makes a dashed stroke dash by dash, even
     * far outside the canvas: a huge shape with tiny dashes would take hours, so past
     * {@link #MAX_DASHES} dashes it is drawn solid.
     */
    void drawStroke(Shape s) {
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
    boolean tooManyDashes(Shape s) {
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
}
