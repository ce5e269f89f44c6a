package dev.easel.app;

import dev.easel.canvas.DisplayList;
import dev.easel.canvas.InputEvent;
import dev.easel.canvas.host.CanvasHost;
import dev.easel.canvas.host.CanvasView;
import dev.easel.canvas.host.Frame;
import dev.easel.canvas.render.FxRenderer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The window of one canvas. Lives on the FX thread: turns input into events posted to the canvas'
 * inbox, and shows the newest finished frame at each pulse. Never touches Python.
 */
final class FxCanvasWindow implements CanvasView {
    private record Pending(Frame frame, DisplayList overlay, int width, int height) {}

    private final CanvasHost host;
    private final Runnable onClosed;
    private final AtomicReference<Pending> pending = new AtomicReference<>();
    private Stage stage;
    private Canvas canvas;
    private Frame shown;
    private FxRenderer renderer;
    /** Time spent rendering on the FX thread (statistics). */
    volatile long renderNanos;
    private AnimationTimer timer;
    private volatile boolean closed;
    private double lastX = Double.NaN, lastY = Double.NaN;
    /** Frames shown (tests wait on this). */
    volatile long presented;

    FxCanvasWindow(CanvasHost host, Runnable onClosed) {
        this.host = host;
        this.onClosed = onClosed;
    }

    Stage stage() {
        return stage;
    }

    Canvas canvas() {
        return canvas;
    }

    /** FX thread. */
    void show() {
        if (closed) {
            return;
        }
        stage = new Stage();
        stage.setTitle(host.spec().title());
        canvas = new Canvas(host.width(), host.height());
        Pane root = new Pane(canvas);
        root.setStyle("-fx-background-color: " + css(host.spec().background()) + ";");
        Scene scene = new Scene(root, host.width(), host.height());
        stage.setScene(scene);
        stage.setResizable(host.spec().resizable());
        if (host.spec().resizable()) {
            canvas.widthProperty().bind(root.widthProperty());
            canvas.heightProperty().bind(root.heightProperty());
            root.widthProperty().addListener((o, a, b) -> resized());
            root.heightProperty().addListener((o, a, b) -> resized());
        }
        wireInput(scene);
        stage.setOnCloseRequest(e -> {
            e.consume(); // the canvas decides, through on_close
            host.requestClose();
        });
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                paintPending();
            }
        };
        timer.start();
        stage.show();
        canvas.requestFocus();
    }

    private static String css(Integer argb) {
        int c = argb == null ? 0xFFFFFFFF : argb;
        return String.format("#%06x", c & 0xFFFFFF);
    }

    private void resized() {
        int w = (int) Math.round(canvas.getWidth()), h = (int) Math.round(canvas.getHeight());
        if (w > 0 && h > 0) {
            host.post(InputEvent.resize(w, h));
        }
    }

    private void wireInput(Scene scene) {
        scene.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> mouse("mouse_press", e));
        scene.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> mouse("mouse_release", e));
        scene.addEventHandler(MouseEvent.MOUSE_MOVED, e -> mouse("mouse_move", e));
        scene.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> mouse("mouse_drag", e));
        scene.addEventHandler(ScrollEvent.SCROLL, e -> host.post(InputEvent.mouse("scroll", e.getX(), e.getY(), null,
                e.getDeltaX(), e.getDeltaY(), e.isShiftDown(), e.isControlDown(), e.isAltDown(), e.isMetaDown())));
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> host.post(InputEvent.key("key_press",
                KeyNames.of(e.getCode(), e.getText()), e.isShiftDown(), e.isControlDown(), e.isAltDown(), e.isMetaDown())));
        scene.addEventHandler(KeyEvent.KEY_RELEASED, e -> host.post(InputEvent.key("key_release",
                KeyNames.of(e.getCode(), e.getText()), e.isShiftDown(), e.isControlDown(), e.isAltDown(), e.isMetaDown())));
        scene.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            String t = e.getCharacter();
            if (t != null && !t.isEmpty() && t.codePointAt(0) >= 32 && t.codePointAt(0) != 127) {
                host.post(InputEvent.text(t));
            }
        });
    }

    private void mouse(String type, MouseEvent e) {
        double dx = Double.isNaN(lastX) ? 0 : e.getX() - lastX;
        double dy = Double.isNaN(lastY) ? 0 : e.getY() - lastY;
        lastX = e.getX();
        lastY = e.getY();
        host.post(InputEvent.mouse(type, e.getX(), e.getY(), button(e.getButton()), dx, dy,
                e.isShiftDown(), e.isControlDown(), e.isAltDown(), e.isMetaDown()));
    }

    private static String button(MouseButton b) {
        return switch (b) {
            case PRIMARY -> "left";
            case MIDDLE -> "middle";
            case SECONDARY -> "right";
            default -> null;
        };
    }

    @Override
    public void present(Frame frame, DisplayList overlay, int width, int height) {
        Pending old = pending.getAndSet(new Pending(frame, overlay, width, height));
        if (old != null && old.frame() != null) {
            old.frame().release(); // never shown: a newer frame replaced it
        }
    }

    /** FX thread, each pulse: renders the newest frame, if any came. */
    private void paintPending() {
        Pending p = pending.getAndSet(null);
        if (p == null || canvas == null) {
            return;
        }
        if (renderer == null) {
            renderer = new FxRenderer(canvas.getGraphicsContext2D(), 1.0); // JavaFX itself renders at the screen's scale
        }
        long t0 = System.nanoTime();
        if (p.frame() != null && p.frame() != shown) {
            renderer.render(p.frame().list());
        }
        if (p.overlay() != null) {
            renderer.render(p.overlay());
        }
        renderNanos += System.nanoTime() - t0;
        presented++;
        if (presented == 1) {
            FirstFrame.shown();
        }
        if (shown != null) {
            shown.release();
        }
        shown = p.frame();
    }

    @Override
    public void close() {
        closed = true;
        Platform.runLater(() -> {
            if (timer != null) {
                timer.stop();
            }
            if (stage != null) {
                stage.close();
            }
            Pending p = pending.getAndSet(null);
            if (p != null && p.frame() != null) {
                p.frame().release();
            }
            if (shown != null) {
                shown.release();
                shown = null;
            }
            onClosed.run();
        });
    }
}
