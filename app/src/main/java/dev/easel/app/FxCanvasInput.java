package dev.easel.app;

import dev.easel.app.runs.WindowAction;
import dev.easel.canvas.InputEvent;
import dev.easel.canvas.host.loop.CanvasHost;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A canvas window's input (FX thread): mouse, wheel, keys and typed text posted to the canvas'
 * inbox as {@link InputEvent}s, with what the canvas cannot see for itself kept here: the keys held
 * (a release goes out under the name its press had, whatever Shift did in between) and the mouse
 * buttons held (emptied when a release was lost to another window). The app's own shortcuts
 * ({@link WindowAction}) are taken out before the sketch sees them.
 */
final class FxCanvasInput {
    private final CanvasHost host;
    private final Consumer<WindowAction> actions;
    private double lastX = Double.NaN, lastY = Double.NaN;
    /** Keys held, with the name each was pressed under. */
    private final Map<KeyCode, String> held = new EnumMap<>(KeyCode.class);
    /** The buttons held (Canvas.mouse_buttons), by presses and releases, emptied as they are lost. */
    private final Set<String> buttonsDown = new LinkedHashSet<>();

    FxCanvasInput(CanvasHost host, Consumer<WindowAction> actions) {
        this.host = host;
        this.actions = actions;
    }

    /** FX thread: listens to the window's input from now on. */
    void wire(Stage stage, Scene scene, Pane surface) {
        // The app's keys (WindowAction: save, record, reload, restart, overlay, ...); the sketch does not see them.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            for (var k : APP_KEYS.entrySet()) {
                if (k.getKey().match(e)) {
                    e.consume();
                    actions.accept(k.getValue());
                    return;
                }
            }
        });
        scene.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> mouse("mouse_press", e));
        scene.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> mouse("mouse_release", e));
        scene.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.isStillSincePress()) { // a click, not the end of a drag
                mouse("mouse_click", e);
            }
        });
        surface.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> mouse("mouse_enter", e));
        surface.addEventHandler(MouseEvent.MOUSE_EXITED, e -> mouse("mouse_leave", e));
        scene.addEventHandler(MouseEvent.MOUSE_MOVED, e -> mouse("mouse_move", e));
        scene.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> mouse("mouse_drag", e));
        scene.addEventHandler(ScrollEvent.SCROLL, e -> host.post(InputEvent.mouse("scroll", e.getX(), e.getY(), null,
                e.getDeltaX(), e.getDeltaY(), e.isShiftDown(), e.isControlDown(), e.isAltDown(), e.isMetaDown())));
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            String name = KeyNames.of(e.getCode(), e.getText(), e.isShiftDown());
            String first = held.putIfAbsent(e.getCode(), name);
            // A press of a key already held is its auto-repeat, under the name it went down with
            // (else "a", Shift, repeats would add an "A" to Canvas.keys that no release removes).
            host.post(InputEvent.keyPress(first != null ? first : name, first != null, e.isShiftDown(),
                    e.isControlDown(), e.isAltDown(), e.isMetaDown()));
        });
        scene.addEventHandler(KeyEvent.KEY_RELEASED, e -> {
            // Released under the name it was pressed with: "a" pressed, Shift, then released is not "A"
            // (which would leave "a" in Canvas.keys for ever).
            String name = held.remove(e.getCode());
            host.post(InputEvent.key("key_release", name != null ? name : KeyNames.of(e.getCode(), e.getText(), e.isShiftDown()),
                    e.isShiftDown(), e.isControlDown(), e.isAltDown(), e.isMetaDown()));
        });
        stage.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                focusLost();
            }
        });
        scene.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            String t = e.getCharacter();
            if (t != null && !t.isEmpty() && t.codePointAt(0) >= 32 && t.codePointAt(0) != 127) {
                host.post(InputEvent.text(t));
            }
        });
    }

    /** The app's shortcuts in a canvas window, one per {@link WindowAction}. */
    private static final Map<KeyCombination, WindowAction> APP_KEYS = appKeys();

    private static Map<KeyCombination, WindowAction> appKeys() {
        var keys = new LinkedHashMap<KeyCombination, WindowAction>();
        for (WindowAction a : WindowAction.values()) {
            // A function key alone (F2, F3, F11) works whatever modifiers are held, as it always has.
            keys.put(a.keys().contains("+") ? KeyCombination.keyCombination(a.keys())
                    : new KeyCodeCombination(KeyCode.valueOf(a.keys()),
                            KeyCombination.SHIFT_ANY, KeyCombination.CONTROL_ANY,
                            KeyCombination.ALT_ANY, KeyCombination.META_ANY,
                            KeyCombination.SHORTCUT_ANY), a);
        }
        return Collections.unmodifiableMap(keys);
    }

    /** Keys held now are released in another window; the canvas forgets them. */
    void focusLost() {
        held.clear();
        buttonsDown.clear(); // their releases go to another window too
        host.post(InputEvent.focusLost());
    }

    private void mouse(String type, MouseEvent e) {
        double dx = Double.isNaN(lastX) ? 0 : e.getX() - lastX;
        double dy = Double.isNaN(lastY) ? 0 : e.getY() - lastY;
        lastX = e.getX();
        lastY = e.getY();
        boolean counted = type.equals("mouse_press") || type.equals("mouse_release") || type.equals("mouse_click");
        String b = button(e.getButton());
        switch (type) {
            case "mouse_press" -> {
                if (b != null) {
                    buttonsDown.add(b);
                }
            }
            case "mouse_release" -> buttonsDown.remove(b);
            // A move (JavaFX: with no button down), or coming back with none down: a release this
            // window missed (let go over another window) must not leave a button held for ever.
            case "mouse_move" -> buttonsDown.clear();
            case "mouse_enter" -> {
                if (!e.isPrimaryButtonDown() && !e.isMiddleButtonDown() && !e.isSecondaryButtonDown()) {
                    buttonsDown.clear();
                }
            }
            default -> {
                // drag, click, leave: the buttons stay as presses and releases made them
            }
        }
        host.post(InputEvent.mouse(type, e.getX(), e.getY(), b, dx, dy, e.isShiftDown(), e.isControlDown(),
                e.isAltDown(), e.isMetaDown(), counted ? e.getClickCount() : 0, List.copyOf(buttonsDown)));
    }

    private static String button(MouseButton b) {
        return switch (b) {
            case PRIMARY -> "left";
            case MIDDLE -> "middle";
            case SECONDARY -> "right";
            default -> null;
        };
    }
}
