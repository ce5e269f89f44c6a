package dev.easel.canvas.host.python;

import dev.easel.canvas.BlendMode;
import dev.easel.canvas.DisplayList;
import dev.easel.canvas.LineCap;
import dev.easel.canvas.LineJoin;
import dev.easel.canvas.TextAlign;
import dev.easel.canvas.TextBaseline;
import dev.easel.canvas.host.python.Args.Body;
import dev.easel.pybridge.BuiltinModule;
import dev.easel.pybridge.PyObject;
import dev.easel.pybridge.PythonException;

import static dev.easel.canvas.host.python.Args.color;
import static dev.easel.canvas.host.python.Args.flatten;
import static dev.easel.canvas.host.python.Args.font;
import static dev.easel.canvas.host.python.Args.list;

/** The drawing state setters behind {@code Graphics}' properties: paints, line style, font, text layout, alpha, blend. */
final class StateBuiltins {
    private StateBuiltins() {}

    static void register(BuiltinModule.Builder b) {
        b.function("set_fill", "(color)", "Internal: Graphics.fill.", a -> {
            a.expect(1);
            DisplayList l = list(a);
            Object v = a.javaAt(0);
            if (v instanceof PyObject p && paint(l, p, true)) {
                return null;
            }
            l.fill(color(v, "g.fill"));
            return null;
        });
        b.function("set_stroke", "(color)", "Internal: Graphics.stroke.", a -> {
            a.expect(1);
            DisplayList l = list(a);
            Object v = a.javaAt(0);
            if (v instanceof PyObject p && paint(l, p, false)) {
                return null;
            }
            l.stroke(color(v, "g.stroke"));
            return null;
        });
        setter(b, "set_line_width", "g.line_width", (l, a) -> l.lineWidth(a.doubleAt(0)));
        setter(b, "set_line_cap", "g.line_cap", (l, a) -> l.lineCap(LineCap.parse(a.stringAt(0))));
        setter(b, "set_line_join", "g.line_join", (l, a) -> l.lineJoin(LineJoin.parse(a.stringAt(0))));
        setter(b, "set_line_dash", "g.line_dash", (l, a) -> l.lineDash(a.isNone(0) ? new double[0] : flatten(a, 0, "line_dash")));
        setter(b, "set_font", "g.font", (l, a) -> l.font(font(a, 0, "g.font")));
        setter(b, "set_text_align", "g.text_align", (l, a) -> l.textAlign(TextAlign.parse(a.stringAt(0))));
        setter(b, "set_text_baseline", "g.text_baseline", (l, a) -> l.textBaseline(TextBaseline.parse(a.stringAt(0))));
        setter(b, "set_alpha", "g.alpha", (l, a) -> l.alpha(a.doubleAt(0)));
        setter(b, "set_blend", "g.blend", (l, a) -> l.blend(BlendMode.parse(a.stringAt(0))));
    }

    /** Sets a gradient (easel.LinearGradient, RadialGradient) as the fill or stroke; false if {@code p} is none. */
    private static boolean paint(DisplayList l, PyObject p, boolean fill) {
        dev.easel.canvas.Gradient g;
        try {
            g = PaintBuiltins.gradient(p, fill ? "g.fill" : "g.stroke");
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        if (g == null) {
            return false; // not a gradient: color() says what is wrong, and closes p
        }
        p.close();
        if (fill) {
            l.fillGradient(g);
        } else {
            l.strokeGradient(g);
        }
        return true;
    }

    private static void setter(BuiltinModule.Builder b, String name, String what, Body body) {
        b.function(name, "(value)", "Internal: " + what + ".", a -> {
            a.expect(1);
            DisplayList l = list(a);
            try {
                body.run(l, a);
            } catch (IllegalArgumentException e) {
                throw PythonException.valueError(what + ": " + e.getMessage());
            } catch (PythonException e) {
                // "set_line_cap() argument 'value' must be str, not int" reads "g.line_cap must be str, not int".
                String prefix = name + "() argument 'value'";
                String m = e.pythonMessage();
                if (m != null && m.startsWith(prefix)) {
                    throw PythonException.of(e.pythonType(), what + m.substring(prefix.length()));
                }
                throw e;
            }
            return null;
        });
    }
}
