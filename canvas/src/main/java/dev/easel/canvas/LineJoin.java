package dev.easel.canvas;

/** How corners of stroked paths are drawn; the names are the HTML canvas ones. */
public enum LineJoin {
    /** Sharp corners, cut off beyond a miter limit of 10 line widths (the default). */
    MITER("miter"),
    /** Rounded corners. */
    ROUND("round"),
    /** Corners cut straight across. */
    BEVEL("bevel");

    private final String css;

    LineJoin(String css) {
        this.css = css;
    }

    /** The name Python users write, e.g. {@code "miter"}. */
    public String css() {
        return css;
    }

    /**
     * Parses a name as written in Python ({@code "miter"}, {@code "round"}, {@code "bevel"}).
     *
     * @throws IllegalArgumentException naming the value and the choices
     */
    public static LineJoin parse(String name) {
        return switch (name) {
            case "miter" -> MITER;
            case "round" -> ROUND;
            case "bevel" -> BEVEL;
            case null, default -> throw new IllegalArgumentException(
                    "invalid line join " + Values.quote(name) + ": expected 'miter', 'round' or 'bevel'");
        };
    }
}
