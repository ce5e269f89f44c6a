package dev.easel.canvas.host.python;

import dev.easel.canvas.Fonts;
import dev.easel.pybridge.Arguments;
import dev.easel.pybridge.BuiltinModule;
import dev.easel.pybridge.PyObject;
import dev.easel.pybridge.PythonException;

import java.nio.file.Files;
import java.nio.file.Path;

/** The built-ins behind {@code easel.Font}: loading font files, and Font objects where a font string goes. */
final class FontBuiltins {
    private FontBuiltins() {}

    /** The attribute an {@code easel.Font} keeps its CSS font string in. */
    private static final String CSS = "_easel_css";

    static void register(BuiltinModule.Builder b) {
        b.function("font_load", "(path)", "Internal: Font.load.", a -> {
            a.expect(1);
            Path p;
            try {
                p = Path.of(a.stringAt(0));
            } catch (java.nio.file.InvalidPathException e) {
                throw PythonException.valueError("Font.load(): not a valid path: " + e.getReason());
            }
            if (!Files.exists(p)) {
                throw PythonException.of("FileNotFoundError", "No such font file: '" + p + "'");
            }
            if (Files.isDirectory(p)) {
                throw PythonException.of("IsADirectoryError", "Font.load(): '" + p + "' is a directory, not a font file");
            }
            Fonts.LoadedFont f;
            try {
                f = Fonts.load(p);
            } catch (IllegalArgumentException e) {
                throw PythonException.valueError("Font.load(): cannot use '" + p + "': " + e.getMessage());
            } catch (java.io.IOException e) {
                throw PythonException.of("OSError", "Font.load(): cannot read '" + p + "': " + e.getMessage());
            }
            return new Object[]{f.family(), f.path().toString()};
        });
    }

    /**
     * The CSS font string of argument {@code i} when it is an {@code easel.Font}, else null (the
     * caller reports the wrong type).
     */
    static String css(Arguments a, int i) {
        try (PyObject o = a.objectAt(i)) {
            if (!o.hasAttr(CSS)) {
                return null;
            }
            try (PyObject c = o.getAttr(CSS)) {
                Object v = c.toJava();
                if (v instanceof PyObject other) {
                    other.close();
                    return null;
                }
                return v instanceof String s ? s : null;
            }
        }
    }
}
