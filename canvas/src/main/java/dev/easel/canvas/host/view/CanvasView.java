package dev.easel.canvas.host.view;

import dev.easel.canvas.DisplayList;

/**
 * Where a canvas' frames go: a window, or (headless) nowhere but the last-frame buffer.
 *
 * <p>Called by the canvas thread, never while it is attached to Python. Implementations hop to
 * their own thread (the FX thread for windows) and never block the caller on it.
 */
public interface CanvasView {
    /**
     * Takes a finished frame. {@code overlay} (may be null) is drawn over {@code frame}: the
     * traceback after an error. The view owns one reference to {@code frame} (may be null: nothing good drawn yet) and releases it when it no longer shows it.
     */
    void present(Frame frame, DisplayList overlay, int width, int height);

    /** The canvas ended: the window goes away. Idempotent. */
    void close();

    /**
     * The sketch changed its title, cursor or full-screen state (its canvas' settings are the
     * new ones). Any thread; must not block. Headless views only keep them.
     */
    default void settingsChanged() {}

    /**
     * The sketch asked for a new canvas size. A window resizes itself and reports the size it got
     * as a {@code resize} event; a headless view posts that event at once. Any thread; must not block.
     * A view that cannot change size ignores it.
     */
    default void resizeTo(int width, int height) {}

    /**
     * Whether the view would take a new frame now without dropping one: a window that has not
     * started on the last frame yet says no, and the canvas waits (frames recorded no faster than
     * they are shown), until the view tells its canvas it is ready again. Any thread; must not block.
     */
    default boolean readyForFrame() {
        return true;
    }

    /** The pixels this view shows, when it keeps them (for {@code snapshot()}); null otherwise. */
    default WindowPixels pixels() {
        return null;
    }
}
