package dev.easel.canvas.render;

import dev.easel.canvas.ImageData;
import dev.easel.canvas.LineCap;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Map;

/**
 * Replays display-list commands into a Java2D {@link Graphics2D} on an {@code INT_ARGB_PRE} image,
 * using {@link DirectRaster} for the shapes Java2D draws slowly (see there) whenever the result is
 * the same. Keeps its own copy of the drawing state because Graphics2D has no save/restore and one
 * paint for fills and strokes. One per {@link Java2dRenderer}; not thread-safe.
 *
 * <p>By concern: {@link PainterState} (state, paints, strokes, the frame), {@link PainterGeometry}
 * (paths, clip, text, transforms, save/restore), this class (clearing, shapes, images),
 * {@link DevicePath}, {@link AwtPaints} (gradients as Java2D paints).
 */
final class Java2dPainter extends PainterGeometry {
    Java2dPainter(Map<ImageData, BufferedImage> images) {
        super(images);
    }

    // ---------------------------------------------------------------------------------------------
    // Whole canvas

    @Override
    public void clear(int argb) {
        int pre = ImageData.premultiply(argb);
        if (!clipped) {
            batch.discard(); // Everything queued would be painted over: draw none of it.
            Arrays.fill(px, bandY0 * pw, bandY1 * pw, pre);
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
        int dy0 = Math.max(bandY0, (int) Math.round(y * scale));
        int dx1 = Math.min(pw, (int) Math.round((x + (double) width) * scale));
        int dy1 = Math.min(bandY1, (int) Math.round((y + (double) height) * scale));
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
}
