package dev.easel.canvas.render;

import java.util.Arrays;
import org.lwjgl.nanovg.NanoVG;

/**
 * A path in device pixels, built on the Java side and handed to NanoVG whole. NanoVG's own path is
 * emptied by every shape it draws, while a canvas path lives across other drawing; points are
 * transformed when they are added (as {@link dev.easel.canvas.CommandSink} says), so the path is
 * drawn with NanoVG's identity transform. Also flattens and dashes, which NanoVG cannot.
 */
final class GlPath {
    static final int MOVE = 0;
    static final int LINE = 1;
    static final int CUBIC = 2;
    static final int CLOSE = 3;
    private static final double KAPPA = 0.5522847498307936; // control distance of a quarter circle

    private double[] d = new double[256];
    private int n;
    /** The transform points are added with: device = [a c e; b d f] × user. */
    double a = 1, b, c, dd = 1, e, f;
    private double startX, startY, lastX, lastY;
    private boolean hasPoint;

    void setTransform(double a, double b, double c, double d, double e, double f) {
        this.a = a;
        this.b = b;
        this.c = c;
        this.dd = d;
        this.e = e;
        this.f = f;
    }

    void reset() {
        n = 0;
        hasPoint = false;
    }

    boolean isEmpty() {
        return n == 0;
    }

    private void put(double op, double... v) {
        if (n + 1 + v.length > d.length) {
            d = Arrays.copyOf(d, Math.max(d.length * 2, n + 1 + v.length));
        }
        d[n++] = op;
        for (double x : v) {
            d[n++] = x;
        }
    }

    private double tx(double x, double y) {
        return a * x + c * y + e;
    }

    private double ty(double x, double y) {
        return b * x + dd * y + f;
    }

    void moveTo(double x, double y) {
        double px = tx(x, y), py = ty(x, y);
        put(MOVE, px, py);
        startX = lastX = px;
        startY = lastY = py;
        hasPoint = true;
    }

    void lineTo(double x, double y) {
        if (!hasPoint) {
            moveTo(x, y);
            return;
        }
        lastX = tx(x, y);
        lastY = ty(x, y);
        put(LINE, lastX, lastY);
    }

    void bezierTo(double c1x, double c1y, double c2x, double c2y, double x, double y) {
        if (!hasPoint) {
            moveTo(c1x, c1y);
        }
        lastX = tx(x, y);
        lastY = ty(x, y);
        put(CUBIC, tx(c1x, c1y), ty(c1x, c1y), tx(c2x, c2y), ty(c2x, c2y), lastX, lastY);
    }

    void quadTo(double cx, double cy, double x, double y) {
        double[] p = userLast();
        double x0 = p == null ? cx : p[0], y0 = p == null ? cy : p[1];
        bezierTo(x0 + 2.0 / 3 * (cx - x0), y0 + 2.0 / 3 * (cy - y0), x + 2.0 / 3 * (cx - x), y + 2.0 / 3 * (cy - y), x, y);
    }

    void closePath() {
        if (hasPoint) {
            put(CLOSE);
            lastX = startX;
            lastY = startY;
        }
    }

    void rect(double x, double y, double w, double h) {
        moveTo(x, y);
        lineTo(x + w, y);
        lineTo(x + w, y + h);
        lineTo(x, y + h);
        closePath();
        // HTML: after rect() the current point is the rectangle's start, in a new subpath.
    }

    /** The current point in user space (inverse transform), or null. */
    private double[] userLast() {
        if (!hasPoint) {
            return null;
        }
        double det = a * dd - b * c;
        if (det == 0) {
            return null;
        }
        double x = lastX - e, y = lastY - f;
        return new double[] {(dd * x - c * y) / det, (-b * x + a * y) / det};
    }

    /** HTML {@code arc}: a line to the arc's start (if there is a point), then the arc as cubics. */
    void arc(double cx, double cy, double r, double start, double end, boolean ccw) {
        double sweep = Arcs.htmlSweep(start, end, ccw);
        arcSweep(cx, cy, r, start, sweep, true);
    }

