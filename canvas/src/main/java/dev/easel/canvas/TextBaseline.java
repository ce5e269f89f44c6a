package dev.easel.canvas;

/** Which line of the text's box lies on the y it is drawn at. */
public enum TextBaseline {
    /** y is the top of the text (its ascent above the baseline). */
    TOP("top"),
    /** y is halfway between the top and the bottom. */
    MIDDLE("middle"),
    /** y is the alphabetic baseline, where letters without descenders sit (the default). */
    ALPHABETIC("alphabetic"),
    /** y is the bottom of the text (its descent below the baseline). */
    BOTTOM("bottom");

    private final String css;

    TextBaseline(String css) {
        this.css = css;
    }

    /** The name Python users write, e.g. {@code "alphabetic"}. */
    public String css() {
        return css;
    }

    /**
     * Parses {@code "top"}, {@code "middle"}, {@code "alphabetic"} or {@code "bottom"}.
     *
     * @throws IllegalArgumentException naming the value and the choices
     */
    public static TextBaseline parse(String name) {
        return switch (name) {
            case "top", "hanging" -> TOP;
            case "middle" -> MIDDLE;
            case "alphabetic" -> ALPHABETIC;
            case "bottom", "ideographic" -> BOTTOM;
            case null, default -> throw new IllegalArgumentException("invalid text baseline " + Values.quote(name)
                    + ": expected 'top', 'middle', 'alphabetic' or 'bottom'");
        };
    }
}
