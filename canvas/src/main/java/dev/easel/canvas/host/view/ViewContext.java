package dev.easel.canvas.host.view;

import dev.easel.canvas.RendererChoice;

import java.util.function.IntSupplier;
import java.util.function.LongConsumer;

/**
 * What a canvas hands the pixels that show it, so that the view side never names the canvas loop:
 * its background and renderer, where its {@code save_frame} requests wait, where render time is
 * counted, and its current size.
 *
 * @param background the ARGB colour frames start from (white when the class sets background = None)
 * @param drawsOver  whether frames draw over the last ones (the class sets background = None): a
 *                   resized picture keeps what they drew
 * @param renderer   the renderer the canvas asked for
 * @param saves      its {@code save_frame} requests, written once their frame is rendered
 * @param renderTime where the nanoseconds spent rendering are counted (the canvas' statistics)
 * @param width      its current logical width (the picture before the first frame)
 * @param height     its current logical height
 */
public record ViewContext(int background, boolean drawsOver, RendererChoice renderer, FrameSaves saves,
                          LongConsumer renderTime, IntSupplier width, IntSupplier height) {
    /** Checks that nothing is missing. */
    public ViewContext {
        java.util.Objects.requireNonNull(saves, "saves");
        java.util.Objects.requireNonNull(renderTime, "renderTime");
        java.util.Objects.requireNonNull(width, "width");
        java.util.Objects.requireNonNull(height, "height");
    }
}
