package dev.easel.canvas.render;

import dev.easel.canvas.DisplayList;
import dev.easel.canvas.ImageData;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import javafx.application.Platform;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;

/**
 * Replays display lists onto a JavaFX canvas's {@link GraphicsContext}, antialiased, with JavaFX's
 * own blend modes, dashes, clips and text. Test code only: the reference the parity and pixel tests
 * compare the production renderers with ({@link Kind#FX}); nothing in production draws through
 * JavaFX's canvas (docs/rendering.md says why), so the canvas module needs JavaFX only for tests.
 *
 * <p>Threads: FX Application Thread only ({@link #render} checks and throws
 * {@link IllegalStateException} elsewhere). The canvas thread records and hands the finished list
 * over; this renderer never touches Python.
 *
 * <p>HiDPI: with {@code pixelScale} 1 the canvas node has the logical size and JavaFX itself
 * rasterizes at the screen's output scale. With a larger scale the canvas node is expected to be
 * {@code pixelScale} times the logical size (scaled down in the scene graph, or snapshotted as is):
 * every frame starts from a {@code scale(pixelScale)} transform, and put_pixels enlarges its pixels.
 *
 * <p>The context's state is saved before each frame and restored after it, so each frame starts from
 * the defaults; the canvas's pixels persist between frames.
 */
public final class FxRenderer {
    private final GraphicsContext gc;
    private final double scale;
    /** Images converted to JavaFX's form, once per image while it is alive. */
    private final Map<ImageData, Image> images = new WeakHashMap<>();
    private final FxPainter painter;

    /**
     * A renderer drawing into {@code gc}.
     *
     * @throws IllegalArgumentException if the scale is not in (0, 16]
     */
    public FxRenderer(GraphicsContext gc, double pixelScale) {
        if (!(pixelScale > 0 && pixelScale <= 16)) {
            throw new IllegalArgumentException("invalid pixel scale " + pixelScale);
        }
        this.gc = Objects.requireNonNull(gc, "gc");
        this.scale = pixelScale;
        this.painter = new FxPainter(gc, pixelScale, images);
    }

    /** Replays a finished list onto the context (FX thread only). */
    public void render(DisplayList list) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("FxRenderer.render must run on the JavaFX Application Thread, not "
                    + Thread.currentThread().getName());
        }
        if (!list.isFinished()) {
            throw new IllegalStateException("replay needs a finished display list: call finish() first");
        }
        painter.begin();
        try {
            list.replay(painter);
        } finally {
            painter.end();
        }
    }

    /** Device pixels per logical pixel. */
    public double pixelScale() {
        return scale;
    }

    /** The context this renderer draws into. */
    public GraphicsContext graphicsContext() {
        return gc;
    }
}
