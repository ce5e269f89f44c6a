package dev.easel.canvas;

/**
 * What a Python Canvas class declares, read once when it is shown.
 *
 * @param className  the class's qualified name
 * @param title      window title (the class name when the class sets none)
 * @param width      initial width in pixels
 * @param height     initial height in pixels
 * @param fps        target frames per second, 1 to 1000; 0 for on demand ({@code fps = None})
 * @param resizable  whether the window may be resized
 * @param background colour cleared to before each frame (ARGB), or null for no clear
 * @param isolated   whether the canvas runs in its own sub-interpreter
 * @param renderer   which renderer draws it (class attribute {@code renderer}, or {@code --renderer})
 * @param pace       what {@code fps} paces: frames shown (the default) or frames drawn (class attribute {@code pace})
 */
public record CanvasSpec(String className, String title, int width, int height, double fps, boolean resizable,
                         Integer background, boolean isolated, RendererChoice renderer, Pace pace) {
    /** Validates sizes and rate. */
    public CanvasSpec {
        java.util.Objects.requireNonNull(renderer, "renderer");
        java.util.Objects.requireNonNull(pace, "pace");
        if (width <= 0 || height <= 0 || width > 16384 || height > 16384) {
            throw new IllegalArgumentException("size must be two integers from 1 to 16384, not (" + width + ", " + height + ")");
        }
        if (fps != 0 && !validFps(fps)) {
            throw new IllegalArgumentException(FPS_RANGE + ", not " + fps);
        }
    }

    /** A spec whose {@code fps} paces the frames shown. */
    public CanvasSpec(String className, String title, int width, int height, double fps, boolean resizable,
                      Integer background, boolean isolated, RendererChoice renderer) {
        this(className, title, width, height, fps, resizable, background, isolated, renderer, Pace.SHOWN);
    }

    /** A spec drawn by the renderer {@code auto} picks. */
    public CanvasSpec(String className, String title, int width, int height, double fps, boolean resizable,
                      Integer background, boolean isolated) {
        this(className, title, width, height, fps, resizable, background, isolated, RendererChoice.AUTO);
    }

    /** What {@code fps} may be, for messages. */
    public static final String FPS_RANGE = "fps must be a number from 1 to 1000, or None";

    /** Whether {@code fps} is a frame rate Easel paces (1 to 1000; NaN is not). */
    public static boolean validFps(double fps) {
        return fps >= 1 && fps <= 1000;
    }

    /** Whether frames are drawn only on demand. */
    public boolean onDemand() {
        return fps == 0;
    }
}
