package dev.easel.app.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The example sketches the launcher's gallery shows: every {@code .py} of a folder, by name. */
public final class Examples {
    private Examples() {}

    /** One example: its file, a display name and the first line of its docstring (or ""), without a repeated "Name:". */
    public record Example(Path file, String name, String summary) {}

    /** The examples in {@code dir} (none if it does not exist), sorted by file name. */
    public static List<Example> in(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Example> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".py")).sorted().toList()) {
                String base = f.getFileName().toString();
                base = base.substring(0, base.length() - 3);
                String name = displayName(base);
                out.add(new Example(f, name, withoutName(summary(f), name)));
            }
        }
        return out;
    }

    /** {@code two_canvases} reads "Two canvases". */
    static String displayName(String base) {
        String s = base.replace('_', ' ').replace('-', ' ').strip();
        return s.isEmpty() ? base : capitalized(s);
    }

    /** {@code s} (not empty) with its first letter upper-case. */
    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * {@code summary} without a leading "Name:" that repeats the name the gallery shows above it
     * ("Bounce: a ball, ..." under "Bounce" reads "A ball, ..."); anything else as it is.
     */
    static String withoutName(String summary, String name) {
        if (summary.length() > name.length() + 1 && summary.regionMatches(true, 0, name, 0, name.length())
                && summary.charAt(name.length()) == ':') {
            String rest = summary.substring(name.length() + 1).strip();
            return rest.isEmpty() ? summary : capitalized(rest);
        }
        return summary;
    }

    /** The first line of a module docstring at the top of the file, or "". */
    static String summary(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).stripLeading();
            for (String q : new String[]{"\"\"\"", "'''"}) {
                if (text.startsWith(q)) {
                    int end = text.indexOf(q, 3);
                    String doc = end < 0 ? "" : text.substring(3, end).strip();
                    int nl = doc.indexOf('\n');
                    return nl < 0 ? doc : doc.substring(0, nl).strip();
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // No summary then.
        }
        return "";
    }
}
