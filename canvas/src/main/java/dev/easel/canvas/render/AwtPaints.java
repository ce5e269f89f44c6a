package dev.easel.canvas.render;

import dev.easel.canvas.Gradient;
import java.awt.Color;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.util.Arrays;

/** Gradients as Java2D paints, for {@link Java2dPainter}. */
final class AwtPaints {
    private AwtPaints() {
    }

    /**
     * The Java2D paint of a gradient, colours times {@code alpha}, for a user space mapped by
     * {@code t}. Java2D wants at least two stops at strictly increasing fractions: one stop becomes
     * two of its colour, equal offsets (a hard edge) are moved apart by the smallest float step.
     * What paints nothing (equal end points, radius 0) is a transparent colour.
     */
    static java.awt.Paint awtPaint(Gradient gr, double alpha, AffineTransform t) {
        double[] offsets = gr.stops().offsets();
        int[] argb = gr.stops().argb();
        // Java2D interpolates unpremultiplied colours; HTML canvas premultiplied ones. They differ most
        // at a fully transparent stop ("red" to "transparent" would pass through dark red): such a
        // stop takes the colour of each neighbour on that neighbour's side, which premultiplied
        // interpolation does implicitly.
        float[] f = new float[2 * offsets.length + 1];
        Color[] c = new Color[f.length];
        int n = 0;
        for (int k = 0; k < offsets.length; k++) {
            int a = (int) Math.round((argb[k] >>> 24) * alpha);
            if (argb[k] >>> 24 == 0 && offsets.length > 1) {
                int before = argb[Math.max(0, k - 1)] & 0xFFFFFF;
                int after = argb[Math.min(offsets.length - 1, k + 1)] & 0xFFFFFF;
                if (k > 0) {
                    f[n] = (float) offsets[k];
                    c[n++] = new Color(before, true);
                }
                if (k < offsets.length - 1) {
                    f[n] = (float) offsets[k];
                    c[n++] = new Color(after, true);
                }
                continue;
            }
            f[n] = (float) offsets[k];
            c[n++] = new Color(a << 24 | (argb[k] & 0xFFFFFF), true);
        }
        if (n == 1) {
            f[1] = 1f;
            f[0] = 0f;
            c[1] = c[0];
            n = 2;
        }
        f = Arrays.copyOf(f, n);
        c = Arrays.copyOf(c, n);
        for (int i = 1; i < n; i++) {
            if (f[i] <= f[i - 1]) {
                f[i] = Math.nextUp(f[i - 1]);
            }
        }
        if (f[n - 1] > 1f) {
            f[n - 1] = 1f;
            for (int i = n - 2; i >= 0; i--) {
                f[i] = Math.min(f[i], Math.nextDown(f[i + 1]));
            }
        }
        MultipleGradientPaint.CycleMethod cycle = switch (gr.extend()) {
            case PAD -> MultipleGradientPaint.CycleMethod.NO_CYCLE;
            case REPEAT -> MultipleGradientPaint.CycleMethod.REPEAT;
            case REFLECT -> MultipleGradientPaint.CycleMethod.REFLECT;
        };
        try {
            return switch (gr) {
                case Gradient.Linear l -> new LinearGradientPaint(new Point2D.Double(l.x0(), l.y0()),
                        new Point2D.Double(l.x1(), l.y1()), f, c, cycle, MultipleGradientPaint.ColorSpaceType.SRGB, t);
                case Gradient.Radial r -> new RadialGradientPaint(new Point2D.Double(r.cx(), r.cy()), (float) r.r(),
                        new Point2D.Double(r.fx(), r.fy()), f, c, cycle, MultipleGradientPaint.ColorSpaceType.SRGB, t);
            };
        } catch (IllegalArgumentException degenerate) {
            return new Color(0, true); // equal end points, a radius too small for a float: HTML paints nothing
        }
    }
}
