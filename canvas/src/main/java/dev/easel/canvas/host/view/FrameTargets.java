package dev.easel.canvas.host.view;

import dev.easel.canvas.render.Java2dRenderer;
import dev.easel.canvas.render.RasterBands;

import java.util.ArrayDeque;

/**
 * The pixel buffers a window's frames are rasterized into and shown from, so that the screen
 * shows the very memory the raster thread drew (no copy on the way): a small ring of
 * {@link Java2dRenderer}s of one size, each lent to the raster thread for one frame
 * ({@link #next}), then shown, then given back by the display ({@link #release}) once nothing
 * reads it any more. A new size or scale starts a new ring ({@link #fresh}); buffers of an old
 * ring are dropped as they come back.
 *
 * <p>A frame that does not clear (a canvas without a background) draws over the last one: the
 * buffer it gets is first brought up to date with a copy of the last frame, on the raster thread.
 *
 * <p>Threads: the raster thread calls {@link #fresh}, {@link #next} and {@link #hasFree}; the
 * display thread calls {@link #release}. One lock; nothing here blocks.
 */
public final class FrameTargets {
    /**
     * Buffers per ring: one shown, one the display may still be reading, one waiting for the next
     * pulse, one being drawn (the raster thread need not idle until the pulse).
     */
    public static final int RING = 4;

    private final ArrayDeque<Java2dRenderer> free = new ArrayDeque<>();
    private int width, height;
    private double scale;
    /** Buffers of the current ring made so far (at most {@link #RING}). */
    private int made;
    /** The generation of the current ring: buffers of another size are not taken back. */
    private final java.util.Map<Java2dRenderer, Boolean> current = new java.util.IdentityHashMap<>();
    /**
     * The helper threads that draw big frames in bands, shared by every buffer (the raster thread
     * draws one frame at a time); made with the first buffer, ended by {@link #close} or after a
     * while without frames.
     */
    private RasterBands bands;
    /** The buffer handed out last: the newest frame once it is drawn. */
    private Java2dRenderer latest;

    /** Raster thread: a new ring of {@code w × h} at {@code scale}; returns its first buffer (transparent). */
    public synchronized Java2dRenderer fresh(int w, int h, double scale) {
        free.clear();
        current.clear();
        this.width = w;
        this.height = h;
        this.scale = scale;
        made = 0;
        latest = make();
        return latest;
    }

    /**
     * The buffer handed out last (null before the first): what the display should show once the
     * raster thread has drawn it, even a frame whose drawing failed half way (else the buffer
     * would never come back).
     */
    public synchronized Java2dRenderer latest() {
        return latest;
    }

    /**
     * Raster thread: the buffer the next frame is drawn into, after {@code last} (the buffer of the
     * last frame, of this ring). With {@code drawsOver}, the frame draws over the last one, so the
     * buffer gets a copy of {@code last} first.
     *
     * @throws IllegalStateException when none is free ({@link #hasFree} says whether one is)
     */
    public Java2dRenderer next(Java2dRenderer last, boolean drawsOver) {
        Java2dRenderer t;
        synchronized (this) {
            t = free.poll();
            if (t == null) {
                if (made >= RING) {
                    throw new IllegalStateException("no free frame buffer: every one is shown or waiting to be");
                }
                t = make();
            }
            latest = t;
        }
        if (drawsOver && last != null && last != t && last.pixels().length == t.pixels().length) {
            System.arraycopy(last.pixels(), 0, t.pixels(), 0, t.pixels().length);
        }
        return t;
    }

    /** Whether {@link #next} has a buffer to give now. */
    public synchronized boolean hasFree() {
        return !free.isEmpty() || made < RING;
    }

    /** Ends the band helpers (the buffers still render, on the raster thread alone). Idempotent. */
    public synchronized void close() {
        if (bands != null) {
            bands.close();
        }
    }

    /** Display thread: {@code r} is no longer read by anything; a buffer of an old ring is dropped. */
    public synchronized void release(Java2dRenderer r) {
        if (r != null && current.containsKey(r) && !free.contains(r)) {
            free.add(r);
        }
    }

    private Java2dRenderer make() {
        if (bands == null && RasterBands.configuredBands() > 1) {
            bands = new RasterBands("window", RasterBands.configuredBands() - 1);
        }
        Java2dRenderer r = new Java2dRenderer(width, height, scale, bands);
        current.put(r, Boolean.TRUE);
        made++;
        return r;
    }
}
