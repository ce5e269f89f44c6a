package dev.easel.app;

import dev.easel.canvas.host.CanvasHost;
import dev.easel.canvas.host.CanvasView;
import dev.easel.canvas.host.WindowSystem;
import javafx.application.Platform;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real windows: one JavaFX stage per canvas. */
final class FxWindows implements WindowSystem {
    /**
     * What the windows of one run share: the sketch (null when unknown), and what Ctrl+Q does
     * (ends the whole run, as the launcher's Quit and SIGTERM do).
     */
    record App(Path sketch, Runnable quit) {
        /** Ctrl+Q: off the FX thread, since closing the canvases waits for them. */
        void quitAll() {
            Thread.ofPlatform().name("easel-quit-key").daemon(true).start(quit);
        }
    }

    private final Map<CanvasHost, FxCanvasWindow> windows = new ConcurrentHashMap<>();
    private final WindowPlacer placer = new WindowPlacer();
    private final App app;

    /** Windows of no particular sketch, whose Ctrl+Q does nothing (tests). */
    FxWindows() {
        this(new App(null, () -> {}));
    }

    FxWindows(App app) {
        this.app = app;
    }

    @Override
    public CanvasView open(CanvasHost host) {
        FxCanvasWindow w = new FxCanvasWindow(host, placer, () -> windows.remove(host), app);
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
