package dev.easel.canvas.render;

import dev.easel.canvas.FontSpec;
import dev.easel.canvas.Fonts;
import dev.easel.canvas.Gradient;
import dev.easel.canvas.LineCap;
import dev.easel.canvas.LineJoin;
import dev.easel.canvas.TextAlign;
import dev.easel.canvas.TextBaseline;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import org.lwjgl.system.MemoryUtil;

/**
 * What the GL renderer lets Java2D rasterize, in device pixels, to upload as a texture: gradients
 * (any number of stops, focus and extend rule, which NanoVG's two-colour gradients cannot do) and
 * text (the same glyphs, hinting and layout as the raster renderer). Same results as
 * {@link Java2dRenderer} by construction; the cost is a texture upload per use.
 */
final class GlRaster {
    private GlRaster() {}

    /** A premultiplied RGBA image of {@code w × h} device pixels at device position ({@code x}, {@code y}); free {@link #rgba}. */
    record Patch(int x, int y, int w, int h, ByteBuffer rgba) implements AutoCloseable {
        @Override
        public void close() {
            MemoryUtil.memFree(rgba);
        }
    }

    /** Text style: what {@link #text} needs from the painter's state. */
    record TextStyle(FontSpec font, TextAlign align, TextBaseline baseline, int argb, Gradient gradient,
                     double lineWidth, LineCap cap, LineJoin join, double[] dash) {}

