package dev.easel.canvas.host.python;

import dev.easel.pybridge.BuiltinModule;

/** The built-in behind parameters' start values: what {@code --param} and {@code --params} gave. */
final class ParamBuiltins {
    private ParamBuiltins() {}

    static void register(BuiltinModule.Builder b, SketchRun session) {
        b.function("param_start", "()", """
                Internal: the parameter values canvases start with, ([(name, text), ...], preset path or
                None), or None when none were given.""", a -> {
            a.expect(0);
            ParamStart start = session.paramStart();
            if (start.isEmpty()) {
                return null;
            }
            Object[] pairs = start.values().stream().map(v -> new Object[]{v.name(), v.text()}).toArray();
            return new Object[]{java.util.Arrays.asList(pairs), start.preset() == null ? null : start.preset().toString()};
        });
    }
}
