package dev.easel.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How a display list records gradient paints and image smoothing. */
class GradientListTest {
    private static final Gradient.Stops RED_BLUE = new Gradient.Stops(new double[] {0, 1}, new int[] {0xFFFF0000, 0xFF0000FF});

    private static Gradient linear() {
        return new Gradient.Linear(0, 0, 100, 0, RED_BLUE, Gradient.Extend.PAD);
    }

    private static long count(String dump, String command) {
        return dump.lines().filter(s -> s.startsWith(command + " ") || s.equals(command)).count();
    }

    @Test
    void aGradientIsRecordedOnceAndAColourAfterItAlways() {
        DisplayList l = new DisplayList();
        l.fillGradient(linear());
        l.fillGradient(linear()); // equal: not recorded again
        l.fillRect(0, 0, 10, 10);
        l.fill(Colors.BLACK);     // the default colour, but it replaces the gradient: recorded
        l.fillRect(0, 0, 10, 10);
        String d = l.finish().dump();
        assertEquals(1, count(d, "fillGradient"), d);
        assertEquals(1, count(d, "fill"), d);
        assertNull(l.fillGradient());
    }

    @Test
    void saveRestoreAndClearKeepTheGradients() {
        DisplayList l = new DisplayList();
        Gradient g = linear();
        l.strokeGradient(g);
        l.save();
        l.stroke(0xFF00FF00);
        l.restore();
        assertSame(g, l.strokeGradient());
        l.fillGradient(g);
        l.imageSmoothing(false);
        l.clear(Colors.WHITE); // opaque: drops what came before and records the state again
        String d = l.finish().dump();
        assertTrue(d.startsWith("fillGradient") || d.contains("fillGradient"), d);
        assertEquals(1, count(d, "strokeGradient"), d);
        assertEquals(1, count(d, "imageSmoothing"), d);
        assertTrue(d.indexOf("strokeGradient") < d.indexOf("clear"), d);
    }

    @Test
    void gradientsThatPaintNothingDropTheDrawing() {
        DisplayList l = new DisplayList();
        l.fillGradient(new Gradient.Linear(5, 5, 5, 5, RED_BLUE, Gradient.Extend.PAD)); // equal end points
        l.fillRect(0, 0, 10, 10);
        l.strokeGradient(new Gradient.Radial(5, 5, 0, 5, 5, RED_BLUE, Gradient.Extend.PAD)); // radius 0
        l.line(0, 0, 10, 10);
        l.fillGradient(new Gradient.Linear(0, 0, 10, 0,
                new Gradient.Stops(new double[] {0}, new int[] {0x00FF0000}), Gradient.Extend.PAD)); // transparent
        l.fillCircle(5, 5, 5);
        String d = l.finish().dump();
        assertEquals(0, count(d, "fillRects") + count(d, "lines") + count(d, "fillCircles"), d);
    }

    @Test
    void imageSmoothingIsRecordedWhenItChanges() {
        DisplayList l = new DisplayList();
        assertTrue(l.imageSmoothing());
        l.imageSmoothing(true);
        l.imageSmoothing(false);
        l.imageSmoothing(false);
        String d = l.finish().dump();
        assertEquals("imageSmoothing false\n", d);
    }

    @Test
    void badStopsAndGeometryAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Gradient.Stops(new double[0], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> new Gradient.Stops(new double[] {0.5, 0.2}, new int[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> new Gradient.Stops(new double[] {1.5}, new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new Gradient.Stops(new double[] {Double.NaN}, new int[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> new Gradient.Linear(0, 0, Double.POSITIVE_INFINITY, 0, RED_BLUE, Gradient.Extend.PAD));
        assertThrows(IllegalArgumentException.class, () -> new Gradient.Radial(0, 0, -1, 0, 0, RED_BLUE, Gradient.Extend.PAD));
        assertThrows(IllegalArgumentException.class, () -> Gradient.Extend.parse("mirror"));
    }
}
