package dev.easel.app;

import java.util.Locale;
import java.util.Map;

/** Whether windows can be opened at all, asked before JavaFX starts (which fails with a Java stack trace). */
final class Displays {
    /** What a user without a display is told (one line). */
    static final String NO_DISPLAY = "no display: run with --headless, or under xvfb-run";

    private Displays() {}

    /**
     * On Linux and the BSDs, GTK needs {@code DISPLAY} or {@code WAYLAND_DISPLAY}; macOS and Windows
     * always have a display. JavaFX's headless or Monocle platforms (tests) need none.
     */
    static boolean missing(Map<String, String> env, String osName, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac") || os.contains("win") || glassPlatform != null) {
            return false;
        }
        return blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"));
    }

    /** One line for JavaFX failing to start (the toolkit's reason in brackets). */
    static String explain(Throwable failure) {
        String why = String.valueOf(failure.getMessage()).strip();
        if (why.contains("DISPLAY")) {
            return NO_DISPLAY + " (" + why + ")";
        }
        if (why.contains("GTK")) {
            return "cannot open windows: GTK 3 is missing (" + why + "); install libgtk-3-0, or run with --headless";
        }
        return "cannot open windows (" + why + "): run with --headless, or under xvfb-run";
    }

    static boolean missing() {
        return missing(System.getenv(), System.getProperty("os.name", ""), System.getProperty("glass.platform"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
