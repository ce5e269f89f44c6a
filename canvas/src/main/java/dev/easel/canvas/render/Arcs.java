package dev.easel.canvas.render;

/**
 * Arc geometry shared by the renderers, so both draw HTML {@code arc()} and {@code arcTo()} from the
 * same cubic Béziers instead of each toolkit's own arc conventions (JavaFX and Java2D measure angles
 * in degrees, counter-clockwise; HTML and Easel use radians, clockwise on screen).
 */
final class Arcs {
    private static final double TWO_PI = 2 * Math.PI;

    private Arcs() {
    }

    /**
     * The signed sweep HTML {@code arc(x, y, r, start, end, ccw)} draws: clockwise (positive) from
     * start to end unless ccw; a full turn when the angles differ by 2π or more in the drawing
     * direction; otherwise the angles are taken modulo 2π.
     */
    static double htmlSweep(double start, double end, boolean ccw) {
        if (!ccw) {
            if (end - start >= TWO_PI) {
                return TWO_PI;
            }
            double s = (end - start) % TWO_PI;
            return s < 0 ? s + TWO_PI : s;
        }
        if (start - end >= TWO_PI) {
            return -TWO_PI;
        }
        double s = (start - end) % TWO_PI;
        return -(s < 0 ? s + TWO_PI : s);
    }

    /**
     * Appends the arc of the circle (cx, cy, r) from {@code start} over {@code sweep} radians: a line
     * (or a move, if the path is empty) to its start, then up to four cubic Béziers (quarter turns at
     * most, error below 0.03% of r).
     */
    static void arc(PathBuilder p, double cx, double cy, double r, double start, double sweep) {
        double x0 = cx + r * Math.cos(start);
        double y0 = cy + r * Math.sin(start);
        if (p.hasCurrentPoint()) {
            p.lineTo(x0, y0);
        } else {
            p.moveTo(x0, y0);
        }
        if (sweep == 0 || r == 0) {
            return;
        }
        int n = (int) Math.ceil(Math.abs(sweep) / (Math.PI / 2) - 1e-9);
        n = Math.max(1, Math.min(4, n));
        double step = sweep / n;
        double k = 4.0 / 3.0 * Math.tan(step / 4);
        double a = start;
        double cos0 = Math.cos(a);
        double sin0 = Math.sin(a);
        for (int i = 0; i < n; i++) {
            double a1 = start + step * (i + 1);
            double cos1 = Math.cos(a1);
            double sin1 = Math.sin(a1);
            p.curveTo(cx + r * (cos0 - k * sin0), cy + r * (sin0 + k * cos0),
                    cx + r * (cos1 + k * sin1), cy + r * (sin1 - k * cos1),
                    cx + r * cos1, cy + r * sin1);
            cos0 = cos1;
            sin0 = sin1;
        }
    }

    /**
     * Appends HTML {@code arcTo(x1, y1, x2, y2, r)} given the current point (x0, y0): a line to
     * (x1, y1) when the points are degenerate or collinear or r is 0, else a line to the first
     * tangent point and the arc of radius r tangent to both lines.
     */
    static void arcTo(PathBuilder p, double x0, double y0, double x1, double y1, double x2, double y2, double r) {
        double ux = x0 - x1;
        double uy = y0 - y1;
        double vx = x2 - x1;
        double vy = y2 - y1;
        double lu = Math.hypot(ux, uy);
        double lv = Math.hypot(vx, vy);
        double cross = ux * vy - uy * vx;
        if (lu == 0 || lv == 0 || r == 0 || Math.abs(cross) < 1e-12 * lu * lv) {
            p.lineTo(x1, y1);
            return;
        }
        ux /= lu;
        uy /= lu;
        vx /= lv;
        vy /= lv;
        double cosTheta = Math.max(-1, Math.min(1, ux * vx + uy * vy));
        double half = Math.acos(cosTheta) / 2;
        double tangentDist = r / Math.tan(half);
        double t1x = x1 + ux * tangentDist;
        double t1y = y1 + uy * tangentDist;
        double t2x = x1 + vx * tangentDist;
        double t2y = y1 + vy * tangentDist;
        double bx = ux + vx;
        double by = uy + vy;
        double lb = Math.hypot(bx, by);
        double centreDist = r / Math.sin(half);
        double cx = x1 + bx / lb * centreDist;
        double cy = y1 + by / lb * centreDist;
        double a0 = Math.atan2(t1y - cy, t1x - cx);
        double a1 = Math.atan2(t2y - cy, t2x - cx);
        double sweep = a1 - a0;
        // The tangent arc is always the short way round (less than a half turn).
        if (sweep > Math.PI) {
            sweep -= TWO_PI;
        } else if (sweep < -Math.PI) {
            sweep += TWO_PI;
        }
        arc(p, cx, cy, r, a0, sweep); // Begins with the line to the first tangent point.
    }
}
