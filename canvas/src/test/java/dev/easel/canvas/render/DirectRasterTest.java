package dev.easel.canvas.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.canvas.Colors;
import dev.easel.canvas.DisplayList;
import dev.easel.canvas.ImageData;
import dev.easel.canvas.LineCap;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The direct rasterizer: same pixels however a batch is split, never outside the clip, robust to bad input. */
class DirectRasterTest {
    private static final int W = 400;
    private static final int H = 300;

    /** Many shapes: enough to be drawn in bands on two threads (more than 2,048 items). */
    private static DisplayList busyScene(long seed) {
        Random r = new Random(seed);
        DisplayList l = new DisplayList();
        l.clear(Colors.parse("linen"));
        for (int i = 0; i < 4000; i++) {
            l.stroke(Colors.argb(r.nextBoolean() ? 255 : 40 + r.nextInt(200), r.nextInt(256), r.nextInt(256),
                    r.nextInt(256)));
            l.lineWidth(r.nextBoolean() ? 1 : 0.5 + r.nextDouble() * 1.5);
            l.lineCap(LineCap.values()[r.nextInt(3)]);
            l.line(r.nextDouble() * 440 - 20, r.nextDouble() * 340 - 20, r.nextDouble() * 440 - 20,
                    r.nextDouble() * 340 - 20);
            if (i % 10 == 0) {
                l.fill(Colors.argb(100 + r.nextInt(156), r.nextInt(256), r.nextInt(256), r.nextInt(256)));
                l.fillRect(r.nextDouble() * W, r.nextDouble() * H, r.nextDouble() * 30, r.nextDouble() * 30);
                l.fillCircle(r.nextDouble() * W, r.nextDouble() * H, 1 + r.nextDouble() * 15);
            }
        }
        return l.finish();
    }

    @Test
    void bandsAndThreadsDoNotChangeAPixel() {
        DisplayList scene = busyScene(7);
        Java2dRenderer parallel = new Java2dRenderer(W, H, 1);
        parallel.render(scene);
        Java2dRenderer serial = new Java2dRenderer(W, H, 1);
        serial.setParallel(false);
        serial.render(scene);
        assertArrayEquals(serial.pixels(), parallel.pixels(), "parallel bands differ from serial bands");

        // And banding itself: the same lines drawn one by one, unbanded, straight into a pixel array.
        Random r = new Random(11);
        DisplayList lines = new DisplayList();
        lines.clear(Colors.WHITE);
        double[][] segs = new double[3000][];
        int[] colours = new int[segs.length];
        for (int i = 0; i < segs.length; i++) {
            segs[i] = new double[] {r.nextDouble() * W, r.nextDouble() * H, r.nextDouble() * W, r.nextDouble() * H};
            colours[i] = Colors.argb(60 + r.nextInt(196), r.nextInt(256), r.nextInt(256), r.nextInt(256));
            lines.stroke(colours[i]);
            lines.line(segs[i][0], segs[i][1], segs[i][2], segs[i][3]);
        }
        lines.finish();
        Java2dRenderer banded = new Java2dRenderer(W, H, 1);
        banded.render(lines);
        int[] plain = new int[W * H];
        java.util.Arrays.fill(plain, Colors.WHITE);
        DirectRaster d = new DirectRaster();
        d.target(plain, W, H);
        for (int i = 0; i < segs.length; i++) {
            d.color(colours[i], 1);
            d.line(segs[i][0], segs[i][1], segs[i][2], segs[i][3], 1, LineCap.BUTT);
        }
        assertArrayEquals(plain, banded.pixels(), "banded drawing differs from drawing line by line");
    }

    @Test
    void neverDrawsOutsideARectangularClip() {
        Random r = new Random(3);
        DisplayList l = new DisplayList();
        l.clear(Colors.WHITE);
        l.beginPath();
        l.rect(100.3, 80.6, 150.2, 120.1); // Java2D rounds clip edges to pixel centres: rows 81..200, columns 100..250
        l.clip();
        l.fill(Colors.BLACK);
        l.stroke(0xFF000000);
        for (int i = 0; i < 3000; i++) {
            l.lineWidth(0.3 + r.nextDouble() * 1.7);
            l.line(r.nextDouble() * 600 - 100, r.nextDouble() * 500 - 100, r.nextDouble() * 600 - 100,
                    r.nextDouble() * 500 - 100);
        }
        l.line(0, 90, 400, 90.0000001); // almost horizontal: the fixed-point margin case
        l.line(120, 0, 120.0000001, 300);
        l.fillRect(90, 70, 200, 200);
        l.fillCircle(100, 80, 40);
        l.finish();
        Java2dRenderer j = new Java2dRenderer(W, H, 1);
        j.render(l);
        ImageData img = j.snapshot();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean inside = x >= 100 && x < 250 && y >= 81 && y < 201;
                if (!inside) {
                    assertEquals(Colors.WHITE, img.argb(x, y), "pixel (" + x + ", " + y + ") outside the clip");
                }
            }
        }
        assertTrue(Pixels.inked(img, 100, 81, 250, 201, Colors.WHITE) > 10_000, "drew inside the clip");
    }

    @Test
    void absurdCoordinatesNeitherThrowNorHang() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            DisplayList l = new DisplayList();
            l.clear(Colors.WHITE);
            double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300, -1e300, 1e12, -1e12};
            for (double v : bad) {
                l.line(v, 10, 100, 10);
                l.line(10, v, 10, 100);
                l.line(-1e12, 5, 1e12, 7);
                l.fillRect(v, 10, 20, 20);
                l.fillRect(10, 10, v, 20);
                l.fillCircle(v, 10, 5);
                l.fillCircle(10, 10, Math.abs(v));
                l.strokeCircle(50, 50, Math.abs(v));
                l.points(new double[] {v, v}, 0, 1, 3);
            }
            l.finish();
            Java2dRenderer j = new Java2dRenderer(200, 200, 1);
            j.render(l);
            // The finite part of the (-1e12, 5) - (1e12, 7) line still shows, at y = 6.
            assertTrue(Pixels.inked(j.snapshot(), 0, 4, 200, 8, Colors.WHITE) > 150, "the long line is drawn");
        });
    }

    @Test
    void thinLinesMatchMarlin() {
        Random r = new Random(5);
        DisplayList l = new DisplayList();
        l.clear(Colors.WHITE);
        for (int i = 0; i < 1500; i++) {
            l.stroke(Colors.argb(255, r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            l.lineWidth(i % 3 == 0 ? 1 : i % 3 == 1 ? 1.5 : 2);
            l.line(r.nextDouble() * W, r.nextDouble() * H, r.nextDouble() * W, r.nextDouble() * H);
        }
        l.finish();
        ImageData direct = Kind.JAVA2D.render(l, W, H);
        ImageData marlin = Kind.JAVA2D_MARLIN.render(l, W, H);
        Pixels.Diff d = Pixels.diff(direct, marlin);
        System.out.println("thin lines, direct vs Marlin: " + d);
        assertTrue(d.mean() < 3 && d.farShare() < 0.01, d.toString());
    }
}
