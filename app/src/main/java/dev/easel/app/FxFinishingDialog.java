package dev.easel.app;

import dev.easel.app.launcher.Looks;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Quitting (the last window closed, Ctrl+Q, SIGTERM) while recordings are still being encoded: a
 * small window shows their progress, the run exits when they are complete, and Cancel gives them up
 * (each leaves nothing at its target: see {@link dev.easel.app.capture.Recording}). Closing the
 * small window is Cancel too.
 */
final class FxFinishingDialog {
    /** The dialog's root node; its Cancel button is {@code #easel-finishing-cancel}. */
    static final String ID = "easel-finishing";

    private FxFinishingDialog() {}

    /**
     * Waits until every write of {@code writes} has ended (complete, failed or cancelled), showing
     * the dialog meanwhile; after {@code max} they are cancelled. Not on the FX thread (which must be
     * running).
     */
    static void await(PendingWrites writes, java.time.Duration max) {
        List<PendingWrites.Write> now = writes.pending();
        if (now.isEmpty()) {
            return;
        }
        System.err.println("easel: finishing " + now.size() + " recording(s)...");
        CompletableFuture<Void> all = writes.allDone();
        Platform.runLater(() -> {
            if (!all.isDone()) {
                show(now, writes, all);
            }
        });
        try {
            all.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            writes.cancelAll();
            waitForCancel(all);
        } catch (InterruptedException e) {
            writes.cancelAll();
            Thread.currentThread().interrupt();
        }
    }

    /** Cancelling ends within the frame being encoded; a minute at most, not to hang the exit. */
    private static void waitForCancel(CompletableFuture<Void> all) {
        try {
            all.get(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // given up: the temporary files are deleted when the JVM exits
        }
    }

    /** FX thread. */
    private static void show(List<PendingWrites.Write> shown, PendingWrites writes, CompletableFuture<Void> all) {
        Stage stage = new Stage(StageStyle.UTILITY);
        stage.setTitle("Easel: finishing " + (shown.size() == 1 ? "a recording" : shown.size() + " recordings"));
        Label what = new Label();
        what.setId("easel-finishing-text");
        ProgressBar bar = new ProgressBar(0);
        bar.setPrefWidth(360);
        Button cancel = new Button("Cancel");
        cancel.setId("easel-finishing-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            cancel.setDisable(true);
            what.setText("Cancelling: nothing is left half-written\u2026");
            writes.cancelAll(); // sets flags and wakes the encoders: never waits

        });
        HBox buttons = new HBox(cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(10, new Label("Quitting once the recordings are written:"), what, bar, buttons);
        root.setId(ID);
        root.setPadding(new Insets(14));
        stage.setScene(new Scene(root));
        stage.setOnCloseRequest(e -> {
            e.consume(); // closing it is Cancel; it closes when the cancelled writes have ended
            if (!cancel.isDisabled()) {
                cancel.fire();
            }
        });
        Runnable update = () -> {
            if (cancel.isDisabled()) {
                return;
            }
            what.setText(shown.stream().map(PendingWrites.Write::progress).collect(Collectors.joining("\n")));
            bar.setProgress(shown.stream().mapToDouble(PendingWrites.Write::fraction).average().orElse(0));
        };
        Timeline tick = new Timeline(new KeyFrame(Duration.millis(250), e -> update.run()));
        tick.setCycleCount(Animation.INDEFINITE);
        update.run();
        Looks.apply(stage);
        stage.show();
        tick.play();
        all.whenComplete((v, e) -> Platform.runLater(() -> {
            tick.stop();
            stage.close();
        }));
    }
}
