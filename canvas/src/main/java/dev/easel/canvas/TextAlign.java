package dev.easel.canvas;

/** Where text is placed horizontally relative to the x it is drawn at. */
public enum TextAlign {
    /** x is the left edge of the text (the default). */
    LEFT("left"),
    /** x is the horizontal centre of the text. */
    CENTER("center"),
    /** x is the right edge of the text. */
    RIGHT("right");

    private final String css;

    TextAlign(String css) {
        this.css = css;
    }

    /** The name Python users write, e.g. {@code "left"}. */
    public String css() {
        return css;
    }

    /**
     * Parses {@code "left"}, {@code "center"} or {@code "right"} (HTML's {@code "start"}/{@code "end"}
     * are accepted as left/right, since Easel has no right-to-left mode).
     *
     * @throws IllegalArgumentException naming the value and the choices
     */
    public static TextAlign parse(String name) {
        return switch (name) {
            case "left", "start" -> LEFT;
            case "center", "centre" -> CENTER;
            case "right", "end" -> RIGHT;
            case null, default -> throw new IllegalArgumentException(
                    "invalid text align " + Values.quote(name) + ": expected 'left', 'center' or 'right'");
        };
    }
}
