package dev.easel.canvas;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The mouse cursors a canvas may show ({@code Canvas.cursor}), named as CSS names them
 * ({@code "crosshair"}, {@code "ew-resize"}), except {@code "hand"} (CSS {@code pointer}).
 */
public enum CursorShape {
    DEFAULT("default"), NONE("none"), CROSSHAIR("crosshair"), HAND("hand"), TEXT("text"), MOVE("move"),
    WAIT("wait"), GRAB("grab"), GRABBING("grabbing"),
    EW_RESIZE("ew-resize"), NS_RESIZE("ns-resize"), NESW_RESIZE("nesw-resize"), NWSE_RESIZE("nwse-resize"),
    N_RESIZE("n-resize"), E_RESIZE("e-resize"), S_RESIZE("s-resize"), W_RESIZE("w-resize"),
    NE_RESIZE("ne-resize"), NW_RESIZE("nw-resize"), SE_RESIZE("se-resize"), SW_RESIZE("sw-resize");

    private final String cssName;

    CursorShape(String cssName) {
        this.cssName = cssName;
    }

    /** The name Python uses. */
    public String cssName() {
        return cssName;
    }

    /** The valid names, quoted and comma-separated, for messages. */
    public static String names() {
        return Arrays.stream(values()).map(c -> "'" + c.cssName + "'").collect(Collectors.joining(", "));
    }

    /** The cursor called {@code name}; {@link IllegalArgumentException} listing the valid ones otherwise. */
    public static CursorShape parse(String name) {
        for (CursorShape c : values()) {
            if (c.cssName.equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown cursor '" + name + "'; expected one of " + names());
    }
}
