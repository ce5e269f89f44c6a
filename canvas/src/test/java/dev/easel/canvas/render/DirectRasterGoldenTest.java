package dev.easel.canvas.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.easel.canvas.Colors;
import dev.easel.canvas.DisplayList;
import dev.easel.canvas.LineCap;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The direct rasterizer's pictures, pinned: hashes of frames drawn by the version before the
 * speed-ups of the 10,000-lines figure (per-colour blend tables, work-balanced bands), so that a faster
 * inner loop cannot change a single pixel unnoticed. A deliberate change of the picture must update
 * the hashes (run {@link #hashes()} and paste them).
 */
class DirectRasterGoldenTest {
    private static final int W = 400;
    private static final int H = 300;

    /** 10,000 random 1-pixel lines, one translucent colour, one batched command (the benchmark frame). */
    static DisplayList tenThousandTranslucent() {
        Random r = new Random(3);
        double[] xy = new double[40_000];
        for (int i = 0; i < xy.length; i += 2) {
            xy[i] = r.nextDouble() * W;
            xy[i + 1] = r.nextDouble() * H;
        }
        DisplayList l = new DisplayList();
        l.clear(Colors.BLACK);
        l.stroke(Colors.argb(128, 120, 200, 255));
        l.lines(xy, 0, 10_000);
        return l.finish();
    }

    /** Opaque lines, one colour each, widths 0.3 to 2, every cap, partly off the canvas. */
    static DisplayList mixedLines() {
        Random r = new Random(8);
        DisplayList l = new DisplayList();
        l.clear(Colors.parse("linen"));
        for (int i = 0; i < 5000; i++) {
            int a = i % 3 == 0 ? 255 : 20 + r.nextInt(236);
            l.stroke(Colors.argb(a, r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            l.lineWidth(i % 4 == 0 ? 1 : 0.3 + r.nextDouble() * 1.7);
            l.lineCap(LineCap.values()[r.nextInt(3)]);
            l.line(r.nextDouble() * 480 - 40, r.nextDouble() * 380 - 40, r.nextDouble() * 480 - 40,
                    r.nextDouble() * 380 - 40);
        }
        return l.finish();
    }

    /** Long translucent lines of two colours crowded into the top rows, over rectangles and circles. */
    static DisplayList crowdedTop() {
        Random r = new Random(21);
        DisplayList l = new DisplayList();
        l.clear(Colors.WHITE);
        l.fill(Colors.argb(200, 30, 90, 160));
        for (int i = 0; i < 300; i++) {
            l.fillRect(r.nextDouble() * W, r.nextDouble() * 60, r.nextDouble() * 40, r.nextDouble() * 20);
            l.fillCircle(r.nextDouble() * W, r.nextDouble() * 60, 1 + r.nextDouble() * 8);
        }
        for (int i = 0; i < 6000; i++) {
            l.stroke(i % 2 == 0 ? Colors.argb(90, 250, 40, 10) : Colors.argb(170, 10, 40, 250));
            l.lineWidth(i % 5 == 0 ? 1.8 : 1);
            l.line(r.nextDouble() * W, r.nextDouble() * 50, r.nextDouble() * W, r.nextDouble() * 50);
        }
        return l.finish();
    }

    private static int[] render(DisplayList l, boolean parallel) {
        Java2dRenderer j = new Java2dRenderer(W, H, 1);
        j.setParallel(parallel);
        j.render(l);
        return j.pixels();
    }

    /** The hashes of the three scenes, drawn serially. */
    static int[] hashes() {
        return new int[] {Arrays.hashCode(render(tenThousandTranslucent(), false)),
            Arrays.hashCode(render(mixedLines(), false)), Arrays.hashCode(render(crowdedTop(), false))};
    }

    @Test
    void picturesAreThoseOfTheReferenceVersion() {
        int[] h = hashes();
        assertEquals(REFERENCE_TEN_THOUSAND, h[0], "10,000 translucent lines");
        assertEquals(REFERENCE_MIXED, h[1], "mixed lines");
        assertEquals(REFERENCE_CROWDED, h[2], "crowded top rows");
    }

    @Test
    void parallelBandsDrawTheSerialPicture() {
        for (DisplayList l : new DisplayList[] {tenThousandTranslucent(), mixedLines(), crowdedTop()}) {
            assertArrayEquals(render(l, false), render(l, true));
        }
    }

    private static final int REFERENCE_TEN_THOUSAND = 1445375309;
    private static final int REFERENCE_MIXED = -2038490448;
    private static final int REFERENCE_CROWDED = -1100686409;
}
