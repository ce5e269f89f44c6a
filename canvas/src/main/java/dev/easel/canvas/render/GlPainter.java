package dev.easel.canvas.render;

import static org.lwjgl.nanovg.NanoVG.*;

import dev.easel.canvas.BlendMode;
import dev.easel.canvas.ImageData;

/**
 * Replays display lists for {@link GlRenderer}: runs of lines, rectangles, points and circles go to
 * the instanced {@link GlBatch}; other shapes and paths are built in device pixels on the Java side
 * ({@link GlPath}) and filled or stroked by NanoVG with its identity transform; gradients and text come from {@link GlRaster} as textures; clear and put_pixels go to GL
 * directly between NanoVG batches. Differences from the raster renderer (docs/gpu.md): a clip path
 * that is not an axis-aligned rectangle clips to its bounds, strokes under a non-uniform scale use
 * the mean scale, and blend modes other than source-over, source-atop, add, multiply and screen draw
 * as source-over (each reported once).
 */
final class GlPainter extends GlPainterDraw {
    GlPainter(GlRenderer target, long vg, GlBatch batch) {
        super(target, vg, batch);
    }

    // ------------------------------------------------------------------ commands

    @Override public void clear(int argb) {
        flushBatch();
        target.clearDevice(s.cx0, s.cy0, s.cx1, s.cy1, ImageData.premultiply(argb));
    }

    @Override public void clearRect(double x, double y, double w, double h) {
        if (clipEmpty()) {
            return;
        }
        shape.reset();
        shape.rect(Math.min(x, x + w), Math.min(y, y + h), Math.abs(w), Math.abs(h));
        prepare(1, BlendMode.SOURCE_OVER);
        nvgGlobalCompositeOperation(vg, NVG_DESTINATION_OUT);
        nvgFillColor(vg, rgba(0xFF000000));
        nvgBeginPath(vg);
        shape.emit(vg);
        nvgFill(vg);
    }

