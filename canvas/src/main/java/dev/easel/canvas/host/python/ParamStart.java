package dev.easel.canvas.host.python;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameter values every canvas with parameters starts with, set before its {@code setup}:
 * a preset file ({@code --params FILE}, JSON) first, then each {@code --param NAME=VALUE} in order.
 * Names and values are checked by each canvas against its own parameters (in Python, where they
 * are declared); a bad one ends the app as a usage error (exit code 2).
 *
 * @param values (name, value as text) pairs, in command-line order
 * @param preset a preset file, or null
 */
public record ParamStart(List<Assignment> values, Path preset) {
    /** No values given. */
    public static final ParamStart NONE = new ParamStart(List.of(), null);

    /** One {@code NAME=VALUE}. */
    public record Assignment(String name, String text) {}

    /** Copies the list. */
    public ParamStart {
        values = List.copyOf(values);
    }

    /** Whether there is nothing to set. */
    public boolean isEmpty() {
        return values.isEmpty() && preset == null;
    }

    /**
     * Parses {@code --param} arguments, each {@code NAME=VALUE} (VALUE may be empty or hold {@code =});
     * {@link IllegalArgumentException} names the bad one.
     */
    public static ParamStart parse(List<String> params, Path preset) {
        List<Assignment> out = new ArrayList<>();
        for (String p : params == null ? List.<String>of() : params) {
            int eq = p.indexOf('=');
            if (eq <= 0 || !p.substring(0, eq).strip().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("--param must look like NAME=VALUE (e.g. speed=2.5), not '" + p + "'");
            }
            out.add(new Assignment(p.substring(0, eq).strip(), p.substring(eq + 1)));
        }
        if (preset != null && !java.nio.file.Files.isRegularFile(preset)) {
            throw new IllegalArgumentException("--params: no such file: " + preset);
        }
        return new ParamStart(out, preset == null ? null : preset.toAbsolutePath());
    }
}
