package dev.easel.app;

import dev.easel.canvas.host.view.FrameTargets;
import dev.easel.canvas.render.Java2dRenderer;
import javafx.animation.AnimationTimer;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import java.nio.IntBuffer;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Shows a window's frames without copying them: each buffer of {@link FrameTargets} is wrapped once
 * in a {@link PixelBuffer} ({@code INT_ARGB_PRE}, the very {@code int[]} Java2D drew into) and a
 * {@link WritableImage}; showing a frame is swapping which image the {@link ImageView} shows and
 * telling JavaFX which rows of the buffer changed ({@code updateBuffer}). The FX thread touches no pixel.
 *
 * <p>Swaps happen on the FX pulse (an {@link AnimationTimer}, running only while frames come), at
 * most one per pulse: the raster thread may hand over the next frame ({@link #offer}) only once the
 * last one was taken ({@link #canOffer}), so it renders at most one frame per pulse (it may draw
 * one while the last waits for the pulse, then waits itself). A buffer taken
 * off the screen at pulse k may still be read by the render of pulse k-1, which ends before pulse
 * k+1 begins: it goes back to the raster thread then.
 *
 * <p>The error overlay is a second image view over the frame (premultiplied, transparent where
 * there is no traceback), drawn once per change by the raster thread.
 */
final class FxFrameDisplay {
    /**
     * A frame to show: {@code frame} null when only the overlay changed; {@code rows} the rows of
     * {@code frame} that changed since it was last shown ({@code [from, to)}, null: all; {@link FrameDamage});
     * {@code fresh}: counts as shown.
     */
    record Ready(Java2dRenderer frame, int[] rows, boolean overlayChanged, Java2dRenderer overlay, boolean fresh) {}

    /** What the window is told per frame shown (FX thread). */
    interface Shown {
        void shown(Ready r);
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private final FrameTargets targets;
    private final Runnable wake;
    private final Shown onShown;
    private final ImageView view = new ImageView();
    private final ImageView overlayView = new ImageView();
    private final AtomicReference<Ready> ready = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean();
    /** FX thread: each ring buffer's image, made the first time it is shown. */
    private final Map<Java2dRenderer, WritableImage> images = new IdentityHashMap<>();
    private final Map<WritableImage, PixelBuffer<IntBuffer>> buffers = new IdentityHashMap<>();
    private Java2dRenderer front, retired;
    private long pulses, retiredAt, idlePulses;
    /** FX-thread CPU time spent showing frames, and how many (the overlay's and the benchmark's upload ms). */
    private long uploadNanos, uploads;
    private volatile boolean closed;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse();
        }
    };

    /** {@code wake}: the raster thread may go on (a frame was taken, a buffer came back). */
    FxFrameDisplay(FrameTargets targets, Runnable wake, Shown onShown) {
        this.targets = targets;
        this.wake = wake;
        this.onShown = onShown;
        view.setSmooth(true); // only matters while a resize waits for its first frame
        overlayView.setMouseTransparent(true);
    }

    /** The frame's view, then the overlay's (FX thread adds them to the scene). */
    ImageView[] views() {
        return new ImageView[]{view, overlayView};
    }

    /** Raster thread: whether {@link #offer} may be called (the last frame was taken). */
    boolean canOffer() {
        return ready.get() == null;
    }

    /** Raster thread: {@code r} is to be shown at the next pulse. */
    void offer(Ready r) {
        if (!ready.compareAndSet(null, r)) {
            throw new IllegalStateException("a frame is already waiting for the pulse");
        }
        if (!running.getAndSet(true)) {
            javafx.application.Platform.runLater(timer::start);
        }
    }

    /** {total ns the FX thread spent showing frames, frames shown}. FX thread. */
    long[] uploads() {
        return new long[]{uploadNanos, uploads};
    }

    /** FX thread: once per pulse while frames come. */
    private void pulse() {
        pulses++;
        boolean woke = false;
        if (retired != null && pulses > retiredAt) {
            targets.release(retired); // the render that read it ended before this pulse
            retired = null;
            woke = true;
        }
        Ready r = closed ? null : ready.getAndSet(null);
        if (r != null) {
            long t0 = CPU.getCurrentThreadCpuTime(); // CPU time: on a busy machine wall time counts other programs
            show(r);
            uploadNanos += CPU.getCurrentThreadCpuTime() - t0;
            uploads++;
            woke = true;
            idlePulses = 0;
            onShown.shown(r);
        } else if (retired == null && ++idlePulses > 30) {
            // Nothing to do for half a second: no pulses for this window until the next frame.
            running.set(false);
            if (ready.get() == null || !running.compareAndSet(false, true)) {
                timer.stop(); // (a frame offered just now restarts it through runLater)
            }
        }
        if (woke) {
            wake.run();
        }
    }

    private void show(Ready r) {
        Java2dRenderer f = r.frame();
        if (f != null) {
            WritableImage img = images.get(f);
            if (img == null) {
                if (!images.isEmpty() && images.keySet().iterator().next().pixels().length != f.pixels().length) {
                    images.clear(); // a new size: the old ring's images go
                    buffers.clear();
                }
                PixelBuffer<IntBuffer> pb = new PixelBuffer<>(f.pixelWidth(), f.pixelHeight(),
                        IntBuffer.wrap(f.pixels()), PixelFormat.getIntArgbPreInstance());
                img = new WritableImage(pb);
                images.put(f, img);
                buffers.put(img, pb);
            } else {
                // What changed since this image was last on screen: JavaFX re-reads only those rows.
                int[] rows = r.rows();
                Rectangle2D dirty = rows == null ? null : rows[1] <= rows[0] ? Rectangle2D.EMPTY
                        : new Rectangle2D(0, rows[0], f.pixelWidth(), rows[1] - rows[0]);
                buffers.get(img).updateBuffer(b -> dirty);
            }
            view.setImage(img);
            view.setFitWidth(f.width()); // device pixels shown at the logical size: 1:1 on the screen
            view.setFitHeight(f.height());
            if (front != null && front != f) {
                if (retired != null) {
                    targets.release(retired);
                }
                retired = front;
                retiredAt = pulses;
            }
            front = f;
        }
        if (r.overlayChanged()) {
            Java2dRenderer o = r.overlay();
            if (o == null) {
                overlayView.setImage(null);
            } else {
                overlayView.setImage(new WritableImage(new PixelBuffer<>(o.pixelWidth(), o.pixelHeight(),
                        IntBuffer.wrap(o.pixels()), PixelFormat.getIntArgbPreInstance())));
                overlayView.setFitWidth(o.width());
                overlayView.setFitHeight(o.height());
            }
        }
    }

    /** The image on screen now (tests). FX thread. */
    WritableImage shownImage() {
        return (WritableImage) view.getImage();
    }

    /** FX thread: the window closes; no more swaps. */
    void close() {
        closed = true;
        timer.stop();
        ready.set(null);
    }
}
