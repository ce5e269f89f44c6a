package dev.easel.canvas.render;

import dev.easel.canvas.DisplayList;
import dev.easel.canvas.ImageData;

/** Renders with {@link GlRenderer} for the shared renderer tests; GL must be there (CI installs Mesa). */
final class GlKind {
    private GlKind() {}

    static ImageData render(DisplayList list, int width, int height, double scale) {
        try (GlRenderer r = GlRenderer.create(width, height, scale)) {
            r.render(list);
            return r.snapshot();
        } catch (GlUnavailableException e) {
            throw new AssertionError("no OpenGL for the GL renderer tests: " + e.getMessage(), e);
        }
    }
}
