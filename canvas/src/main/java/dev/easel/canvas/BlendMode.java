package dev.easel.canvas;

/**
 * How drawn pixels combine with the pixels already on the canvas. The names are the CSS/HTML canvas
 * {@code globalCompositeOperation} ones; each maps one to one onto a {@code javafx.scene.effect.BlendMode}.
 * The separable modes (multiply ... exclusion) follow the W3C "Compositing and Blending" formulas,
 * composited source-over.
 */
public enum BlendMode {
    /** Draws over what is there (the default). */
    SOURCE_OVER("source-over"),
    /** Draws only where the canvas already has paint, keeping the canvas's alpha. */
    SOURCE_ATOP("source-atop"),
    /** Adds colour and alpha, clamped (HTML's {@code "lighter"}). */
    ADD("add"),
    /** Multiplies colours: darkens. */
    MULTIPLY("multiply"),
    /** Inverse of multiply: lightens. */
    SCREEN("screen"),
    /** Multiply or screen depending on the canvas colour. */
    OVERLAY("overlay"),
    /** The darker of the two colours. */
    DARKEN("darken"),
    /** The lighter of the two colours. */
    LIGHTEN("lighten"),
    /** Brightens the canvas colour to reflect the drawn one. */
    COLOR_DODGE("color-dodge"),
    /** Darkens the canvas colour to reflect the drawn one. */
    COLOR_BURN("color-burn"),
    /** Multiply or screen depending on the drawn colour. */
    HARD_LIGHT("hard-light"),
    /** A softer hard light. */
    SOFT_LIGHT("soft-light"),
    /** The absolute difference of the colours. */
    DIFFERENCE("difference"),
    /** Like difference, with lower contrast. */
    EXCLUSION("exclusion");

    private static final BlendMode[] VALUES = values();

    private final String css;

    BlendMode(String css) {
        this.css = css;
    }

    /** The name Python users write, e.g. {@code "source-over"}. */
    public String css() {
        return css;
    }

    /**
     * Parses a CSS composite/blend name; {@code "lighter"} is accepted for {@link #ADD} and
     * {@code "normal"} for {@link #SOURCE_OVER}.
     *
     * @throws IllegalArgumentException naming the value and the choices
     */
    public static BlendMode parse(String name) {
        if ("lighter".equals(name)) {
            return ADD;
        }
        if ("normal".equals(name)) {
            return SOURCE_OVER;
        }
        for (BlendMode m : VALUES) {
            if (m.css.equals(name)) {
                return m;
            }
        }
        StringBuilder choices = new StringBuilder();
        for (BlendMode m : VALUES) {
            choices.append(choices.isEmpty() ? "" : ", ").append('\'').append(m.css).append('\'');
        }
        throw new IllegalArgumentException("invalid blend mode " + Values.quote(name) + ": expected one of " + choices);
    }
}
