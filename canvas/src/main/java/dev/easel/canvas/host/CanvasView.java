package dev.easel.canvas.host;

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

    /** The pixels this view shows, when it keeps them (for {@code snapshot()}); null otherwise. */
    default WindowPixels pixels() {
        return null;
    }
}
