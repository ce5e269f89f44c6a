package dev.easel.canvas.host.loop;

import dev.easel.pybridge.PythonException;

/** Tracebacks as the sketch's author reads them: Easel's own frames left out. */
public final class Tracebacks {
    private Tracebacks() {}

    private static final java.util.regex.Pattern DISPATCH =
            java.util.regex.Pattern.compile("^  File \".*[/\\\\]easel[/\\\\]_canvas\\.py\", line \\d+, in _easel_");

    /** The traceback of {@code e} without Easel's own frames (runpy, the exec wrapper, the canvas' dispatch). */
    public static String script(PythonException e) {
        String tb = e.pythonTraceback();
        if (tb.isEmpty()) {
            return e.pythonType() + ": " + e.pythonMessage() + "\n";
        }
        StringBuilder out = new StringBuilder();
        String[] lines = tb.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean internal = line.startsWith("  File \"<easel>\"") || line.contains("runpy.py\"")
                    || line.startsWith("  File \"<frozen runpy>\"") || DISPATCH.matcher(line).find();
            if (internal) {
                // Skip the frame line and its source line(s).
                while (i + 1 < lines.length && lines[i + 1].startsWith("    ")) {
                    i++;
                }
                continue;
            }
            out.append(line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
