package dev.easel.canvas.host.python;

import dev.easel.canvas.Colors;
import dev.easel.canvas.DisplayList;
import dev.easel.canvas.FontSpec;
import dev.easel.canvas.NumType;
import dev.easel.canvas.host.loop.CanvasThread;
import dev.easel.pybridge.Arguments;
import dev.easel.pybridge.BufferView;
import dev.easel.pybridge.PyObject;
import dev.easel.pybridge.PythonException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the {@code _easel} built-ins share: the display list of the calling canvas thread's frame,
 * and Python arguments read as colours, fonts, numbers, points and pixels, with errors that name
 * the call and quote the value.
 */
final class Args {
    private Args() {}

    /** The list the calling canvas thread records into; {@code RuntimeError} outside {@code on_draw}. */
    static DisplayList list(Arguments a) {
        DisplayList l = CanvasThread.currentRecording();
        if (l == null) {
            throw PythonException.runtimeError("easel.Graphics." + a.functionName()
                    + "() used outside on_draw: g is only valid while its canvas draws a frame");
        }
        return l;
    }

    /** A built-in's work on the current frame's list. */
    interface Body {
        void run(DisplayList l, Arguments a);
    }

    /** Parsed colour strings: a sketch sets the same few colours every frame. */
    private static final Map<String, Integer> COLOR_CACHE = new ConcurrentHashMap<>();
    private static final Map<String, FontSpec> FONT_CACHE = new ConcurrentHashMap<>();

    static int color(Arguments a, int i, String what) {
        Object v = a.javaAt(i);
        return color(v, what);
    }

    /**
     * A colour value as ARGB. A string or tuple that is not a colour: {@code ValueError} quoting it;
     * any other type (None, a number, an arbitrary object): {@code TypeError}. Tuple subclasses
     * ({@code easel.Color}, namedtuples) arrive as lists, like tuples.
     */
    public static int color(Object v, String what) {
        try {
            if (v instanceof String s) {
                Integer c = COLOR_CACHE.get(s);
                if (c == null) {
                    c = Colors.parse(s);
                    if (COLOR_CACHE.size() < 4096) {
                        COLOR_CACHE.put(s, c);
                    }
                }
                return c;
            }
            if (v instanceof List<?> t) {
                if (t.size() != 3 && t.size() != 4) {
                    throw new IllegalArgumentException("invalid colour " + describe(t)
                            + ": expected (r, g, b) or (r, g, b, a)");
                }
                double[] c = new double[4];
                c[3] = 1.0;
                for (int k = 0; k < t.size(); k++) {
                    if (!(t.get(k) instanceof Number n) || t.get(k) instanceof Boolean) {
                        throw new IllegalArgumentException("invalid colour " + describe(t) + ": components must be numbers");
                    }
                    c[k] = n.doubleValue();
                }
                return Colors.of(c[0], c[1], c[2], c[3]);
            }
            throw PythonException.typeError(what + " must be a colour (a CSS name, \"#rrggbb\", (r, g, b[, a]) "
                    + "or easel.Color), not " + typeName(v));
        } catch (IllegalArgumentException e) {
            throw PythonException.valueError(what + ": " + e.getMessage());
        } finally {
            if (v instanceof PyObject p) {
                p.close();
            }
        }
    }

    /** The Python type name of a value from {@link Arguments#javaAt}. */
    static String typeName(Object v) {
        return switch (v) {
            case null -> "NoneType";
            case PyObject p -> p.typeName();
            case Boolean b -> "bool";
            case Long l -> "int";
            case java.math.BigInteger i -> "int";
            case Double d -> "float";
            case String s -> "str";
            case byte[] b -> "bytes";
            case List<?> l -> "list";
            case Map<?, ?> m -> "dict";
            default -> v.getClass().getSimpleName();
        };
    }