    @Override public void fillRects(double[] xywh, int offset, int count) {
        if (batchable(s.fillGradient) && axisAligned()) {
            if (s.fill >>> 24 == 0) {
                return;
            }
            batchBegin();
            for (int i = 0, k = offset; i < count; i++, k += 4) {
                double x0 = s.a * xywh[k] + s.e, x1 = s.a * (xywh[k] + xywh[k + 2]) + s.e;
                double y0 = s.d * xywh[k + 1] + s.f, y1 = s.d * (xywh[k + 1] + xywh[k + 3]) + s.f;
                instance(s.fill, Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1), 0, GlBatch.RECT);
            }
            return;
        }
        boolean merge = mergeFills();
        shape.reset();
        for (int i = 0, k = offset; i < count; i++, k += 4) {
            double w = xywh[k + 2], h = xywh[k + 3];
            shape.rect(Math.min(xywh[k], xywh[k] + w), Math.min(xywh[k + 1], xywh[k + 1] + h), Math.abs(w), Math.abs(h));
            if (!merge) {
                fillDevice(shape);
                shape.reset();
            }
        }
        fillDevice(shape);
    }

    @Override public void strokeRects(double[] xywh, int offset, int count) {
        shape.reset();
        for (int i = 0, k = offset; i < count; i++, k += 4) {
            shape.rect(xywh[k], xywh[k + 1], xywh[k + 2], xywh[k + 3]);
            strokeDevice(shape);
            shape.reset();
        }
    }

    @Override public void fillCircles(double[] xyr, int offset, int count) {
        if (batchable(s.fillGradient) && axisAligned() && Math.abs(s.a) == Math.abs(s.d)) {
            if (s.fill >>> 24 == 0) {
                return;
            }
            batchBegin();
            for (int i = 0, k = offset; i < count; i++, k += 3) {
                if (xyr[k + 2] > 0) {
                    instance(s.fill, s.a * xyr[k] + s.e, s.d * xyr[k + 1] + s.f, xyr[k + 2] * Math.abs(s.a), 0, 0, GlBatch.DISC);
                }
            }
            return;
        }
        boolean merge = mergeFills();
        shape.reset();
        for (int i = 0, k = offset; i < count; i++, k += 3) {
            if (xyr[k + 2] > 0) {
                shape.ellipse(xyr[k], xyr[k + 1], xyr[k + 2], xyr[k + 2]);
                if (!merge) {
                    fillDevice(shape);
                    shape.reset();
                }
            }
        }
        fillDevice(shape);
    }

    @Override public void strokeCircles(double[] xyr, int offset, int count) {
        if (batchable(s.strokeGradient) && s.dash == null && axisAligned() && Math.abs(s.a) == Math.abs(s.d)) {
            if (s.stroke >>> 24 == 0) {
                return;
            }
            batchBegin();
            double w = s.lineWidth * Math.abs(s.a);
            for (int i = 0, k = offset; i < count; i++, k += 3) {
                if (xyr[k + 2] > 0) {
                    instance(s.stroke, s.a * xyr[k] + s.e, s.d * xyr[k + 1] + s.f, xyr[k + 2] * Math.abs(s.a), 0, w, GlBatch.RING);
                }
            }
            return;
        }
        for (int i = 0, k = offset; i < count; i++, k += 3) {
            if (xyr[k + 2] > 0) {
                shape.reset();
                shape.ellipse(xyr[k], xyr[k + 1], xyr[k + 2], xyr[k + 2]);
                strokeDevice(shape);
            }
        }
    }

    @Override public void fillEllipse(double cx, double cy, double w, double h) {
        shape.reset();
        shape.ellipse(cx, cy, Math.abs(w) / 2, Math.abs(h) / 2);
        fillDevice(shape);
    }

    @Override public void strokeEllipse(double cx, double cy, double w, double h) {
        shape.reset();
        shape.ellipse(cx, cy, Math.abs(w) / 2, Math.abs(h) / 2);
        strokeDevice(shape);
    }

    @Override public void lines(double[] xy, int offset, int count) {
        if (batchable(s.strokeGradient) && s.dash == null) {
            if (s.stroke >>> 24 == 0) {
                return;
            }
            batchBegin();
            double w = s.lineWidth * meanScale();
            int kind = switch (s.cap) {
                case BUTT -> GlBatch.SEGMENT;
                case ROUND -> GlBatch.SEGMENT_ROUND;
                case SQUARE -> GlBatch.SEGMENT_SQUARE;
            };
            for (int i = 0, k = offset; i < count; i++, k += 4) {
                double x1 = xy[k], y1 = xy[k + 1], x2 = xy[k + 2], y2 = xy[k + 3];
                instance(s.stroke, s.a * x1 + s.c * y1 + s.e, s.b * x1 + s.d * y1 + s.f,
                        s.a * x2 + s.c * y2 + s.e, s.b * x2 + s.d * y2 + s.f, w, kind);
            }
            return;
        }
        // One stroke of many open subpaths: NanoVG draws each as its own strip, so overlaps blend twice.
        shape.reset();
        for (int i = 0, k = offset; i < count; i++, k += 4) {
            shape.moveTo(xy[k], xy[k + 1]);
            shape.lineTo(xy[k + 2], xy[k + 3]);
        }
        strokeDevice(shape);
    }

    @Override public void points(double[] xy, int offset, int count, double size) {
        double h = size / 2;
        if (batchable(s.fillGradient) && axisAligned()) {
            if (s.fill >>> 24 == 0) {
                return;
            }
            batchBegin();
            for (int i = 0, k = offset; i < count; i++, k += 2) {
                double x0 = s.a * (xy[k] - h) + s.e, x1 = s.a * (xy[k] + h) + s.e;
                double y0 = s.d * (xy[k + 1] - h) + s.f, y1 = s.d * (xy[k + 1] + h) + s.f;
                instance(s.fill, Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1), 0, GlBatch.RECT);
            }
            return;
        }
        boolean merge = mergeFills();
        shape.reset();
        for (int i = 0, k = offset; i < count; i++, k += 2) {
            shape.rect(xy[k] - h, xy[k + 1] - h, size, size);
            if (!merge) {
                fillDevice(shape);
                shape.reset();
            }
        }
        fillDevice(shape);
    }

    private void poly(double[] xy, int offset, int points, boolean close) {
        shape.reset();
        for (int i = 0, k = offset; i < points; i++, k += 2) {
            if (i == 0) {
                shape.moveTo(xy[k], xy[k + 1]);
            } else {
                shape.lineTo(xy[k], xy[k + 1]);
            }
        }
        if (close) {
            shape.closePath();
        }
    }

    @Override public void polyline(double[] xy, int offset, int points) {
        poly(xy, offset, points, false);
        strokeDevice(shape);
    }

    @Override public void fillPolygon(double[] xy, int offset, int points) {
        poly(xy, offset, points, true);
        fillDevice(shape);
    }

    @Override public void strokePolygon(double[] xy, int offset, int points) {
        poly(xy, offset, points, true);
        strokeDevice(shape);
    }

    @Override public void fillRoundRect(double x, double y, double w, double h, double r) {
        shape.reset();
        shape.roundRect(x, y, w, h, r);
        fillDevice(shape);
    }

    @Override public void strokeRoundRect(double x, double y, double w, double h, double r) {
        shape.reset();
        shape.roundRect(x, y, w, h, r);
        strokeDevice(shape);
    }

    @Override public void fillArc(double x, double y, double r, double start, double sweep) {
        shape.reset();
        shape.moveTo(x, y);
        shape.arcSweep(x, y, r, start, sweep, true);
        shape.closePath();
        fillDevice(shape);
    }

    @Override public void strokeArc(double x, double y, double r, double start, double sweep) {
        shape.reset();
        shape.arcSweep(x, y, r, start, sweep, false);
        strokeDevice(shape);
    }

    @Override public void fillPath() {
        fillDevice(path);
    }

    @Override public void strokePath() {
        strokeDevice(path);
    }

    @Override public void clip() {
        double[] r = path.asRect();
        if (r == null) {
            r = path.bounds();
            if (r != null) {
                target.warnOnce("a clip path that is not an axis-aligned rectangle clips to its bounds in the GL renderer");
            }
        }
        if (r == null) {
            s.cx1 = s.cx0;
            return;
        }
        // Pixel centres inside the rectangle are in, as in Java2D's clip.
        s.cx0 = Math.max(s.cx0, (int) Math.round(r[0]));
        s.cy0 = Math.max(s.cy0, (int) Math.round(r[1]));
        s.cx1 = Math.min(s.cx1, (int) Math.round(r[2]));
        s.cy1 = Math.min(s.cy1, (int) Math.round(r[3]));
    }

    private void text(String text, double x, double y, double maxWidth, boolean outline) {
        if (clipEmpty() || text.isEmpty()) {
            return;
        }
        GlRaster.TextStyle st = new GlRaster.TextStyle(s.font, s.align, s.baseline, outline ? s.stroke : s.fill,
                outline ? s.strokeGradient : s.fillGradient, s.lineWidth, s.cap, s.join, s.dash);
        if (st.gradient() == null ? st.argb() >>> 24 == 0 : st.gradient().paintsNothing()) {
            return;
        }
        try (GlRaster.Patch p = GlRaster.text(text, x, y, maxWidth, outline, st, device(), new int[] {s.cx0, s.cy0, s.cx1, s.cy1})) {
            if (p == null) {
                return;
            }
            prepare(s.alpha, s.blend);
            nvgFillPaint(vg, pattern(p));
            nvgBeginPath(vg);
            nvgRect(vg, p.x(), p.y(), p.w(), p.h());
            nvgFill(vg);
        }
    }

    @Override public void fillText(String text, double x, double y, double maxWidth) {
        text(text, x, y, maxWidth, false);
    }

    @Override public void strokeText(String text, double x, double y, double maxWidth) {
        text(text, x, y, maxWidth, true);
    }

    @Override public void drawImage(ImageData image, double x, double y, double w, double h) {
        if (clipEmpty()) {
            return;
        }
        int img = target.image(image, s.smoothing);
        prepare(s.alpha, s.blend);
        // The pattern is taken in the current user space: NanoVG multiplies it by the transform set now.
        nvgTransform(vg, (float) s.a, (float) s.b, (float) s.c, (float) s.d, (float) s.e, (float) s.f);
        nvgFillPaint(vg, nvgImagePattern(vg, (float) x, (float) y, (float) w, (float) h, 0, img, 1, paint));
        nvgResetTransform(vg);
        shape.reset();
        shape.rect(Math.min(x, x + w), Math.min(y, y + h), Math.abs(w), Math.abs(h));
        nvgBeginPath(vg);
        shape.emit(vg);
        nvgFill(vg);
    }

    @Override public void putPixels(byte[] rgba, int offset, int width, int height, int x, int y) {
        int dx0 = Math.max(0, (int) Math.round(x * scale));
        int dy0 = Math.max(0, (int) Math.round(y * scale));
        int dx1 = Math.min(pw, (int) Math.round((x + (double) width) * scale));
        int dy1 = Math.min(ph, (int) Math.round((y + (double) height) * scale));
        if (dx1 <= dx0 || dy1 <= dy0) {
            return;
        }
        int[] out = new int[(dx1 - dx0) * (dy1 - dy0)];
        for (int j = dy0, o = 0; j < dy1; j++) {
            int v = Math.min(height - 1, Math.max(0, (int) ((j + 0.5) / scale) - y));
            int src = offset + v * width * 4;
            for (int i = dx0; i < dx1; i++) {
                int u = Math.min(width - 1, Math.max(0, (int) ((i + 0.5) / scale) - x));
                int q = src + u * 4;
                int argb = (rgba[q + 3] & 255) << 24 | (rgba[q] & 255) << 16 | (rgba[q + 1] & 255) << 8 | (rgba[q + 2] & 255);
                out[o++] = ImageData.premultiply(argb);
            }
        }
        flushBatch();
        target.writeDevice(dx0, dy0, dx1 - dx0, dy1 - dy0, out);
    }
}
