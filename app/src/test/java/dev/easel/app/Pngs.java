package dev.easel.app;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Looking at pictures: colour statistics and a tolerant comparison. Pixels are ARGB ints. */
final class Pngs {
    private Pngs() {}

    static BufferedImage read(Path png) throws IOException {
        assertTrue(Files.isRegularFile(png), "no picture at " + png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "not a readable PNG: " + png);
        return img;
    }

    /** What a picture holds, roughly. */
    record Stats(int width, int height, int distinctColours, int dominant, double nonDominantShare) {
        @Override
        public String toString() {
            return width + "x" + height + ", " + distinctColours + " colours, dominant " + hex(dominant) + ", "
                    + String.format("%.1f%%", nonDominantShare * 100) + " of pixels differ from it";
        }
    }

    /**
     * Distinct colours (opaque RGB after compositing over black is not needed: Easel writes opaque
     * pictures, alpha is kept in the key) and the share of pixels farther than {@code tol} (any
     * channel) from the most common colour.
     */
    static Stats stats(BufferedImage img, int tol) {
        Map<Integer, Integer> counts = new HashMap<>();
        int w = img.getWidth(), h = img.getHeight();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                counts.merge(img.getRGB(x, y), 1, Integer::sum);
            }
        }
        int dominant = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        long differing = 0;
        for (var e : counts.entrySet()) {
            if (distance(e.getKey(), dominant) > tol) {
                differing += e.getValue();
            }
        }
        return new Stats(w, h, counts.size(), dominant, differing / (double) ((long) w * h));
    }

    /** Pixels within {@code tol} (each of r, g, b) of {@code rgb}. */
    static int count(BufferedImage img, int rgb, int tol) {
        return count(img, rgb, tol, 0, 0, img.getWidth(), img.getHeight());
    }

    static int count(BufferedImage img, int rgb, int tol, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y0 + h); y++) {
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x0 + w); x++) {
                if (distance(img.getRGB(x, y) | 0xFF000000, rgb | 0xFF000000) <= tol) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The largest difference of the four channels. */
    static int distance(int a, int b) {
        int d = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            d = Math.max(d, Math.abs(((a >>> shift) & 255) - ((b >>> shift) & 255)));
        }
        return d;
    }

    static String hex(int argb) {
        return String.format("#%08x", argb);
    }

    /** How two same-sized pictures differ. */
    record Diff(long differing, long total, int maxDistance, BufferedImage map) {
        double share() {
            return differing / (double) total;
        }
    }

    /** Pixels of {@code actual} farther than {@code tol} from {@code expected}; a map marks them red. */
    static Diff diff(BufferedImage expected, BufferedImage actual, int tol) {
        int w = expected.getWidth(), h = expected.getHeight();
        BufferedImage map = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        long n = 0;
        int max = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int e = expected.getRGB(x, y), a = actual.getRGB(x, y);
                int d = distance(e, a);
                max = Math.max(max, d);
                if (d > tol) {
                    n++;
                    map.setRGB(x, y, 0xFF0000);
                } else {
                    int grey = (((e >> 16) & 255) + ((e >> 8) & 255) + (e & 255)) / 3 / 3 + 170;
                    map.setRGB(x, y, grey << 16 | grey << 8 | grey);
                }
            }
        }
        return new Diff(n, (long) w * h, max, map);
    }
}
