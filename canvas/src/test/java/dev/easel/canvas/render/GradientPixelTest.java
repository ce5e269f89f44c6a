package dev.easel.canvas.render;

import static dev.easel.canvas.render.Pixels.assertPixel;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.canvas.Colors;
import dev.easel.canvas.DisplayList;
import dev.easel.canvas.FontSpec;
import dev.easel.canvas.Gradient;
import dev.easel.canvas.ImageData;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Gradients as fill and stroke paints, and image smoothing, checked at known pixels: both ends and
 * the middle of each gradient, for every kind of drawing call that uses the fill or the stroke.
 * Canvas 100 × 100, white background.
 */
class GradientPixelTest {
    private static final int W = Colors.WHITE;
    private static final int RED = 0xFFFF0000;
    private static final int BLUE = 0xFF0000FF;
    private static final int MID = 0xFF800080; // halfway from red to blue
    private static final int TOL = 12;

    private static Gradient.Stops stops(double[] offsets, int... argb) {
        return new Gradient.Stops(offsets, argb);
    }

    /** Red at x = x0, blue at x = x1, padded. */
    private static Gradient redToBlue(double x0, double x1) {
        return new Gradient.Linear(x0, 0, x1, 0, stops(new double[] {0, 1}, RED, BLUE), Gradient.Extend.PAD);
    }

    private static ImageData draw(Kind kind, Consumer<DisplayList> scene) {
        DisplayList l = new DisplayList();
        l.clear(W);
        scene.accept(l);
        return kind.render(l.finish(), 100, 100, 1);
    }

