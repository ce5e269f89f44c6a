package dev.easel.app;

import dev.easel.app.capture.LiveRecorder;
import dev.easel.app.capture.Recording;
import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.render.Java2dRenderer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.stage.Window;
import javafx.util.Duration;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Record… in a canvas window (Ctrl+Shift+S asks where and how, again stops): the frames the window
 * rasterizes go into an MP4, an animated GIF or a folder of PNGs ({@link RecordDialog}: a file
 * chooser starting at {@code <sketch>-<date>-<time>.mp4} next to the sketch, or at the sketch's
 * last choice, {@link RecordMemory}), at the canvas's rate up to {@value #MAX_FPS} fps, through a
 * {@link LiveRecorder}: the raster thread only copies a frame into a reused buffer; encoding is on a
 * thread of its own, never on the canvas or FX thread, and a window never waits for it. Every frame
 * is kept unless the user chose real time (then a frame due while the encoder is behind is skipped
 * and counted). While it records, a red "● REC m:ss" is shown by the app over the canvas (a JavaFX
 * node: never in the frames, {@code snapshot()} or the video). Stopping prints where the file is
 * once it is complete; the frames still waiting are encoded in the background, their progress on
 * the console and over the canvas. Closing the window never waits for the encoding: the run does,
 * before it exits, with Quit's progress dialog ({@link FxFinishingDialog}).
 */
final class FxWindowRecording {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Screen recordings are smooth at 30 fps; more only costs encoding time (pure Java H.264). */
    static final double MAX_FPS = 30;

    /**
     * A recording under way. Its {@link LiveRecorder} is made by the raster thread at the first frame
     * (which sets the size), under this object's lock. {@code offered}: frames handed to the
     * recorder; {@code skipped}: frames due that it did not take; {@code nextDue}: when the next frame
     * is due (nanoTime, raster thread only).
     */
    private static final class Active {
        final LiveRecorder.Opener recording;
        final Path file;
        final boolean realTime;
        final long startNanos;
        final long periodNanos;
        final AtomicInteger offered = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        long nextDue;
        LiveRecorder recorder;
        boolean stopped;

        Active(LiveRecorder.Opener recording, Path file, boolean realTime, long startNanos, long periodNanos) {
            this.recording = recording;
            this.file = file;
            this.realTime = realTime;
            this.startNanos = startNanos;
            this.periodNanos = periodNanos;
            this.nextDue = startNanos;
        }
    }

    private final CanvasHost host;
    private final Path sketch;
    private final PendingWrites writes;
    private final Pane parent;
    /** Made at the first recording: the first Control of a canvas window loads JavaFX's stylesheet (~60-100 ms). */
    private Label indicator;
    private final Timeline tick = new Timeline(new KeyFrame(Duration.millis(250), e -> showTime()));
    private final AtomicReference<Active> active = new AtomicReference<>();
    /** The last recording's end: its frame count, or why it failed (tests wait on it). */
    volatile CompletableFuture<Integer> finished;
    /** The last recording's file (tests). */
    volatile Path file;
    /** The last recording's encoding, once stopped (its progress is shown while it lasts). */
    volatile PendingWrites.Write encoding;
    /** Wraps how a recording is opened (tests hold the encoder back with it). */
    volatile java.util.function.UnaryOperator<LiveRecorder.Opener> openers = o -> o;
    /** Asks where and how to record: a file chooser; tests answer with their own. FX thread. */
    RecordDialog dialog = RecordDialog.FILE_CHOOSER;
    /** Record…'s last choice per sketch. */
    RecordMemory memory = RecordMemory.NONE;

    /** FX thread: the indicator will go over {@code parent} (top right) when a recording starts. */
    FxWindowRecording(CanvasHost host, Path sketch, Pane parent, PendingWrites writes) {
        this.host = host;
        this.sketch = sketch;
        this.writes = writes;
        this.parent = parent;
        tick.setCycleCount(Animation.INDEFINITE);
    }

