package dev.easel.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A font as a drawing state value: an installed family, a size in logical pixels, bold, italic.
 * Parsed from the CSS {@code font} shorthand Python users write ({@code "16px sans-serif"},
 * {@code "bold 16px serif"}, {@code "italic bold 12pt Arial"}, {@code "20px 'DejaVu Sans Mono'"}).
 *
 * <p>The family is resolved when parsing, so both renderers draw with the same installed font:
 * {@code serif}, {@code sans-serif} and {@code monospace} map to the first installed of a preference
 * list (DejaVu on Debian; see {@link Fonts}), a named family matches an installed one ignoring case,
 * and a comma-separated list takes its first installed entry. As in CSS, a list with nothing
 * installed falls back to sans-serif rather than failing. Bad syntax throws
 * {@link IllegalArgumentException} quoting the value.
 *
 * @param family an installed family name as Java2D and JavaFX know it (e.g. {@code "DejaVu Sans"})
 * @param size   em size in logical pixels, &gt; 0
 * @param bold   weight bold (CSS weights 600 and above count as bold)
 * @param italic italic or oblique style
 */
public record FontSpec(String family, double size, boolean bold, boolean italic) {

    /** The font a display list starts each frame with: 12px sans-serif. */
    public static final FontSpec DEFAULT = new FontSpec(Fonts.sansSerif(), 12, false, false);

    private static final String EXPECTED =
            "expected [style] [weight] size family, e.g. '16px sans-serif' or 'bold 12pt \"DejaVu Serif\"'";
    private static final int CACHE_LIMIT = 256;
    private static final ConcurrentHashMap<String, FontSpec> CACHE = new ConcurrentHashMap<>();

    /** Checks the values; the family must be non-blank and the size positive and finite. */
    public FontSpec {
        if (family == null || family.isBlank()) {
            throw new IllegalArgumentException("invalid font family " + Values.quote(family));
        }
        if (!(size > 0 && size <= 100_000)) {
            throw new IllegalArgumentException("invalid font size " + size + ": expected a size in (0, 100000] px");
        }
    }

    /**
     * Parses a CSS font shorthand. Results are cached by string, so setting the same font every
     * frame costs a hash lookup and allocates nothing.
     *
     * @throws IllegalArgumentException if the string is not a font; the message quotes it
     */
    public static FontSpec parse(String css) {
        if (css == null) {
            throw new IllegalArgumentException("invalid font None: " + EXPECTED);
        }
        FontSpec cached = CACHE.get(css);
        if (cached != null) {
            return cached;
        }
        FontSpec spec = parseUncached(css);
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear(); // A sketch cycling through many sizes should not grow memory without bound.
        }
        CACHE.put(css, spec);
        return spec;
    }

    /** The same font at another size (px). */
    public FontSpec withSize(double px) {
        return new FontSpec(family, px, bold, italic);
    }

    /** A CSS string that parses back to this font, e.g. {@code "bold 16px 'DejaVu Sans'"}. */
    public String css() {
        return (italic ? "italic " : "") + (bold ? "bold " : "")
                + (size == Math.rint(size) ? Long.toString((long) size) : Double.toString(size)) + "px '"
                + family + "'";
    }

    private static FontSpec parseUncached(String css) {
        String s = css.strip();
        boolean bold = false;
        boolean italic = false;
        int i = 0;
        int n = s.length();
        double size = -1;
        // Leading keywords, then the size token; the family list is everything after the size.
        while (i < n) {
            int end = i;
            while (end < n && !Character.isWhitespace(s.charAt(end))) {
                end++;
            }
            String token = s.substring(i, end).toLowerCase(Locale.ROOT);
            i = end;
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            switch (token) {
                case "normal" -> { }
                case "italic", "oblique" -> italic = true;
                case "bold", "bolder" -> bold = true;
                case "lighter" -> bold = false;
                case "100", "200", "300", "400", "500" -> bold = false;
                case "600", "700", "800", "900" -> bold = true;
                default -> {
                    size = parseSize(css, token);
                }
            }
            if (size >= 0) {
                break;
            }
        }
        if (size < 0) {
            throw new IllegalArgumentException("invalid font " + Values.quote(css) + ": no size; " + EXPECTED);
        }
        String familyList = s.substring(i).strip();
        if (familyList.isEmpty()) {
            throw new IllegalArgumentException("invalid font " + Values.quote(css) + ": no family; " + EXPECTED);
        }
        String family = null;
        for (String candidate : splitFamilies(css, familyList)) {
            family = Fonts.resolve(candidate);
            if (family != null) {
                break;
            }
        }
        return new FontSpec(family != null ? family : Fonts.sansSerif(), size, bold, italic);
    }

    private static double parseSize(String css, String token) {
        String t = token;
        int slash = t.indexOf('/');
        if (slash >= 0) {
            t = t.substring(0, slash); // CSS line height ("16px/1.5"): meaningless for single-line text.
        }
        double factor;
        if (t.endsWith("px")) {
            factor = 1;
        } else if (t.endsWith("pt")) {
            factor = 4.0 / 3.0; // CSS: 1pt = 1/72 in, 1px = 1/96 in.
        } else if (t.endsWith("rem")) {
            factor = 16;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("em")) {
            factor = 16; // Relative to the CSS default font size: there is no parent element.
        } else {
            throw new IllegalArgumentException("invalid font " + Values.quote(css) + ": unexpected "
                    + Values.quote(token) + " before the size; " + EXPECTED);
        }
        String number = t.substring(0, t.length() - 2);
        double v;
        try {
            v = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (number.isEmpty() || !Character.isDigit(number.charAt(number.length() - 1)) || !(v > 0)
                || v * factor > 100_000) {
            throw new IllegalArgumentException("invalid font " + Values.quote(css) + ": bad size "
                    + Values.quote(token) + "; " + EXPECTED);
        }
        return v * factor;
    }

    /** Splits "A, 'B C', serif" into names, honouring single and double quotes. */
    private static List<String> splitFamilies(String css, String list) {
        List<String> out = new ArrayList<>(2);
        int i = 0;
        int n = list.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(list.charAt(i))) {
                i++;
            }
            String name;
            if (i < n && (list.charAt(i) == '\'' || list.charAt(i) == '"')) {
                char q = list.charAt(i);
                int close = list.indexOf(q, i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("invalid font " + Values.quote(css)
                            + ": unterminated quote in the family; " + EXPECTED);
                }
                name = list.substring(i + 1, close).strip();
                i = close + 1;
                while (i < n && Character.isWhitespace(list.charAt(i))) {
                    i++;
                }
                if (i < n && list.charAt(i) != ',') {
                    throw new IllegalArgumentException("invalid font " + Values.quote(css)
                            + ": text after a quoted family; " + EXPECTED);
                }
            } else {
                int comma = list.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                name = list.substring(i, end).strip().replaceAll("\\s+", " ");
                if (name.indexOf('\'') >= 0 || name.indexOf('"') >= 0) {
                    throw new IllegalArgumentException("invalid font " + Values.quote(css)
                            + ": stray quote in the family; " + EXPECTED);
                }
                i = end;
            }
            if (name.isEmpty()) {
                throw new IllegalArgumentException("invalid font " + Values.quote(css) + ": empty family; " + EXPECTED);
            }
            out.add(name);
            if (i < n) {
                i++; // the comma
                if (list.substring(i).isBlank()) {
                    throw new IllegalArgumentException("invalid font " + Values.quote(css)
                            + ": empty family after a comma; " + EXPECTED);
                }
            }
        }
        return out;
    }
}
