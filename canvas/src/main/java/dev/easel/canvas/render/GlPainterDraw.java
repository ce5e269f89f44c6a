package dev.easel.canvas.render;

import static org.lwjgl.nanovg.NanoVG.*;

import dev.easel.canvas.BlendMode;
import dev.easel.canvas.Gradient;
import org.lwjgl.nanovg.NVGColor;
import org.lwjgl.nanovg.NVGPaint;

/**
 * The drawing half of {@link GlPainter}, under its commands: instances for the {@link GlBatch}
 * (kept in order with NanoVG's queue), and device paths ({@link GlPath}) filled or stroked by
 * NanoVG with the current clip, alpha, blend mode and paint (a gradient as a {@link GlRaster}
 * texture).
 */
abstract class GlPainterDraw extends GlPainterState {
    final GlRenderer target;
    final long vg;
    private final GlBatch batch;
    private final NVGColor color = NVGColor.create();
    final NVGPaint paint = NVGPaint.create();
    private final GlPath dashed = new GlPath();

    GlPainterDraw(GlRenderer target, long vg, GlBatch batch) {
        this.target = target;
        this.vg = vg;
        this.batch = batch;
    }

    /** Draws what is batched: at the end of a frame, and before anything else draws. */
    void flushBatch() {
        batch.flush(pw, ph);
    }

    /** Whether source-over shapes of a plain colour may go to the instanced batch now. */
    boolean batchable(Gradient paint) {
        return paint == null && s.blend == BlendMode.SOURCE_OVER && !clipEmpty();
    }

    /** Readies the batch for instances under the current clip (NanoVG's queue drawn first, to keep the order). */
    void batchBegin() {
        if (batch.isEmpty()) {
            target.flushNanoVg();
        } else if (!batch.sameClip(s.cx0, s.cy0, s.cx1, s.cy1)) {
            batch.flush(pw, ph);
        }
        batch.clip(s.cx0, s.cy0, s.cx1, s.cy1);
    }

    void instance(int argb, double g0, double g1, double g2, double g3, double width, int kind) {
        float a = (float) ((argb >>> 24) / 255.0 * s.alpha);
        batch.add(g0, g1, g2, g3, (argb >> 16 & 255) / 255f * a, (argb >> 8 & 255) / 255f * a, (argb & 255) / 255f * a, a,
                width, kind);
    }

    boolean axisAligned() {
        return s.b == 0 && s.c == 0;
    }

    // ------------------------------------------------------------------ drawing machinery

    /** NanoVG state for one draw: identity transform, clip, alpha, blend. */
    void prepare(double alpha, BlendMode blend) {
        flushBatch();
        nvgResetTransform(vg);
        if (s.cx0 == 0 && s.cy0 == 0 && s.cx1 == pw && s.cy1 == ph) {
            nvgResetScissor(vg);
        } else {
            nvgScissor(vg, s.cx0, s.cy0, s.cx1 - s.cx0, s.cy1 - s.cy0);
        }
        nvgGlobalAlpha(vg, (float) alpha);
        switch (blend) {
            case SOURCE_OVER -> nvgGlobalCompositeOperation(vg, NVG_SOURCE_OVER);
            case SOURCE_ATOP -> nvgGlobalCompositeOperation(vg, NVG_ATOP);
            case ADD -> nvgGlobalCompositeOperation(vg, NVG_LIGHTER);
            // Exact where the canvas is opaque; alpha composes as source-over.
            case MULTIPLY -> nvgGlobalCompositeBlendFuncSeparate(vg, NVG_DST_COLOR, NVG_ONE_MINUS_SRC_ALPHA, NVG_ONE, NVG_ONE_MINUS_SRC_ALPHA);
            case SCREEN -> nvgGlobalCompositeBlendFuncSeparate(vg, NVG_ONE, NVG_ONE_MINUS_SRC_COLOR, NVG_ONE, NVG_ONE_MINUS_SRC_ALPHA);
            default -> {
                target.warnOnce("blend mode " + blend.css() + " is drawn as source-over by the GL renderer");
                nvgGlobalCompositeOperation(vg, NVG_SOURCE_OVER);
            }
        }
    }

