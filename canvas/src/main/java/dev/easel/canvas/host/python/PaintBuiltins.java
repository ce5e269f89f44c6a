package dev.easel.canvas.host.python;

import dev.easel.canvas.Gradient;
import dev.easel.pybridge.BuiltinModule;
import dev.easel.pybridge.PyObject;
import dev.easel.pybridge.PythonException;

import java.util.List;

/**
 * The built-ins behind gradients ({@code easel.LinearGradient}, {@code easel.RadialGradient}) and
 * {@code g.image_smoothing}. A Python gradient validates its arguments and keeps them, checked and
 * with colours packed, in {@code _easel_spec}; {@code g.fill = gradient} hands that to
 * {@link #gradient(PyObject, String)}, which the fill and stroke setters try only for values that are
 * not colours, so setting a colour costs what it did.
 */
final class PaintBuiltins {
    private PaintBuiltins() {}

    /** The attribute a Python gradient keeps its spec in. */
    static final String SPEC = "_easel_spec";

    static void register(BuiltinModule.Builder b) {
        b.function("color_argb", "(value, what)", "Internal: a colour of a gradient stop as packed ARGB.", a -> {
            a.expect(2);
            return Args.color(a, 0, a.stringAt(1));
        });
        b.function("set_image_smoothing", "(value)", "Internal: Graphics.image_smoothing (checked to be a bool in Python).", a -> {
            a.expect(1);
            Args.list(a).imageSmoothing(a.booleanAt(0));
            return null;
        });
    }

    /**
     * The gradient a Python object stands for, or null if it is not one (the caller then reports a
     * wrong colour type). Does not close {@code p}.
     */
    static Gradient gradient(PyObject p, String what) {
        if (!p.hasAttr(SPEC)) {
            return null;
        }
        Object spec;
        try (PyObject s = p.getAttr(SPEC)) {
            spec = s.toJava();
        }
        try {
            return fromSpec(spec);
        } catch (IllegalArgumentException | ClassCastException | IndexOutOfBoundsException e) {
            throw PythonException.valueError(what + ": invalid gradient: " + e.getMessage());
        }
    }

    /** ("linear", (x0, y0, x1, y1), offsets, argb, extend) or ("radial", (cx, cy, r, fx, fy), ...). */
    private static Gradient fromSpec(Object spec) {
        List<?> t = (List<?>) spec;
        String kind = (String) t.get(0);
        List<?> geometry = (List<?>) t.get(1);
        List<?> offsets = (List<?>) t.get(2);
        List<?> colours = (List<?>) t.get(3);
        Gradient.Extend extend = Gradient.Extend.parse((String) t.get(4));
        double[] o = new double[offsets.size()];
        int[] c = new int[colours.size()];
        for (int i = 0; i < o.length; i++) {
            o[i] = ((Number) offsets.get(i)).doubleValue();
        }
        for (int i = 0; i < c.length; i++) {
            c[i] = ((Number) colours.get(i)).intValue();
        }
        Gradient.Stops stops = new Gradient.Stops(o, c);
        double[] g = new double[geometry.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = ((Number) geometry.get(i)).doubleValue();
        }
        return switch (kind) {
            case "linear" -> new Gradient.Linear(g[0], g[1], g[2], g[3], stops, extend);
            case "radial" -> new Gradient.Radial(g[0], g[1], g[2], g[3], g[4], stops, extend);
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }
}
