package dev.easel.canvas;

import java.util.List;

/**
 * One input event on its way from a window (the FX thread) to a canvas thread.
 *
 * @param type    {@code mouse_press}, {@code mouse_release}, {@code mouse_click}, {@code mouse_move},
 *                {@code mouse_drag}, {@code mouse_enter}, {@code mouse_leave}, {@code scroll},
 *                {@code key_press}, {@code key_release}, {@code text}, {@code file_drop}, {@code resize} or
 *                {@code focus_lost} (the window lost the keyboard focus: no handler, it empties
 *                {@code Canvas.keys} and {@code Canvas.mouse_buttons}) or {@code param} (a control changed a
 *                parameter: {@code key} is its name, {@code text} its new value as {@code --param} writes it)
 * @param x       canvas x (for resize: the new width)
 * @param y       canvas y (for resize: the new height)
 * @param button  {@code left}, {@code middle}, {@code right} or null
 * @param dx      movement or scroll x
 * @param dy      movement or scroll y
 * @param key     key name ({@code "a"}, {@code "Enter"}, {@code "ArrowLeft"}) or null
 * @param text    typed text or null
 * @param clicks  mouse press, release and click: 1, 2 for a double click, ...; 0 otherwise
 * @param repeat  key press: an auto-repeat of a key already held
 * @param buttons mouse events: the buttons held once this event happened ({@code left}, {@code middle},
 *                {@code right}), or null when the source does not say (then presses and releases count)
 * @param paths   file drop: the files dropped, else null
 */
public record InputEvent(String type, double x, double y, String button, double dx, double dy, String key,
                         String text, boolean shift, boolean ctrl, boolean alt, boolean meta, int clicks,
                         boolean repeat, List<String> buttons, List<String> paths) {

    /** The event names a canvas handles ({@code on_<name>}). */
    public static final java.util.Set<String> TYPES = java.util.Set.of("mouse_press", "mouse_release",
            "mouse_click", "mouse_move", "mouse_drag", "mouse_enter", "mouse_leave", "scroll", "key_press",
            "key_release", "text", "file_drop", "resize", "focus_lost", "param");

    /** Validates the type; copies the lists. */
    public InputEvent {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown event type '" + type + "'; expected one of " + TYPES);
        }
        if (type.equals("file_drop") && paths == null) {
            throw new IllegalArgumentException("a file_drop event needs its paths");
        }
        if (clicks < 0) {
            throw new IllegalArgumentException("clicks must be >= 0, not " + clicks);
        }
        buttons = buttons == null ? null : List.copyOf(buttons);
        paths = paths == null ? null : List.copyOf(paths);
    }

    /** An event without clicks, repeat, held buttons or paths. */
    public InputEvent(String type, double x, double y, String button, double dx, double dy, String key, String text,
                      boolean shift, boolean ctrl, boolean alt, boolean meta) {
        this(type, x, y, button, dx, dy, key, text, shift, ctrl, alt, meta, 0, false, null, null);
    }

    /** A resize to {@code width} x {@code height}. */
    public static InputEvent resize(int width, int height) {
        return new InputEvent("resize", width, height, null, 0, 0, null, null, false, false, false, false);
    }

    /** The window lost the keyboard focus: keys held are forgotten (their releases go elsewhere). */
    public static InputEvent focusLost() {
        return new InputEvent("focus_lost", 0, 0, null, 0, 0, null, null, false, false, false, false);
    }

    /** A control changed parameter {@code name} to the value {@code text} stands for (as in {@code --param}). */
    public static InputEvent param(String name, String text) {
        return new InputEvent("param", 0, 0, null, 0, 0, java.util.Objects.requireNonNull(name, "name"),
                java.util.Objects.requireNonNull(text, "text"), false, false, false, false);
    }

    /** A mouse event. */
    public static InputEvent mouse(String type, double x, double y, String button, double dx, double dy,
                                   boolean shift, boolean ctrl, boolean alt, boolean meta) {
        return new InputEvent(type, x, y, button, dx, dy, null, null, shift, ctrl, alt, meta);
    }

    /** A mouse event with its click count and the buttons held once it happened. */
    public static InputEvent mouse(String type, double x, double y, String button, double dx, double dy,
                                   boolean shift, boolean ctrl, boolean alt, boolean meta, int clicks,
                                   List<String> buttons) {
        return new InputEvent(type, x, y, button, dx, dy, null, null, shift, ctrl, alt, meta, clicks, false, buttons,
                null);
    }

    /** A key event. */
    public static InputEvent key(String type, String key, boolean shift, boolean ctrl, boolean alt, boolean meta) {
        return new InputEvent(type, 0, 0, null, 0, 0, key, null, shift, ctrl, alt, meta);
    }

    /** A key press, {@code repeat} when the key was already held (auto-repeat). */
    public static InputEvent keyPress(String key, boolean repeat, boolean shift, boolean ctrl, boolean alt,
                                      boolean meta) {
        return new InputEvent("key_press", 0, 0, null, 0, 0, key, null, shift, ctrl, alt, meta, 0, repeat, null, null);
    }

    /** A text event. */
    public static InputEvent text(String text) {
        return new InputEvent("text", 0, 0, null, 0, 0, null, text, false, false, false, false);
    }

    /** Files dropped on the canvas at ({@code x}, {@code y}). */
    public static InputEvent fileDrop(List<String> paths, double x, double y) {
        return new InputEvent("file_drop", x, y, null, 0, 0, null, null, false, false, false, false, 0, false, null,
                java.util.Objects.requireNonNull(paths, "paths"));
    }

    /**
     * The tuple the Python side makes an {@code easel.Event} from (field order of {@code Event}),
     * then the buttons held (a tuple or None) and the dropped paths (a list or None).
     */
    public Object[] toTuple() {
        return new Object[]{type, x, y, button, dx, dy, key, text, shift, ctrl, alt, meta, clicks, repeat,
                buttons == null ? null : buttons.toArray(), paths};
    }
}
