package dev.easel.canvas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.canvas.Colors;
import dev.easel.canvas.DisplayList;
import dev.easel.canvas.FontSpec;
import dev.easel.canvas.Fonts;
import dev.easel.canvas.ImageData;
import dev.easel.canvas.TextBaseline;
import dev.easel.canvas.TextMetrics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** fill_text with "\n": one line per piece, Fonts.LINE_SPACING font sizes apart, placed by the baseline. */
class MultilineTextTest {
    private static final FontSpec FONT = FontSpec.parse("20px sans-serif");

    /** Rows [y0, y1) hold dark pixels somewhere. */
    private static boolean ink(ImageData img, int y0, int y1) {
        for (int y = y0; y < y1; y++) {
            for (int x = 0; x < img.width(); x++) {
                if ((img.argb(x, y) & 0xFF) < 128) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ImageData draw(Kind kind, String text, TextBaseline baseline, double y) {
        DisplayList l = new DisplayList();
        l.clear(Colors.WHITE);
        l.fill(Colors.BLACK);
        l.font(FONT);
        l.textBaseline(baseline);
        l.fillText(text, 5, y, Double.NaN);
        return kind.render(l.finish(), 120, 120, 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void linesGoDownFromTheFirstAndLeaveAGap(Kind kind) {
        ImageData img = draw(kind, "HH\nHH\n\nHH", TextBaseline.TOP, 10);
        // 20 px font, 25 px apart: lines at 10, 35, (60 empty), 85; cap height ~15 px.
        assertTrue(ink(img, 10, 30), "first line");
        assertTrue(ink(img, 35, 55), "second line");
        assertTrue(!ink(img, 60, 80), "the empty third line");
        assertTrue(ink(img, 85, 105), "fourth line");
        assertTrue(!ink(img, 0, 8), "nothing above the block");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void bottomBaselinePutsTheLastLineAtY(Kind kind) {
        ImageData img = draw(kind, "HH\nHH", TextBaseline.BOTTOM, 110);
        assertTrue(ink(img, 90, 110), "last line ends at y");
        assertTrue(ink(img, 65, 85), "first line one spacing above");
        assertTrue(!ink(img, 0, 55), "nothing higher");
    }

    @Test
    void measureCoversEveryLine() {
        TextMetrics one = Fonts.measure("HHHH", FONT);
        TextMetrics three = Fonts.measure("HH\nHHHH\nH", FONT);
        assertEquals(one.width(), three.width(), 1e-9, "the widest line");
        assertEquals(one.height() + 2 * 20 * Fonts.LINE_SPACING, three.height(), 1e-9);
    }
}
