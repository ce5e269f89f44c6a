package dev.easel.canvas.render;

/**
 * No OpenGL renderer could be made or kept going: no EGL or GLFW context, too old a GL, or a GL call
 * that failed. Whoever asked for GL falls back to the raster renderer; the message says why.
 */
public final class GlUnavailableException extends Exception {
    public GlUnavailableException(String message) {
        super(message);
    }

    public GlUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
