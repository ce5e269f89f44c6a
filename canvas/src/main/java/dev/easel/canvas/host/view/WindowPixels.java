package dev.easel.canvas.host.view;

import dev.easel.canvas.DisplayList;
import dev.easel.canvas.ImageData;
import dev.easel.canvas.RendererChoice;
import dev.easel.canvas.render.FrameRenderer;
import dev.easel.canvas.render.Java2dRenderer;

/**
 * The pixels one canvas shows, kept from frame to frame like a window's: each finished frame is
 * rasterized by {@link Java2dRenderer} over the last one (a frame that does not clear draws over
 * it), and the error overlay, when there is one, is composited on top without touching them.
 *
 * <p>Used by both window systems: headless views render on the canvas thread; real windows on
 * their own raster thread, each frame into a buffer of {@link FrameTargets} that the window then
 * shows as it is (no copy). Thread-safe (one lock):
 * rendering and reading never see each other half done.
 *
 * <p>A canvas whose {@code renderer} is {@code "gl"} (or {@code "auto"} where that picks GL) has its
 * frames drawn by OpenGL ({@link FrameRenderer}, made and used on the thread that renders) and the
 * read-back copied into the buffer shown; the error overlay, snapshots and saved frames read that
 * buffer as for the raster renderer.
 */
public final class WindowPixels {
    /** A copy of the shown picture: premultiplied ARGB in device pixels, and its logical size. */
    public record Pixels(int[] argbPre, int pixelWidth, int pixelHeight, int width, int height, double scale) {}

    private final ViewContext canvas;
    /** Where frames are drawn in a window (null: one buffer, drawn over, as headless). */
    private final FrameTargets targets;
    private Java2dRenderer base;
    /** The frame in {@link #base}, owned (one reference), kept to redraw at a new size or scale. */
    private Frame frame;
    private DisplayList overlay;
    /** {@link #overlay} rendered on transparent, premultiplied; null without one. */
    private int[] overlayPixels;
    /** The GL renderer that draws the frames, when the canvas asked for one and got it; else null. */
    private FrameRenderer gl;
    /** GL was asked for and could not be had: not asked again at every resize (one warning). */
    private boolean glRefused;

    /** Pixels of the canvas that {@code canvas} describes, drawn over one buffer (headless). */
    public WindowPixels(ViewContext canvas) {
        this(canvas, null);
    }

    /** Pixels whose frames are each drawn into a buffer of {@code targets} (the one a window shows). */
    public WindowPixels(ViewContext canvas, FrameTargets targets) {
        this.canvas = canvas;
        this.targets = targets;
    }

    /**
     * Rasterizes {@code f} (if it is not the one already shown) and takes {@code o} as the overlay,
     * at {@code w × h} logical pixels and the given pixel scale; a new size or scale starts from the
     * background and redraws the current frame. Takes over the caller's reference to {@code f}.
     */
    public synchronized void render(Frame f, DisplayList o, int w, int h, double scale) {
        long t0 = System.nanoTime();
        boolean resized = base == null || base.width() != w || base.height() != h || base.pixelScale() != scale;
        boolean kept = false;
        if (resized) {
            Java2dRenderer old = base;
            base = targets == null ? new Java2dRenderer(w, h, scale) : targets.fresh(w, h, scale);
            base.render(Rasterizer.blank(canvas.background()));
            if (old != null && canvas.drawsOver()) {
                // A canvas that never clears paints over its past frames: what they drew stays, at the
                // top-left, as a resized window keeps it (the current frame is in those pixels already).
                keep(old, base);
                kept = true;
            }
            if (old != null && targets == null) {
                old.close(); // its band helpers; a ring's buffers share the ring's
            }
        }
        if (resized) {
            glFor(w, h, scale, kept);
        }
        if (f != null && (f != frame || (resized && !kept))) {
            if (targets != null && !resized) {
                base = targets.next(base, canvas.drawsOver()); // a frame that does not clear draws over the last
            }
            if (gl != null) {
                gl.render(f.list()); // GL keeps its own past frames; its picture replaces the buffer's
                int[] drawn = gl.pixels();
                int[] shown = base.pixels();
                if (drawn.length == shown.length) {
                    System.arraycopy(drawn, 0, shown, 0, shown.length);
                }
            } else {
                base.render(f.list());
            }
            canvas.saves().rendered(f.number(), this);
        }
        if (frame != null) {
            frame.release(); // the previous frame, or the same one's extra reference
        }
        frame = f;
        if (o != overlay || resized) {
            overlay = o;
            overlayPixels = null;
            if (o != null) {
                Java2dRenderer top = new Java2dRenderer(w, h, scale);
                top.render(o);
                overlayPixels = top.pixels();
            }
        }
        canvas.renderTime().accept(System.nanoTime() - t0);
    }

