package dev.easel.canvas.render;

import dev.easel.canvas.DisplayList;

/**
 * Turns finished {@link DisplayList}s into pixels. The two implementations draw the same list to
 * the same picture (within antialiasing differences): {@link Java2dRenderer} rasterizes into its own
 * pixel buffer on whichever thread calls it, {@link FxRenderer} replays onto a JavaFX canvas on the
 * FX Application Thread. docs/rendering.md compares them and says which is the default.
 *
 * <p>Every renderer keeps its pixels between frames: a frame that does not start with
 * {@code clear} draws over the previous one.
 */
public sealed interface Renderer permits Java2dRenderer, FxRenderer, GlRenderer {

    /**
     * Replays a finished list onto this renderer's target.
     *
     * @throws IllegalStateException if the list is not finished, or (FxRenderer) if called off the FX thread
     */
    void render(DisplayList list);

    /** Device pixels per logical pixel (2.0 on a typical HiDPI screen). */
    double pixelScale();
}