    private static void assertRedMidBlue(ImageData img, int y, int x0, int xm, int x1, String what) {
        assertPixel(img, x0, y, RED, TOL, what + ": start");
        assertPixel(img, xm, y, MID, TOL, what + ": middle");
        assertPixel(img, x1, y, BLUE, TOL, what + ": end");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void linearFillOfRectsAndBatchedRects(Kind kind) {
        ImageData img = draw(kind, l -> {
            l.fillGradient(redToBlue(0, 100));
            l.fillRect(0, 0, 100, 20);                   // a run: the direct rasterizer's case with a colour
            l.rects(java.lang.foreign.MemorySegment.ofArray(new double[] {0, 30, 100, 20}), 4, dev.easel.canvas.NumType.FLOAT64, true);
            l.fillRoundRect(0, 60, 100, 20, 4);
        });
        assertRedMidBlue(img, 10, 0, 50, 99, "fill_rect");
        assertRedMidBlue(img, 40, 0, 50, 99, "rects");
        assertRedMidBlue(img, 70, 0, 50, 99, "fill_round_rect");
        assertPixel(img, 50, 25, W, "between the shapes");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void linearFillOfCirclesPointsPolygonsAndPaths(Kind kind) {
        ImageData img = draw(kind, l -> {
            l.fillGradient(redToBlue(0, 100));
            l.fillCircle(10, 10, 8);
            l.fillCircle(90, 10, 8);
            l.points(new double[] {50, 10}, 0, 1, 6);
            l.fillPolygon(new double[] {0, 30, 100, 30, 100, 50, 0, 50});
            l.beginPath();
            l.rect(0, 60, 100, 20);
            l.fillPath();
        });
        assertPixel(img, 10, 10, 0xFFEA0015, TOL, "circle on the left: nearly red");
        assertPixel(img, 90, 10, 0xFF1500EA, TOL, "circle on the right: nearly blue");
        assertPixel(img, 50, 10, MID, TOL, "point in the middle");
        assertRedMidBlue(img, 40, 0, 50, 99, "fill_polygon");
        assertRedMidBlue(img, 70, 0, 50, 99, "fill_path");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void linearStrokeOfThinAndThickLines(Kind kind) {
        ImageData img = draw(kind, l -> {
            l.strokeGradient(redToBlue(0, 100));
            l.line(0, 10.5, 100, 10.5);                  // width 1: the direct rasterizer's case with a colour
            l.lineWidth(6);
            l.polyline(new double[] {0, 30, 50, 30, 100, 30});
            l.strokeRect(-10, 50, 120, 20);
        });
        assertRedMidBlue(img, 10, 0, 50, 99, "line");
        assertRedMidBlue(img, 30, 1, 50, 98, "polyline");
        assertRedMidBlue(img, 50, 1, 50, 98, "stroke_rect");
        assertPixel(img, 50, 60, W, "inside the outline");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void gradientIsInTheUserSpaceOfTheShapeDrawn(Kind kind) {
        ImageData img = draw(kind, l -> {
            l.fillGradient(redToBlue(0, 50));
            l.translate(50, 0);                            // after the gradient was set: it moves too
            l.fillRect(0, 0, 50, 20);
            l.beginPath();
            l.rect(0, 30, 50, 20);                          // a path, kept in device space by the renderer
            l.fillPath();
            l.resetTransform();
            l.scale(2, 1);
            l.fillRect(0, 60, 50, 20);                      // red at 0, blue at device x = 100
        });
        assertRedMidBlue(img, 10, 50, 75, 99, "translated rect");
        assertRedMidBlue(img, 40, 50, 75, 99, "translated path");
        assertPixel(img, 0, 70, RED, TOL, "scaled: start");
        assertPixel(img, 50, 70, MID, TOL, "scaled: the user-space middle");
        assertPixel(img, 99, 70, BLUE, TOL, "scaled: end");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void radialFromFocusToCircle(Kind kind) {
        ImageData img = draw(kind, l -> {
            l.fillGradient(new Gradient.Radial(50, 50, 40, 50, 50,
                    stops(new double[] {0, 1}, 0xFFFFFFFF, 0xFF000080), Gradient.Extend.PAD));
            l.fillRect(0, 0, 100, 100);
        });
        assertPixel(img, 50, 50, 0xFFFFFFFF, TOL, "centre");
        assertPixel(img, 70, 50, 0xFF8080BF, TOL, "halfway out");
        assertPixel(img, 95, 50, 0xFF000080, TOL, "outside the circle: padded");
        assertPixel(img, 50, 5, 0xFF000080, TOL, "outside above");
    }

    @Test
    void radialFocusMovesOffsetZero() {
        ImageData img = draw(Kind.JAVA2D, l -> {
            l.fillGradient(new Gradient.Radial(50, 50, 40, 30, 50,
                    stops(new double[] {0, 1}, 0xFFFFFFFF, 0xFF000000), Gradient.Extend.PAD));
            l.fillRect(0, 0, 100, 100);
        });
        assertPixel(img, 30, 50, 0xFFFFFFFF, TOL, "at the focus");
        assertTrue((img.argb(50, 50) & 0xFF) < 200, "the centre is darker than the focus: " + Colors.toHex(img.argb(50, 50)));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void extendPadRepeatReflect(Kind kind) {
        ImageData img = draw(kind, l -> {
            Gradient.Stops s = stops(new double[] {0, 1}, RED, BLUE);
            l.fillGradient(new Gradient.Linear(0, 0, 20, 0, s, Gradient.Extend.PAD));
            l.fillRect(0, 0, 100, 20);
            l.fillGradient(new Gradient.Linear(0, 0, 20, 0, s, Gradient.Extend.REPEAT));
            l.fillRect(0, 30, 100, 20);
            l.fillGradient(new Gradient.Linear(0, 0, 20, 0, s, Gradient.Extend.REFLECT));
            l.fillRect(0, 60, 100, 20);
        });
        assertPixel(img, 41, 10, BLUE, TOL, "pad: the end colour goes on");
        assertPixel(img, 41, 40, 0xFFF2000D, 20, "repeat: starts again");
        assertPixel(img, 39, 70, 0xFFF2000D, 20, "reflect: runs back");
        assertPixel(img, 21, 70, 0xFF0D00F2, 20, "reflect: just past the end");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"JAVA2D", "JAVA2D_MARLIN"})
    void hardEdgeAndTransparentStopsBlendLikeHtmlCanvas(Kind kind) {
        ImageData img = draw(kind, l -> {
            l.fillGradient(new Gradient.Linear(0, 0, 100, 0,
                    stops(new double[] {0, 0.5, 0.5, 1}, RED, RED, BLUE, BLUE), Gradient.Extend.PAD));
            l.fillRect(0, 0, 100, 20);
            // Red fading to transparent: red at half opacity in the middle (premultiplied, as in HTML),
            // not dark red.
            l.fillGradient(new Gradient.Linear(0, 0, 100, 0,
                    stops(new double[] {0, 1}, RED, 0x00000000), Gradient.Extend.PAD));
            l.fillRect(0, 30, 100, 20);
        });
        assertPixel(img, 48, 10, RED, 4, "before the edge");
        assertPixel(img, 52, 10, BLUE, 4, "after the edge");
        assertPixel(img, 50, 40, 0xFFFF8080, TOL, "half-transparent red over white");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void alphaSolidColourAfterAGradientAndRestore(Kind kind) {
        ImageData img = draw(kind, l -> {
            l.alpha(0.5);
            l.fillGradient(redToBlue(0, 100));
            l.fillRect(0, 0, 100, 20);
            l.alpha(1);
            l.save();
            l.fill(0xFF00FF00);
            l.fillRect(0, 30, 100, 20);
            l.restore();                                   // the gradient is back
            l.fillRect(0, 60, 100, 20);
        });
        assertPixel(img, 0, 10, 0xFFFF8080, TOL, "alpha 0.5: red over white");
        assertPixel(img, 99, 10, 0xFF8080FF, TOL, "alpha 0.5: blue over white");
        assertPixel(img, 50, 40, 0xFF00FF00, 4, "a colour replaces the gradient");
        assertRedMidBlue(img, 70, 0, 50, 99, "restored gradient");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"JAVA2D", "JAVA2D_MARLIN"})
    void textFollowsTheGradientNotItsOwnPosition(Kind kind) {
        ImageData img = draw(kind, l -> {
            l.font(FontSpec.parse("bold 40px sans-serif"));
            l.fillGradient(redToBlue(0, 100));
            l.fillText("MMMM", 0, 40);
            l.fillText("MMMM", 30, 90);   // starts at x = 30: its first letter is not red
        });
        assertTrue(isReddish(img, 0, 10, 8, 40), "the first line starts red");
        assertTrue(isBluish(img, 90, 10, 100, 40), "the first line ends blue");
        assertTrue(!isReddish(img, 30, 60, 36, 90), "the second line does not start red: the gradient is the canvas'");
    }

    private static boolean isReddish(ImageData img, int x0, int y0, int x1, int y1) {
        return count(img, x0, y0, x1, y1, true) > 0;
    }

    private static boolean isBluish(ImageData img, int x0, int y0, int x1, int y1) {
        return count(img, x0, y0, x1, y1, false) > 0;
    }

    /** Pixels that are strongly red (or blue) and hardly the other. */
    private static int count(ImageData img, int x0, int y0, int x1, int y1, boolean red) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int p = img.argb(x, y);
                int r = p >> 16 & 0xFF;
                int g = p >> 8 & 0xFF;
                int b = p & 0xFF;
                if (g < 60 && (red ? r > 200 && b < 60 : b > 200 && r < 60)) {
                    n++;
                }
            }
        }
        return n;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void imageSmoothingOffGivesHardPixelEdges(Kind kind) {
        ImageData two = ImageData.fromArgb(new int[] {RED, 0xFF00FF00, BLUE, 0xFFFFFFFF}, 2, 2);
        ImageData img = draw(kind, l -> {
            l.imageSmoothing(false);
            l.drawImage(two, 0, 0, 40, 40);
            l.imageSmoothing(true);
            l.drawImage(two, 50, 0, 40, 40);
        });
        assertPixel(img, 17, 5, RED, 0, "nearest: red up to the edge");
        assertPixel(img, 23, 5, 0xFF00FF00, 0, "nearest: green right after it");
        assertPixel(img, 5, 23, BLUE, 0, "nearest: blue right below it");
        int blended = img.argb(67, 5);
        assertTrue(Pixels.maxDiff(blended, RED) > 40 && Pixels.maxDiff(blended, 0xFF00FF00) > 40,
                "smoothed: the middle is a blend, got " + Colors.toHex(blended));
    }
}
