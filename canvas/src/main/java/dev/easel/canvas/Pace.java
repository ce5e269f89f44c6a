package dev.easel.canvas;

import java.util.Locale;

/**
 * What a canvas' {@code fps} paces (a Canvas class's {@code pace} attribute): the frames its window
 * shows, or the frames it draws.
 */
public enum Pace {
    /**
     * The default: {@code fps} is a target for frames shown. A frame is recorded only once the
     * window has taken the last one, so no frame is drawn that the screen cannot show.
     */
    SHOWN,
    /**
     * {@code fps} is a target for frames drawn: {@code on_draw} runs at that rate even when the
     * window shows fewer (simulations that step their state once per frame); frames replaced
     * before they were shown are counted as dropped.
     */
    DRAWN;

    /** What {@code pace} may be, for messages. */
    public static final String VALUES = "pace must be 'shown' or 'drawn'";

    /** Parses {@code "shown"} or {@code "drawn"} (any case, as {@link RendererChoice#parse} does). */
    public static Pace parse(String s) {
        return switch (s == null ? "" : s.toLowerCase(Locale.ROOT)) {
            case "shown" -> SHOWN;
            case "drawn" -> DRAWN;
            default -> throw new IllegalArgumentException(VALUES + ", not '" + s + "'");
        };
    }

    /** The name Python uses. */
    public String css() {
        return name().toLowerCase(Locale.ROOT);
    }
}
