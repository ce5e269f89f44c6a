package dev.easel.canvas;

/**
 * A colour as Python's {@code easel.Color(r, g, b, a)} holds it: r, g, b integers 0..255, a a float 0..1,
 * not premultiplied. {@link #argb()} packs it into the int form display lists record.
 *
 * @param r red 0..255
 * @param g green 0..255
 * @param b blue 0..255
 * @param a alpha 0..1
 */
public record Color(int r, int g, int b, double a) {

    /** Checks the ranges, with the same message as {@link Colors#of(int, int, int, double)}. */
    public Color {
        Colors.of(r, g, b, a);
    }

    /** An opaque colour. */
    public Color(int r, int g, int b) {
        this(r, g, b, 1.0);
    }

    /** Parses any form {@link Colors#parse(String)} accepts. */
    public static Color parse(String value) {
        return fromArgb(Colors.parse(value));
    }

    /** Unpacks an ARGB int (alpha becomes {@code a / 255}). */
    public static Color fromArgb(int argb) {
        return new Color(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF, (argb >>> 24) / 255.0);
    }

    /** Packed {@code 0xAARRGGBB}, alpha rounded to 0..255. */
    public int argb() {
        return Colors.argb((int) Math.round(a * 255), r, g, b);
    }

    /** {@code #rrggbb} or {@code #rrggbbaa}. */
    public String toHex() {
        return Colors.toHex(argb());
    }
}
