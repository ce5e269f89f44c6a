package dev.easel.canvas.host.loop;

import dev.easel.canvas.host.view.CanvasView;

/**
 * Opens views for canvases: the app's JavaFX windows, or {@link HeadlessWindows}.
 *
 * <p>{@link #open} is called on the canvas thread before its first frame; implementations must
 * not call into Python, and must not block on the FX thread while the caller is attached.
 */
public interface WindowSystem {
    /** Opens the view of {@code host} (its spec gives title, size and resizability). */
    CanvasView open(CanvasHost host);

    /** Whether frames are rendered without windows or pacing (the headless contract). */
    boolean headless();
}
