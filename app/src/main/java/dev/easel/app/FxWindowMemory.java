package dev.easel.app;

import dev.easel.canvas.host.loop.CanvasHost;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.nio.file.Path;

/**
 * One canvas window's place in {@link WindowMemory}: recalled when it opens (its last position,
 * and its last size when the user resized a resizable canvas whose size in code is unchanged),
 * followed while it is open, written when it closes. A remembered position that is on no screen
 * now (a monitor unplugged) is not used: the window is centred instead.
 */
final class FxWindowMemory {
    /** How much of a window's top-left (its title bar) must be on a screen for the position to be used. */
    private static final double GRIP_W = 64, GRIP_H = 24;

    private final WindowMemory memory;
    private final Path sketch;
    private final String key;
    private final CanvasHost host;
    private final WindowMemory.Place saved;
    /** The window's place now (FX thread writes; the canvas thread saves it as the window closes). */
    private volatile WindowMemory.Place last;
    /** FX thread: the size the sketch asked for last (a size it set itself is not remembered as the user's). */
    private double askedW, askedH;

    /** Recalls window {@code key} of {@code sketch} (any thread). */
    FxWindowMemory(WindowMemory memory, Path sketch, String key, CanvasHost host) {
        this.memory = memory;
        this.sketch = sketch;
        this.key = key;
        this.host = host;
        this.saved = memory.recall(sketch, key);
    }

    /** The scene size to open at: the remembered one, unless the canvas is not resizable or its size in code changed. */
    double[] sceneSize() {
        var spec = host.spec();
        int w = host.width(), h = host.height();
        boolean sameCode = saved != null && saved.codeWidth() == spec.width() && saved.codeHeight() == spec.height()
                && w == spec.width() && h == spec.height(); // not resized by setup() either
        return spec.resizable() && sameCode ? new double[]{saved.width(), saved.height()} : new double[]{w, h};
    }

    /** FX thread, once the stage shows: at its remembered place, else where the placer puts it; then followed. */
    void place(Stage stage, Scene scene, WindowPlacer placer) {
        askedW = host.width();
        askedH = host.height();
        if (saved == null) {
            placer.place(stage);
        } else {
            if (onScreen(saved.x(), saved.y())) {
                stage.setX(saved.x());
                stage.setY(saved.y());
            } else {
                stage.centerOnScreen();
            }
            placer.placedAt(stage);
        }
        stage.xProperty().addListener((o, a, b) -> note(stage, scene));
        stage.yProperty().addListener((o, a, b) -> note(stage, scene));
        scene.widthProperty().addListener((o, a, b) -> note(stage, scene));
        scene.heightProperty().addListener((o, a, b) -> note(stage, scene));
        note(stage, scene);
    }

    /** Whether a window's top-left corner at (x, y) is on one of the screens there are now. */
    static boolean onScreen(double x, double y) {
        Rectangle2D grip = new Rectangle2D(x, y, GRIP_W, GRIP_H);
        for (Screen s : Screen.getScreens()) {
            Rectangle2D b = s.getVisualBounds();
            if (b.contains(grip)) {
                return true;
            }
        }
        return false;
    }

    /** FX thread: the place to remember (full screen, maximized and minimized are not places). */
    private void note(Stage stage, Scene scene) {
        if (stage.isFullScreen() || stage.isMaximized() || stage.isIconified()
                || !(scene.getWidth() > 0) || !(scene.getHeight() > 0)) {
            return;
        }
        var spec = host.spec();
        boolean user = scene.getWidth() != askedW || scene.getHeight() != askedH;
        last = new WindowMemory.Place(stage.getX(), stage.getY(), user ? scene.getWidth() : spec.width(),
                user ? scene.getHeight() : spec.height(), spec.width(), spec.height());
    }

    /** FX thread: the sketch set its size (self.size): the window at that size is not the user's doing. */
    void sketchAsked(int width, int height) {
        askedW = width;
        askedH = height;
    }

    /** Writes the last place (the window is closing). Any thread. */
    void save() {
        WindowMemory.Place p = last;
        if (p != null) {
            memory.remember(sketch, key, p);
        }
    }
}
