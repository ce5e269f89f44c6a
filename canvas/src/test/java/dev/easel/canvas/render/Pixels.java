package dev.easel.canvas.render;

import static org.junit.jupiter.api.Assertions.fail;

import dev.easel.canvas.Colors;
import dev.easel.canvas.ImageData;

/** Pixel assertions and image comparisons for renderer tests. */
final class Pixels {
    private Pixels() {
    }

    /** Asserts pixel (x, y) is {@code argb} within {@code tol} per channel. */
    static void assertPixel(ImageData img, int x, int y, int argb, int tol, String what) {
        int p = img.argb(x, y);
        if (maxDiff(p, argb) > tol) {
            fail(what + ": pixel (" + x + ", " + y + ") is " + Colors.toHex(p) + ", expected " + Colors.toHex(argb)
                    + " ±" + tol);
        }
    }

    static void assertPixel(ImageData img, int x, int y, int argb, String what) {
        assertPixel(img, x, y, argb, 8, what);
    }

    static int maxDiff(int p, int q) {
        int m = 0;
        for (int s = 0; s < 32; s += 8) {
            m = Math.max(m, Math.abs((p >>> s & 0xFF) - (q >>> s & 0xFF)));
        }
        return m;
    }

    /** Pixels differing from {@code bg} by more than 32 in some channel inside the rectangle. */
    static int inked(ImageData img, int x0, int y0, int x1, int y1, int bg) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (maxDiff(img.argb(x, y), bg) > 32) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Comparison of two same-sized images: mean absolute channel difference and share of very different pixels. */
    record Diff(double mean, double farShare, int worstX, int worstY, int worst) {
        @Override
        public String toString() {
            return String.format("mean %.3f, %.3f%% pixels differ by > 64, worst %d at (%d, %d)", mean, farShare * 100,
                    worst, worstX, worstY);
        }
    }

    static Diff diff(ImageData a, ImageData b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            fail("sizes differ: " + a + " vs " + b);
        }
        long sum = 0;
        int far = 0;
        int worst = -1;
        int wx = 0;
        int wy = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                int p = a.argb(x, y);
                int q = b.argb(x, y);
                int d = maxDiff(p, q);
                for (int s = 0; s < 32; s += 8) {
                    sum += Math.abs((p >>> s & 0xFF) - (q >>> s & 0xFF));
                }
                if (d > 64) {
                    far++;
                }
                if (d > worst) {
                    worst = d;
                    wx = x;
                    wy = y;
                }
            }
        }
        double n = (double) a.width() * a.height();
        return new Diff(sum / (4 * n), far / n, wx, wy, worst);
    }
}