    /** A value as Python would show it, for messages (tuples of numbers, mostly). */
    static String describe(Object v) {
        if (v instanceof PyObject p) {
            return p.repr();
        }
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("(");
            for (int k = 0; k < l.size(); k++) {
                b.append(k == 0 ? "" : ", ").append(describe(l.get(k)));
            }
            return b.append(l.size() == 1 ? ",)" : ")").toString();
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return v == null ? "None" : v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    /** A ValueError naming the call once: DisplayList's messages may start with the call's name already. */
    static PythonException valueError(String call, String message) {
        String m = message == null ? "invalid value" : message;
        if (m.startsWith(call + ": ")) {
            m = m.substring(call.length() + 2);
        }
        return PythonException.valueError(call + "(): " + m);
    }

    /**
     * Numbers from a buffer of float64/float32, or from a Python sequence of numbers or of pairs,
     * handed to {@code sink} with {@code l} and {@code option} (the call's extra argument).
     */
    static void numbers(Arguments a, int i, String name, Numbers sink, DisplayList l, double option) {
        BufferView view;
        try {
            view = a.bufferAt(i);
        } catch (PythonException notABuffer) {
            PythonException strided = ArrayLayouts.notContiguous(notABuffer, name, ArrayLayouts.expected(name));
            if (strided != null) {
                throw strided;
            }
            sink.array().run(l, flatten(a, i, name), option);
            return;
        }
        try (view) {
            NumType type = ArrayLayouts.numType(view, name);
            ArrayLayouts.checkShape(view, name);
            sink.segment().run(l, view.data(), view.byteSize() / type.size(), type, option);
        }
    }

    /**
     * Argument 0 as RGBA pixels for a w×h picture (put_pixels, Image.from_pixels): a byte buffer of
     * exactly w*h*4 bytes, a (h, w, 4) array if 3-D; the caller closes it.
     */
    static BufferView pixels(Arguments a, int w, int h) {
        BufferView view;
        try {
            view = a.bufferAt(0);
        } catch (PythonException refused) {
            PythonException strided = ArrayLayouts.notContiguous(refused, "put_pixels", "a C-contiguous uint8 array of shape ("
                    + h + ", " + w + ", 4)");
            throw strided != null ? strided : refused;
        }
        try {
            ArrayLayouts.checkPixels(view, w, h);
            long need = 4L * w * h;
            if (view.byteSize() != need) {
                throw a.badValue(0, "expected " + need + " bytes (" + w + "*" + h + "*4 RGBA), got " + view.byteSize());
            }
            return view;
        } catch (RuntimeException e) {
            view.close();
            throw e;
        }
    }

    /** [x0, y0, x1, y1, ...] or [(x0, y0), (x1, y1), ...] as doubles. */
    static double[] flatten(Arguments a, int i, String name) {
        Object v = a.javaAt(i);
        if (!(v instanceof List<?> items)) {
            if (v instanceof PyObject p) {
                p.close();
            }
            throw a.wrongType(i, "a sequence of numbers or of (x, y) pairs, or a buffer of floats");
        }
        List<Double> out = new ArrayList<>(items.size() * 2);
        for (Object item : items) {
            if (item instanceof Number n && !(item instanceof Boolean)) {
                out.add(n.doubleValue());
            } else if (item instanceof List<?> pair) {
                for (Object c : pair) {
                    if (!(c instanceof Number n) || c instanceof Boolean) {
                        throw PythonException.typeError(name + "(): points must be numbers, got " + describe(c));
                    }
                    out.add(n.doubleValue());
                }
            } else {
                throw PythonException.typeError(name + "(): expected numbers or (x, y) pairs, got " + describe(item));
            }
        }
        double[] r = new double[out.size()];
        for (int k = 0; k < r.length; k++) {
            r[k] = out.get(k);
        }
        return r;
    }

    /** Text to draw or measure: a str (anything else is a TypeError naming the call and parameter). */
    static String text(Arguments a, int i) {
        return a.stringAt(i);
    }

    static double[] checkMultiple(String name, double[] xy, int k) {
        if (xy.length % k != 0) {
            throw new IllegalArgumentException("expected a multiple of " + k + " numbers, got " + xy.length);
        }
        return xy;
    }

    /** Argument {@code i} as a font: a str (else TypeError), parsed once per distinct string. */
    static FontSpec font(Arguments a, int i, String what) {
        String css;
        try {
            css = a.stringAt(i);
        } catch (PythonException notStr) {
            css = FontBuiltins.css(a, i); // an easel.Font stands for its CSS string
            if (css == null) {
                throw notStr;
            }
        }
        FontSpec f = FONT_CACHE.get(css);
        if (f == null) {
            try {
                f = FontSpec.parse(css);
            } catch (IllegalArgumentException e) {
                throw PythonException.valueError(what + ": " + e.getMessage());
            }
            if (FONT_CACHE.size() < 1024) {
                FONT_CACHE.put(css, f);
            }
        }
        return f;
    }
}
