package dev.easel.canvas.host;

import dev.easel.canvas.DisplayList;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The window system of headless runs: no windows, no pacing; each canvas' pixels are kept like a
 * window's so the last picture can be written as a PNG ({@link HeadlessOutput}).
 */
public final class HeadlessWindows implements WindowSystem {
    private final Map<CanvasHost, View> views = new ConcurrentHashMap<>();

    /** Renders every frame as it comes, on the canvas thread: headless canvases render in parallel. */
    static final class View implements CanvasView {
        final WindowPixels pixels;
        private final CanvasHost host;

        View(CanvasHost host) {
            this.host = host;
            this.pixels = new WindowPixels(host);
        }

        @Override
        public void present(Frame f, DisplayList o, int w, int h) {
            pixels.render(f, o, w, h, 1.0);
            host.frameShown();
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

    View view(CanvasHost host) {
        return views.get(host);
    }
}
