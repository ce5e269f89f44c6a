package dev.easel.canvas.host.loop;

import dev.easel.canvas.CanvasSpec;
import dev.easel.canvas.ImageData;
import dev.easel.canvas.host.view.FrameSaves;
import dev.easel.canvas.host.view.WindowSettings;

import java.util.function.UnaryOperator;

/**
 * What the {@code _easel} built-ins may do to a running canvas, from whichever Python thread calls
 * them: none of it waits for the canvas thread or the window's thread.
 */
public interface CanvasControl {
    /** What the canvas class declared. */
    CanvasSpec spec();

    /** Its statistics (frames drawn so far number a {@code save_frame} request). */
    CanvasStats stats();

    /** Its {@code save_frame} requests. */
    FrameSaves frameSaves();

    /** The target frame rate now; 0: on demand. */
    double fps();

    /** Changes the frame rate (0: on demand), from the next frame; validated by the caller. */
    void setFps(double fps);

    /** The title, cursor and full-screen state now. */
    WindowSettings settings();

    /** Changes title, cursor or full screen and tells the view. */
    void changeSettings(UnaryOperator<WindowSettings> change);

    /** Asks for a new size (the resize event follows). */
    void resizeTo(int width, int height);

    /** Asks for a frame soon. */
    void redraw();

    /** {@code Canvas.close()}: closes without asking. */
    void closeFromPython();

    /** The picture the canvas shows now (call detached: it may rasterize). */
    ImageData snapshot();
}
