package dev.easel.app.launcher;

import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The app's windows carry the icon and follow the desktop's light/dark preference as it changes. */
class LooksTest {
    @Test
    void iconAndDarkLookFollowTheColourScheme() throws Exception {
        FxToolkit.start();
        CompletableFuture<boolean[]> seen = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Stage s = new Stage();
                s.setScene(new Scene(new Label("x")));
                SimpleObjectProperty<ColorScheme> scheme = new SimpleObjectProperty<>(ColorScheme.LIGHT);
                Looks.apply(s, scheme);
                boolean lightFirst = Looks.dark(s.getScene());
                scheme.set(ColorScheme.DARK);
                boolean darkThen = Looks.dark(s.getScene());
                scheme.set(ColorScheme.LIGHT);
                boolean lightAgain = Looks.dark(s.getScene());
                boolean icon = s.getIcons().size() == 1 && s.getIcons().getFirst().getWidth() == 256
                        && !s.getIcons().getFirst().isError();
                seen.complete(new boolean[]{lightFirst, darkThen, lightAgain, icon});
            } catch (Throwable t) {
                seen.completeExceptionally(t);
            }
        });
        boolean[] r = seen.get(30, TimeUnit.SECONDS);
        assertFalse(r[0], "light: no dark sheet");
        assertTrue(r[1], "dark when the desktop turns dark");
        assertFalse(r[2], "light again");
        assertTrue(r[3], "the 256 px icon loaded");
    }

    /** Following the desktop's scheme (the platform's, alive as long as the process) keeps no window alive. */
    @Test
    void aWindowThatFollowsTheSchemeCanBeCollected() throws Exception {
        FxToolkit.start();
        SimpleObjectProperty<ColorScheme> scheme = new SimpleObjectProperty<>(ColorScheme.LIGHT);
        CompletableFuture<java.lang.ref.WeakReference<Stage>> made = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new Label("x")));
            Looks.apply(s, scheme);
            made.complete(new java.lang.ref.WeakReference<>(s));
        });
        java.lang.ref.WeakReference<Stage> stage = made.get(30, TimeUnit.SECONDS);
        for (int i = 0; i < 50 && stage.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(stage.get() == null, "the stage was collected while its scheme lives on");
        scheme.set(ColorScheme.DARK); // and the scheme still changes without it
    }
}
