package dev.easel.canvas;

/**
 * The size of a piece of text in a font, in logical pixels, as {@link Fonts#measure} computes it.
 *
 * @param width   the advance width: how far the pen moves, which is what alignment uses
 * @param ascent  distance from the alphabetic baseline up to the font's ascent line (positive)
 * @param descent distance from the baseline down to the font's descent line (positive)
 */
public record TextMetrics(double width, double ascent, double descent) {

    /** {@code ascent + descent}: the height Python's {@code measure_text} reports. */
    public double height() {
        return ascent + descent;
    }
}