    NVGColor rgba(int argb) {
        return nvgRGBA((byte) (argb >> 16), (byte) (argb >> 8), (byte) argb, (byte) (argb >>> 24), color);
    }

    /**
     * Sets the fill paint for a shape whose device bounds are {@code bounds} (grown by {@code grow});
     * false when nothing would be painted.
     */
    boolean paint(int argb, Gradient gr, double[] bounds, double grow) {
        if (gr == null) {
            if (argb >>> 24 == 0) {
                return false;
            }
            nvgFillColor(vg, rgba(argb));
            return true;
        }
        if (gr.paintsNothing() || bounds == null) {
            return false;
        }
        int x0 = (int) Math.max(s.cx0, Math.floor(bounds[0] - grow - 1));
        int y0 = (int) Math.max(s.cy0, Math.floor(bounds[1] - grow - 1));
        int x1 = (int) Math.min(s.cx1, Math.ceil(bounds[2] + grow + 1));
        int y1 = (int) Math.min(s.cy1, Math.ceil(bounds[3] + grow + 1));
        if (x1 <= x0 || y1 <= y0) {
            return false;
        }
        try (GlRaster.Patch p = GlRaster.gradient(gr, device(), x0, y0, x1 - x0, y1 - y0)) {
            nvgFillPaint(vg, pattern(p));
        }
        return true;
    }

    /** An image pattern showing a patch 1:1 at its device place (the texture lives until the next flush). */
    NVGPaint pattern(GlRaster.Patch p) {
        int img = target.tempImage(p);
        return nvgImagePattern(vg, p.x(), p.y(), p.w(), p.h(), 0, img, 1, paint);
    }

    /** Fills a device path with the fill paint. */
    void fillDevice(GlPath p) {
        if (p.isEmpty() || clipEmpty()) {
            return;
        }
        prepare(s.alpha, s.blend);
        if (!paint(s.fill, s.fillGradient, s.fillGradient == null ? null : p.bounds(), 0)) {
            return;
        }
        nvgBeginPath(vg);
        p.emit(vg);
        nvgFill(vg);
    }

    /** Strokes a device path with the stroke paint and line style. */
    void strokeDevice(GlPath p) {
        if (p.isEmpty() || clipEmpty()) {
            return;
        }
        double k = meanScale();
        double w = s.lineWidth * k;
        // NanoVG draws a line thinner than a pixel one pixel wide with alpha × width²; coverage is
        // about the width (as in Java2D), so draw it one pixel wide with alpha × width.
        double thin = Math.min(1, w);
        prepare(s.alpha * thin, s.blend);
        w = Math.max(w, 1);
        double grow = w * 10 / 2 + 2; // miter limit 10
        if (!paint(s.stroke, s.strokeGradient, s.strokeGradient == null ? null : p.bounds(), grow)) {
            return;
        }
        if (s.strokeGradient == null) {
            nvgStrokeColor(vg, color);
        } else {
            nvgStrokePaint(vg, paint);
        }
        nvgStrokeWidth(vg, (float) w);
        nvgLineCap(vg, switch (s.cap) {
            case BUTT -> NVG_BUTT;
            case ROUND -> NVG_ROUND;
            case SQUARE -> NVG_SQUARE;
        });
        nvgLineJoin(vg, switch (s.join) {
            case MITER -> NVG_MITER;
            case ROUND -> NVG_ROUND;
            case BEVEL -> NVG_BEVEL;
        });
        nvgMiterLimit(vg, 10);
        GlPath out = p;
        if (s.dash != null) {
            double[] dev = s.dash.clone();
            for (int i = 0; i < dev.length; i++) {
                dev[i] *= k;
            }
            out = p.dashed(dev, dashed);
        }
        nvgBeginPath(vg);
        out.emit(vg);
        nvgStroke(vg);
    }

    /** Whether shapes of the fill colour may be merged into one fill: opaque, so overlaps look the same. */
    boolean mergeFills() {
        return s.fillGradient == null && s.fill >>> 24 == 255 && s.alpha >= 1 && s.blend == BlendMode.SOURCE_OVER;
    }
}
