package dev.easel.app;

import dev.easel.app.capture.Recorder;
import dev.easel.app.capture.Recording;
import dev.easel.canvas.ImageData;
import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.view.WindowPixels;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.util.Duration;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Record… in a canvas window (Ctrl+Shift+S starts, again stops): the frames the window
 * rasterizes go into an MP4 next to the sketch, {@code <sketch>-<date>-<time>.mp4}, through the
 * same {@link Recorder} as {@code --record} (encoded on its own thread, never on the canvas or FX
 * thread), at the canvas's rate up to {@value #MAX_FPS} fps. Unlike {@code --record}, which
 * waits for the encoder so that no frame is lost, a window never waits for it: the sketch keeps
 * its speed, and a frame the encoder has no room for is skipped and counted. While it records, a red "● REC m:ss" is shown by the app over the canvas (a JavaFX
 * node: never in the frames, {@code snapshot()} or the video). Stopping prints where the file
 * is; closing the window while recording finishes the file first.
 */
final class FxWindowRecording {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Screen recordings are smooth at 30 fps; more only costs encoding time (pure Java H.264). */
    static final double MAX_FPS = 30;

    /**
     * A recording under way. {@code offered}: frames handed to the recorder; {@code skipped}: frames
     * due that the encoder had no room for; {@code nextDue}: when the next frame is due (nanoTime).
     */
    private record Active(Recorder recorder, Path file, long startNanos, long periodNanos, AtomicInteger offered,
                          AtomicInteger skipped, java.util.concurrent.atomic.AtomicLong nextDue) {}

    private final CanvasHost host;
    private final Path sketch;
    private final PendingWrites writes;
    private final Label indicator = new Label();
    private final Timeline tick = new Timeline(new KeyFrame(Duration.millis(250), e -> showTime()));
    private final AtomicReference<Active> active = new AtomicReference<>();
    /** The last recording's end: its frame count, or why it failed (tests wait on it). */
    volatile CompletableFuture<Integer> finished;
    /** The last recording's file (tests). */
    volatile Path file;

    /** FX thread: the indicator goes over {@code parent} (top right), hidden. */
    FxWindowRecording(CanvasHost host, Path sketch, Pane parent, PendingWrites writes) {
        this.host = host;
        this.sketch = sketch;
        this.writes = writes;
        indicator.setId("easel-rec-indicator");
        indicator.setMouseTransparent(true);
        indicator.setVisible(false);
        indicator.setStyle("-fx-text-fill: #ff3030; -fx-font-weight: bold; -fx-font-size: 12px;"
                + " -fx-background-color: rgba(0,0,0,0.6); -fx-background-radius: 4; -fx-padding: 2 6 2 6;");
        indicator.layoutXProperty().bind(parent.widthProperty().subtract(indicator.widthProperty()).subtract(8));
        indicator.setLayoutY(8);
        tick.setCycleCount(Animation.INDEFINITE);
        parent.getChildren().add(indicator);
    }

    /** Ctrl+Shift+S. FX thread. */
    void toggle() {
        if (active.get() != null) {
            stop();
        } else {
            start(defaultFile());
        }
    }

    boolean recording() {
        return active.get() != null;
    }

    /** Frames handed to the recording under way (tests), or -1 when not recording. */
    int offered() {
        Active a = active.get();
        return a == null ? -1 : a.offered().get();
    }

    /** What the indicator says (tests), or null when hidden. FX thread. */
    String indicatorText() {
        return indicator.isVisible() ? indicator.getText() : null;
    }

    /** {@code <sketch>-<date>-<time>.mp4} in the sketch's folder (the capture folder when there is no sketch). */
    Path defaultFile() {
        String stamp = LocalDateTime.now().format(STAMP);
        if (sketch == null) {
            return Path.of(System.getProperty("easel.captures", ".")).resolve(host.slug() + "-" + stamp + ".mp4")
                    .toAbsolutePath();
        }
        Path abs = sketch.toAbsolutePath();
        String name = abs.getFileName().toString().replaceFirst("\\.py$", "");
        return abs.resolveSibling(name + "-" + stamp + ".mp4");
    }

