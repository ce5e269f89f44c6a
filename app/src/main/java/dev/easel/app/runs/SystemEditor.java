package dev.easel.app.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Opens a file in the user's editor, at a line when the editor is known to take one
 * ({@code $VISUAL}/{@code $EDITOR} of the code/vim/emacs/gedit family), else with the desktop's
 * opener ({@code xdg-open}, {@code open}). Never on the FX thread: it starts a process.
 */
public final class SystemEditor {
    private SystemEditor() {}

    /** The command that opens {@code file} at {@code line} (1-based, 0: no line). */
    static List<String> command(Path file, int line, String editor, String osName) {
        List<String> cmd = new ArrayList<>();
        String f = file.toAbsolutePath().toString();
        if (editor != null && !editor.isBlank()) {
            String e = editor.strip();
            String name = Path.of(e.split("\\s+")[0]).getFileName().toString();
            cmd.addAll(List.of(e.split("\\s+")));
            if (line > 0 && (name.equals("code") || name.equals("codium"))) {
                cmd.add("--goto");
                cmd.add(f + ":" + line);
                return cmd;
            }
            if (line > 0 && List.of("vim", "vi", "nvim", "emacs", "emacsclient", "gedit", "nano", "kate", "micro")
                    .contains(name)) {
                cmd.add("+" + line);
            }
            cmd.add(f);
            return cmd;
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            cmd.add("open");
        } else if (os.contains("win")) {
            cmd.addAll(List.of("cmd", "/c", "start", "\"\""));
        } else {
            cmd.add("xdg-open");
        }
        cmd.add(f);
        return cmd;
    }

    /** Opens {@code file} at {@code line}; a failure comes back as the returned exception's message. */
    public static void open(Path file, int line) throws IOException {
        String editor = System.getenv("VISUAL");
        if (editor == null || editor.isBlank()) {
            editor = System.getenv("EDITOR");
        }
        // Terminal editors need a terminal: only a graphical $VISUAL, or the desktop's opener.
        if (editor != null && List.of("vim", "vi", "nvim", "nano", "micro", "emacs")
                .contains(Path.of(editor.strip().split("\\s+")[0]).getFileName().toString())) {
            editor = null;
        }
        new ProcessBuilder(command(file, line, editor, System.getProperty("os.name", "")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