    /** The REC indicator, put over the canvas (top right, above what is there) at its first use. FX thread. */
    private Label indicator() {
        if (indicator == null) {
            Label l = new Label();
            l.setId("easel-rec-indicator");
            l.setMouseTransparent(true);
            l.setVisible(false);
            l.setStyle("-fx-text-fill: #ff3030; -fx-font-weight: bold; -fx-font-size: 12px;"
                    + " -fx-background-color: rgba(0,0,0,0.6); -fx-background-radius: 4; -fx-padding: 2 6 2 6;");
            l.layoutXProperty().bind(parent.widthProperty().subtract(l.widthProperty()).subtract(8));
            l.setLayoutY(8);
            parent.getChildren().add(l);
            indicator = l;
        }
        return indicator;
    }

    /** Ctrl+Shift+S: stops a recording, else asks where and how to record and starts. FX thread. */
    void toggle() {
        if (active.get() != null) {
            stop();
            return;
        }
        RecordChoice last = memory.recall(sketch);
        RecordChoice suggested = last == null ? new RecordChoice(defaultFile(), false)
                : new RecordChoice(RecordChoice.named(last.target().getParent(), defaultFile().getFileName().toString(),
                        last.format()), last.realTime());
        Window owner = parent.getScene() == null ? null : parent.getScene().getWindow();
        Optional<RecordChoice> c = dialog.ask(owner, suggested);
        if (c.isEmpty() || active.get() != null) {
            return; // cancelled
        }
        memory.remember(sketch, c.get());
        start(c.get().target(), c.get().realTime());
    }

    boolean recording() {
        return active.get() != null;
    }

    /** Frames handed to the recording under way (tests), or -1 when not recording. */
    int offered() {
        Active a = active.get();
        return a == null ? -1 : a.offered.get();
    }

    private void hideIndicator() {
        if (indicator != null) {
            indicator.setVisible(false);
        }
    }

    /** What the indicator says (tests), or null when hidden. FX thread. */
    String indicatorText() {
        return indicator != null && indicator.isVisible() ? indicator.getText() : null;
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

    /**
     * FX thread: starts recording into {@code target} (.mp4, .gif or a folder of PNGs), keeping every
     * frame unless {@code realTime}. The first frame rasterized from now on sets the size.
     */
    void start(Path target, boolean realTime) {
        double fps = Math.min(MAX_FPS, host.fps() > 0 ? host.fps() : 60);
        String refused = Recording.refusal(target);
        if (refused != null) {
            System.err.println("easel: cannot record to " + target + ": " + refused);
            return;
        }
        // Opened by the encoder's thread, not here: loading jcodec would hold the FX thread (and the window's frames).
        LiveRecorder.Opener rec = () -> Recording.to(target, fps);
        file = target;
        long now = System.nanoTime();
        active.set(new Active(rec, target, realTime, now, (long) (1e9 / fps)));
        System.err.println("easel: recording to " + target + (realTime ? " in real time" : "")
                + " (Ctrl+Shift+S stops)");
        indicator().setVisible(true);
        showTime();
        tick.play();
    }

    private void showTime() {
        Active a = active.get();
        if (a == null) {
            PendingWrites.Write w = encoding;
            if (w != null && !w.done().isDone()) { // stopped, the frames left being encoded
                indicator().setText(String.format(Locale.ROOT, "encoding\u2026 %d %%", (int) (100 * w.fraction())));
                indicator().setVisible(true);
                tick.play();
            } else {
                tick.stop();
                hideIndicator();
            }
            return;
        }
        long s = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - a.startNanos);
        int skipped = a.skipped.get();
        indicator().setText(String.format(Locale.ROOT, "\u25CF REC %d:%02d", s / 60, s % 60)
                + (skipped > 0 ? "  " + skipped + " skipped" : ""));
    }

