package dev.easel.canvas.render;

import static dev.easel.canvas.render.Pixels.assertPixel;
import static dev.easel.canvas.render.Pixels.inked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.canvas.BlendMode;
import dev.easel.canvas.Colors;
import dev.easel.canvas.DisplayList;
import dev.easel.canvas.FontSpec;
import dev.easel.canvas.ImageData;
import dev.easel.canvas.LineCap;
import dev.easel.canvas.TextAlign;
import dev.easel.canvas.TextBaseline;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each primitive drawn by each renderer, checked at known pixels. Canvas 100 × 100, white background. */
class PrimitivePixelTest {
    private static final int W = Colors.WHITE;
    private static final int RED = 0xFFFF0000;
    private static final int GREEN = 0xFF00FF00;
    private static final int BLUE = 0xFF0000FF;
    private static final int BLACK = Colors.BLACK;

    private static ImageData draw(Kind kind, Consumer<DisplayList> scene) {
        return draw(kind, 1, scene);
    }

    private static ImageData draw(Kind kind, double scale, Consumer<DisplayList> scene) {
        DisplayList l = new DisplayList();
        l.clear(W);
        scene.accept(l);
        return kind.render(l.finish(), 100, 100, scale);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void fillRect(Kind kind) {
        ImageData img = draw(kind, l -> {
            l.fill(RED);
            l.fillRect(10, 10, 20, 20);
            l.fillRect(60, 60, -10, -10); // negative size: normalised to (50, 50, 10, 10)
        });
        assertPixel(img, 15, 15, RED, "inside");
        assertPixel(img, 10, 10, RED, "top-left pixel");
        assertPixel(img, 29, 29, RED, "bottom-right pixel");
        assertPixel(img, 5, 5, W, "outside");
        assertPixel(img, 30, 30, W, "just outside");
        assertPixel(img, 55, 55, RED, "negative size");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void strokeRectAndClearRect(Kind kind) {
        ImageData img = draw(kind, l -> {
            l.stroke(BLUE);
            l.lineWidth(2);
            l.strokeRect(10, 10, 30, 30);
            l.fill(GREEN);
            l.fillRect(50, 50, 40, 40);
            l.clearRect(60, 60, 10, 10);
        });
        assertPixel(img, 10, 25, BLUE, "left edge");
        assertPixel(img, 25, 40, BLUE, "bottom edge");
        assertPixel(img, 25, 25, W, "inside the outline");
        assertPixel(img, 55, 55, GREEN, "fill");
        assertPixel(img, 65, 65, 0, 0, "cleared to transparent");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void circles(Kind kind) {
        ImageData img = draw(kind, l -> {
            l.fill(RED);
            l.fillCircle(30, 30, 20);
            l.stroke(BLUE);
            l.lineWidth(4);
            l.strokeCircle(70, 70, 20);
        });
        assertPixel(img, 30, 30, RED, "centre");
        assertPixel(img, 30, 15, RED, "inside near top");
        assertPixel(img, 30, 52, W, "below");
        assertPixel(img, 45, 45, W, "outside the diagonal (distance 21)");
        assertPixel(img, 70, 50, BLUE, "ring top");
        assertPixel(img, 90, 70, BLUE, "ring right");
        assertPixel(img, 70, 70, W, "ring centre");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void ellipse(Kind kind) {
        ImageData img = draw(kind, l -> {
            l.fill(RED);
            l.fillEllipse(50, 30, 80, 20); // centred, 80 wide, 20 high
            l.stroke(BLUE);
            l.lineWidth(3);
            l.strokeEllipse(50, 75, 60, 30);
        });
        assertPixel(img, 85, 30, RED, "inside along the major axis");
        assertPixel(img, 50, 42, W, "outside along the minor axis");
        assertPixel(img, 80, 75, BLUE, "outline right");
        assertPixel(img, 50, 75, W, "outline centre");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void lines(Kind kind) {
        ImageData img = draw(kind, l -> {
            l.stroke(RED);
            l.lineWidth(4);
            l.line(10, 20, 90, 20);
            l.lineWidth(1);
            l.line(10.5, 40, 10.5, 90); // one pixel column exactly
            l.stroke(BLUE);
            l.line(20, 40, 90, 90); // diagonal
        });
        assertPixel(img, 50, 20, RED, "thick line");
        assertPixel(img, 50, 18, RED, "thick line upper half");
        assertPixel(img, 50, 24, W, "below the thick line");
        assertPixel(img, 10, 60, RED, "pixel-aligned thin line");
        assertPixel(img, 9, 60, W, "left of the thin line");
        assertPixel(img, 11, 60, W, "right of the thin line");
        assertTrue(Pixels.maxDiff(img.argb(55, 65), W) > 64, "diagonal passes (55, 65)");
        assertPixel(img, 55, 45, W, "off the diagonal");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void lineCapsAndDash(Kind kind) {
        ImageData img = draw(kind, l -> {
            l.stroke(RED);
            l.lineWidth(10);
            l.line(20, 20, 80, 20); // butt
            l.lineCap(LineCap.SQUARE);
            l.line(20, 50, 80, 50);
            l.lineCap(LineCap.BUTT);
            l.lineWidth(4);
            l.lineDash(new double[] {10, 10});
            l.line(0, 80, 100, 80);
        });
        assertPixel(img, 17, 20, W, "butt cap ends at the end point");
        assertPixel(img, 17, 50, RED, "square cap extends past it");
        assertPixel(img, 5, 80, RED, "first dash");
        assertPixel(img, 15, 80, W, "first gap");
        assertPixel(img, 25, 80, RED, "second dash");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void polylineAndPolygons(Kind kind) {
        ImageData img = draw(kind, l -> {
            l.stroke(BLUE);
            l.lineWidth(3);
            l.polyline(new double[] {10, 10, 90, 10, 90, 45});
            l.fill(RED);
            l.fillPolygon(new double[] {10, 50, 60, 50, 10, 95});
            l.stroke(GREEN);
            l.strokePolygon(new double[] {70, 60, 95, 60, 95, 95, 70, 95});
        });
        assertPixel(img, 50, 10, BLUE, "first segment");
        assertPixel(img, 90, 30, BLUE, "second segment");
        assertPixel(img, 50, 30, W, "inside the corner");
        assertPixel(img, 20, 60, RED, "inside the triangle");
        assertPixel(img, 50, 85, W, "outside the hypotenuse");
        assertPixel(img, 70, 80, GREEN, "closing edge of the polygon");
        assertPixel(img, 82, 78, W, "inside the stroked polygon");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void roundRectAndArcs(Kind kind) {
        ImageData img = draw(kind, l -> {
            l.fill(RED);
            l.fillRoundRect(10, 10, 40, 40, 12);
            l.fill(BLUE);
            l.fillArc(75, 25, 20, 0, Math.PI / 2); // clockwise from east to south: the lower-right quarter
            l.stroke(GREEN);
            l.lineWidth(3);
            l.strokeArc(50, 75, 20, Math.PI, 2 * Math.PI); // the upper half, open
            l.strokeRoundRect(5, 60, 20, 30, 5);
        });
        assertPixel(img, 30, 30, RED, "round rect inside");
        assertPixel(img, 11, 11, W, "round rect corner is cut");
        assertPixel(img, 30, 11, RED, "round rect top edge");
        assertPixel(img, 82, 32, BLUE, "pie slice lower right");
        assertPixel(img, 68, 18, W, "pie slice upper left is empty");
        assertPixel(img, 82, 18, W, "pie slice upper right is empty");
        assertPixel(img, 50, 55, GREEN, "arc top");
        assertPixel(img, 50, 95, W, "arc bottom not drawn");
        assertPixel(img, 50, 75, W, "open arc: no chord");
        assertPixel(img, 5, 75, GREEN, "stroked round rect left edge");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void pathsWithCurves(Kind kind) {
        ImageData img = draw(kind, l -> {
            l.fill(RED);
            l.beginPath();
            l.moveTo(10, 50);
            l.bezierTo(10, 0, 50, 0, 50, 50); // apex near y = 12.5
            l.closePath();
            l.fillPath();
            l.beginPath();
            l.moveTo(60, 50);
            l.quadTo(75, 0, 90, 50);
            l.closePath();
            l.fill(BLUE);
            l.fillPath();
            l.beginPath();
            l.arc(30, 75, 15, 0, 2 * Math.PI, false);
            l.fill(GREEN);
            l.fillPath();
            l.beginPath();
            l.moveTo(60, 60);
            l.arcTo(95, 60, 95, 95, 15); // rounded corner at (95, 60)
            l.lineTo(95, 95);
            l.stroke(BLACK);
            l.lineWidth(3);
            l.strokePath();
        });
        assertPixel(img, 30, 35, RED, "inside the bezier");
        assertPixel(img, 30, 8, W, "above the bezier's apex");
        assertPixel(img, 75, 40, BLUE, "inside the quadratic");
        assertPixel(img, 75, 20, W, "above the quadratic's apex (y = 25)");
        assertPixel(img, 30, 75, GREEN, "full arc = disc");
        assertPixel(img, 30, 58, W, "outside the disc");
        assertPixel(img, 70, 60, BLACK, "arcTo: line to the tangent point");
        assertPixel(img, 95, 85, BLACK, "arcTo: after the corner");
        assertPixel(img, 94, 61, W, "arcTo: the sharp corner is rounded off");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void text(Kind kind) {
        ImageData img = draw(kind, l -> {
            l.fill(BLACK);
            l.font(FontSpec.parse("bold 24px sans-serif"));
            l.fillText("Hello", 10, 40);
            l.textAlign(TextAlign.CENTER);
            l.textBaseline(TextBaseline.MIDDLE);
            l.fill(RED);
            l.fillText("W", 50, 75);
        });
        int ink = inked(img, 10, 15, 90, 45, W);
        assertTrue(ink > 100, "text draws pixels: " + ink);
        assertEquals(0, inked(img, 0, 0, 100, 12, W), "nothing above the ascent");
        // The centred, middle-aligned W: its ink is centred on (50, 75) within a few pixels.
        int minX = 100;
        int maxX = 0;
        int minY = 100;
        int maxY = 0;
        for (int y = 50; y < 100; y++) {
            for (int x = 0; x < 100; x++) {
                if (Pixels.maxDiff(img.argb(x, y), W) > 64) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        assertEquals(50, (minX + maxX) / 2.0, 3, "centred horizontally");
        assertEquals(75, (minY + maxY) / 2.0, 4, "centred vertically");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void fontIsSavedAndRestored(Kind kind) {
        ImageData img = draw(kind, l -> {
            l.save();
            l.font(FontSpec.parse("60px serif"));
            l.fillText("M", 2, 70);
            l.restore();
            l.fillText("M", 85, 70); // back to the default 12px font
        });
        int big = height(img, 0, 70);
        int small = height(img, 80, 100);
        assertTrue(big > 35, "60px M: " + big);
        assertTrue(small > 5 && small < 14, "12px M after restore: " + small);
    }

    /** Height of the ink in columns [x0, x1). */
    private static int height(ImageData img, int x0, int x1) {
        int top = 100;
        int bottom = -1;
        for (int y = 0; y < 100; y++) {
            for (int x = x0; x < x1; x++) {
                if (Pixels.maxDiff(img.argb(x, y), W) > 64) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        return bottom - top + 1;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void transforms(Kind kind) {
        ImageData img = draw(kind, l -> {
            l.fill(RED);
            l.translate(50, 0);
            l.fillRect(0, 0, 10, 10); // at (50..60, 0..10)
            l.resetTransform();
            l.translate(20, 50);
            l.rotate(Math.PI / 2); // clockwise: x axis points down
            l.fill(BLUE);
            l.fillRect(0, 0, 20, 10); // covers x in [10, 20], y in [50, 70]
            l.setTransform(2, 0, 0, 2, 0, 0);
            l.fill(GREEN);
            l.fillRect(35, 35, 5, 5); // covers 70..80
            l.resetTransform();
            l.transform(1, 0, 0, 1, 80, 10);
            l.fill(BLACK);
            l.fillRect(0, 0, 10, 10);
        });
        assertPixel(img, 55, 5, RED, "translated");
        assertPixel(img, 5, 5, W, "not at the origin");
        assertPixel(img, 15, 60, BLUE, "rotated a quarter turn clockwise");
        assertPixel(img, 30, 55, W, "not unrotated");
        assertPixel(img, 75, 75, GREEN, "scaled by set_transform");
        assertPixel(img, 85, 15, BLACK, "transform()");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void saveRestoreAndClip(Kind kind) {
        ImageData img = draw(kind, l -> {
            l.save();
            l.fill(RED);
            l.translate(50, 50);
            l.beginPath();
            l.rect(0, 0, 20, 20);
            l.clip();
            l.fillRect(-50, -50, 100, 100); // clipped to (50..70, 50..70)
            l.restore();
            l.fillRect(0, 0, 10, 10); // default fill, no transform, no clip again
        });
        assertPixel(img, 60, 60, RED, "inside the clip");
        assertPixel(img, 45, 45, W, "outside the clip");
        assertPixel(img, 80, 80, W, "outside the clip, other side");
        assertPixel(img, 5, 5, BLACK, "state restored: black, untranslated, unclipped");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void alphaAndBlend(Kind kind) {
        ImageData img = draw(kind, l -> {
            l.alpha(0.5);
            l.fill(RED);
            l.fillRect(0, 0, 40, 40);
            l.alpha(1);
            l.fill(0x80000000 | 0x0000FF); // half-transparent blue colour
            l.fillRect(0, 50, 40, 40);
            l.fill(RED);
            l.fillRect(50, 0, 40, 40);
            l.blend(BlendMode.MULTIPLY);
            l.fill(0xFF00FF00); // red × green = black
            l.fillRect(60, 10, 20, 20);
            l.blend(BlendMode.ADD);
            l.fill(BLUE);
            l.fillRect(50, 50, 40, 40); // white + blue clamps to white; check on red below
            l.blend(BlendMode.SOURCE_OVER);
        });
        assertPixel(img, 20, 20, 0xFFFF8080, 4, "global alpha 0.5");
        assertPixel(img, 20, 70, 0xFF7F7FFF, 4, "colour alpha 0.5");
        assertPixel(img, 70, 20, BLACK, 6, "multiply red by green");
        assertPixel(img, 55, 5, RED, "outside the multiplied square");
        assertPixel(img, 70, 70, W, 4, "add clamps");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void putPixelsIgnoresTransformAndAlpha(Kind kind) {
        byte[] rgba = {
            (byte) 255, 0, 0, (byte) 255, 0, (byte) 255, 0, (byte) 255,
            0, 0, (byte) 255, (byte) 255, 0, 0, 0, 0,
        };
        ImageData img = draw(kind, l -> {
            l.translate(30, 30);
            l.alpha(0.2);
            l.putPixels(rgba, 0, 2, 2, 10, 10);
            rgba[0] = 0; // the list copied the bytes: changing them now must not matter
        });
        assertPixel(img, 10, 10, RED, 2, "top-left");
        assertPixel(img, 11, 10, GREEN, 2, "top-right");
        assertPixel(img, 10, 11, BLUE, 2, "bottom-left");
        assertPixel(img, 11, 11, 0, 0, "bottom-right replaced by transparent, not blended");
        assertPixel(img, 40, 40, W, "no transform applied");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void drawImage(Kind kind) {
        ImageData src = ImageData.fromArgb(new int[] {RED, GREEN, BLUE, BLACK}, 2, 2);
        ImageData img = draw(kind, l -> {
            l.drawImage(src, 20, 20, 40, 40); // each texel becomes 20 × 20
            l.drawImage(src, 80, 80); // natural size
        });
        assertPixel(img, 30, 30, RED, 12, "top-left texel centre");
        assertPixel(img, 50, 30, GREEN, 12, "top-right texel centre");
        assertPixel(img, 30, 50, BLUE, 12, "bottom-left texel centre");
        assertPixel(img, 50, 50, BLACK, 12, "bottom-right texel centre");
        assertPixel(img, 15, 15, W, "outside");
        assertPixel(img, 80, 80, RED, 40, "natural size");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void batchedCalls(Kind kind) {
        ImageData img = draw(kind, l -> {
            l.stroke(RED);
            l.lineWidth(2);
            l.lines(new double[] {0, 10, 100, 10, 0, 20, 100, 20}, 0, 2);
            l.fill(BLUE);
            l.points(new double[] {50, 50, 60, 50}, 0, 2, 4);
            var rects = java.lang.foreign.MemorySegment.ofArray(new float[] {10, 70, 10, 10, 30, 70, 10, 10});
            l.rects(rects, 8, dev.easel.canvas.NumType.FLOAT32, true);
            var circles = java.lang.foreign.MemorySegment.ofArray(new double[] {80, 80, 8});
            l.circles(circles, 3, dev.easel.canvas.NumType.FLOAT64, true);
        });
        assertPixel(img, 50, 10, RED, "first line");
        assertPixel(img, 50, 20, RED, "second line");
        assertPixel(img, 50, 15, W, "between the lines");
        assertPixel(img, 50, 50, BLUE, "point");
        assertPixel(img, 55, 50, W, "between points");
        assertPixel(img, 15, 75, BLUE, "first rect");
        assertPixel(img, 35, 75, BLUE, "second rect");
        assertPixel(img, 25, 75, W, "between rects");
        assertPixel(img, 80, 80, BLUE, "circle");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void hiDpi(Kind kind) {
        ImageData img = draw(kind, 2, l -> {
            l.fill(RED);
            l.fillRect(10, 10, 20, 20);
            l.stroke(BLUE);
            l.line(50, 60.5, 90, 60.5); // 1 logical pixel = 2 device pixels
        });
        assertEquals(200, img.width());
        assertEquals(200, img.height());
        assertPixel(img, 20, 20, RED, "logical (10, 10)");
        assertPixel(img, 59, 59, RED, "logical (29.5, 29.5)");
        assertPixel(img, 60, 60, W, "logical (30, 30)");
        assertPixel(img, 19, 19, W, "logical (9.5, 9.5)");
        assertPixel(img, 140, 120, BLUE, "line, first device row");
        assertPixel(img, 140, 121, BLUE, "line, second device row");
        assertPixel(img, 140, 119, W, "above the line");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void framesAccumulateUntilCleared(Kind kind) {
        DisplayList l = new DisplayList();
        l.fill(RED);
        l.fillRect(0, 0, 10, 10);
        l.finish();
        ImageData img = kind.render(l, 20, 20);
        assertPixel(img, 5, 5, RED, "drawn");
        assertPixel(img, 15, 15, 0, 0, "never cleared: transparent");
    }
}
