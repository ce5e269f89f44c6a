package dev.easel.canvas.host;

import dev.easel.canvas.DisplayList;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The window system of headless runs: no windows, no pacing; each canvas' last frame is kept so
 * it can be written as a PNG ({@link HeadlessOutput}).
 */
public final class HeadlessWindows implements WindowSystem {
    private final Map<CanvasHost, View> views = new ConcurrentHashMap<>();

    /**
     * Renders every frame as it comes, on the canvas thread (headless canvases render in parallel),
     * keeping the pixels like a window does: a frame that does not clear draws over the last.
     */
    static final class View implements CanvasView {
        private final CanvasHost host;
        private dev.easel.canvas.render.Java2dRenderer renderer;
        private Frame frame;
        private DisplayList overlay;
        private int width;
        private int height;

        View(CanvasHost host) {
            this.host = host;
        }

        @Override
        public synchronized void present(Frame f, DisplayList o, int w, int h) {
            long t0 = System.nanoTime();
            if (renderer == null || renderer.width() != w || renderer.height() != h) {
                dev.easel.canvas.render.Java2dRenderer next = new dev.easel.canvas.render.Java2dRenderer(w, h, 1.0);
                next.render(Rasterizer.blank(host.backgroundArgb()));
                renderer = next;
            }
            if (f != null && f != frame) {
                renderer.render(f.list());
            }
            if (frame != null) {
                frame.release();
            }
            frame = f;
            overlay = o;
            width = w;
            height = h;
            host.stats().rendered(System.nanoTime() - t0);
        }

        /** The picture as a window would show it now (the overlay over the frame). */
        synchronized dev.easel.canvas.ImageData picture() {
            if (renderer == null) {
                return Rasterizer.render(null, overlay, host.width(), host.height(), host.backgroundArgb());
            }
            return Rasterizer.withOverlay(renderer, overlay);
        }

        @Override
        public void close() {
            // Nothing to take down: the last frame stays for the output.
        }

        synchronized Frame retainFrame() {
            return frame == null ? null : frame.retain();
        }

        synchronized DisplayList overlay() {
            return overlay;
        }

        synchronized int width() {
            return width;
        }

        synchronized int height() {
            return height;
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
