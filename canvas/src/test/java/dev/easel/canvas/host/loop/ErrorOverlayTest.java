package dev.easel.canvas.host.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.canvas.FontSpec;
import dev.easel.canvas.Fonts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The traceback overlay: long lines wrap inside the canvas, nothing of the text is lost. */
class ErrorOverlayTest {
    private static final String LONG = "AttributeError: 'Graphics' object has no attribute 'background' and no "
            + "__dict__ for setting new attributes";

    private static double widthOf(String line) {
        return Fonts.measure(line, FontSpec.parse("12px monospace")).width();
    }

    @Test
    void aLongLineWrapsWithinTheCanvasAndKeepsEveryWord() {
        for (int width : new int[]{160, 400, 640}) {
            List<String> lines = ErrorOverlay.lines("Traceback (most recent call last):\n"
                    + "  File \"/tmp/u/broken.py\", line 9, in on_draw\n" + LONG, width);
            for (String line : lines) {
                assertTrue(widthOf(line) <= width - 2 * ErrorOverlay.MARGIN + 0.5,
                        width + " px: '" + line + "' is " + widthOf(line) + " px wide");
            }
            String joined = String.join("", lines).replace(" ", "");
            String expected = ("Traceback (most recent call last):  File \"/tmp/u/broken.py\", line 9, in on_draw"
                    + LONG).replace(" ", "");
            assertEquals(expected, joined, width + " px");
            assertTrue(lines.size() > 3, width + " px: the last line wraps: " + lines);
            assertTrue(lines.get(lines.size() - 1).startsWith("  "), "a continuation is indented: " + lines);
        }
    }

    @Test
    void linesThatFitAreDrawnAsTheyAreWithTabsExpanded() {
        assertEquals(List.of("  File \"x.py\", line 1", "    x = 1", "ValueError: bad"),
                ErrorOverlay.lines("  File \"x.py\", line 1\n\tx = 1\nValueError: bad", 800));
        assertEquals(List.of("error"), ErrorOverlay.lines(null, 800));
        assertEquals(List.of("a", "", "b"), ErrorOverlay.lines("a\n\nb", 800));
    }

    @Test
    void aWordLongerThanALineIsCutAndNothingLoops() {
        String word = "x".repeat(500);
        List<String> lines = ErrorOverlay.lines(word, 1); // the narrowest canvas: 12 columns
        assertEquals(word, String.join("", lines).replace(" ", ""));
        assertEquals(12, lines.get(0).length());
    }

    @Test
    void theOverlayKeepsTheLastLinesWhereTheExceptionIs() {
        StringBuilder tb = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            tb.append("  frame ").append(i).append('\n');
        }
        tb.append("RecursionError: maximum recursion depth exceeded");
        String drawn = ErrorOverlay.draw(tb.toString(), 400, 300).dump();
        assertTrue(drawn.contains("RecursionError: maximum recursion depth exceeded"), drawn);
        assertTrue(drawn.contains("frame 61") && !drawn.contains("frame 60"), "the last 40 lines only: " + drawn);
        List<String> lines = ErrorOverlay.lines(tb.toString(), 400);
        assertEquals("RecursionError: maximum recursion depth exceeded", lines.get(lines.size() - 1));
    }
}