    /** FX thread: starts recording into {@code target} (.mp4, .gif or a folder of PNGs). */
    void start(Path target) {
        double fps = Math.min(MAX_FPS, host.fps() > 0 ? host.fps() : 60);
        Recorder r;
        try {
            r = new Recorder(Recording.to(target, fps), host.slug());
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("easel: cannot record to " + target + ": " + e.getMessage());
            return;
        }
        file = target;
        long now = System.nanoTime();
        active.set(new Active(r, target, now, (long) (1e9 / fps), new AtomicInteger(), new AtomicInteger(),
                new java.util.concurrent.atomic.AtomicLong(now)));
        System.err.println("easel: recording to " + target + " (Ctrl+Shift+S stops)");
        indicator.setVisible(true);
        showTime();
        tick.play();
    }

    private void showTime() {
        Active a = active.get();
        if (a == null) {
            return;
        }
        long s = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - a.startNanos());
        int skipped = a.skipped().get();
        indicator.setText(String.format(Locale.ROOT, "\u25CF REC %d:%02d", s / 60, s % 60)
                + (skipped > 0 ? "  " + skipped + " skipped" : ""));
    }

    /** The raster thread: a new frame is in {@code pixels}; recorded (without overlays) when recording. */
    void rendered(WindowPixels pixels) {
        Active a = active.get();
        if (a == null) {
            return;
        }
        long now = System.nanoTime();
        long due = a.nextDue().get();
        if (now - due < 0) {
            return; // faster than the recording's rate: this frame is not one of its frames
        }
        // The next one a period later; after a stall, from now (no burst of catching up).
        a.nextDue().set(now - due > a.periodNanos() ? now + a.periodNanos() : due + a.periodNanos());
        if (!a.recorder().hasRoom() && !a.recorder().failed()) {
            a.skipped().incrementAndGet(); // the encoder is behind: no copy made, the sketch does not wait
            return;
        }
        ImageData picture = pixels.frameImage();
        if (picture == null) {
            return;
        }
        if (a.recorder().offerOrSkip(picture.toBufferedImage())) {
            a.offered().incrementAndGet();
        } else if (a.recorder().failed()) {
            if (active.get() == a) {
                stop(); // the encoder failed (a resize, a full disk): say why now, not at the end
            }
        } else {
            a.skipped().incrementAndGet(); // the encoder is behind: the sketch does not wait for it
        }
    }

    /** Stops recording (any thread): the file is finished on the recorder's thread, then where it is printed. */
    CompletableFuture<Integer> stop() {
        Active a = active.getAndSet(null);
        if (a == null) {
            CompletableFuture<Integer> f = finished;
            return f != null ? f : CompletableFuture.completedFuture(0);
        }
        Platform.runLater(() -> {
            tick.stop();
            indicator.setVisible(false);
        });
        CompletableFuture<Integer> f = a.recorder().finish().whenComplete((n, err) -> {
            if (err == null) {
                int skipped = a.skipped().get();
                System.err.println("easel: recorded " + n + " frames to " + a.file() + (skipped == 0 ? ""
                        : " (" + skipped + " skipped: the encoder could not keep up)"));
            } else {
                Throwable why = err.getCause() != null && err instanceof java.util.concurrent.CompletionException
                        ? err.getCause() : err;
                System.err.println("easel: recording " + a.file() + " stopped: " + why.getMessage());
            }
        });
        finished = f;
        writes.add(f); // the run exits only once the file is complete
        return f;
    }

    /**
     * The window closes (canvas thread): a recording under way, or one stopped and still being
     * encoded, is finished before the canvas ends.
     */
    void finishNow() {
        CompletableFuture<Integer> f = active.get() != null ? stop() : finished;
        if (f == null) {
            return;
        }
        try {
            f.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Said by stop(); the canvas ends anyway.
        }
    }
}
