package dev.easel.app;

import dev.easel.canvas.DisplayList;
import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.view.CanvasView;
import dev.easel.canvas.host.view.Frame;
import dev.easel.canvas.host.view.WindowPixels;
import dev.easel.canvas.host.loop.WindowSystem;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * With {@code EASEL_TRACE_STARTUP}: a window system that marks the start-up milestones it sees:
 * the sketch's first canvas opened (its code ran up to {@code show()}), and, headless, the first
 * frame rendered (a window marks its first frame painted itself, on the FX thread).
 */
final class TracedWindows implements WindowSystem {
    private final WindowSystem inner;
    private final AtomicBoolean opened = new AtomicBoolean();
    private final AtomicBoolean presented = new AtomicBoolean();

    TracedWindows(WindowSystem inner) {
        this.inner = inner;
    }

    @Override
    public CanvasView open(CanvasHost host) {
        if (!opened.getAndSet(true)) {
            Startup.mark("sketch imported");
        }
        CanvasView view = inner.open(host);
        return inner.headless() ? new Traced(view) : view;
    }

    @Override
    public boolean headless() {
        return inner.headless();
    }

    private final class Traced implements CanvasView {
        private final CanvasView view;

        Traced(CanvasView view) {
            this.view = view;
        }

        @Override
        public void present(Frame frame, DisplayList overlay, int width, int height) {
            view.present(frame, overlay, width, height);
            if (frame != null && !presented.getAndSet(true)) {
                Startup.mark("first frame rendered");
            }
        }

        @Override
        public void close() {
            view.close();
        }

        @Override
        public void settingsChanged() {
            view.settingsChanged();
        }

        @Override
        public void resizeTo(int width, int height) {
            view.resizeTo(width, height);
        }

        @Override
        public WindowPixels pixels() {
            return view.pixels();
        }
    }
}
