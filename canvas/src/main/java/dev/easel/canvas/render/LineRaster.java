package dev.easel.canvas.render;

import dev.easel.canvas.LineCap;

/**
 * Antialiased straight lines for {@link DirectRaster}: clipped (Liang–Barsky) to the target plus a
 * margin, then walked along the major axis with the end columns in floating point and the columns
 * between them by an integer DDA, with hot loops for opaque and translucent colours (the latter
 * through a per-colour table of the source's share at each coverage).
 */
abstract sealed class LineRaster extends RasterTarget permits DirectRaster {
    private static final double ROUND_CAP_EXTENSION = Math.PI / 8; // × width: a round cap's area as a length.

    /** A translucent colour's share of a blend at each coverage 0..256: see {@link #buildOverTable}. */
    private final long[] overTable = new long[257];
    /** The colour (premultiplied) {@link #overTable} holds, if {@link #overTableValid}. */
    private int overTableFor;
    private boolean overTableValid;
    /** A line of a colour without a table must be this many columns long to build one (~1 µs). */
    private static final int OVER_TABLE_MIN_COLUMNS = 256;

    /**
     * A straight line of the given device width from (x0, y0) to (x1, y1) with a butt, square or
     * round cap (square and round caps are approximated by lengthening the line by the cap's area,
     * exact enough at the thin widths this is used for).
     */
    void line(double x0, double y0, double x1, double y1, double width, LineCap cap) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len = Math.sqrt(dx * dx + dy * dy);
        if (!(len < Double.POSITIVE_INFINITY) || !(width > 0)) {
            return; // NaN or infinite coordinates: draw nothing rather than loop forever.
        }
        double ext = switch (cap) {
            case BUTT -> 0;
            case SQUARE -> width / 2;
            case ROUND -> width * ROUND_CAP_EXTENSION;
        };
        if (len == 0) {
            if (ext > 0) {
                double h = cap == LineCap.SQUARE ? width / 2 : width * Math.sqrt(Math.PI) / 4;
                rect(x0 - h, y0 - h, x0 + h, y0 + h);
            }
            return;
        }
        if (ext > 0) {
            double ex = dx / len * ext;
            double ey = dy / len * ext;
            x0 -= ex;
            y0 -= ey;
            x1 += ex;
            y1 += ey;
        }
        // Clip to the target (not the clip or band) plus a margin: the same for every band, so the
        // pixels do not depend on how a batch is split, and it keeps the fixed-point values small.
        double m = width + 2;
        dx = x1 - x0;
        dy = y1 - y0;
        lb0 = 0;
        lb1 = 1;
        if (!clipEdge(-dx, x0 + m) || !clipEdge(dx, stride + m - x0) || !clipEdge(-dy, y0 + m)
                || !clipEdge(dy, height + m - y0)) {
            return;
        }
        double t0 = lb0;
        double t1 = lb1;
        if (t1 < 1) {
            x1 = x0 + t1 * dx;
            y1 = y0 + t1 * dy;
        }
        if (t0 > 0) {
            x0 += t0 * dx;
            y0 += t0 * dy;
        }
        dx = x1 - x0;
        dy = y1 - y0;
        len = Math.sqrt(dx * dx + dy * dy);
        if (!(len > 0)) {
            return;
        }
        if (Math.abs(dx) >= Math.abs(dy)) {
            if (dx < 0) {
                double t = x0; x0 = x1; x1 = t;
                t = y0; y0 = y1; y1 = t;
                dx = -dx;
                dy = -dy;
            }
            spans(x0, y0, x1, dy / dx, width * len / dx, false);
        } else {
            if (dy < 0) {
                double t = x0; x0 = x1; x1 = t;
                t = y0; y0 = y1; y1 = t;
                dx = -dx;
                dy = -dy;
            }
            spans(y0, x0, y1, dx / dy, width * len / dy, true);
        }
    }

    /** Liang–Barsky parameter range of the segment still inside, updated by {@link #clipEdge}. */
    private double lb0;
    private double lb1;

    /** Narrows [lb0, lb1] by one edge (p·t &lt;= q); false when nothing is left. */
    private boolean clipEdge(double p, double q) {
        if (p == 0) {
            return q >= 0;
        }
        double t = q / p;
        if (p < 0) {
            lb0 = Math.max(lb0, t);
        } else {
            lb1 = Math.min(lb1, t);
        }
        return lb0 < lb1;
    }

    /**
     * Walks a line along its major axis u from u0 to u1 (minor coordinate v0 at u0, slope dv/du, |slope|
     * &lt;= 1), covering in each unit step of u the interval of v of length {@code thickness} centred on the
     * line. {@code steep}: u is y and v is x. The two end columns, which the line covers only partly,
     * are computed in floating point; the columns between them with an integer DDA (position in 32.32
     * fixed point, coverage in 1/256 pixel), which is what makes 10,000 lines a frame cheap.
     */
    private void spans(double u0, double v0, double u1, double slope, double thickness, boolean steep) {
        int uMin = steep ? clipY0 : clipX0;
        int uMax = steep ? clipY1 : clipX1;
        int vMin = steep ? clipX0 : clipY0;
        int vMax = steep ? clipX1 : clipY1;
        double half = thickness / 2;
        // Visit only the columns where the line can reach the clip: parts outside it cost nothing.
        double us = Math.max(u0, uMin);
        double ue = Math.min(u1, uMax);
        double vLo = vMin - 1 - half;
        double vHi = vMax + 1 + half;
        if (slope > 0) {
            us = Math.max(us, u0 + (vLo - v0) / slope);
            ue = Math.min(ue, u0 + (vHi - v0) / slope);
        } else if (slope < 0) {
            us = Math.max(us, u0 + (vHi - v0) / slope);
            ue = Math.min(ue, u0 + (vLo - v0) / slope);
        } else if (v0 < vLo || v0 > vHi) {
            return;
        }
        if (!(us < ue)) {
            return;
        }
        int cs = (int) Math.floor(us);
        int ce = (int) Math.ceil(ue);
        // The line's own end columns, which it covers only partly, are computed in floating point;
        // the columns between them by the DDA.
        int e0 = (int) Math.floor(u0);
        int e1 = (int) Math.ceil(u1) - 1;
        if (e0 >= cs && e0 < ce) {
            column(e0, u0, v0, u1, slope, half, vMin, vMax, steep);
        }
        if (e1 != e0 && e1 >= cs && e1 < ce) {
            column(e1, u0, v0, u1, slope, half, vMin, vMax, steep);
        }
        int ia = Math.max(cs, e0 + 1);
        int ib = Math.min(ce, e1);
        if (ia >= ib) {
            return;
        }
        int t256 = (int) Math.round(thickness * 256);
        // Positions derive from the line's first interior column, not from where drawing starts, so
        // a column gets the same coverage whatever the clip or band.
        long dfp = (long) (slope * 0x1p32);
        long fp = (long) ((v0 + (e0 + 1.5 - u0) * slope - half) * 0x1p32) + (long) (ia - e0 - 1) * dfp;
        // Columns where every row the line touches is inside the clip need no per-row checks: find
        // that middle stretch (the line's top edge is linear in the column), with a column of margin.
        int safeA = ib;
        int safeB = ib;
        double topA = v0 + (ia + 0.5 - u0) * slope - half;
        // 1/256 pixel of margin: far more than the fixed-point rounding, so no row can fall outside.
        double lo = vMin + 1.0 / 256;
        double hi = vMax - thickness - 1.0 / 256;
        if (slope == 0) {
            if (topA >= lo && topA <= hi) {
                safeA = ia;
            }
        } else {
            // Solve lo <= topA + (i - ia) * slope <= hi for i.
            double x1 = (lo - topA) / slope;
            double x2 = (hi - topA) / slope;
            double from = Math.max(0, Math.min(x1, x2));
            double to = Math.min(ib - ia, Math.max(x1, x2));
            if (from <= to && lo <= hi) { // lo > hi: the clip is thinner than the line, no row is safe
                safeA = ia + (int) Math.ceil(from) + 1;
                safeB = Math.max(safeA, ia + (int) Math.floor(to) - 1);
            }
        }
        safeA = Math.min(safeA, ib);
        safeB = Math.min(Math.max(safeB, safeA), ib);
        int i = ia;
        for (; i < safeA; i++, fp += dfp) {
            columnChecked(i, (int) (fp >> 24), t256, vMin, vMax, steep);
        }
        if (safeB > i) {
            if (srcOpaque) {
                opaqueColumns(i, safeB, fp, dfp, t256, steep);
            } else {
                translucentColumns(i, safeB, fp, dfp, t256, steep);
            }
            fp += dfp * (safeB - i);
            i = safeB;
        }
        for (; i < ib; i++, fp += dfp) {
            columnChecked(i, (int) (fp >> 24), t256, vMin, vMax, steep);
        }
    }

    /**
     * The hot loop for opaque colours: columns [ia, ib) of a line whose rows are all inside the clip.
     * Kept small, with the pixel arithmetic in tiny static methods, so the JIT inlines everything.
     */
    private void opaqueColumns(int ia, int ib, long fp, long dfp, int t256, boolean steep) {
        final int[] p = px;
        final int w = stride;
        final int step = steep ? 1 : w;
        final int rb = srcRB;
        final int ag = srcAG;
        final int solid = srcPixel;
        if (t256 <= 512) {
            // At most two pixels thick: the band covers at most three rows, handled without a loop.
            for (int i = ia; i < ib; i++, fp += dfp) {
                int top = (int) (fp >> 24); // 24.8 fixed point
                int j = top >> 8;
                int idx = steep ? i * w + j : j * w + i;
                int bot = (top & 0xFF) + t256; // the band's bottom, relative to row j's top
                if (bot <= 256) {
                    p[idx] = lerp(p[idx], rb, ag, t256);
                } else if (bot <= 512) {
                    p[idx] = lerp(p[idx], rb, ag, 256 - (top & 0xFF));
                    p[idx + step] = lerp(p[idx + step], rb, ag, bot - 256);
                } else {
                    p[idx] = lerp(p[idx], rb, ag, 256 - (top & 0xFF));
                    p[idx + step] = solid;
                    p[idx + 2 * step] = lerp(p[idx + 2 * step], rb, ag, bot - 512);
                }
            }
            return;
        }
        for (int i = ia; i < ib; i++, fp += dfp) {
            int top = (int) (fp >> 24);
            int j = top >> 8;
            int idx = steep ? i * w + j : j * w + i;
            int first = 256 - (top & 0xFF);
            p[idx] = lerp(p[idx], rb, ag, first);
            int rest = t256 - first;
            idx += step;
            while (rest > 256) {
                p[idx] = solid;
                rest -= 256;
                idx += step;
            }
            if (rest > 0) {
                p[idx] = lerp(p[idx], rb, ag, rest);
            }
        }
    }

    /**
     * The same loop for translucent colours (source-over with coverage). The source's share of each
     * blend depends only on the coverage, so it comes from {@link #overTable} (built once per colour,
     * when a line is long enough to pay for it): a third fewer instructions per pixel.
     */
    private void translucentColumns(int ia, int ib, long fp, long dfp, int t256, boolean steep) {
        if (overTableFor != srcPixel || !overTableValid) {
            if (ib - ia < OVER_TABLE_MIN_COLUMNS) {
                translucentColumnsUntabled(ia, ib, fp, dfp, t256, steep);
                return;
            }
            buildOverTable();
        }
        final int[] p = px;
        final long[] tab = overTable;
        final int w = stride;
        final int step = steep ? 1 : w;
        for (int i = ia; i < ib; i++, fp += dfp) {
            int top = (int) (fp >> 24);
            int j = top >> 8;
            int idx = steep ? i * w + j : j * w + i;
            int first = 256 - (top & 0xFF);
            if (t256 <= first) {
                p[idx] = over(p[idx], tab[t256]);
                continue;
            }
            p[idx] = over(p[idx], tab[first]);
            int rest = t256 - first;
            idx += step;
            while (rest > 256) {
                p[idx] = over(p[idx], tab[256]);
                rest -= 256;
                idx += step;
            }
            p[idx] = over(p[idx], tab[rest]);
        }
    }

    /** {@link #translucentColumns} computing the source's share per pixel: for short lines of a new colour. */
    private void translucentColumnsUntabled(int ia, int ib, long fp, long dfp, int t256, boolean steep) {
        final int[] p = px;
        final int w = stride;
        final int step = steep ? 1 : w;
        final int rb = srcRB;
        final int ag = srcAG;
        for (int i = ia; i < ib; i++, fp += dfp) {
            int top = (int) (fp >> 24);
            int j = top >> 8;
            int idx = steep ? i * w + j : j * w + i;
            int first = 256 - (top & 0xFF);
            if (t256 <= first) {
                p[idx] = over(p[idx], rb, ag, t256);
                continue;
            }
            p[idx] = over(p[idx], rb, ag, first);
            int rest = t256 - first;
            idx += step;
            while (rest > 256) {
                p[idx] = over(p[idx], rb, ag, 256);
                rest -= 256;
                idx += step;
            }
            p[idx] = over(p[idx], rb, ag, rest);
        }
    }

    /**
     * Fills {@link #overTable} for the current colour: entry k holds what {@link #over(int, int, int, int)}
     * computes from the source at coverage k, the scaled source pixel in the low half and the
     * destination's factor in the high half.
     */
    private void buildOverTable() {
        for (int k = 0; k <= 256; k++) {
            int rb = (srcRB * k >>> 8) & 0x00FF00FF;
            int ag = (srcAG * k >>> 8) & 0x00FF00FF;
            int a = ag >>> 16;
            int inv = 256 - a - (a >>> 7);
            overTable[k] = (long) inv << 32 | ((ag << 8 | rb) & 0xFFFFFFFFL);
        }
        overTableFor = srcPixel;
        overTableValid = true;
    }

    /**
     * {@link #over(int, int, int, int)} with the source's share taken from an {@link #overTable} entry.
     * The same result: there the channels are summed separately and OR-ed together, here summed in one
     * addition, which is the same because no channel sum exceeds 255 (a premultiplied destination's
     * channels are at most its alpha, so each sum is at most a + (255 − a)).
     */
    private static int over(int d, long entry) {
        int inv = (int) (entry >>> 32);
        int drb = ((d & 0x00FF00FF) * inv >>> 8) & 0x00FF00FF;
        int dag = ((d >>> 8) & 0x00FF00FF) * inv & 0xFF00FF00;
        return (int) entry + (dag | drb);
    }

    /** One interior column of a line, checking each row against the clip. */
    private void columnChecked(int i, int top, int t256, int vMin, int vMax, boolean steep) {
        int bot = top + t256;
        int j = top >> 8;
        int rowTop = j << 8;
        int step = steep ? 1 : stride;
        int idx = steep ? i * stride + j : j * stride + i;
        int c = Math.min(bot, rowTop + 256) - top;
        while (true) {
            if (c > 0 && j >= vMin && j < vMax) {
                blend(px, idx, c);
            }
            rowTop += 256;
            if (rowTop >= bot) {
                return;
            }
            j++;
            idx += step;
            c = Math.min(bot, rowTop + 256) - rowTop;
        }
    }

    /** One column (row, if steep) of a line, in floating point: used for the partly covered ends. */
    private void column(int i, double u0, double v0, double u1, double slope, double half, int vMin, int vMax,
            boolean steep) {
        double left = Math.max(i, u0);
        double right = Math.min(i + 1, u1);
        double hu = right - left;
        if (hu <= 0) {
            return;
        }
        double vc = v0 + ((left + right) * 0.5 - u0) * slope;
        double top = vc - half;
        double bot = vc + half;
        int j0 = Math.max((int) Math.floor(top), vMin);
        int j1 = Math.min((int) Math.ceil(bot), vMax);
        int step = steep ? 1 : stride;
        int idx = steep ? i * stride + j0 : j0 * stride + i;
        for (int j = j0; j < j1; j++, idx += step) {
            blend(idx, (Math.min(bot, j + 1) - Math.max(top, j)) * hu);
        }
    }
}
