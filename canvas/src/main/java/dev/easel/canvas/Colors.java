package dev.easel.canvas;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses colours as Python users write them into packed ARGB ints ({@code 0xAARRGGBB}, not
 * premultiplied), the form {@link DisplayList} records.
 *
 * <p>Accepted: the 148 CSS named colours and {@code "transparent"} (any case), {@code "#rgb"},
 * {@code "#rgba"}, {@code "#rrggbb"}, {@code "#rrggbbaa"}, CSS {@code "rgb(r, g, b)"} /
 * {@code "rgba(r, g, b, a)"}, and components {@code (r, g, b[, a])} with r, g, b integers 0..255 and a a
 * float 0..1. Anything else throws {@link IllegalArgumentException} whose message quotes the value,
 * which the Python layer turns into {@code ValueError}.
 *
 * <p>Parsing a name or hex string allocates nothing when the name is already lower case, so it can
 * run on every {@code g.fill = "..."} without producing garbage. Thread-safe.
 */
public final class Colors {
    /** What every error message lists as the accepted forms. */
    static final String EXPECTED = "expected a CSS name, #rgb, #rgba, #rrggbb, #rrggbbaa or (r, g, b[, a])";

    /** Opaque black, the default fill and stroke. */
    public static final int BLACK = 0xFF000000;
    /** Opaque white. */
    public static final int WHITE = 0xFFFFFFFF;
    /** Fully transparent black. */
    public static final int TRANSPARENT = 0x00000000;

    private static final Map<String, Integer> NAMES = nameTable();

    private Colors() {
    }

    /**
     * Parses a CSS colour string.
     *
     * @throws IllegalArgumentException if it is not a colour; the message quotes the value
     */
    public static int parse(String value) {
        if (value == null) {
            throw invalid("None");
        }
        Integer named = NAMES.get(value);
        if (named != null) {
            return named;
        }
        String s = value.strip();
        if (s.startsWith("#")) {
            long argb = parseHex(s);
            if (argb < 0) {
                throw invalid(value);
            }
            return (int) argb;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        named = NAMES.get(lower);
        if (named != null) {
            return named;
        }
        if (lower.startsWith("rgb")) {
            return parseFunction(value, lower);
        }
        throw invalid(value);
    }

    /**
     * Packs components into ARGB.
     *
     * @param r red 0..255
     * @param g green 0..255
     * @param b blue 0..255
     * @param a alpha 0..1 (rounded to the nearest of 256 levels)
     * @throws IllegalArgumentException if a component is out of range; the message quotes the tuple
     */
    public static int of(int r, int g, int b, double a) {
        if ((r | g | b) >>> 8 != 0 || !(a >= 0 && a <= 1)) {
            throw invalid("(" + r + ", " + g + ", " + b + ", " + a + ")", rangeProblem(r, g, b, a));
        }
        return argb((int) Math.round(a * 255), r, g, b);
    }

    /** Packs opaque components into ARGB; see {@link #of(int, int, int, double)}. */
    public static int of(int r, int g, int b) {
        if ((r | g | b) >>> 8 != 0) {
            throw invalid("(" + r + ", " + g + ", " + b + ")", rangeProblem(r, g, b, 1));
        }
        return argb(255, r, g, b);
    }

    /**
     * Packs components given as doubles, as they arrive from a Python tuple: r, g, b must be whole
     * numbers 0..255 and a 0..1.
     *
     * @throws IllegalArgumentException naming the tuple and what is wrong with it
     */
    public static int of(double r, double g, double b, double a) {
        String tuple = "(" + fmt(r) + ", " + fmt(g) + ", " + fmt(b) + ", " + fmt(a) + ")";
        if (r != Math.rint(r) || g != Math.rint(g) || b != Math.rint(b)) {
            throw invalid(tuple, "r, g, b must be integers 0..255");
        }
        if (!(r >= 0 && r <= 255 && g >= 0 && g <= 255 && b >= 0 && b <= 255)) {
            throw invalid(tuple, "r, g, b must be integers 0..255");
        }
        if (!(a >= 0 && a <= 1)) {
            throw invalid(tuple, "a must be a float 0..1");
        }
        return argb((int) Math.round(a * 255), (int) r, (int) g, (int) b);
    }

    /** Packs four 0..255 channels into ARGB without checking (callers guarantee the range). */
    public static int argb(int a, int r, int g, int b) {
        return a << 24 | r << 16 | g << 8 | b;
    }

    /** Alpha 0..255 of a packed colour. */
    public static int alpha(int argb) {
        return argb >>> 24;
    }

    /** The colour as CSS {@code #rrggbb} when opaque, else {@code #rrggbbaa}. */
    public static String toHex(int argb) {
        int rgb = argb & 0xFFFFFF;
        int a = argb >>> 24;
        return a == 255 ? String.format("#%06x", rgb) : String.format("#%06x%02x", rgb, a);
    }

    /** Whether {@code name} is one of the CSS named colours (or "transparent"), any case. */
    public static boolean isName(String name) {
        return name != null && NAMES.containsKey(name.strip().toLowerCase(Locale.ROOT));
    }

    /** The CSS colour names known, lower case (148 plus "transparent"). */
    public static java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(NAMES.keySet());
    }

