package dev.easel.app;

import dev.easel.pybridge.PythonRuntime;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Starting and stopping the JavaFX toolkit (no Application subclass: Easel owns main), and the
 * window that shows a script's error when a launcher started Easel.
 */
final class FxLauncher {
    private FxLauncher() {}

    /** Starts the FX toolkit on its own thread; completes when it runs. */
    static CompletableFuture<Void> startAsync() {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread.ofPlatform().name("easel-fx-start").daemon(true).start(() -> {
            try {
                Platform.setImplicitExit(false);
                Platform.startup(() -> {
                    Startup.mark("fx toolkit started");
                    started.complete(null);
                });
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

    /**
     * Whether a script error with no canvas shown opens a window: only when a launcher (a desktop
     * entry, a file manager) started Easel and says so with {@code EASEL_LAUNCHER}, since then no
     * terminal shows the traceback. Never otherwise: in a terminal the traceback is there, and in
     * automation nobody would close the window.
     */
    static boolean errorWindowWanted(java.util.Map<String, String> env) {
        String l = env.get("EASEL_LAUNCHER");
        return l != null && !l.isBlank() && !l.equals("0");
    }

    /**
     * Shows the script's traceback in a window with a Close button, and waits until it is closed
     * (the button, the window's own close, Escape or Enter) or {@code released} completes (Ctrl-C).
     * Not modal: nothing else waits on it.
     */
    static void showErrorAndWait(Path script, String traceback, CompletableFuture<Void> released) {
        Platform.runLater(() -> {
            Stage s = new Stage();
            s.setTitle(ERROR_TITLE + script.getFileName());
            Label head = new Label(script + " raised an exception:");
            TextArea text = new TextArea(traceback.isBlank() ? "(no traceback)" : traceback.stripTrailing());
            text.setEditable(false);
            text.setStyle("-fx-font-family: monospace;");
            text.setPrefSize(720, 320);
            VBox.setVgrow(text, Priority.ALWAYS);
            Button close = new Button("Close");
            close.setDefaultButton(true);
            close.setCancelButton(true);
            close.setOnAction(e -> s.close());
            HBox buttons = new HBox(close);
            buttons.setAlignment(Pos.CENTER_RIGHT);
            VBox box = new VBox(10, head, text, buttons);
            box.setPadding(new Insets(14));
            s.setScene(new Scene(box));
            s.setOnHidden(e -> released.complete(null));
            released.whenComplete((v, t) -> Platform.runLater(s::close));
            s.show();
            close.requestFocus();
        });
        released.join();
    }

    /** The title of the error window: this, then the script's file name. */
    static final String ERROR_TITLE = "Easel error: ";

    static void exit() {
        try {
            Platform.exit();
        } catch (RuntimeException notStarted) {
            // Quitting while JavaFX was still starting: the process exits anyway.
        }
    }
}
