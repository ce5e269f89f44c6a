package dev.easel.canvas;

import java.util.Arrays;
import java.util.Locale;

/**
 * A gradient used as the fill or stroke paint: Python's {@code easel.LinearGradient} and
 * {@code easel.RadialGradient}. Coordinates are in user space, interpreted with the transform current
 * when a shape is drawn (as HTML canvas and Java2D do), not when the gradient was set. Immutable.
 *
 * <p>Semantics follow Java2D's {@code MultipleGradientPaint}: colours are interpolated in sRGB
 * between stops, before the first stop and after the last the {@link Extend} rule applies, and a
 * radial gradient's focus (where offset 0 is) may differ from its centre; a focus outside the circle
 * is moved just inside it.
 */
public sealed interface Gradient {

    /** What is painted before offset 0 and after offset 1. */
    enum Extend {
        /** The end colours continue (HTML canvas's only behaviour). */
        PAD,
        /** The gradient starts again. */
        REPEAT,
        /** The gradient runs back and forth. */
        REFLECT;

        /** Parses {@code "pad"}, {@code "repeat"} or {@code "reflect"}. */
        public static Extend parse(String s) {
            return switch (s == null ? "" : s.toLowerCase(Locale.ROOT)) {
                case "pad" -> PAD;
                case "repeat" -> REPEAT;
                case "reflect" -> REFLECT;
                default -> throw new IllegalArgumentException("invalid extend " + Values.quote(s)
                        + ": expected 'pad', 'repeat' or 'reflect'");
            };
        }

        /** The name Python uses. */
        public String css() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The colour stops: offsets 0..1, non-decreasing (equal offsets make a hard edge), and their
     * colours as non-premultiplied ARGB. At least one stop.
     *
     * @param offsets the offsets, copied
     * @param argb    the colours, copied
     */
    record Stops(double[] offsets, int[] argb) {
        /** Checks and copies. */
        public Stops {
            if (offsets.length == 0 || offsets.length != argb.length) {
                throw new IllegalArgumentException("a gradient needs at least one stop, with one colour per offset");
            }
            offsets = offsets.clone();
            argb = argb.clone();
            double prev = 0;
            for (double o : offsets) {
                if (!(o >= 0 && o <= 1)) {
                    throw new IllegalArgumentException("stop offsets must be between 0 and 1, got " + o);
                }
                if (o < prev) {
                    throw new IllegalArgumentException("stop offsets must not decrease, got " + o + " after " + prev);
                }
                prev = o;
            }
        }

        /** Whether any colour has some alpha (else the gradient draws nothing). */
        public boolean visible() {
            for (int c : argb) {
                if (c >>> 24 != 0) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Stops s && Arrays.equals(offsets, s.offsets) && Arrays.equals(argb, s.argb);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(offsets) + Arrays.hashCode(argb);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < offsets.length; i++) {
                b.append(i == 0 ? "" : " ").append(offsets[i]).append(':').append(Colors.toHex(argb[i]));
            }
            return b.append(']').toString();
        }
    }

    /** The stops. */
    Stops stops();

    /** Painting outside 0..1. */
    Extend extend();

    /** Whether the gradient paints nothing at all: every stop transparent, or degenerate geometry. */
    boolean paintsNothing();

    /**
     * A linear gradient from (x0, y0), offset 0, to (x1, y1), offset 1; colours are constant along
     * lines perpendicular to it. Equal points paint nothing (as in HTML canvas).
     */
    record Linear(double x0, double y0, double x1, double y1, Stops stops, Extend extend) implements Gradient {
        /** Checks the values. */
        public Linear {
            finite(x0, y0, x1, y1, 0);
            java.util.Objects.requireNonNull(stops, "stops");
            java.util.Objects.requireNonNull(extend, "extend");
        }

        @Override
        public boolean paintsNothing() {
            return (x0 == x1 && y0 == y1) || !stops.visible();
        }
    }

    /**
     * A radial gradient: offset 0 at the focus (fx, fy), offset 1 on the circle of radius r around
     * (cx, cy). Radius 0 paints nothing.
     */
    record Radial(double cx, double cy, double r, double fx, double fy, Stops stops, Extend extend) implements Gradient {
        /** Checks the values: r &gt;= 0, all finite. */
        public Radial {
            finite(cx, cy, r, fx, fy);
            if (r < 0) {
                throw new IllegalArgumentException("radius must be >= 0, got " + r);
            }
            java.util.Objects.requireNonNull(stops, "stops");
            java.util.Objects.requireNonNull(extend, "extend");
        }

        @Override
        public boolean paintsNothing() {
            return r == 0 || !stops.visible();
        }
    }

    private static void finite(double a, double b, double c, double d, double e) {
        if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d) && Double.isFinite(e))) {
            throw new IllegalArgumentException("gradient coordinates must be finite numbers");
        }
    }
}
