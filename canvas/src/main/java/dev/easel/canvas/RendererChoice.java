package dev.easel.canvas;

import java.util.Locale;

/** Which renderer draws a canvas: a Canvas class's {@code renderer} attribute, or {@code --renderer}. */
public enum RendererChoice {
    /** GL on a hardware GPU that renders a test frame faster than the raster renderer, else raster. */
    AUTO,
    /** Java2D on the CPU (the default before GL existed). */
    RASTER,
    /** OpenGL, even when it runs on the CPU (Mesa llvmpipe). */
    GL;

    /** Parses {@code "auto"}, {@code "raster"} or {@code "gl"}. */
    public static RendererChoice parse(String s) {
        return switch (s == null ? "" : s.toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "raster" -> RASTER;
            case "gl" -> GL;
            default -> throw new IllegalArgumentException("renderer must be 'auto', 'raster' or 'gl', not '" + s + "'");
        };
    }

    /** The name Python and the command line use. */
    public String css() {
        return name().toLowerCase(Locale.ROOT);
    }
}
