package dev.easel.app;

import dev.easel.canvas.host.CanvasHost;
import dev.easel.canvas.host.CanvasView;
import dev.easel.canvas.host.WindowSystem;
import javafx.application.Platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real windows: one JavaFX stage per canvas. */
final class FxWindows implements WindowSystem {
    private final Map<CanvasHost, FxCanvasWindow> windows = new ConcurrentHashMap<>();
    private final WindowPlacer placer = new WindowPlacer();

    @Override
    public CanvasView open(CanvasHost host) {
        FxCanvasWindow w = new FxCanvasWindow(host, placer, () -> windows.remove(host));
        windows.put(host, w);
        Platform.runLater(w::show); // never waits for the FX thread: the caller may hold a GIL soon
        return w;
    }

    @Override
    public boolean headless() {
        return false;
    }

    /** The open windows (tests look at them). */
    Map<CanvasHost, FxCanvasWindow> windows() {
        return windows;
    }
}
