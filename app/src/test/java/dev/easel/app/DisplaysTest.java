package dev.easel.app;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When `easel run` says there is no display, and when a script error opens a window. */
class DisplaysTest {
    @Test
    void aDisplayIsMissingOnlyOnXAndWaylandSystemsWithNeitherVariable() {
        assertTrue(Displays.missing(Map.of(), "Linux", null));
        assertTrue(Displays.missing(Map.of("DISPLAY", " "), "Linux", null));
        assertFalse(Displays.missing(Map.of("DISPLAY", ":0"), "Linux", null));
        assertFalse(Displays.missing(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null));
        assertFalse(Displays.missing(Map.of(), "Mac OS X", null));
        assertFalse(Displays.missing(Map.of(), "Windows 11", null));
        assertFalse(Displays.missing(Map.of(), "Linux", "Headless"), "JavaFX's headless platform needs none");
    }

    @Test
    void javaFxFailuresAreOneLine() {
        assertEquals(Displays.NO_DISPLAY + " (Unable to open DISPLAY)",
                Displays.explain(new UnsupportedOperationException("Unable to open DISPLAY")));
        assertTrue(Displays.explain(new RuntimeException("Unable to load glass GTK library.")).contains("GTK 3"));
        assertFalse(Displays.explain(new RuntimeException("x\ny")).isBlank());
    }

    @Test
    void theErrorWindowIsOnlyForLaunchers() {
        assertFalse(FxLauncher.errorWindowWanted(Map.of()));
        assertFalse(FxLauncher.errorWindowWanted(Map.of("EASEL_LAUNCHER", "0")));
        assertFalse(FxLauncher.errorWindowWanted(Map.of("EASEL_LAUNCHER", "")));
        assertTrue(FxLauncher.errorWindowWanted(Map.of("EASEL_LAUNCHER", "1")));
    }
}