    /** {@code gr} painted over the device box, for user space mapped to device by {@code device}. */
    static Patch gradient(Gradient gr, AffineTransform device, int x, int y, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            AffineTransform t = AffineTransform.getTranslateInstance(-x, -y);
            t.concatenate(device);
            g.setPaint(AwtPaints.awtPaint(gr, 1.0, t));
            g.fillRect(0, 0, w, h);
        } finally {
            g.dispose();
        }
        return patch(img, x, y);
    }

    /**
     * Text drawn as the raster renderer draws it ({@code \n} starts a line; baseline places the block),
     * filled or outlined, over a device box around it clipped to {@code clip} {x0, y0, x1, y1}; null
     * when nothing of it is inside.
     */
    static Patch text(String text, double x, double y, double maxWidth, boolean outline, TextStyle st,
                      AffineTransform device, int[] clip) {
        Font f = Fonts.awt(st.font() != null ? st.font() : FontSpec.DEFAULT);
        String[] lines = text.split("\n", -1);
        double size = f.getSize2D();
        double lineHeight = size * Fonts.LINE_SPACING;
        FontRenderContext frc = new FontRenderContext(null, true, true);
        double width = 0;
        for (String l : lines) {
            width = Math.max(width, f.getStringBounds(l, frc).getWidth());
        }
        // A generous logical box, whatever the alignment, then its device bounds.
        double pad = 2 * size + (outline ? st.lineWidth() * 4 : 0) + 4;
        double[] pts = {x - width - pad, y - lines.length * lineHeight - pad, x + width + pad, y - lines.length * lineHeight - pad,
            x + width + pad, y + lines.length * lineHeight + pad, x - width - pad, y + lines.length * lineHeight + pad};
        device.transform(pts, 0, pts, 0, 4);
        int bx0 = clip[0], by0 = clip[1], bx1 = clip[2], by1 = clip[3];
        double minX = Math.min(Math.min(pts[0], pts[2]), Math.min(pts[4], pts[6]));
        double maxX = Math.max(Math.max(pts[0], pts[2]), Math.max(pts[4], pts[6]));
        double minY = Math.min(Math.min(pts[1], pts[3]), Math.min(pts[5], pts[7]));
        double maxY = Math.max(Math.max(pts[1], pts[3]), Math.max(pts[5], pts[7]));
        bx0 = (int) Math.max(bx0, Math.floor(minX));
        by0 = (int) Math.max(by0, Math.floor(minY));
        bx1 = (int) Math.min(bx1, Math.ceil(maxX));
        by1 = (int) Math.min(by1, Math.ceil(maxY));
        if (bx1 <= bx0 || by1 <= by0) {
            return null;
        }
        BufferedImage img = new BufferedImage(bx1 - bx0, by1 - by0, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            AffineTransform base = AffineTransform.getTranslateInstance(-bx0, -by0);
            base.concatenate(device);
            g.setTransform(base);
            g.setComposite(AlphaComposite.SrcOver);
            if (outline) {
                g.setStroke(stroke(st));
            }
            double first = y;
            if (lines.length > 1) {
                first -= switch (st.baseline()) {
                    case TOP, ALPHABETIC -> 0;
                    case MIDDLE -> (lines.length - 1) * lineHeight / 2;
                    case BOTTOM -> (lines.length - 1) * lineHeight;
                };
            }
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isEmpty()) {
                    line(g, base, f, lines[i], x, first + i * lineHeight, maxWidth, outline, st);
                }
            }
        } finally {
            g.dispose();
        }
        return patch(img, bx0, by0);
    }

    private static void line(Graphics2D g, AffineTransform base, Font f, String text, double x, double y,
                             double maxWidth, boolean outline, TextStyle st) {
        FontRenderContext frc = g.getFontRenderContext();
        double width = f.getStringBounds(text, frc).getWidth();
        LineMetrics lm = f.getLineMetrics(text, frc);
        double squeeze = !Double.isNaN(maxWidth) && width > maxWidth ? maxWidth / width : 1;
        double dx = switch (st.align()) {
            case LEFT -> 0;
            case CENTER -> -width * squeeze / 2;
            case RIGHT -> -width * squeeze;
        };
        double dy = switch (st.baseline()) {
            case TOP -> lm.getAscent();
            case MIDDLE -> (lm.getAscent() - lm.getDescent()) / 2;
            case ALPHABETIC -> 0;
            case BOTTOM -> -lm.getDescent();
        };
        g.translate(x + dx, y + dy);
        if (squeeze != 1) {
            g.scale(squeeze, 1);
        }
        if (st.gradient() != null) {
            // The gradient stays where the user put it, not moved with each line of text.
            g.setPaint(AwtPaints.awtPaint(st.gradient(), 1.0, new AffineTransform(1 / squeeze, 0, 0, 1, -(x + dx) / squeeze, -(y + dy))));
        } else {
            g.setColor(new Color(st.argb(), true));
        }
        if (outline) {
            g.draw(f.createGlyphVector(g.getFontRenderContext(), text).getOutline());
        } else {
            g.setFont(f);
            g.drawString(text, 0f, 0f);
        }
        g.setTransform(base);
    }

    private static BasicStroke stroke(TextStyle st) {
        int cap = switch (st.cap()) {
            case BUTT -> BasicStroke.CAP_BUTT;
            case ROUND -> BasicStroke.CAP_ROUND;
            case SQUARE -> BasicStroke.CAP_SQUARE;
        };
        int join = switch (st.join()) {
            case MITER -> BasicStroke.JOIN_MITER;
            case ROUND -> BasicStroke.JOIN_ROUND;
            case BEVEL -> BasicStroke.JOIN_BEVEL;
        };
        float[] dash = null;
        if (st.dash() != null && st.dash().length > 0) {
            dash = new float[st.dash().length];
            for (int i = 0; i < dash.length; i++) {
                dash[i] = (float) st.dash()[i];
            }
        }
        return new BasicStroke((float) st.lineWidth(), cap, join, 10f, dash, 0f);
    }

    /** The image's premultiplied ARGB ints as premultiplied RGBA bytes (what GL and NanoVG read). */
    private static Patch patch(BufferedImage img, int x, int y) {
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        ByteBuffer rgba = MemoryUtil.memAlloc(px.length * 4);
        for (int p : px) {
            rgba.put((byte) (p >> 16)).put((byte) (p >> 8)).put((byte) p).put((byte) (p >>> 24));
        }
        rgba.flip();
        return new Patch(x, y, img.getWidth(), img.getHeight(), rgba);
    }

}
