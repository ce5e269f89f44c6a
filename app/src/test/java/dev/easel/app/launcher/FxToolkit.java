package dev.easel.app.launcher;

import javafx.application.Platform;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The JavaFX toolkit for this package's tests: started once, kept when a test's last window closes. */
final class FxToolkit {
    private FxToolkit() {
    }

    static void start() throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException already) {
            started.complete(null);
        }
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false); // a window a test closes is not the test run's last
    }
}
