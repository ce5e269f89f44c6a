package dev.easel.canvas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.canvas.BlendMode;
import dev.easel.canvas.Colors;
import dev.easel.canvas.DisplayList;
import dev.easel.canvas.FontSpec;
import dev.easel.canvas.Gradient;
import dev.easel.canvas.ImageData;
import dev.easel.canvas.LineCap;
import dev.easel.canvas.LineJoin;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A frame drawn in parallel bands ({@link FrameBands}) is the frame drawn in one piece: every scene
 * of the pixel and golden tests, random scenes of every command, seams crossed by antialiased
 * edges, and canvases that never clear, compared pixel by pixel with 2 to 8 bands. What the direct
 * rasterizer draws is identical; what Marlin draws may differ by a few levels where a shape crosses a
 * seam (it clips paths to the band in float space, which subdivides curves differently), within
 * {@link #MARLIN_MAX_DIFF}; frames with clips or images are drawn in one piece, so identical.
 */
class BandedRenderTest {
    /** Largest channel difference allowed where Marlin draws across a seam (out of 255): the parity tests' "off by more than 64". */
    static final int MARLIN_MAX_DIFF = 64;
    /** Largest share of pixels allowed to differ at all, there. */
    static final double MARLIN_MAX_SHARE = 0.03;

    /** Helpers shared by the banded renderers here: up to 8 bands. */
    private static final RasterBands HELPERS = new RasterBands("test", 7);

    @AfterAll
    static void closeHelpers() {
        HELPERS.close();
    }

    private static Java2dRenderer single(int w, int h, double scale) {
        return new Java2dRenderer(w, h, scale, null);
    }

    private static Java2dRenderer banded(int w, int h, double scale, int bands) {
        Java2dRenderer r = new Java2dRenderer(w, h, scale, HELPERS);
        r.forceBands(bands);
        return r;
    }

    /** Largest channel difference between the two pictures, and where. */
    private static String firstDiff(int[] a, int[] b, int w) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return String.format("first difference at (%d, %d): %08x vs %08x (max channel diff %d)", i % w, i / w,
                        a[i], b[i], maxChannelDiff(a, b));
            }
        }
        return "same";
    }

    private static int maxChannelDiff(int[] a, int[] b) {
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int s = 0; s < 32; s += 8) {
                max = Math.max(max, Math.abs((a[i] >>> s & 0xFF) - (b[i] >>> s & 0xFF)));
            }
        }
        return max;
    }

    private static void assertSame(String what, DisplayList l, int w, int h, double scale) {
        assertClose(what, l, w, h, scale, 0);
    }

    /** Banded within {@code maxDiff} of one piece (0: identical), in 2 to 8 bands. */
    private static void assertClose(String what, DisplayList l, int w, int h, double scale, int maxDiff) {
        Java2dRenderer one = single(w, h, scale);
        one.render(l);
        for (int bands = 2; bands <= 8; bands++) {
            Java2dRenderer r = banded(w, h, scale, bands);
            r.render(l);
            assertClose(what + " in " + bands + " bands at scale " + scale, one, r, maxDiff);
        }
    }

    private static void assertClose(String what, Java2dRenderer one, Java2dRenderer banded, int maxDiff) {
        int[] a = one.pixels();
        int[] b = banded.pixels();
        if (maxDiff == 0) {
            assertEquals("same", firstDiff(a, b, one.pixelWidth()), what);
            return;
        }
        int differ = 0;
        for (int i = 0; i < a.length; i++) {
            differ += a[i] != b[i] ? 1 : 0;
        }
        int max = maxChannelDiff(a, b);
        assertTrue(max <= maxDiff && differ <= MARLIN_MAX_SHARE * a.length,
                what + ": " + differ + " of " + a.length + " pixels differ, by up to " + max + "; "
                        + firstDiff(a, b, one.pixelWidth()));
    }

    private static DisplayList scene(Consumer<DisplayList> draw) {
        DisplayList l = new DisplayList();
        l.clear(Colors.WHITE);
        draw.accept(l);
        return l.finish();
    }

    @Test
    void parityScenesAreTheSame() {
        for (double scale : new double[] {1, 1.25, 2}) {
            assertSame("reference scene", RendererParityTest.referenceScene(), 320, 240, scale);
            assertClose("batch scene", RendererParityTest.batchScene(), 320, 240, scale, MARLIN_MAX_DIFF);
        }
    }

    @Test
    void goldenScenesAreTheSame() {
        assertSame("10,000 translucent lines", DirectRasterGoldenTest.tenThousandTranslucent(), 400, 300, 1);
        assertSame("mixed lines", DirectRasterGoldenTest.mixedLines(), 400, 300, 1);
        assertSame("crowded top", DirectRasterGoldenTest.crowdedTop(), 400, 300, 1);
    }

    @Test
    void marlinDiagonalsAcrossSeamsAreTheSame() {
        // Thick, dashed, rotated and curved shapes go through Marlin, antialiased, across every seam.
        DisplayList l = scene(d -> {
            d.stroke(0xFF203040);
            for (int i = 0; i < 12; i++) {
                d.lineWidth(0.5 + i * 0.7);
                d.lineCap(LineCap.values()[i % 3]);
                d.line(3 + i * 9.3, 1.7, 90 + i * 11.1, 118.4);
            }
            d.lineDash(new double[] {5, 3});
            d.lineWidth(2.5);
            d.line(0, 119, 220, 3);
            d.lineDash(new double[0]);
            d.fill(0x80FF0000);
            d.fillEllipse(160, 60, 110, 97.3);
            d.translate(60, 60);
            d.rotate(0.37);
            d.fillRect(-40, -33.3, 80, 66.6);
        });
        Java2dRenderer one = single(240, 120, 1);
        one.setDirectRasterization(false);
        one.render(l);
        for (int bands = 2; bands <= 8; bands++) {
            Java2dRenderer r = banded(240, 120, 1, bands);
            r.setDirectRasterization(false);
            r.render(l);
            assertClose("Marlin, " + bands + " bands", one, r, MARLIN_MAX_DIFF);
        }
        assertClose("Marlin and direct", l, 240, 120, 1, MARLIN_MAX_DIFF);
    }

    @Test
    void textImagesGradientsBlendsAndPixelsAreTheSame() {
        ImageData img = ImageData.fromArgb(new int[] {0xFFFF0000, 0x8000FF00, 0xFF0000FF, 0x40000000}, 2, 2);
        DisplayList l = scene(d -> {
            d.font(FontSpec.parse("bold 23px sans-serif"));
            d.fill(0xFF102030);
            d.fillText("Bands of rows\nsecond line", 5, 30);
            d.stroke(0xFF8000A0);
            d.strokeText("outlined", 120, 70);
            d.drawImage(img, 10, 50, 60, 55);
            d.imageSmoothing(false);
            d.drawImage(img, 80, 50, 30, 37);
            d.fillGradient(new Gradient.Linear(0, 0, 200, 120,
                    new Gradient.Stops(new double[] {0, 1}, new int[] {0xFFFF0000, 0x800000FF}), Gradient.Extend.REPEAT));
            d.fillCircle(170, 40, 33);
            d.fill(0xFF00A0A0);
            for (BlendMode m : BlendMode.values()) {
                d.blend(m);
                d.fillRect(5 + m.ordinal() * 15, 90, 14, 27);
            }
            d.blend(BlendMode.SOURCE_OVER);
            d.alpha(0.6);
            d.drawImage(img, 150, 80, 40, 37);
            byte[] rgba = new byte[7 * 45 * 4];
            for (int i = 0; i < rgba.length; i++) {
                rgba[i] = (byte) (i * 37);
            }
            d.putPixels(rgba, 0, 7, 45, 200, 40);
            d.clearRect(180, 5, 30, 71);
        });
        for (double scale : new double[] {1, 1.5, 2}) {
            assertSame("text, images, gradients, blends, put_pixels (images: in one piece)", l, 240, 120, scale);
        }
        DisplayList noImages = scene(d -> {
            d.font(FontSpec.parse("bold 23px sans-serif"));
            d.fill(0xFF102030);
            d.fillText("Bands of rows\nsecond line", 5, 30);
            d.stroke(0xFF8000A0);
            d.strokeText("outlined", 120, 70);
            d.fillGradient(new Gradient.Linear(0, 0, 200, 120,
                    new Gradient.Stops(new double[] {0, 1}, new int[] {0xFFFF0000, 0x800000FF}), Gradient.Extend.REPEAT));
            d.fillRect(0, 60, 240, 30);
            d.fill(0xFF00A0A0);
            for (BlendMode m : BlendMode.values()) {
                d.blend(m);
                d.fillRect(5 + m.ordinal() * 15, 90, 14, 27);
            }
            d.blend(BlendMode.SOURCE_OVER);
            byte[] rgba = new byte[7 * 45 * 4];
            for (int i = 0; i < rgba.length; i++) {
                rgba[i] = (byte) (i * 37);
            }
            d.putPixels(rgba, 0, 7, 45, 200, 40);
            d.clearRect(180, 5, 30, 71);
        });
        for (double scale : new double[] {1, 1.5, 2}) {
            assertClose("text, gradients, blends, put_pixels", noImages, 240, 120, scale, MARLIN_MAX_DIFF);
        }
    }

    @Test
    void clipsAndSavedStatesAreTheSame() {
        DisplayList l = scene(d -> {
            d.save();
            d.beginPath();
            d.arc(80, 60, 47, 0, 2 * Math.PI, false);
            d.clip();
            d.fill(0xFF3366CC);
            d.fillRect(0, 0, 240, 120);
            d.save();
            d.translate(80, 60);
            d.rotate(0.5);
            d.beginPath();
            d.rect(-30, -20, 60, 40);
            d.clip();
            d.clear(0xFFFFCC00);
            d.stroke(0xFF000000);
            d.line(-50, -50, 50, 50);
            d.restore();
            d.fillCircle(80, 20, 9);
            d.restore();
            d.beginPath();
            d.rect(150.3, 10.6, 70, 93.2);
            d.clip();
            d.stroke(0x80FF0000);
            d.lines(new double[] {140, 0, 240, 120, 240, 0, 140, 120}, 0, 2);
            d.clear(0x40008000);
        });
        for (double scale : new double[] {1, 2}) {
            assertSame("clips, save and restore", l, 240, 120, scale);
        }
    }

    @Test
    void randomScenesAreTheSame() {
        for (int seed = 0; seed < 120; seed++) {
            Random r = new Random(seed);
            int w = 40 + r.nextInt(200);
            int h = 40 + r.nextInt(160);
            double scale = new double[] {1, 1, 1.25, 1.5, 2}[r.nextInt(5)];
            DisplayList l = RandomScenes.scene(r, w, h, r.nextInt(3) != 0);
            Java2dRenderer one = single(w, h, scale);
            one.render(l);
            int bands = 2 + r.nextInt(7);
            Java2dRenderer b = banded(w, h, scale, bands);
            b.render(l);
            assertClose("seed " + seed + ", " + w + "x" + h + " at " + scale + ", " + bands + " bands", one, b,
                    l.clipsOrImages() ? 0 : MARLIN_MAX_DIFF);
        }
    }

    @Test
    void canvasesThatNeverClearKeepTheSamePicture() {
        Random r = new Random(77);
        Java2dRenderer one = single(200, 150, 1);
        Java2dRenderer b = banded(200, 150, 1, 3);
        for (int frame = 0; frame < 40; frame++) {
            DisplayList l = RandomScenes.scene(r, 200, 150, false);
            one.render(l);
            b.render(l);
            assertClose("frame " + frame, one, b, l.clipsOrImages() && frame == 0 ? 0 : MARLIN_MAX_DIFF);
        }
    }

    @Test
    void directFramesThatNeverClearStayIdentical() {
        // Lines, rectangles and circles only (the direct rasterizer): identical frame after frame.
        Random r = new Random(5);
        Java2dRenderer one = single(300, 200, 1);
        Java2dRenderer b = banded(300, 200, 1, 3);
        for (int frame = 0; frame < 30; frame++) {
            DisplayList l = new DisplayList();
            for (int i = 0; i < 200; i++) {
                l.stroke(Colors.argb(20 + r.nextInt(200), r.nextInt(256), r.nextInt(256), r.nextInt(256)));
                l.lineWidth(0.3 + r.nextDouble() * 1.7);
                l.line(r.nextDouble() * 340 - 20, r.nextDouble() * 240 - 20, r.nextDouble() * 340 - 20,
                        r.nextDouble() * 240 - 20);
                l.fill(Colors.argb(20 + r.nextInt(200), r.nextInt(256), r.nextInt(256), r.nextInt(256)));
                l.fillRect(r.nextDouble() * 300, r.nextDouble() * 200, r.nextDouble() * 30, r.nextDouble() * 30);
                l.fillCircle(r.nextDouble() * 300, r.nextDouble() * 200, 1 + r.nextDouble() * 20);
            }
            l.finish();
            one.render(l);
            b.render(l);
            assertClose("frame " + frame, one, b, 0);
        }
    }

    @Test
    void bandsFollowTheWorkAndKeepThePicture() {
        // Work crowded into the top rows: the edges move up, frame after frame; the pixels do not change.
        DisplayList l = DirectRasterGoldenTest.crowdedTop();
        Java2dRenderer one = single(400, 300, 1);
        one.render(l);
        Java2dRenderer b = banded(400, 300, 1, 2);
        List<Integer> seams = new ArrayList<>();
        for (int frame = 0; frame < 12; frame++) {
            b.render(l);
            seams.add(b.bandEdges()[1]);
            assertEquals("same", firstDiff(one.pixels(), b.pixels(), 400), "frame " + frame);
        }
        assertTrue(seams.get(seams.size() - 1) < 100, "the seam moved towards the busy rows: " + seams);
    }

    @Test
    void smallFramesAreDrawnInOnePiece() {
        Java2dRenderer r = new Java2dRenderer(100, 100, 1, HELPERS);
        DisplayList tiny = scene(d -> d.fillRect(1, 1, 5, 5));
        r.render(tiny);
        assertEquals(0, r.bandEdges().length - 1, "no banded frame yet");
        r.render(DirectRasterGoldenTest.tenThousandTranslucent());
        assertTrue(r.bandEdges().length - 1 >= 2, "a big frame is banded");
    }
}
