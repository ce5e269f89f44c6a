package dev.easel.app;

import javafx.scene.input.KeyCode;

/** JavaFX key codes as the names Easel's events use (those of the web's KeyboardEvent.key). */
final class KeyNames {
    private KeyNames() {}

    /** The name of {@code code}; a letter key is upper case with Shift ("a", "A"), as on the web. */
    static String of(KeyCode code, String text, boolean shift) {
        return switch (code) {
            case ENTER -> "Enter";
            case ESCAPE -> "Escape";
            case SPACE -> " ";
            case TAB -> "Tab";
            case BACK_SPACE -> "Backspace";
            case DELETE -> "Delete";
            case INSERT -> "Insert";
            case HOME -> "Home";
            case END -> "End";
            case PAGE_UP -> "PageUp";
            case PAGE_DOWN -> "PageDown";
            case LEFT, KP_LEFT -> "ArrowLeft";
            case RIGHT, KP_RIGHT -> "ArrowRight";
            case UP, KP_UP -> "ArrowUp";
            case DOWN, KP_DOWN -> "ArrowDown";
            case SHIFT -> "Shift";
            case CONTROL -> "Control";
            case ALT, ALT_GRAPH -> "Alt";
            case META, COMMAND, WINDOWS -> "Meta";
            case CAPS -> "CapsLock";
            case F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12 -> code.getName();
            default -> {
                if (code.isLetterKey()) {
                    String letter = code.getName();
                    yield shift ? letter.toUpperCase(java.util.Locale.ROOT) : letter.toLowerCase(java.util.Locale.ROOT);
                }
                if (code.isDigitKey()) {
                    yield code.getName().substring(code.getName().length() - 1);
                }
                yield text != null && !text.isEmpty() ? text : code.getName();
            }
        };
    }
}
