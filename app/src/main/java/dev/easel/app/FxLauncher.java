package dev.easel.app;

import dev.easel.pybridge.PythonRuntime;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/** Starting and stopping the JavaFX toolkit (no Application subclass: Easel owns main). */
final class FxLauncher {
    private FxLauncher() {}

    /** Starts the FX toolkit on its own thread; completes when it runs. */
    static CompletableFuture<Void> startAsync() {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread.ofPlatform().name("easel-fx-start").daemon(true).start(() -> {
            try {
                Platform.setImplicitExit(false);
                Platform.startup(() -> started.complete(null));
            } catch (IllegalStateException already) {
                started.complete(null);
            } catch (Throwable t) {
                started.completeExceptionally(t);
            }
        });
        return started;
    }

    /**
     * The FX thread never runs Python: any attach there throws (the classic GUI/GIL deadlock made
     * impossible). Queued, not awaited: every later task on the FX thread runs after it.
     */
    static void forbidPythonOnFxThread(PythonRuntime runtime) {
        Platform.runLater(() -> runtime.forbidAttachOnCurrentThread("the JavaFX Application Thread must never run Python "
                + "(it would wait for a GIL while canvases wait for it)"));
    }

    /** Shows a small window saying the script failed, and waits until it is closed. */
    static void showErrorAndWait(Path script, String message) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            Stage s = new Stage();
            s.setTitle("Easel: " + script.getFileName());
            VBox box = new VBox(new Label(script + "\n\n" + message));
            box.setStyle("-fx-padding: 16;");
            s.setScene(new Scene(box));
            s.setOnHidden(e -> closed.countDown());
            s.show();
        });
        closed.await();
    }

    static void exit() {
        Platform.exit();
    }
}
