package dev.easel.canvas;

/**
 * One input event on its way from a window (the FX thread) to a canvas thread.
 *
 * @param type    {@code mouse_press}, {@code mouse_release}, {@code mouse_move}, {@code mouse_drag},
 *                {@code scroll}, {@code key_press}, {@code key_release}, {@code text}, {@code resize} or
 *                {@code focus_lost} (the window lost the keyboard focus: no handler, it empties
 *                {@code Canvas.keys})
 * @param x       canvas x (for resize: the new width)
 * @param y       canvas y (for resize: the new height)
 * @param button  {@code left}, {@code middle}, {@code right} or null
 * @param dx      movement or scroll x
 * @param dy      movement or scroll y
 * @param key     key name ({@code "a"}, {@code "Enter"}, {@code "ArrowLeft"}) or null
 * @param text    typed text or null
 */
public record InputEvent(String type, double x, double y, String button, double dx, double dy, String key,
                         String text, boolean shift, boolean ctrl, boolean alt, boolean meta) {

    /** The event names a canvas handles ({@code on_<name>}). */
    public static final java.util.Set<String> TYPES = java.util.Set.of("mouse_press", "mouse_release",
            "mouse_move", "mouse_drag", "scroll", "key_press", "key_release", "text", "resize", "focus_lost");

    /** Validates the type. */
    public InputEvent {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown event type '" + type + "'; expected one of " + TYPES);
        }
    }

    /** A resize to {@code width} x {@code height}. */
    public static InputEvent resize(int width, int height) {
        return new InputEvent("resize", width, height, null, 0, 0, null, null, false, false, false, false);
    }

    /** The window lost the keyboard focus: keys held are forgotten (their releases go elsewhere). */
    public static InputEvent focusLost() {
        return new InputEvent("focus_lost", 0, 0, null, 0, 0, null, null, false, false, false, false);
    }

    /** A mouse event. */
    public static InputEvent mouse(String type, double x, double y, String button, double dx, double dy,
                                   boolean shift, boolean ctrl, boolean alt, boolean meta) {
        return new InputEvent(type, x, y, button, dx, dy, null, null, shift, ctrl, alt, meta);
    }

    /** A key event. */
    public static InputEvent key(String type, String key, boolean shift, boolean ctrl, boolean alt, boolean meta) {
        return new InputEvent(type, 0, 0, null, 0, 0, key, null, shift, ctrl, alt, meta);
    }

    /** A text event. */
    public static InputEvent text(String text) {
        return new InputEvent("text", 0, 0, null, 0, 0, null, text, false, false, false, false);
    }

    /** The tuple the Python side makes an {@code easel.Event} from (field order of {@code Event}). */
    public Object[] toTuple() {
        return new Object[]{type, x, y, button, dx, dy, key, text, shift, ctrl, alt, meta};
    }
}