    /** Parses #rgb, #rgba, #rrggbb, #rrggbbaa into 0..0xFFFFFFFF; -1 when malformed. */
    private static long parseHex(String s) {
        int n = s.length() - 1;
        if (n != 3 && n != 4 && n != 6 && n != 8) {
            return -1;
        }
        int v = 0;
        for (int i = 1; i <= n; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        int argb = switch (n) {
            case 3 -> 0xFF000000 | dup(v >> 8 & 0xF) << 16 | dup(v >> 4 & 0xF) << 8 | dup(v & 0xF);
            case 4 -> dup(v & 0xF) << 24 | dup(v >> 12 & 0xF) << 16 | dup(v >> 8 & 0xF) << 8 | dup(v >> 4 & 0xF);
            case 6 -> 0xFF000000 | v;
            default -> v >>> 8 | (v & 0xFF) << 24;
        };
        return argb & 0xFFFFFFFFL;
    }

    private static int dup(int nibble) {
        return nibble << 4 | nibble;
    }

    /** CSS rgb(r, g, b) / rgba(r, g, b, a) with integer channels and an alpha 0..1. */
    private static int parseFunction(String original, String lower) {
        int open = lower.indexOf('(');
        if (!lower.endsWith(")") || open < 0) {
            throw invalid(original);
        }
        String name = lower.substring(0, open).strip();
        String[] parts = lower.substring(open + 1, lower.length() - 1).split(",");
        if (!(name.equals("rgb") || name.equals("rgba")) || parts.length < 3 || parts.length > 4) {
            throw invalid(original);
        }
        int[] c = new int[3];
        for (int i = 0; i < 3; i++) {
            try {
                c[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                throw invalid(original);
            }
            if (c[i] >>> 8 != 0) {
                throw invalid(original, "r, g, b must be integers 0..255");
            }
        }
        double a = 1;
        if (parts.length == 4) {
            try {
                a = Double.parseDouble(parts[3].strip());
            } catch (NumberFormatException e) {
                throw invalid(original);
            }
            if (!(a >= 0 && a <= 1)) {
                throw invalid(original, "a must be a float 0..1");
            }
        }
        return argb((int) Math.round(a * 255), c[0], c[1], c[2]);
    }

    private static String rangeProblem(int r, int g, int b, double a) {
        return (r | g | b) >>> 8 != 0 ? "r, g, b must be integers 0..255" : "a must be a float 0..1";
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e9 ? Long.toString((long) d) : Double.toString(d);
    }

    private static IllegalArgumentException invalid(String shown) {
        return new IllegalArgumentException("invalid colour " + (shown.startsWith("(") || shown.equals("None")
                ? shown : Values.quote(shown)) + ": " + EXPECTED);
    }

    private static IllegalArgumentException invalid(String shown, String problem) {
        return new IllegalArgumentException("invalid colour " + (shown.startsWith("(") ? shown : Values.quote(shown))
                + ": " + problem);
    }

    private static Map<String, Integer> nameTable() {
        // CSS Color Module Level 4, section 6.1: the 148 named colours (grey/gray spellings included).
        String table = """
                aliceblue f0f8ff antiquewhite faebd7 aqua 00ffff aquamarine 7fffd4 azure f0ffff beige f5f5dc
                bisque ffe4c4 black 000000 blanchedalmond ffebcd blue 0000ff blueviolet 8a2be2 brown a52a2a
                burlywood deb887 cadetblue 5f9ea0 chartreuse 7fff00 chocolate d2691e coral ff7f50
                cornflowerblue 6495ed cornsilk fff8dc crimson dc143c cyan 00ffff darkblue 00008b darkcyan 008b8b
                darkgoldenrod b8860b darkgray a9a9a9 darkgreen 006400 darkgrey a9a9a9 darkkhaki bdb76b
                darkmagenta 8b008b darkolivegreen 556b2f darkorange ff8c00 darkorchid 9932cc darkred 8b0000
                darksalmon e9967a darkseagreen 8fbc8f darkslateblue 483d8b darkslategray 2f4f4f
                darkslategrey 2f4f4f darkturquoise 00ced1 darkviolet 9400d3 deeppink ff1493 deepskyblue 00bfff
                dimgray 696969 dimgrey 696969 dodgerblue 1e90ff firebrick b22222 floralwhite fffaf0
                forestgreen 228b22 fuchsia ff00ff gainsboro dcdcdc ghostwhite f8f8ff gold ffd700 goldenrod daa520
                gray 808080 green 008000 greenyellow adff2f grey 808080 honeydew f0fff0 hotpink ff69b4
                indianred cd5c5c indigo 4b0082 ivory fffff0 khaki f0e68c lavender e6e6fa lavenderblush fff0f5
                lawngreen 7cfc00 lemonchiffon fffacd lightblue add8e6 lightcoral f08080 lightcyan e0ffff
                lightgoldenrodyellow fafad2 lightgray d3d3d3 lightgreen 90ee90 lightgrey d3d3d3 lightpink ffb6c1
                lightsalmon ffa07a lightseagreen 20b2aa lightskyblue 87cefa lightslategray 778899
                lightslategrey 778899 lightsteelblue b0c4de lightyellow ffffe0 lime 00ff00 limegreen 32cd32
                linen faf0e6 magenta ff00ff maroon 800000 mediumaquamarine 66cdaa mediumblue 0000cd
                mediumorchid ba55d3 mediumpurple 9370db mediumseagreen 3cb371 mediumslateblue 7b68ee
                mediumspringgreen 00fa9a mediumturquoise 48d1cc mediumvioletred c71585 midnightblue 191970
                mintcream f5fffa mistyrose ffe4e1 moccasin ffe4b5 navajowhite ffdead navy 000080 oldlace fdf5e6
                olive 808000 olivedrab 6b8e23 orange ffa500 orangered ff4500 orchid da70d6 palegoldenrod eee8aa
                palegreen 98fb98 paleturquoise afeeee palevioletred db7093 papayawhip ffefd5 peachpuff ffdab9
                peru cd853f pink ffc0cb plum dda0dd powderblue b0e0e6 purple 800080 rebeccapurple 663399
                red ff0000 rosybrown bc8f8f royalblue 4169e1 saddlebrown 8b4513 salmon fa8072 sandybrown f4a460
                seagreen 2e8b57 seashell fff5ee sienna a0522d silver c0c0c0 skyblue 87ceeb slateblue 6a5acd
                slategray 708090 slategrey 708090 snow fffafa springgreen 00ff7f steelblue 4682b4 tan d2b48c
                teal 008080 thistle d8bfd8 tomato ff6347 turquoise 40e0d0 violet ee82ee wheat f5deb3
                white ffffff whitesmoke f5f5f5 yellow ffff00 yellowgreen 9acd32
                """;
        String[] t = table.strip().split("\\s+");
        Map<String, Integer> m = new HashMap<>(t.length);
        for (int i = 0; i < t.length; i += 2) {
            m.put(t[i], 0xFF000000 | Integer.parseInt(t[i + 1], 16));
        }
        m.put("transparent", TRANSPARENT);
        return Map.copyOf(m);
    }
}
