package dev.easel.canvas.render;

/**
 * The target of {@link DirectRaster}: a premultiplied ARGB int array with a rectangular clip, the
 * current colour, and the blends every shape uses (source-over at a coverage, two channels per
 * multiply), plus the simplest shape, an axis-aligned rectangle with exact area coverage.
 * {@link LineRaster} adds lines, {@link DirectRaster} circles and rings.
 *
 * <p>Not thread-safe: one per renderer, used by the thread rendering.
 */
abstract sealed class RasterTarget permits LineRaster {
    int[] px;
    int stride;
    int height;
    int clipX0;
    int clipY0;
    int clipX1;
    int clipY1;

    /** Premultiplied source channels packed two per int: alpha|green and red|blue, 0..255 each. */
    int srcAG;
    int srcRB;
    int srcPixel;
    boolean srcOpaque;

    /** Targets a pixel array of the given row stride; the clip becomes the whole array. */
    void target(int[] pixels, int width, int height) {
        px = pixels;
        stride = width;
        this.height = height;
        clip(0, 0, width, height);
    }

    /** Limits drawing to pixels x0 &lt;= x &lt; x1, y0 &lt;= y &lt; y1 (already intersected with the target). */
    void clip(int x0, int y0, int x1, int y1) {
        clipX0 = x0;
        clipY0 = y0;
        clipX1 = Math.max(x0, x1);
        clipY1 = Math.max(y0, y1);
    }

    /**
     * Sets the colour: non-premultiplied ARGB times a global alpha.
     *
     * @return false if nothing would be drawn (fully transparent)
     */
    boolean color(int argb, double alpha) {
        int pre = premultiply(argb, alpha);
        premultipliedColor(pre);
        return pre != 0;
    }

    /** Sets the colour from a premultiplied ARGB value. */
    void premultipliedColor(int pre) {
        int a = pre >>> 24;
        srcAG = a << 16 | (pre >> 8 & 0xFF);
        srcRB = pre & 0x00FF00FF;
        srcPixel = pre;
        srcOpaque = a == 255;
    }

    /** Non-premultiplied ARGB times a global alpha, premultiplied; 0 when fully transparent. */
    static int premultiply(int argb, double alpha) {
        int a = (int) Math.round((argb >>> 24) * alpha);
        if (a <= 0) {
            return 0;
        }
        int r = ((argb >> 16 & 0xFF) * a + 127) / 255;
        int g = ((argb >> 8 & 0xFF) * a + 127) / 255;
        int b = ((argb & 0xFF) * a + 127) / 255;
        return a << 24 | r << 16 | g << 8 | b;
    }

    /** Blends the colour at coverage k/256 (1..256) into pixel {@code i}, source-over, premultiplied. */
    final void blend(int[] p, int i, int k) {
        if (k <= 0) {
            return;
        }
        if (k >= 256 && srcOpaque) {
            p[i] = srcPixel;
        } else {
            p[i] = srcOpaque ? lerp(p[i], srcRB, srcAG, k) : over(p[i], srcRB, srcAG, k);
        }
    }

    final void blend(int i, double coverage) {
        int k = (int) (coverage * 256 + 0.5);
        if (k > 0) {
            blend(px, i, Math.min(k, 256));
        }
    }

    /**
     * Opaque source at coverage k/256 (0..256): the linear interpolation d + (s − d)·k/256, two
     * channels per multiply. Exact, although the packed channels borrow from each other and the
     * product can wrap around: both only disturb bits that the final mask removes.
     */
    static int lerp(int d, int srcRB, int srcAG, int k) {
        int drb = d & 0x00FF00FF;
        int dag = d >>> 8 & 0x00FF00FF;
        drb += (srcRB - drb) * k >> 8;
        dag += (srcAG - dag) * k >> 8;
        return (dag & 0x00FF00FF) << 8 | drb & 0x00FF00FF;
    }

    /** Premultiplied source-over at coverage k/256 (0..256), two channels per multiply. */
    static int over(int d, int srcRB, int srcAG, int k) {
        int rb = (srcRB * k >>> 8) & 0x00FF00FF;
        int ag = (srcAG * k >>> 8) & 0x00FF00FF;
        int a = ag >>> 16;
        int inv = 256 - a - (a >>> 7); // (255 - a) scaled to 0..256
        int drb = ((d & 0x00FF00FF) * inv >>> 8) & 0x00FF00FF;
        int dag = (((d >>> 8) & 0x00FF00FF) * inv >>> 8) & 0x00FF00FF;
        return (ag + dag) << 8 | (rb + drb);
    }

    /** Fills the axis-aligned device rectangle [x0, x1) × [y0, y1) with exact area coverage. */
    void rect(double x0, double y0, double x1, double y1) {
        if (x0 > x1) {
            double t = x0; x0 = x1; x1 = t;
        }
        if (y0 > y1) {
            double t = y0; y0 = y1; y1 = t;
        }
        double xs = Math.max(x0, clipX0);
        double xe = Math.min(x1, clipX1);
        double ys = Math.max(y0, clipY0);
        double ye = Math.min(y1, clipY1);
        if (!(xs < xe && ys < ye)) {
            return; // Also rejects NaN.
        }
        int i0 = (int) Math.floor(xs);
        int i1 = (int) Math.ceil(xe);
        int j0 = (int) Math.floor(ys);
        int j1 = (int) Math.ceil(ye);
        // Columns strictly inside have full horizontal coverage; only the two edge columns are partial.
        double firstCol = Math.min(i0 + 1, x1) - Math.max(i0, x0);
        double lastCol = Math.min(i1, x1) - Math.max(i1 - 1, x0);
        for (int j = j0; j < j1; j++) {
            double vy = Math.min(j + 1, y1) - Math.max(j, y0);
            int row = j * stride;
            if (i1 - i0 == 1) {
                blend(row + i0, vy * (Math.min(i0 + 1, x1) - Math.max(i0, x0)));
                continue;
            }
            blend(row + i0, vy * firstCol);
            int k = (int) (vy * 256 + 0.5);
            if (k >= 256 && srcOpaque) {
                java.util.Arrays.fill(px, row + i0 + 1, row + i1 - 1, srcPixel);
            } else if (k > 0) {
                for (int i = i0 + 1; i < i1 - 1; i++) {
                    blend(px, row + i, k);
                }
            }
            blend(row + i1 - 1, vy * lastCol);
        }
    }
}