    /**
     * The raster thread: {@code frame} was just drawn (device pixels, premultiplied, without
     * overlays) and is not drawn into again before this returns; copied when a frame is due.
     */
    void rendered(Java2dRenderer frame) {
        Active a = active.get();
        if (a == null || frame == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - a.nextDue < 0) {
            return; // faster than the recording's rate: this frame is not one of its frames
        }
        // The next one a period later; after a stall, from now (no burst of catching up).
        a.nextDue = now - a.nextDue > a.periodNanos ? now + a.periodNanos : a.nextDue + a.periodNanos;
        LiveRecorder r;
        synchronized (a) {
            if (a.stopped) {
                return;
            }
            r = a.recorder;
            if (r == null) {
                Path spoolDir = a.file.toAbsolutePath().getParent();
                r = a.recorder = new LiveRecorder(openers.apply(a.recording), host.slug(), frame.pixelWidth(), frame.pixelHeight(),
                        a.realTime, spoolDir);
            }
        }
        LiveRecorder.Offer o = r.width() == frame.pixelWidth() && r.height() == frame.pixelHeight()
                ? r.offer(frame.pixels()) : null;
        if (o == LiveRecorder.Offer.TAKEN) {
            a.offered.incrementAndGet();
        } else if (o == LiveRecorder.Offer.SKIPPED) {
            a.skipped.incrementAndGet(); // real time and the encoder behind (or the spool's disk budget used up)
        } else if (active.get() == a) {
            if (o == null) {
                System.err.println("easel: recording " + a.file + " stops: the canvas was resized"
                        + " (a recording keeps one size)");
            }
            stop(); // the encoder failed (a full disk...) or the size changed: say why now, not at the end
        }
    }

    /**
     * Stops recording (any thread): the file is finished on the recorder's threads (its progress
     * said on the console and, while the window is open, in place of the REC indicator), then where
     * it is printed.
     */
    CompletableFuture<Integer> stop() {
        Active a = active.getAndSet(null);
        if (a == null) {
            CompletableFuture<Integer> f = finished;
            return f != null ? f : CompletableFuture.completedFuture(0);
        }
        LiveRecorder r;
        synchronized (a) {
            a.stopped = true;
            r = a.recorder;
        }
        CompletableFuture<Integer> end;
        if (r == null) {
            end = CompletableFuture.supplyAsync(() -> { // no frame came: an empty file, finished
                try (Recording empty = openers.apply(a.recording).open()) {
                    return empty.frames();
                } catch (IOException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, runnable -> Thread.ofPlatform().daemon(true).name("easel-record-end").start(runnable));
        } else {
            end = r.finish();
        }
        CompletableFuture<Integer> f = end.whenComplete((n, err) -> {
            Platform.runLater(() -> {
                if (active.get() == null) {
                    tick.stop();
                    hideIndicator();
                }
            });
            if (err == null) {
                int skipped = a.skipped.get();
                System.err.println("easel: recorded " + n + " frames to " + a.file + (skipped == 0 ? ""
                        : " (" + skipped + " skipped: " + (a.realTime ? "the encoder could not keep up in real time)"
                        : "no disk space left for the frames waiting)")));
            } else {
                Throwable why = err.getCause() != null && err instanceof java.util.concurrent.CompletionException
                        ? err.getCause() : err;
                System.err.println(why instanceof java.util.concurrent.CancellationException
                        ? "easel: recording " + a.file + " cancelled: nothing written"
                        : "easel: recording " + a.file + " stopped: " + why.getMessage());
            }
        });
        PendingWrites.Write w = r == null
                ? new PendingWrites.Write(a.file, () -> 0, () -> 0, f, () -> {})
                : new PendingWrites.Write(a.file, r::encoded, () -> r.encoded() + r.waiting(), f, r::cancel);
        encoding = w;
        finished = f;
        file = a.file;
        writes.add(w); // the run exits only once the file is complete (or Quit's Cancel gave it up)
        if (r != null && r.waiting() > 0) {
            EncodingProgress.report(w);
        }
        Platform.runLater(this::showTime); // "encoding… 40 %" while the window is open
        return f;
    }

    /**
     * The window closes (canvas thread): a recording under way is stopped; its file, like one
     * stopped before, is finished in the background (every frame kept) and the window does not wait
     * for it; the run does, before it exits ({@link PendingWrites}).
     */
    void windowClosing() {
        if (active.get() != null) {
            stop();
        }
    }
}
