package dev.easel.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every colour form Python users may write, and every way to get it wrong. */
class ColorsTest {

    @Test
    void allCssNamesMatchJavaFx() {
        assertEquals(149, Colors.names().size(), "148 CSS names plus transparent");
        for (String name : Colors.names()) {
            if (name.equals("rebeccapurple")) {
                continue; // CSS Color 4 added it; JavaFX's list predates it. Checked below.
            }
            javafx.scene.paint.Color fx = javafx.scene.paint.Color.web(name);
            int expected = Colors.argb((int) Math.round(fx.getOpacity() * 255), (int) Math.round(fx.getRed() * 255),
                    (int) Math.round(fx.getGreen() * 255), (int) Math.round(fx.getBlue() * 255));
            assertEquals(expected, Colors.parse(name), name);
        }
        assertEquals(0xFFFF6347, Colors.parse("tomato"));
        assertEquals(0xFF663399, Colors.parse("rebeccapurple"));
        assertEquals(0, Colors.parse("transparent"));
    }

    @Test
    void namesIgnoreCaseAndSurroundingSpace() {
        assertEquals(0xFF6495ED, Colors.parse("CornflowerBlue"));
        assertEquals(0xFF808080, Colors.parse("  GREY "));
        assertTrue(Colors.isName("DarkSlateGrey"));
    }

    @Test
    void hexForms() {
        assertEquals(0xFFFF0000, Colors.parse("#f00"));
        assertEquals(0x88FF0000, Colors.parse("#f008"));
        assertEquals(0xFF12AB34, Colors.parse("#12ab34"));
        assertEquals(0xFF12AB34, Colors.parse("#12AB34"));
        assertEquals(0x7F12AB34, Colors.parse("#12ab347f"));
        assertEquals(0xFFFFFFFF, Colors.parse("#fff"));
        assertEquals(0xFFFFFFFF, Colors.parse("#ffffffff"));
        assertEquals(0x00000000, Colors.parse("#0000"));
    }

    @Test
    void cssFunctions() {
        assertEquals(0xFF0A141E, Colors.parse("rgb(10, 20, 30)"));
        assertEquals(0x800A141E, Colors.parse("rgba(10,20,30,0.5)"));
    }

    @Test
    void components() {
        assertEquals(0xFF0A141E, Colors.of(10, 20, 30));
        assertEquals(0x800A141E, Colors.of(10, 20, 30, 0.5));
        assertEquals(0x000A141E, Colors.of(10, 20, 30, 0.0));
        assertEquals(0xFF0A141E, Colors.of(10.0, 20.0, 30.0, 1.0));
        Color c = new Color(10, 20, 30, 0.5);
        assertEquals(0x800A141E, c.argb());
        assertEquals("#0a141e80", c.toHex());
        assertEquals(new Color(255, 99, 71), Color.parse("tomato"));
        assertEquals(0xFF123456, Color.fromArgb(0xFF123456).argb());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomatoe", "", "   ", "#12", "#12345", "#1234567", "#ggg", "#", "red blue", "rgb(1, 2)",
        "rgb(256, 0, 0)", "rgba(1, 2, 3, 2)", "rgb(a, b, c)", "hsl(0, 100%, 50%)", "0xff0000"})
    void badStringsQuoteTheValue(String bad) {
        var e = assertThrows(IllegalArgumentException.class, () -> Colors.parse(bad));
        assertTrue(e.getMessage().startsWith("invalid colour '" + bad + "'"), e.getMessage());
    }

    @Test
    void theMessageListsTheAcceptedForms() {
        var e = assertThrows(IllegalArgumentException.class, () -> Colors.parse("tomatoe"));
        assertEquals("invalid colour 'tomatoe': expected a CSS name, #rgb, #rgba, #rrggbb, #rrggbbaa or (r, g, b[, a])",
                e.getMessage());
        assertEquals("invalid colour None: expected a CSS name, #rgb, #rgba, #rrggbb, #rrggbbaa or (r, g, b[, a])",
                assertThrows(IllegalArgumentException.class, () -> Colors.parse(null)).getMessage());
    }

    @Test
    void badComponentsSayWhatIsWrong() {
        assertEquals("invalid colour (256, 0, 0): r, g, b must be integers 0..255",
                assertThrows(IllegalArgumentException.class, () -> Colors.of(256, 0, 0)).getMessage());
        assertEquals("invalid colour (-1, 0, 0, 1.0): r, g, b must be integers 0..255",
                assertThrows(IllegalArgumentException.class, () -> Colors.of(-1, 0, 0, 1.0)).getMessage());
        assertEquals("invalid colour (0, 0, 0, 1.5): a must be a float 0..1",
                assertThrows(IllegalArgumentException.class, () -> Colors.of(0, 0, 0, 1.5)).getMessage());
        assertEquals("invalid colour (0.5, 0, 0, 1): r, g, b must be integers 0..255",
                assertThrows(IllegalArgumentException.class, () -> Colors.of(0.5, 0, 0, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Colors.of(0, 0, 0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Color(0, 300, 0));
    }

    @Test
    void parsingAKnownNameAllocatesNothing() {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        int sink = 0;
        for (int i = 0; i < 100_000; i++) {
            sink += Colors.parse("tomato") + Colors.parse("#ff8000");
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            sink += Colors.parse("tomato") + Colors.parse("#ff8000");
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 4096, "allocated " + allocated + " bytes (" + sink + ")");
    }

    @Test
    void hexRoundTrip() {
        assertEquals("#ff6347", Colors.toHex(Colors.parse("tomato")));
        assertEquals("#ff634780", Colors.toHex(0x80FF6347));
    }
}
