package dev.easel.canvas.render;

import dev.easel.canvas.DisplayList;
import dev.easel.canvas.ImageData;
import dev.easel.canvas.RendererChoice;

/**
 * The renderer a canvas asked for ({@code renderer = "auto" | "raster" | "gl"}), behind one face:
 * frames in, premultiplied ARGB pixels out, in {@link Java2dRenderer}'s layout whichever draws them,
 * so the window and headless paths need not know which. GL that cannot start, or fails at any later
 * point, falls back to the raster renderer with one warning (the pixels drawn so far are kept),
 * never an exception.
 *
 * <p>Threads: as the renderers, one thread at a time.
 */
public final class FrameRenderer implements AutoCloseable {
    private final int width;
    private final int height;
    private final double scale;
    private GlRenderer gl;
    private Java2dRenderer raster;

    private FrameRenderer(int width, int height, double scale, GlRenderer gl) {
        this.width = width;
        this.height = height;
        this.scale = scale;
        this.gl = gl;
        this.raster = gl == null ? new Java2dRenderer(width, height, scale) : null;
    }

    /**
     * A renderer for a {@code width × height} canvas at the pixel scale, as {@code choice} says (AUTO
     * decides once per process, see {@link AutoRenderer}); raster when GL is not to be had, with one
     * warning when GL was asked for.
     */
    public static FrameRenderer create(RendererChoice choice, int width, int height, double pixelScale) {
        boolean wantGl = switch (choice) {
            case RASTER -> false;
            case GL -> true;
            case AUTO -> AutoRenderer.prefersGl();
        };
        if (!wantGl) {
            return new FrameRenderer(width, height, pixelScale, null);
        }
        try {
            return new FrameRenderer(width, height, pixelScale, GlRenderer.create(width, height, pixelScale));
        } catch (GlUnavailableException | RuntimeException | LinkageError e) {
            System.err.println("easel: no OpenGL renderer (" + e.getMessage() + "); drawing with the raster renderer");
            return new FrameRenderer(width, height, pixelScale, null);
        }
    }

    /** What {@code renderer = "auto"} picks in this process, and why: "raster (OpenGL runs on the CPU here ...)". */
    public static String autoChoice() {
        AutoRenderer.Decision d = AutoRenderer.decision();
        return (d.gl() ? "gl" : "raster") + " (" + d.why() + ")";
    }

    /** Replays a finished list (see {@link Renderer#render}). */
    public void render(DisplayList list) {
        if (gl != null) {
            try {
                gl.render(list);
                return;
            } catch (RuntimeException | LinkageError e) {
                if (e instanceof IllegalStateException && !(e instanceof GlRenderer.GlFailure) && !list.isFinished()) {
                    throw e; // the caller's mistake, not GL's
                }
                fallBack(e);
            }
        }
        raster.render(list);
    }

    /** Switches to the raster renderer for good, starting from the last pixels GL delivered if it still can. */
    private void fallBack(Throwable why) {
        System.err.println("easel: the OpenGL renderer failed (" + why.getMessage()
                + "); drawing with the raster renderer from now on");
        Java2dRenderer r = new Java2dRenderer(width, height, scale);
        try {
            int[] last = gl.pixels();
            System.arraycopy(last, 0, r.pixels(), 0, last.length);
        } catch (RuntimeException | LinkageError ignored) {
            // GL is gone: the picture starts again from transparent.
        }
        try {
            gl.close();
        } catch (RuntimeException | LinkageError ignored) {
            // Nothing more to free.
        }
        gl = null;
        raster = r;
    }

    /** The pixels (live array, premultiplied ARGB, {@link #pixelWidth()} per row). */
    public int[] pixels() {
        if (gl != null) {
            try {
                return gl.pixels();
            } catch (RuntimeException | LinkageError e) {
                fallBack(e);
            }
        }
        return raster.pixels();
    }

    /** A copy of the pixels as an image (device pixels). */
    public ImageData snapshot() {
        int[] p = pixels();
        return ImageData.fromPremultiplied(p, 0, pixelWidth(), pixelWidth(), pixelHeight());
    }

    /** "gl" or "raster": what draws now. */
    public String name() {
        return gl != null ? "gl" : "raster";
    }

    /** The GL device ("vendor | renderer | version (how)"), or null when drawing with the raster renderer. */
    public String glRenderer() {
        return gl != null ? gl.glRenderer() : null;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public double pixelScale() {
        return scale;
    }

    public int pixelWidth() {
        return gl != null ? gl.pixelWidth() : raster.pixelWidth();
    }

    public int pixelHeight() {
        return gl != null ? gl.pixelHeight() : raster.pixelHeight();
    }

    /** Makes the next GL render fail (tests of the fallback); no effect when drawing with raster. */
    void failNextGlRender() {
        if (gl != null) {
            gl.failNextRender();
        }
    }

    /** Frees GL. Idempotent; the raster pixels stay readable. */
    @Override
    public void close() {
        if (gl != null) {
            try {
                gl.close();
            } catch (RuntimeException | LinkageError ignored) {
                // Closing is best effort.
            }
        }
    }
}
