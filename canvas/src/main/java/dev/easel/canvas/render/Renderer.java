package dev.easel.canvas.render;

import dev.easel.canvas.DisplayList;

/**
 * Turns finished {@link DisplayList}s into pixels: {@link Java2dRenderer} rasterizes into its own
 * pixel buffer on whichever thread calls it; {@link GlRenderer} draws with OpenGL in an offscreen
 * context on the thread that made it. (The JavaFX-canvas replay the tests compare it with,
 * {@code FxRenderer}, is test code.) docs/rendering.md says which renderer is the default and why.
 *
 * <p>Every renderer keeps its pixels between frames: a frame that does not start with
 * {@code clear} draws over the previous one.
 */
public sealed interface Renderer permits Java2dRenderer, GlRenderer {

    /**
     * Replays a finished list onto this renderer's target.
     *
     * @throws IllegalStateException if the list is not finished
     */
    void render(DisplayList list);

    /** Device pixels per logical pixel (2.0 on a typical HiDPI screen). */
    double pixelScale();
}
