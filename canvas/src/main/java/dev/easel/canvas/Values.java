package dev.easel.canvas;

/** Small helpers shared by the parsers, so every error message quotes values the same way. */
final class Values {
    private Values() {
    }

    /**
     * The value as Python's {@code repr} shows a str: in single quotes, or double quotes when it
     * contains a single quote and no double quote; {@code None} for null.
     */
    static String quote(String s) {
        if (s == null) {
            return "None";
        }
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder(s.length() + 2).append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c == q) {
                        b.append('\\');
                    }
                    b.append(c);
                }
            }
        }
        return b.append(q).toString();
    }
}