    /** An arc of {@code sweep} radians from {@code start}; joined to the path by a line (or a move when {@code join} is false or there is no point). */
    void arcSweep(double cx, double cy, double r, double start, double sweep, boolean join) {
        double x0 = cx + r * Math.cos(start), y0 = cy + r * Math.sin(start);
        if (join && hasPoint) {
            lineTo(x0, y0);
        } else {
            moveTo(x0, y0);
        }
        int segs = Math.max(1, (int) Math.ceil(Math.abs(sweep) / (Math.PI / 2) - 1e-9));
        double step = sweep / segs;
        double k = 4.0 / 3 * Math.tan(step / 4) * r;
        double ang = start;
        for (int i = 0; i < segs; i++) {
            double a0 = ang, a1 = ang + step;
            double c0 = Math.cos(a0), s0 = Math.sin(a0), c1 = Math.cos(a1), s1 = Math.sin(a1);
            bezierTo(cx + r * c0 - k * s0, cy + r * s0 + k * c0, cx + r * c1 + k * s1, cy + r * s1 - k * c1,
                    cx + r * c1, cy + r * s1);
            ang = a1;
        }
    }

    /** HTML {@code arcTo}. */
    void arcTo(double x1, double y1, double x2, double y2, double r) {
        double[] p = userLast();
        if (p == null) {
            moveTo(x1, y1);
            return;
        }
        double x0 = p[0], y0 = p[1];
        double ux = x0 - x1, uy = y0 - y1, vx = x2 - x1, vy = y2 - y1;
        double lu = Math.hypot(ux, uy), lv = Math.hypot(vx, vy);
        double cross = ux * vy - uy * vx;
        if (r == 0 || lu == 0 || lv == 0 || Math.abs(cross) < 1e-12 * lu * lv) {
            lineTo(x1, y1);
            return;
        }
        ux /= lu;
        uy /= lu;
        vx /= lv;
        vy /= lv;
        double cosT = ux * vx + uy * vy;
        double half = Math.acos(Math.max(-1, Math.min(1, cosT))) / 2;
        double t = r / Math.tan(half);
        double tx0 = x1 + ux * t, ty0 = y1 + uy * t, tx1 = x1 + vx * t, ty1 = y1 + vy * t;
        double bx = ux + vx, by = uy + vy, bl = Math.hypot(bx, by);
        double dist = r / Math.sin(half);
        double ccx = x1 + bx / bl * dist, ccy = y1 + by / bl * dist;
        double a0 = Math.atan2(ty0 - ccy, tx0 - ccx), a1 = Math.atan2(ty1 - ccy, tx1 - ccx);
        double sweep = a1 - a0;
        boolean clockwise = cross < 0; // on screen (y down): turning from u to v
        while (clockwise && sweep < 0) {
            sweep += 2 * Math.PI;
        }
        while (!clockwise && sweep > 0) {
            sweep -= 2 * Math.PI;
        }
        arcSweep(ccx, ccy, r, a0, sweep, true);
    }

    void ellipse(double cx, double cy, double rx, double ry) {
        moveTo(cx + rx, cy);
        bezierTo(cx + rx, cy + ry * KAPPA, cx + rx * KAPPA, cy + ry, cx, cy + ry);
        bezierTo(cx - rx * KAPPA, cy + ry, cx - rx, cy + ry * KAPPA, cx - rx, cy);
        bezierTo(cx - rx, cy - ry * KAPPA, cx - rx * KAPPA, cy - ry, cx, cy - ry);
        bezierTo(cx + rx * KAPPA, cy - ry, cx + rx, cy - ry * KAPPA, cx + rx, cy);
        closePath();
    }

