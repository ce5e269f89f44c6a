package dev.easel.canvas.render;

/**
 * Antialiased drawing of the shapes sketches draw by the thousand (thin lines, axis-aligned
 * rectangles, circles and rings) straight into a premultiplied ARGB int array, source-over, inside a
 * rectangular clip, in device pixels.
 *
 * <p>Why it exists: Java2D's antialiasing rasterizer (Marlin) spends its time on a shape's bounding
 * box, so 10,000 random 1-pixel lines on 800×600 take about 200 ms (4–5 fps); this class touches
 * only the pixels a shape covers and draws the same frame in a few milliseconds. Coverage is
 * computed analytically per pixel: for a line, the overlap of each pixel with the line's vertical
 * (or horizontal) cross-section at the pixel's centre, which conserves the line's area and
 * matches Marlin to a few levels of 255; for a rectangle, the exact area; for a circle, the
 * overlap of a pixel-wide radial interval with the shape. Callers (the Java2D renderer) use it only
 * where it is indistinguishable from Java2D: source-over, no dash, rectangular clip, thin lines.
 *
 * <p>Split by concern: {@link RasterTarget} holds the pixels, clip and colour, the blends and
 * rectangles; {@link LineRaster} draws lines; this class circles and rings.
 *
 * <p>Not thread-safe: one per renderer, used by the thread rendering.
 */
final class DirectRaster extends LineRaster {
    /**
     * Fills the ring of pixels whose distance d from (cx, cy) lies in [inner, outer] (a disc when
     * inner &lt;= 0). A pixel's coverage is the overlap of [d - ½, d + ½] with [inner, outer]: exact for
     * straight edges, and within a few percent for circles of radius 1 pixel and more.
     */
    void ring(double cx, double cy, double inner, double outer) {
        if (!(outer > 0 && outer < 1e7 && Math.abs(cx) < 1e7 && Math.abs(cy) < 1e7)) {
            return; // NaN, empty, or absurdly large: nothing sensible to draw.
        }
        double reach = outer + 0.5;
        int j0 = Math.max((int) Math.floor(cy - reach), clipY0);
        int j1 = Math.min((int) Math.ceil(cy + reach), clipY1);
        double fullOuter = outer - 0.5;
        double holeInner = inner - 0.5;
        boolean disc = inner <= 0;
        for (int j = j0; j < j1; j++) {
            double dy = j + 0.5 - cy;
            double dy2 = dy * dy;
            double spanSq = reach * reach - dy2;
            if (spanSq <= 0) {
                continue;
            }
            double span = Math.sqrt(spanSq);
            int i0 = Math.max((int) Math.floor(cx - span), clipX0);
            int i1 = Math.min((int) Math.ceil(cx + span), clipX1);
            // Pixels with d <= outer - ½ (and, for a disc, any d) are fully covered: fill them directly.
            double fullHalf = disc && fullOuter > 0 && fullOuter * fullOuter > dy2
                    ? Math.sqrt(fullOuter * fullOuter - dy2) : -1;
            // For a ring, pixels with d + ½ <= inner are in the hole: skip them.
            double holeHalf = !disc && holeInner > 0 && holeInner * holeInner > dy2
                    ? Math.sqrt(holeInner * holeInner - dy2) : -1;
            int row = j * stride;
            for (int i = i0; i < i1; i++) {
                double dx = i + 0.5 - cx;
                double adx = Math.abs(dx);
                if (adx <= holeHalf) {
                    // Jump over the hole to its mirror image on the right.
                    int next = (int) Math.floor(cx + holeHalf - 0.5);
                    if (next > i) {
                        i = next;
                    }
                    continue;
                }
                if (adx <= fullHalf && srcOpaque) {
                    int end = Math.min((int) Math.floor(cx + fullHalf - 0.5), i1 - 1);
                    if (end > i) {
                        java.util.Arrays.fill(px, row + i, row + end + 1, srcPixel);
                        i = end;
                        continue;
                    }
                }
                double d = Math.sqrt(dx * dx + dy2);
                double lo = Math.max(d - 0.5, disc ? d - 0.5 : inner);
                double hi = Math.min(d + 0.5, outer);
                double cov = hi - lo;
                if (cov > 0) {
                    blend(row + i, Math.min(cov, 1.0));
                }
            }
        }
    }
}
