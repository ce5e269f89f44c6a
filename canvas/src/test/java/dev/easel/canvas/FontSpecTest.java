package dev.easel.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CSS font strings to installed fonts (this machine has the DejaVu families; see Fonts). */
class FontSpecTest {

    @Test
    void genericFamiliesMapToInstalledFonts() {
        assertTrue(Fonts.families().contains(Fonts.sansSerif()) || Fonts.sansSerif().equals("SansSerif"));
        if (Fonts.families().contains("DejaVu Sans")) {
            assertEquals("DejaVu Sans", Fonts.sansSerif());
            assertEquals("DejaVu Serif", Fonts.serif());
            assertEquals("DejaVu Sans Mono", Fonts.monospace());
        }
    }

    @Test
    void theExamplesFromTheApi() {
        assertEquals(new FontSpec(Fonts.sansSerif(), 16, false, false), FontSpec.parse("16px sans-serif"));
        assertEquals(new FontSpec(Fonts.serif(), 16, true, false), FontSpec.parse("bold 16px serif"));
        FontSpec arial = FontSpec.parse("italic bold 12pt Arial");
        assertEquals(16, arial.size(), 1e-9, "12pt = 16px");
        assertTrue(arial.bold() && arial.italic());
        // Arial is not installed here: CSS falls back, to sans-serif.
        String expected = Fonts.resolve("Arial") != null ? Fonts.resolve("Arial") : Fonts.sansSerif();
        assertEquals(expected, arial.family());
        if (Fonts.families().contains("DejaVu Sans Mono")) {
            FontSpec mono = FontSpec.parse("20px 'DejaVu Sans Mono'");
            assertEquals(new FontSpec("DejaVu Sans Mono", 20, false, false), mono);
        }
    }

    @Test
    void familyListsQuotesAndCase() {
        assertEquals(Fonts.monospace(), FontSpec.parse("14px NoSuchFont, \"Also Missing\", monospace").family());
        assertEquals(Fonts.serif(), FontSpec.parse("14PX SERIF").family());
        if (Fonts.families().contains("DejaVu Sans Mono")) {
            assertEquals("DejaVu Sans Mono", FontSpec.parse("14px dejavu sans mono").family());
            assertEquals("DejaVu Sans Mono", FontSpec.parse("14px \"DejaVu Sans Mono\", serif").family());
        }
        assertEquals(Fonts.sansSerif(), FontSpec.parse("14px NoSuchFont").family());
    }

    @Test
    void stylesWeightsAndUnits() {
        assertTrue(FontSpec.parse("700 10px serif").bold());
        assertFalse(FontSpec.parse("400 10px serif").bold());
        assertTrue(FontSpec.parse("oblique 10px serif").italic());
        assertFalse(FontSpec.parse("normal normal 10px serif").bold());
        assertEquals(24, FontSpec.parse("1.5em serif").size(), 1e-9);
        assertEquals(12.5, FontSpec.parse("12.5px/1.2 serif").size(), 1e-9, "line height ignored");
    }

    @Test
    void cssRoundTripsAndParsesAreCached() {
        FontSpec f = FontSpec.parse("italic bold 13.5px monospace");
        assertEquals(f, FontSpec.parse(f.css()));
        assertSame(FontSpec.parse("italic bold 13.5px monospace"), f);
        assertEquals(new FontSpec(f.family(), 20, true, true), f.withSize(20));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bold", "16 serif", "16px", "serif 16px", "-3px serif", "0px serif", "16px 'DejaVu",
        "16px 'DejaVu Sans' extra", "16px serif,", "small-caps 16px serif", "16qq serif", "px serif", "1e9px serif"})
    void badFontsQuoteTheValue(String bad) {
        var e = assertThrows(IllegalArgumentException.class, () -> FontSpec.parse(bad));
        String repr = bad.contains("'") ? '"' + bad + '"' : "'" + bad + "'"; // as Python's repr shows it
        assertTrue(e.getMessage().startsWith("invalid font " + repr), e.getMessage());
    }

    @Test
    void measuringIsConsistentWithSize() {
        TextMetrics small = Fonts.measure("Hello", FontSpec.parse("10px sans-serif"));
        TextMetrics big = Fonts.measure("Hello", FontSpec.parse("20px sans-serif"));
        assertEquals(2 * small.width(), big.width(), 0.5);
        assertTrue(big.ascent() > 10 && big.descent() > 2, big.toString());
    }
}
