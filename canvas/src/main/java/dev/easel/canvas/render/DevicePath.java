package dev.easel.canvas.render;

import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Path2D;

/** A path in device coordinates that also tracks its current point and the user point behind it. */
final class DevicePath implements PathBuilder {
    private final AffineTransform tx;

    DevicePath(AffineTransform tx) {
        this.tx = tx;
    }

    final Path2D.Double device = new Path2D.Double(Path2D.WIND_NON_ZERO);
    private boolean hasPoint;
    private double curX;
    private double curY;
    private double startX;
    private double startY;
    private final double[] p = new double[6];
    private final double[] inv = new double[2];

    void reset() {
        device.reset();
        hasPoint = false;
    }

    @Override
    public boolean hasCurrentPoint() {
        return hasPoint;
    }

    /** The current point in user coordinates, or null if the transform cannot be inverted. */
    double[] currentUserPoint() {
        inv[0] = curX;
        inv[1] = curY;
        try {
            tx.inverseTransform(inv, 0, inv, 0, 1);
        } catch (NoninvertibleTransformException e) {
            return null;
        }
        return inv;
    }

    @Override
    public void moveTo(double x, double y) {
        map(x, y, 0);
        device.moveTo(p[0], p[1]);
        hasPoint = true;
        curX = startX = p[0];
        curY = startY = p[1];
    }

    @Override
    public void lineTo(double x, double y) {
        if (!hasPoint) {
            moveTo(x, y);
            return;
        }
        map(x, y, 0);
        device.lineTo(p[0], p[1]);
        curX = p[0];
        curY = p[1];
    }

    void quadTo(double cx, double cy, double x, double y) {
        if (!hasPoint) {
            moveTo(cx, cy);
        }
        map(cx, cy, 0);
        map(x, y, 2);
        device.quadTo(p[0], p[1], p[2], p[3]);
        curX = p[2];
        curY = p[3];
    }

    @Override
    public void curveTo(double c1x, double c1y, double c2x, double c2y, double x, double y) {
        if (!hasPoint) {
            moveTo(c1x, c1y);
        }
        map(c1x, c1y, 0);
        map(c2x, c2y, 2);
        map(x, y, 4);
        device.curveTo(p[0], p[1], p[2], p[3], p[4], p[5]);
        curX = p[4];
        curY = p[5];
    }

    void closePath() {
        if (hasPoint) {
            device.closePath();
            curX = startX;
            curY = startY;
        }
    }

    private void map(double x, double y, int at) {
        p[at] = x;
        p[at + 1] = y;
        tx.transform(p, at, p, at, 1);
    }
}
