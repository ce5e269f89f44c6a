package dev.easel.canvas.host.loop;

import dev.easel.canvas.host.view.CanvasView;
import dev.easel.canvas.host.view.Frame;
import dev.easel.canvas.host.view.FrameSaves;
import dev.easel.canvas.host.view.WindowPixels;
import dev.easel.canvas.DisplayList;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The window system of headless runs: no windows, no pacing; each canvas' pixels are kept like a
 * window's so the last picture can be written as a PNG (the session's {@code HeadlessOutput}).
 */
public final class HeadlessWindows implements WindowSystem {
    private final Map<CanvasHost, View> views = new ConcurrentHashMap<>();
    private final FrameSequence sequence;
    private final FrameTap tap;

    /** Gets every new frame a canvas shows (headless {@code --record}). Called on the canvas thread. */
    public interface FrameTap {
        /** Frame {@code number} of {@code host}, as shown (a copy the tap owns). */
        void shown(CanvasHost host, long number, dev.easel.canvas.ImageData picture);
    }

    /**
     * Every {@code every}-th frame (0, every, 2 × every, ...) of each canvas written as an image:
     * {@code pattern} resolved against {@code dir}, {@code {canvas}} in it replaced by the canvas'
     * slug and each run of {@code #} by the zero-padded frame number (see {@link FrameSaves#numbered}).
     */
    public record FrameSequence(int every, Path dir, String pattern) {
        /** Checks the values: every &gt; 0, and a pattern with a file name of a known image format. */
        public FrameSequence {
            if (every < 1) {
                throw new IllegalArgumentException("the frame interval must be at least 1, got " + every);
            }
            dev.easel.canvas.ImageData.formatOf(Path.of(pattern)); // IllegalArgumentException for a bad name
        }

        Path file(CanvasHost host, long frame) {
            return dir.resolve(FrameSaves.numbered(pattern.replace("{canvas}", host.slug()), frame));
        }
    }

    /** Keeps the last picture of each canvas; writes no frames on the way. */
    public HeadlessWindows() {
        this(null);
    }

    /** Also writes every {@code sequence.every()}-th frame (null: none). */
    public HeadlessWindows(FrameSequence sequence) {
        this(sequence, null);
    }

    /** Also hands every new frame shown to {@code tap} (null: none). */
    public HeadlessWindows(FrameSequence sequence, FrameTap tap) {
        this.sequence = sequence;
        this.tap = tap;
    }

    /** Renders every frame as it comes, on the canvas thread: headless canvases render in parallel. */
    final class View implements CanvasView {
        final WindowPixels pixels;
        private final CanvasHost host;
        private long lastWritten = -1;
        private long lastTapped = -1;

        View(CanvasHost host) {
            this.host = host;
            this.pixels = new WindowPixels(host.viewContext());
        }

        @Override
        public void present(Frame f, DisplayList o, int w, int h) {
            long n = f == null ? -1 : f.number();
            pixels.render(f, o, w, h, 1.0);
            host.frameShown();
            if (sequence != null && n >= 0 && n != lastWritten && n % sequence.every() == 0) {
                lastWritten = n; // an error frame presents the last good one again: written once
                FrameSaves.write(pixels.frameImage(), sequence.file(host, n));
            }
            if (tap != null && n >= 0 && n != lastTapped) {
                lastTapped = n;
                tap.shown(host, n, pixels.frameImage());
            }
        }

        @Override
        public void resizeTo(int width, int height) {
            host.post(dev.easel.canvas.InputEvent.resize(width, height)); // no window to ask
        }

        @Override
        public WindowPixels pixels() {
            return pixels;
        }

        @Override
        public void close() {
            // Nothing to take down: the last picture stays for the output.
        }
    }

    @Override
    public CanvasView open(CanvasHost host) {
        View v = new View(host);
        views.put(host, v);
        return v;
    }

    @Override
    public boolean headless() {
        return true;
    }

    /** The pixels {@code host} shows (its last picture), or null when it has no view here. */
    public WindowPixels pixels(CanvasHost host) {
        View v = views.get(host);
        return v == null ? null : v.pixels;
    }
}
