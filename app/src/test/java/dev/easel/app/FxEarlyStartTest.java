package dev.easel.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which command lines start the JavaFX toolkit before they are parsed (a sketch in a window only). */
class FxEarlyStartTest {
    private static boolean wanted(String... args) {
        return EarlyArgs.windowedRun(args);
    }

    @Test
    void aSketchInAWindowStartsItEarly() {
        assertTrue(wanted("run", "sketch.py"));
        assertTrue(wanted("run", "sketch.py", "--size", "800x600", "a", "b"));
        assertTrue(wanted("run", "--python", "3.12", "sketch.py"));
        assertTrue(wanted("sketch.py")); // the desktop entry's "Open with Easel"
        // after --, the sketch's own arguments
        assertTrue(wanted("run", "sketch.py", "--", "--headless"));
        assertTrue(wanted("run", "sketch.py", "--", "--help", "-V"));
    }

    @Test
    void headlessHelpAndOtherCommandsDoNot() {
        assertFalse(wanted());
        assertFalse(wanted("run", "sketch.py", "--headless"));
        assertFalse(wanted("run", "--headless", "sketch.py", "--frames", "3"));
        assertFalse(wanted("run", "--help"));
        assertFalse(wanted("run", "-h"));
        assertFalse(wanted("--version"));
        assertFalse(wanted("run", "-V"));
        assertFalse(wanted("doctor"));
        assertFalse(wanted("bench", "startup"));
        assertFalse(wanted("launcher"));
        assertFalse(wanted("pip", "install", "x.py"));
        assertFalse(wanted("--x.py"));
    }
}
