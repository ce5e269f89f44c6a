package dev.easel.canvas.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.canvas.Colors;
import dev.easel.canvas.DisplayList;
import dev.easel.canvas.ImageData;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A dashed stroke of a huge shape with tiny dashes (what the API fuzz hit with stroke_ellipse): Marlin
 * would make every dash, for hours. Past a million dashes the stroke is drawn solid instead; an
 * ordinary dashed stroke stays dashed. The timeout only guards against the hang.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DashLimitTest {

    @Test
    void aHugeShapeWithTinyDashesIsDrawnSolidInsteadOfForever() {
        DisplayList l = new DisplayList();
        l.clear(Colors.WHITE);
        l.stroke(Colors.BLACK);
        // So wide a pen that Marlin cannot skip the dashes outside the canvas: ~3e8 of them.
        l.lineWidth(1e7);
        l.lineDash(new double[] {1e-2, 1e-2});
        l.strokeEllipse(50, 50, 2e6, 2e6);
        ImageData img = Kind.JAVA2D.render(l.finish(), 100, 100);
        assertTrue(Pixels.maxDiff(img.argb(50, 50), Colors.BLACK) < 8,
                "drawn solid, covering the canvas: " + Colors.toHex(img.argb(50, 50)));
    }

    @Test
    void anOrdinaryDashedStrokeStaysDashed() {
        DisplayList l = new DisplayList();
        l.clear(Colors.WHITE);
        l.stroke(Colors.BLACK);
        l.lineWidth(2);
        l.lineDash(new double[] {10, 10});
        l.line(0, 50, 100, 50);
        ImageData img = Kind.JAVA2D_MARLIN.render(l.finish(), 100, 100);
        assertTrue(Pixels.maxDiff(img.argb(5, 50), Colors.WHITE) > 64, "a dash");
        assertTrue(Pixels.maxDiff(img.argb(15, 50), Colors.WHITE) < 8, "a gap");
    }
}
