package dev.easel.canvas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.easel.canvas.Colors;
import dev.easel.canvas.DisplayList;
import org.junit.jupiter.api.Test;

/**
 * Clips the direct rasterizer used to mishandle (found by {@code BandedRenderTest}'s random scenes):
 * a clip thinner than a line (it wrote outside the clip, or past the array), and a clip wholly off
 * the canvas followed by a clip-limited clear (an inverted row range threw).
 */
class ThinClipTest {
    @Test
    void aLineThickerThanItsClipStaysInside() {
        for (int y = 0; y < 3; y++) {
            DisplayList l = new DisplayList();
            l.clear(Colors.WHITE);
            l.beginPath();
            l.rect(0, 10 + y * 0.3, 100, 0.6);
            l.clip();
            l.stroke(0x80FF0000);
            l.lineWidth(2);
            l.line(-5, 0, 105, 25);
            l.finish();
            Java2dRenderer r = new Java2dRenderer(100, 30, 1, null);
            r.render(l);
            int[] px = r.pixels();
            for (int i = 0; i < px.length; i++) {
                int row = i / 100;
                if (row != 10 + (y == 2 ? 1 : 0) && row != 10) {
                    assertEquals(0xFFFFFFFF, px[i], "outside the clip at (" + i % 100 + ", " + row + ")");
                }
            }
        }
    }

    @Test
    void aClipOffTheCanvasClearsNothing() {
        DisplayList l = new DisplayList();
        l.clear(Colors.WHITE);
        l.beginPath();
        l.rect(150, 10, 20, 20);
        l.clip();
        l.clear(Colors.BLACK);
        l.finish();
        Java2dRenderer r = new Java2dRenderer(100, 50, 1, null);
        r.render(l);
        for (int p : r.pixels()) {
            assertEquals(0xFFFFFFFF, p);
        }
    }
}
