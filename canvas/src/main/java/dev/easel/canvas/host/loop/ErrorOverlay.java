package dev.easel.canvas.host.loop;

import dev.easel.canvas.Colors;
import dev.easel.canvas.DisplayList;
import dev.easel.canvas.FontSpec;
import dev.easel.canvas.Fonts;
import dev.easel.canvas.TextBaseline;

import java.util.ArrayList;
import java.util.List;

/**
 * A traceback drawn over a canvas' last good frame: a dark band at the bottom with the text in
 * monospace, its last {@value #MAX_LINES} lines (the exception, which comes last, always shows).
 * Lines longer than the canvas is wide are wrapped, the continuation indented, so that the
 * message at the end of a long line is read, not cut off at the window's edge.
 */
final class ErrorOverlay {
    static final int MAX_LINES = 40;
    static final double MARGIN = 8;
    private static final double LINE_HEIGHT = 15;
    private static final FontSpec FONT = FontSpec.parse("12px monospace");
    private static final String CONTINUATION = "  ";

    private ErrorOverlay() {
    }

    /** The overlay of {@code text} (null: "error") for a frame of {@code width × height}. */
    static DisplayList draw(String text, int width, int height) {
        List<String> all = lines(text, width);
        List<String> shown = all.subList(Math.max(0, all.size() - MAX_LINES), all.size());
        double boxH = Math.min(height, 2 * MARGIN + shown.size() * LINE_HEIGHT);
        DisplayList o = new DisplayList();
        o.fill(Colors.of(20, 0, 0, 0.82));
        o.fillRect(0, height - boxH, width, boxH);
        o.fill(Colors.of(255, 120, 110));
        o.font(FONT);
        o.textBaseline(TextBaseline.TOP);
        for (int i = 0; i < shown.size(); i++) {
            o.fillText(shown.get(i), MARGIN, height - boxH + MARGIN + i * LINE_HEIGHT, Double.NaN);
        }
        return o.finish();
    }

    /** The lines drawn for {@code text} on a canvas {@code width} wide: tabs expanded, long lines wrapped. */
    static List<String> lines(String text, int width) {
        int columns = columns(width);
        List<String> out = new ArrayList<>();
        for (String line : (text == null ? "error" : text).split("\n")) {
            String rest = line.replace("\t", "    ");
            boolean first = true;
            do {
                String prefix = first ? "" : CONTINUATION;
                int room = columns - prefix.length();
                int cut = rest.length() <= room ? rest.length() : breakAt(rest, room);
                out.add(prefix + rest.substring(0, cut));
                rest = rest.substring(cut).stripLeading();
                first = false;
            } while (!rest.isEmpty());
        }
        return out;
    }

    /** Characters of the monospaced font that fit between the margins (at least 12). */
    static int columns(int width) {
        double advance = Fonts.measure("M", FONT).width();
        return Math.max(12, (int) ((width - 2 * MARGIN) / Math.max(1, advance)));
    }

    /** Where to wrap {@code s} to fit {@code room} characters: after the last space in its second half, else at {@code room}. */
    private static int breakAt(String s, int room) {
        int space = s.lastIndexOf(' ', room);
        return space > room / 2 ? space + 1 : room;
    }
}