    void roundRect(double x, double y, double w, double h, double r) {
        if (w < 0) {
            x += w;
            w = -w;
        }
        if (h < 0) {
            y += h;
            h = -h;
        }
        r = Math.max(0, Math.min(r, Math.min(w, h) / 2));
        if (r == 0) {
            rect(x, y, w, h);
            return;
        }
        double k = r * (1 - KAPPA);
        moveTo(x + r, y);
        lineTo(x + w - r, y);
        bezierTo(x + w - k, y, x + w, y + k, x + w, y + r);
        lineTo(x + w, y + h - r);
        bezierTo(x + w, y + h - k, x + w - k, y + h, x + w - r, y + h);
        lineTo(x + r, y + h);
        bezierTo(x + k, y + h, x, y + h - k, x, y + h - r);
        lineTo(x, y + r);
        bezierTo(x, y + k, x + k, y, x + r, y);
        closePath();
    }

    /** Device bounds of the control points: {x0, y0, x1, y1}, or null when empty. */
    double[] bounds() {
        double x0 = Double.POSITIVE_INFINITY, y0 = x0, x1 = Double.NEGATIVE_INFINITY, y1 = x1;
        for (int i = 0; i < n; ) {
            int op = (int) d[i++];
            int pts = op == CUBIC ? 3 : op == CLOSE ? 0 : 1;
            for (int k = 0; k < pts; k++, i += 2) {
                x0 = Math.min(x0, d[i]);
                x1 = Math.max(x1, d[i]);
                y0 = Math.min(y0, d[i + 1]);
                y1 = Math.max(y1, d[i + 1]);
            }
        }
        return x0 > x1 ? null : new double[] {x0, y0, x1, y1};
    }

    /** The device rectangle {x0, y0, x1, y1} when the path is one axis-aligned rectangle, else null. */
    double[] asRect() {
        // move + 3 lines + (line back to start)? + close
        if (n < 9 || d[0] != MOVE) {
            return null;
        }
        double[] xs = new double[5], ys = new double[5];
        int k = 0;
        for (int i = 0; i < n; ) {
            int op = (int) d[i++];
            if (op == CLOSE) {
                if (i != n) {
                    return null;
                }
                break;
            }
            if ((op != MOVE && op != LINE) || (op == MOVE && i != 1) || k == 5) {
                return null;
            }
            xs[k] = d[i];
            ys[k++] = d[i + 1];
            i += 2;
        }
        if (k == 5 && (xs[4] != xs[0] || ys[4] != ys[0])) {
            return null;
        }
        if (k < 4) {
            return null;
        }
        boolean h0 = ys[0] == ys[1] && xs[1] == xs[2] && ys[2] == ys[3] && xs[3] == xs[0];
        boolean v0 = xs[0] == xs[1] && ys[1] == ys[2] && xs[2] == xs[3] && ys[3] == ys[0];
        if (!h0 && !v0) {
            return null;
        }
        return new double[] {Math.min(xs[0], xs[2]), Math.min(ys[0], ys[2]), Math.max(xs[0], xs[2]), Math.max(ys[0], ys[2])};
    }

    /**
     * Adds this path to NanoVG's (identity transform), each subpath with its own orientation kept
     * so that NanoVG's winding enforcement does not turn holes into fills (non-zero rule).
     */
    void emit(long vg) {
        for (int i = 0; i < n; ) {
            int op = (int) d[i++];
            switch (op) {
                case MOVE -> {
                    NanoVG.nvgMoveTo(vg, (float) d[i], (float) d[i + 1]);
                    double area = subpathArea(i - 1);
                    NanoVG.nvgPathWinding(vg, area >= 0 ? NanoVG.NVG_CCW : NanoVG.NVG_CW);
                    i += 2;
                }
                case LINE -> {
                    NanoVG.nvgLineTo(vg, (float) d[i], (float) d[i + 1]);
                    i += 2;
                }
                case CUBIC -> {
                    NanoVG.nvgBezierTo(vg, (float) d[i], (float) d[i + 1], (float) d[i + 2], (float) d[i + 3],
                            (float) d[i + 4], (float) d[i + 5]);
                    i += 6;
                }
                default -> NanoVG.nvgClosePath(vg);
            }
        }
    }

