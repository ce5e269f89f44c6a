package dev.easel.app.launcher;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading Python tracebacks in console lines: which lines are frames, and where they point. */
final class Tracebacks {
    private Tracebacks() {}

    /** A place in a source file (line 1-based). */
    record Location(Path file, int line) {}

    /** What a console line is, for showing it. */
    enum Kind { PLAIN, HEAD, FRAME, EXCEPTION }

    private static final Pattern FRAME = Pattern.compile("^\\s*File \"([^\"]+)\", line (\\d+)");
    private static final Pattern EXCEPTION = Pattern.compile("^([A-Za-z_][\\w.]*(Error|Exception|Exit|Interrupt|Warning))(: .*)?$");

    /** The file and line a traceback frame line points at (only real files, not {@code <string>}). */
    static Optional<Location> location(String line) {
        Matcher m = FRAME.matcher(line);
        if (!m.find() || m.group(1).startsWith("<")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Location(Path.of(m.group(1)), Integer.parseInt(m.group(2))));
        } catch (RuntimeException notAPath) {
            return Optional.empty();
        }
    }

    /** How to show {@code line}. */
    static Kind kind(String line) {
        if (line.startsWith("Traceback (most recent call last)") || line.startsWith("easel: error in ")) {
            return Kind.HEAD;
        }
        if (FRAME.matcher(line).find()) {
            return Kind.FRAME;
        }
        if (EXCEPTION.matcher(line).matches()) {
            return Kind.EXCEPTION;
        }
        return Kind.PLAIN;
    }
}
