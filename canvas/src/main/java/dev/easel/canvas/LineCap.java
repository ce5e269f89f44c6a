package dev.easel.canvas;

/** How the ends of stroked lines are drawn; the names are the HTML canvas ones. */
public enum LineCap {
    /** The line ends exactly at its end point (the default). */
    BUTT("butt"),
    /** A half disc of the line's width is added at each end. */
    ROUND("round"),
    /** A half square of the line's width is added at each end. */
    SQUARE("square");

    private final String css;

    LineCap(String css) {
        this.css = css;
    }

    /** The name Python users write, e.g. {@code "butt"}. */
    public String css() {
        return css;
    }

    /**
     * Parses a name as written in Python ({@code "butt"}, {@code "round"}, {@code "square"}).
     *
     * @throws IllegalArgumentException naming the value and the choices
     */
    public static LineCap parse(String name) {
        return switch (name) {
            case "butt" -> BUTT;
            case "round" -> ROUND;
            case "square" -> SQUARE;
            case null, default -> throw new IllegalArgumentException(
                    "invalid line cap " + Values.quote(name) + ": expected 'butt', 'round' or 'square'");
        };
    }
}
