package dev.easel.canvas;

/** Small helpers shared by the parsers, so every error message quotes values the same way. */
final class Values {
    private Values() {
    }

    /** The value as Python's repr would show a str: in single quotes, or {@code None}. */
    static String quote(String s) {
        if (s == null) {
            return "None";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\'' -> b.append("\\'");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('\'').toString();
    }

    /** A double the way Python prints floats that are whole numbers as ints: 1.0 -> "1.0", 0.5 -> "0.5". */
    static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) + ".0" : Double.toString(d);
    }
}
