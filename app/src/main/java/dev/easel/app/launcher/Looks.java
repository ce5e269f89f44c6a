package dev.easel.app.launcher;

import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The app's look on its windows: the icon, and a dark style when the desktop says it prefers
 * dark (JavaFX's platform preferences; followed live when the user switches). FX thread.
 */
public final class Looks {
    private Looks() {}

    private static Image icon;

    /** The dark look, as a stylesheet URL (data: URLs need no file). */
    private static final String DARK = "data:text/css;base64," + java.util.Base64.getEncoder().encodeToString("""
            .root { -fx-base: #2b2b30; -fx-background: #1f1f23; -fx-control-inner-background: #26262b;
                    -fx-accent: #4a90d9; -fx-focus-color: #4a90d9; }
            .label { -fx-text-fill: #e6e6e6; }
            """.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    /** Easel's icon (256 px; JavaFX scales it for each use). */
    public static synchronized Image icon() {
        if (icon == null) {
            icon = new Image(Looks.class.getResource("/dev/easel/app/icon.png").toExternalForm());
        }
        return icon;
    }

    /** Gives {@code stage} the icon, and its scene the desktop's light or dark look (kept in step). */
    public static void apply(Stage stage) {
        apply(stage, Platform.getPreferences().colorSchemeProperty());
    }

    /** As {@link #apply(Stage)}, following {@code scheme}. */
    static void apply(Stage stage, ObservableValue<ColorScheme> scheme) {
        stage.getIcons().setAll(icon());
        Scene scene = stage.getScene();
        if (scene == null) {
            return;
        }
        Runnable follow = () -> {
            scene.getStylesheets().remove(DARK);
            if (scheme.getValue() == ColorScheme.DARK) {
                scene.getStylesheets().add(DARK);
            }
        };
        follow.run();
        // The scheme is the platform's, for the process's life: a plain listener on it kept every window
        // that ever opened (a closed console, its 20,000 lines, its scene) reachable. Weak there, held
        // by the stage, it goes with the stage.
        javafx.beans.value.ChangeListener<ColorScheme> l = (o, was, now) -> follow.run();
        stage.getProperties().put(Looks.class, l);
        scheme.addListener(new javafx.beans.value.WeakChangeListener<>(l));
    }

    /** Whether the dark look is on for {@code scene} (tests). */
    static boolean dark(Scene scene) {
        return scene.getStylesheets().contains(DARK);
    }
}
