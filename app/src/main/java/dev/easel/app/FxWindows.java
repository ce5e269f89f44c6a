package dev.easel.app;

import dev.easel.app.runs.WindowAction;
import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.view.CanvasView;
import dev.easel.canvas.host.loop.WindowSystem;
import javafx.application.Platform;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real windows: one JavaFX stage per canvas. */
final class FxWindows implements WindowSystem {
    /**
     * What the windows of one run share: the sketch (null when unknown), where windows are
     * remembered, what Ctrl+Q does (ends the whole run, as the launcher's Quit and SIGTERM do), what
     * Ctrl+R does (reloads the sketch's code now), and the files its windows are still writing (the
     * run waits for them before it exits).
     */
    record App(Path sketch, WindowMemory memory, Runnable quit, Runnable reloader, PendingWrites writes) {
        App(Path sketch, WindowMemory memory, Runnable quit) {
            this(sketch, memory, quit, () -> {}, new PendingWrites());
        }

        App(Path sketch, WindowMemory memory, Runnable quit, Runnable reloader) {
            this(sketch, memory, quit, reloader, new PendingWrites());
        }

        /** Ctrl+R: only wakes the canvases, which re-import on their own threads; no Python here. */
        void reload() {
            reloader.run();
        }

        /** Ctrl+Q: off the FX thread, since closing the canvases waits for them. */
        void quitAll() {
            Thread.ofPlatform().name("easel-quit-key").daemon(true).start(quit);
        }
    }

    private final Map<CanvasHost, FxCanvasWindow> windows = new ConcurrentHashMap<>();
    private final WindowPlacer placer = new WindowPlacer();
    private final App app;
    /** Windows opened per canvas class: the second of a class is remembered apart from the first. */
    private final Map<String, Integer> perClass = new ConcurrentHashMap<>();

    /** Windows of no particular sketch, remembered nowhere, whose Ctrl+Q does nothing (tests). */
    FxWindows() {
        this(new App(null, WindowMemory.NONE, () -> {}));
    }

    FxWindows(App app) {
        this.app = app;
    }

    @Override
    public CanvasView open(CanvasHost host) {
        String cls = host.spec().className();
        int n = perClass.merge(cls, 1, Integer::sum);
        FxWindowMemory place = new FxWindowMemory(app.memory(), app.sketch(), n == 1 ? cls : cls + "#" + n, host);
        FxCanvasWindow w = new FxCanvasWindow(host, placer, () -> windows.remove(host), app, place);
        windows.put(host, w);
        Platform.runLater(w::show); // never waits for the FX thread: the caller may hold a GIL soon
        return w;
    }

    @Override
    public boolean headless() {
        return false;
    }

    /**
     * Waits (at most {@code max}, then they are cancelled) for files the windows are still writing,
     * with a progress dialog that offers to cancel them. Not on the FX thread.
     */
    void finishWrites(java.time.Duration max) {
        FxFinishingDialog.await(app.writes(), max);
    }

    /** Does {@code action} to the window of {@code host} (on the FX thread); false when it has none. Any thread. */
    boolean perform(CanvasHost host, WindowAction action) {
        FxCanvasWindow w = windows.get(host);
        if (w == null) {
            return false;
        }
        Platform.runLater(() -> w.perform(action));
        return true;
    }

    /** The open windows (tests look at them). */
    Map<CanvasHost, FxCanvasWindow> windows() {
        return windows;
    }
}
