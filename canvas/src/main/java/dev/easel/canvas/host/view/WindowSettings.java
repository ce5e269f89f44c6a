package dev.easel.canvas.host.view;

import dev.easel.canvas.CursorShape;

/**
 * What a sketch may change about its window while it runs, besides size and frame rate:
 * {@code Canvas.title}, {@code Canvas.cursor}, {@code Canvas.fullscreen}. A value; the canvas keeps
 * the current one and tells its view when it changes.
 */
public record WindowSettings(String title, CursorShape cursor, boolean fullscreen) {
    /** Checks the title. */
    public WindowSettings {
        java.util.Objects.requireNonNull(title, "title");
        java.util.Objects.requireNonNull(cursor, "cursor");
    }

    public WindowSettings withTitle(String t) {
        return new WindowSettings(t, cursor, fullscreen);
    }

    public WindowSettings withCursor(CursorShape c) {
        return new WindowSettings(title, c, fullscreen);
    }

    public WindowSettings withFullscreen(boolean f) {
        return new WindowSettings(title, cursor, f);
    }
}