    /** Twice the signed area (NanoVG's sign convention) of the control polygon of the subpath starting at {@code i}. */
    private double subpathArea(int i) {
        double sx = d[i + 1], sy = d[i + 2], px = sx, py = sy, area = 0;
        i += 3;
        while (i < n && d[i] != MOVE) {
            int op = (int) d[i++];
            int pts = op == CUBIC ? 3 : op == CLOSE ? 0 : 1;
            for (int k = 0; k < pts; k++, i += 2) {
                area += (px - sx) * (d[i + 1] - sy) - (d[i] - sx) * (py - sy);
                px = d[i];
                py = d[i + 1];
            }
        }
        return area;
    }

    /**
     * The dashed version of this path (device space): each dash its own open subpath. {@code dashes}
     * are device lengths; the pattern starts again with each subpath, as Java2D's does.
     */
    GlPath dashed(double[] dashes, GlPath out) {
        out.reset();
        double total = 0;
        for (double v : dashes) {
            total += v;
        }
        if (total <= 0) {
            return this;
        }
        double sx = 0, sy = 0, px = 0, py = 0;
        int idx = 0;
        double left = dashes[0];
        boolean on = true, pen = false;
        for (int i = 0; i < n; ) {
            int op = (int) d[i++];
            if (op == MOVE) {
                sx = px = d[i];
                sy = py = d[i + 1];
                i += 2;
                idx = 0;
                left = dashes[0];
                on = true;
                pen = false;
                continue;
            }
            double[] seg; // flattened points after (px, py)
            if (op == LINE) {
                seg = new double[] {d[i], d[i + 1]};
                i += 2;
            } else if (op == CUBIC) {
                seg = flatten(px, py, d[i], d[i + 1], d[i + 2], d[i + 3], d[i + 4], d[i + 5]);
                i += 6;
            } else {
                seg = new double[] {sx, sy};
            }
            for (int k = 0; k < seg.length; k += 2) {
                double qx = seg[k], qy = seg[k + 1];
                double len = Math.hypot(qx - px, qy - py), done = 0;
                while (len - done > 0) {
                    double step = Math.min(left, len - done);
                    double t1 = (done + step) / len;
                    double ex = px + (qx - px) * t1, ey = py + (qy - py) * t1;
                    if (on) {
                        if (!pen) {
                            double t0 = done / len;
                            out.putRaw(MOVE, px + (qx - px) * t0, py + (qy - py) * t0);
                            pen = true;
                        }
                        out.putRaw(LINE, ex, ey);
                    }
                    done += step;
                    left -= step;
                    if (left <= 1e-12) {
                        idx = (idx + 1) % dashes.length;
                        left = dashes[idx];
                        on = !on;
                        pen = false;
                    }
                }
                px = qx;
                py = qy;
            }
        }
        return out;
    }

    private void putRaw(int op, double x, double y) {
        put(op, x, y);
    }

    /** Points along a cubic, spaced about a device pixel or less apart (the start point excluded). */
    private static double[] flatten(double x0, double y0, double x1, double y1, double x2, double y2, double x3, double y3) {
        double len = Math.hypot(x1 - x0, y1 - y0) + Math.hypot(x2 - x1, y2 - y1) + Math.hypot(x3 - x2, y3 - y2);
        int steps = Math.max(2, Math.min(256, (int) Math.ceil(len / 2)));
        double[] out = new double[2 * steps];
        for (int s = 1; s <= steps; s++) {
            double t = (double) s / steps, u = 1 - t;
            double w0 = u * u * u, w1 = 3 * u * u * t, w2 = 3 * u * t * t, w3 = t * t * t;
            out[2 * s - 2] = w0 * x0 + w1 * x1 + w2 * x2 + w3 * x3;
            out[2 * s - 1] = w0 * y0 + w1 * y1 + w2 * y2 + w3 * y3;
        }
        return out;
    }
}
