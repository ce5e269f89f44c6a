package dev.easel.app;

import dev.easel.app.runs.WindowAction;
import dev.easel.canvas.DisplayList;
import dev.easel.canvas.InputEvent;
import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.view.CanvasView;
import dev.easel.canvas.host.view.Frame;
import dev.easel.canvas.host.view.FrameTargets;
import dev.easel.canvas.host.view.WindowPixels;
import dev.easel.canvas.render.Java2dRenderer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The window of one canvas. Three threads, none of which waits for another:
 * <ul>
 * <li>the canvas thread hands each finished frame over ({@link #present}) and goes on to record
 *     the next one;</li>
 * <li>this window's raster thread rasterizes the newest frame with Java2D ({@link WindowPixels})
 *     straight into a buffer the window can show ({@link FrameTargets}), at most one frame per
 *     pulse on average (it draws the next while the last waits for the pulse, then waits; the
 *     canvas waits for it to take a frame: {@link #readyForFrame});</li>
 * <li>the FX thread turns input into events for the canvas' inbox ({@link FxCanvasInput}) and, on the pulse, shows the
 *     newest buffer as it is ({@link FxFrameDisplay}: no pixel copied or converted).</li>
 * </ul>
 * None of them runs Python. docs/rendering.md says why Java2D and not JavaFX's own canvas.
 */
final class FxCanvasWindow implements CanvasView {
    /** A frame to rasterize; {@code fresh}: a new frame of the canvas (not the same one at a new scale). */
    private record Pending(Frame frame, DisplayList overlay, int width, int height, boolean fresh) {}

    private final CanvasHost host;
    private final Runnable onClosed;
    private final FrameTargets targets = new FrameTargets();
    private final WindowPixels pixels;
    private final AtomicReference<Pending> pending = new AtomicReference<>();
    private final Semaphore work = new Semaphore(0);
    final FxFrameDisplay display;
    private final Thread raster;
    private Stage stage;
    private Pane surface;
    /** Mouse and keys into the canvas' inbox; the app's shortcuts (FX thread; set by show). */
    private FxCanvasInput input;
    /** Device pixels per logical pixel of the screen the window is on (set on the FX thread). */
    private volatile double scale = 1.0;
    private volatile boolean closed;
    /** FX thread: the window is applying the sketch's settings (its own full-screen change is not the user's). */
    private boolean applying;
    /** FX thread: a size asked for while full screen, applied when the window leaves full screen. */
    private int[] sizeAfterFullscreen;
    /** Frames shown (tests wait on this). FX thread writes. */
    volatile long presented;
    FxPerfOverlay perfOverlay;
    /** F2: the parameter panel, beside the window (FX thread). */
    FxParamPanel paramPanel;
    /** Ctrl+Shift+S; set on the FX thread before the first frame can be rasterized into a recording. */
    volatile FxWindowRecording recording;

    private final WindowPlacer placer;
    private final FxWindows.App app;
    private final FxWindowMemory place;

    FxCanvasWindow(CanvasHost host, WindowPlacer placer, Runnable onClosed, FxWindows.App app, FxWindowMemory place) {
        this.host = host;
        this.placer = placer;
        this.app = app;
        this.place = place;
        this.onClosed = onClosed;
        this.pixels = new WindowPixels(host.viewContext(), targets);
        this.display = new FxFrameDisplay(targets, work::release, this::shown);
        this.raster = Thread.ofPlatform().daemon().name("easel-raster-" + host.slug()).unstarted(this::rasterLoop);
        raster.start();
    }

    Stage stage() {
        return stage;
    }

    /** The node the canvas is drawn in, sized to the canvas (logical pixels). */
    Pane surface() {
        return surface;
    }

    /** FX thread. */
    void show() {
        if (closed) {
            return;
        }
        stage = new Stage();
        stage.setTitle(host.settings().title());
        surface = new Pane(display.views());
        surface.setStyle("-fx-background-color: " + css(host.spec().background()) + ";");
        surface.setFocusTraversable(true);
        double[] size = place.sceneSize(); // the canvas' size, or the size the user gave it last time
        Scene scene = new Scene(surface, size[0], size[1]);
        stage.setScene(scene);
        stage.setResizable(host.spec().resizable());
        // Also when not resizable by the user: the sketch's own size and full screen change it.
        surface.widthProperty().addListener((o, a, b) -> resized());
        surface.heightProperty().addListener((o, a, b) -> resized());
        stage.fullScreenProperty().addListener((o, was, is) -> fullScreenChanged(is));
        // The scale the scene is rendered at: the screen's (outputScale), unless set for the window.
        stage.renderScaleXProperty().addListener((o, a, b) -> rescaled());
        input = new FxCanvasInput(host, this::perform);
        input.wire(stage, scene, surface);
        stage.setOnCloseRequest(e -> {
            e.consume(); // the canvas decides, through on_close
            host.requestClose();
        });
        FxFileDrops.wire(scene, this::filesDropped);
        perfOverlay = new FxPerfOverlay(host, surface, display::uploads);
        recording = new FxWindowRecording(host, app.sketch(), surface, app.writes());
        recording.memory = app.memory() == WindowMemory.NONE ? RecordMemory.NONE : RecordMemory.user();
        stage.show();
        paramPanel = new FxParamPanel(host, stage, app.sketch()); // shows itself if the canvas has parameters
        place.place(stage, scene, placer); // where it was last time, else beside the run's other windows
        resized(); // a remembered size was the scene's before the listeners: the canvas learns it
        rescaled();
        applySettings();
        surface.requestFocus();
    }

    @Override
    public void settingsChanged() {
        Platform.runLater(this::applySettings);
    }

    /** FX thread: title, cursor and full screen as the sketch set them last (whichever change came first). */
    private void applySettings() {
        if (stage == null || closed) {
            return;
        }
        var s = host.settings();
        applying = true;
        try {
            stage.setTitle(s.title());
            stage.getScene().setCursor(FxWindowSettings.cursor(s.cursor()));
            if (stage.isFullScreen() != s.fullscreen()) {
                stage.setFullScreen(s.fullscreen());
            }
        } finally {
            applying = false;
        }
    }

    /** FX thread: the user (Escape) or the platform changed full screen: the sketch reads it back. */
    private void fullScreenChanged(boolean on) {
        if (!applying) {
            host.fullscreenChanged(on);
        }
        if (!on && sizeAfterFullscreen != null) {
            int[] wh = sizeAfterFullscreen;
            sizeAfterFullscreen = null;
            Platform.runLater(() -> resizeNow(wh[0], wh[1])); // once the window has its old bounds back
        }
    }

    @Override
    public void resizeTo(int width, int height) {
        Platform.runLater(() -> resizeNow(width, height));
    }

    /** FX thread: the sketch's size; the window's resize event tells the canvas the size it got. */
    private void resizeNow(int width, int height) {
        if (stage == null || closed) {
            return;
        }
        if (stage.isFullScreen()) {
            sizeAfterFullscreen = new int[]{width, height};
            return;
        }
        place.sketchAsked(width, height);
        FxWindowSettings.resizeScene(stage, stage.getScene(), width, height);
    }

    /** FX thread: files dropped on the window (a real drop, or a test standing in for one). */
    void filesDropped(List<java.io.File> files, double x, double y) {
        host.post(InputEvent.fileDrop(files.stream().map(f -> f.getAbsolutePath()).toList(), x, y));
    }

    private static String css(Integer argb) {
        int c = argb == null ? 0xFFFFFFFF : argb;
        return String.format("#%06x", c & 0xFFFFFF);
    }

    /** A HiDPI window draws at the screen's density: the next frame is rasterized at the new scale. */
    private void rescaled() {
        double s = stage.getRenderScaleX();
        if (s > 0 && s <= 16 && s != scale) {
            scale = s;
            work.release(); // redraw the current frame at the new scale
        }
    }

    /** FX thread: a resize event is on its way (width and height changing together make one). */
    private boolean resizePending;

    private void resized() {
        if (!resizePending) {
            resizePending = true;
            Platform.runLater(() -> {
                resizePending = false;
                int w = (int) Math.round(surface.getWidth()), h = (int) Math.round(surface.getHeight());
                if (w > 0 && h > 0) {
                    host.post(InputEvent.resize(w, h));
                }
            });
        }
    }

    /** FX thread: keys held now are released in another window; the canvas forgets them. */
    void focusLost() {
        if (input != null) {
            input.focusLost();
        }
    }

    /** Does {@code action} to this window, from its key or its console's Sketch menu. FX thread. */
    void perform(WindowAction action) {
        switch (action) {
            case SAVE_FRAME -> FxCaptures.saveShownFrame(host.slug(), pixels);
            case RECORD -> recording.toggle();
            case RELOAD -> app.reload();
            case RESTART -> host.restart();
            case PERF_OVERLAY -> perfOverlay.toggle();
            case PARAMETERS -> paramPanel.toggle();
            case FULL_SCREEN -> stage.setFullScreen(!stage.isFullScreen()); // the sketch reads it back
            case CLOSE -> host.requestClose();
            case QUIT -> app.quitAll();
        }
    }

    @Override
    public void present(Frame frame, DisplayList overlay, int width, int height) {
        Pending old = pending.getAndSet(new Pending(frame, overlay, width, height, true));
        if (old != null) {
            if (old.frame() != null) {
                old.frame().release(); // never shown: a newer frame replaced it
            }
            host.frameDropped();
        }
        work.release();
    }

    /** {FX-thread ns spent showing frames, frames shown} (benchmarks). FX thread. */
    long[] uploadStats() {
        return display.uploads();
    }

    /** The canvas records the next frame once the raster thread has taken the last one. */
    @Override
    public boolean readyForFrame() {
        return pending.get() == null || closed;
    }

    @Override
    public WindowPixels pixels() {
        return pixels;
    }

    /**
     * The raster thread: the newest frame into a free buffer, handed to the display for the next
     * pulse; it waits while the display has not taken the last one (one frame per pulse).
     */
    private void rasterLoop() {
        Pending last = null;
        double lastScale = scale;
        Java2dRenderer shownFrame = null;
        FrameDamage damage = new FrameDamage();
        DisplayList shownOverlay = null;
        double overlayScale = 0;
        int overlayW = 0, overlayH = 0;
        FxFrameDisplay.Ready drawn = null; // drawn, waiting for the display to take the last one
        while (!closed) {
            try {
                work.acquire();
                work.drainPermits();
            } catch (InterruptedException e) {
                break;
            }
            if (closed) {
                break;
            }
            if (drawn != null) {
                if (!display.canOffer()) {
                    continue; // the pulse that takes the last frame wakes this thread
                }
                display.offer(drawn);
                drawn = null;
            }
            if (!targets.hasFree()) {
                continue; // the pulse that gives one back wakes this thread
            }
            Pending p = pending.getAndSet(null);
            double s = scale;
            if (p == null) {
                if (last == null || s == lastScale) {
                    continue;
                }
                p = new Pending(pixels.retainFrame(), last.overlay(), last.width(), last.height(), false); // rescaled
            } else {
                host.viewReady(); // the canvas may record the next frame while this one is drawn
            }
            try {
                pixels.render(p.frame(), p.overlay(), p.width(), p.height(), s);
            } catch (RuntimeException | OutOfMemoryError e) {
                System.err.println("easel: " + host.spec().title() + ": could not render a frame: " + e);
                if (p.fresh()) {
                    host.frameDropped();
                }
                p = new Pending(null, p.overlay(), p.width(), p.height(), false); // the buffer still goes back
            }
            FxWindowRecording rec = recording;
            if (rec != null && p.fresh()) {
                rec.rendered(targets.latest()); // before the next frame is drawn into it (this thread draws)
            }
            last = p;
            lastScale = s;
            Java2dRenderer f = targets.latest();
            boolean newFrame = f != null && f != shownFrame;
            DisplayList o = p.overlay();
            boolean overlayChanged = o != shownOverlay || (o != null && (s != overlayScale
                    || p.width() != overlayW || p.height() != overlayH));
            Java2dRenderer top = null;
            if (overlayChanged && o != null) {
                try {
                    top = new Java2dRenderer(p.width(), p.height(), s);
                    top.render(o);
                } catch (RuntimeException | OutOfMemoryError e) {
                    System.err.println("easel: " + host.spec().title() + ": could not render the error overlay: " + e);
                    top = null;
                }
            }
            if (!newFrame && !overlayChanged) {
                if (p.fresh()) {
                    host.frameShown(); // the same picture again: already on screen
                }
                continue;
            }
            shownFrame = f;
            shownOverlay = o;
            overlayScale = s;
            overlayW = p.width();
            overlayH = p.height();
            drawn = new FxFrameDisplay.Ready(newFrame ? f : null, newFrame ? damage.shown(f) : null,
                    overlayChanged, top, p.fresh());
            if (display.canOffer()) {
                display.offer(drawn);
                drawn = null;
            }
        }
        pixels.release();
        targets.close(); // the band helpers end with the raster thread
    }

    /** FX thread: {@code r} went on screen. */
    private void shown(FxFrameDisplay.Ready r) {
        if (closed) {
            return;
        }
        if (r.fresh()) {
            host.frameShown();
        }
        presented++;
        if (presented == 1) {
            FirstFrame.shown();
        }
    }

    @Override
    public void close() {
        if (!closed) {
            place.save(); // before the canvas ends: the run may exit right after
            FxWindowRecording rec = recording;
            if (rec != null) {
                rec.windowClosing(); // stopped; encoded in the background, the run waits for it before exiting
            }
        }
        closed = true;
        work.release(); // the raster thread ends, letting go of the frame it shows
        Platform.runLater(() -> {
            display.close();
            if (perfOverlay != null) {
                perfOverlay.dispose();
            }
            if (paramPanel != null) {
                paramPanel.dispose();
            }
            if (stage != null) {
                stage.close();
            }
            Pending p = pending.getAndSet(null);
            if (p != null && p.frame() != null) {
                p.frame().release();
            }
            onClosed.run();
        });
    }
}