    /**
     * The picture as shown (overlay over the frame), copied into {@code reuse} when it has the
     * right length, else into a new array. Null before the first {@link #render}.
     */
    public synchronized Pixels copy(int[] reuse) {
        if (base == null) {
            return null;
        }
        int pw = base.pixelWidth(), ph = base.pixelHeight();
        int[] out = reuse != null && reuse.length == pw * ph ? reuse : new int[pw * ph];
        int[] b = base.pixels();
        if (overlayPixels == null) {
            System.arraycopy(b, 0, out, 0, out.length);
        } else {
            compose(b, overlayPixels, out);
        }
        return new Pixels(out, pw, ph, base.width(), base.height(), base.pixelScale());
    }

    /** The picture as an image (device pixels); a plain background before the first frame. */
    public ImageData picture() {
        Pixels p = copy(null);
        if (p == null) {
            return Rasterizer.render(null, null, canvas.width().getAsInt(), canvas.height().getAsInt(), canvas.background());
        }
        return ImageData.fromPremultiplied(p.argbPre(), 0, p.pixelWidth(), p.pixelWidth(), p.pixelHeight());
    }

    /** The frames' pixels without the overlay (device pixels), or null before the first frame. */
    public synchronized ImageData frameImage() {
        return base == null ? null : base.snapshot();
    }

    /** A new reference to the frame shown (caller releases it), or null. */
    public synchronized Frame retainFrame() {
        return frame == null ? null : frame.retain();
    }

    /** The overlay shown, or null. */
    public synchronized DisplayList overlay() {
        return overlay;
    }

    /** Lets go of the frame and of GL; the pixels stay. Idempotent. */
    public synchronized void release() {
        if (base != null && targets == null) {
            base.close(); // its band helpers end; it still renders and its pixels stay
        }
        if (frame != null) {
            frame.release();
            frame = null;
        }
        if (gl != null) {
            gl.close();
            gl = null;
        }
    }

    /** "gl" when OpenGL draws this canvas's frames, else "raster". */
    public synchronized String rendererName() {
        return gl != null ? gl.name() : "raster";
    }

    /**
     * At a new size or scale: a GL renderer of that size when the canvas wants GL. Its picture starts
     * as the background, or, when {@code keep}, as the buffer's (the past frames a canvas that never
     * clears has kept there), which GL then draws over as the raster renderer does.
     */
    private void glFor(int w, int h, double scale, boolean keep) {
        if (gl != null) {
            gl.close();
            gl = null;
        }
        if (canvas.renderer() == RendererChoice.RASTER || glRefused) {
            return;
        }
        FrameRenderer r = FrameRenderer.create(canvas.renderer(), w, h, scale);
        if (r.name().equals("gl") && r.pixelWidth() == base.pixelWidth() && r.pixelHeight() == base.pixelHeight()) {
            gl = r;
            DisplayList start = new DisplayList();
            start.background(canvas.background());
            start.clear();
            if (keep) {
                start.drawImage(base.snapshot(), 0, 0, w, h); // device pixels onto device pixels: 1:1
            }
            gl.render(start.finish());
        } else {
            r.close();
            glRefused = true; // auto decided raster, or GL was refused (said once): not asked again
        }
    }

    /** Copies {@code from}'s pixels into {@code to} at the origin, in logical pixels (rescaled if the density changed). */
    private static void keep(Java2dRenderer from, Java2dRenderer to) {
        int lw = Math.min(from.width(), to.width()), lh = Math.min(from.height(), to.height());
        java.awt.Graphics2D g = to.image().createGraphics();
        try {
            g.setComposite(java.awt.AlphaComposite.Src);
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(from.image(), 0, 0, device(lw, to), device(lh, to), 0, 0, device(lw, from), device(lh, from), null);
        } finally {
            g.dispose();
        }
    }

    private static int device(int logical, Java2dRenderer r) {
        return (int) Math.round(logical * r.pixelScale());
    }

    /** Premultiplied source-over of {@code top} on {@code bottom} into {@code out}. */
    private static void compose(int[] bottom, int[] top, int[] out) {
        for (int i = 0; i < out.length; i++) {
            int s = top[i];
            int d = bottom[i];
            int sa = s >>> 24;
            if (sa == 0) {
                out[i] = d;
                continue;
            }
            int inv = 255 - sa;
            int a = sa + ((d >>> 24) * inv + 127) / 255;
            int r = ((s >> 16) & 255) + (((d >> 16) & 255) * inv + 127) / 255;
            int g = ((s >> 8) & 255) + (((d >> 8) & 255) * inv + 127) / 255;
            int bl = (s & 255) + ((d & 255) * inv + 127) / 255;
            out[i] = a << 24 | r << 16 | g << 8 | bl;
        }
    }
}
