package dev.easel.canvas.host.python;

import dev.easel.canvas.host.loop.CanvasControl;
import dev.easel.canvas.host.loop.CanvasThread;
import dev.easel.canvas.BlendMode;
import dev.easel.canvas.Colors;
import dev.easel.canvas.DisplayList;
import dev.easel.canvas.FontSpec;
import dev.easel.canvas.ImageData;
import dev.easel.canvas.LineCap;
import dev.easel.canvas.LineJoin;
import dev.easel.canvas.NumType;
import dev.easel.canvas.TextAlign;
import dev.easel.canvas.TextBaseline;
import dev.easel.canvas.TextMetrics;
import dev.easel.pybridge.Arguments;
import dev.easel.pybridge.BufferView;
import dev.easel.pybridge.BuiltinModule;
import dev.easel.pybridge.PyObject;
import dev.easel.pybridge.PythonException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in module {@code _easel}: the Java side of the Python package {@code easel}.
 *
 * <p>Drawing functions record into the display list of the calling canvas thread's current frame
 * ({@link CanvasThread#currentRecording()}); called anywhere else they raise {@code RuntimeError}.
 * Bad values raise {@code TypeError}/{@code ValueError} naming the call and quoting the value.
 */
public final class EaselModule {
    /** Easel's version, as {@code easel.__version__}. */
    public static final String VERSION = "0.1.0";

    private EaselModule() {}

    /** Parsed colour strings: a sketch sets the same few colours every frame. */
    private static final Map<String, Integer> COLOR_CACHE = new ConcurrentHashMap<>();
    private static final Map<String, FontSpec> FONT_CACHE = new ConcurrentHashMap<>();

    public static BuiltinModule build(SketchRun session) {
        BuiltinModule.Builder b = BuiltinModule.builder("_easel").doc("Java built-ins behind the easel package.");
        drawing(b);
        state(b);
        lifecycle(b, session);
        images(b, session);
        NoiseBuiltins.register(b);
        WindowBuiltins.register(b, session);
        PaintBuiltins.register(b);
        FontBuiltins.register(b);
        SaveFrameBuiltins.register(b, session);
        ParamBuiltins.register(b, session);
        return b.build();
    }

    // -------------------------------------------------------------------------------- helpers

    static DisplayList list(Arguments a) {
        DisplayList l = CanvasThread.currentRecording();
        if (l == null) {
            throw PythonException.runtimeError("easel.Graphics." + a.functionName()
                    + "() used outside on_draw: g is only valid while its canvas draws a frame");
        }
        return l;
    }

    private interface Body {
        void run(DisplayList l, Arguments a);
    }

    /** A drawing function taking exactly {@code params.length} numbers (or a fixed signature). */
    private static void draw(BuiltinModule.Builder b, String name, String sig, String doc, int min, int max, Body body) {
        b.function(name, sig, doc, a -> {
            a.expect(min, max);
            DisplayList l = list(a);
            try {
                body.run(l, a);
            } catch (IllegalArgumentException e) {
                throw valueError(name, e.getMessage());
            }
            return null;
        });
    }

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
    private static String typeName(Object v) {
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
    private static String describe(Object v) {
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

    /** Numbers from a buffer of float64/float32, or from a Python sequence of numbers or of pairs. */
    private interface Numbers {
        void segment(java.lang.foreign.MemorySegment seg, long elements, NumType type);

        void array(double[] xy);
    }

    static void numbers(Arguments a, int i, String name, Numbers sink) {
        BufferView view;
        try {
            view = a.bufferAt(i);
        } catch (PythonException notABuffer) {
            PythonException strided = ArrayLayouts.notContiguous(notABuffer, name, ArrayLayouts.expected(name));
            if (strided != null) {
                throw strided;
            }
            sink.array(flatten(a, i, name));
            return;
        }
        try (view) {
            NumType type = ArrayLayouts.numType(view, name);
            ArrayLayouts.checkShape(view, name);
            sink.segment(view.data(), view.byteSize() / type.size(), type);
        }
    }

    /**
     * Argument 0 as RGBA pixels for a w×h picture (put_pixels, Image.from_pixels): a byte buffer of
     * exactly w*h*4 bytes, a (h, w, 4) array if 3-D; the caller closes it.
     */
    private static BufferView pixels(Arguments a, int w, int h) {
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
    private static String text(Arguments a, int i) {
        return a.stringAt(i);
    }

    // -------------------------------------------------------------------------------- drawing

    private static void drawing(BuiltinModule.Builder b) {
        b.function("clear", "(color=None)", "Fills the whole canvas with color (default: the canvas background),\n"
                + "replacing what is there; ignores transform, alpha and blend.", a -> {
            a.expect(0, 1);
            DisplayList l = list(a);
            if (a.isNone(0)) {
                l.clear();
            } else {
                l.clear(color(a, 0, "clear()"));
            }
            return null;
        });
        draw(b, "fill_rect", "(x, y, w, h)", "Fills a rectangle with the fill colour.", 4, 4,
                (l, a) -> l.fillRect(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3)));
        draw(b, "stroke_rect", "(x, y, w, h)", "Outlines a rectangle with the stroke colour and line style.", 4, 4,
                (l, a) -> l.strokeRect(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3)));
        draw(b, "clear_rect", "(x, y, w, h)", "Makes a rectangle transparent.", 4, 4,
                (l, a) -> l.clearRect(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3)));
        draw(b, "fill_circle", "(x, y, r)", "Fills the circle centred at (x, y) with radius r.", 3, 3,
                (l, a) -> l.fillCircle(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2)));
        draw(b, "stroke_circle", "(x, y, r)", "Outlines the circle centred at (x, y) with radius r.", 3, 3,
                (l, a) -> l.strokeCircle(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2)));
        draw(b, "fill_ellipse", "(x, y, w, h)", "Fills the ellipse centred at (x, y), w wide and h tall.", 4, 4,
                (l, a) -> l.fillEllipse(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3)));
        draw(b, "stroke_ellipse", "(x, y, w, h)", "Outlines the ellipse centred at (x, y), w wide and h tall.", 4, 4,
                (l, a) -> l.strokeEllipse(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3)));
        draw(b, "line", "(x1, y1, x2, y2)", "Draws a line with the stroke colour and line style.", 4, 4,
                (l, a) -> l.line(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3)));
        draw(b, "polyline", "(points)", "Draws connected lines through points: [(x, y), ...], [x0, y0, x1, y1, ...]\n"
                + "or a buffer of floats.", 1, 1, (l, a) -> numbers(a, 0, "polyline", new Numbers() {
                    public void segment(java.lang.foreign.MemorySegment s, long n, NumType t) { l.polyline(s, n, t); }
                    public void array(double[] xy) { l.polyline(xy); }
                }));
        draw(b, "fill_polygon", "(points)", "Fills the polygon through points (non-zero winding).", 1, 1,
                (l, a) -> numbers(a, 0, "fill_polygon", new Numbers() {
                    public void segment(java.lang.foreign.MemorySegment s, long n, NumType t) { l.fillPolygon(s, n, t); }
                    public void array(double[] xy) { l.fillPolygon(xy); }
                }));
        draw(b, "stroke_polygon", "(points)", "Outlines the closed polygon through points.", 1, 1,
                (l, a) -> numbers(a, 0, "stroke_polygon", new Numbers() {
                    public void segment(java.lang.foreign.MemorySegment s, long n, NumType t) { l.strokePolygon(s, n, t); }
                    public void array(double[] xy) { l.strokePolygon(xy); }
                }));
        draw(b, "fill_round_rect", "(x, y, w, h, r)", "Fills a rectangle with corners rounded to radius r.", 5, 5,
                (l, a) -> l.fillRoundRect(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3), a.doubleAt(4)));
        draw(b, "stroke_round_rect", "(x, y, w, h, r)", "Outlines a rectangle with corners rounded to radius r.", 5, 5,
                (l, a) -> l.strokeRoundRect(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3), a.doubleAt(4)));
        draw(b, "fill_arc", "(x, y, r, start, end)", "Fills the pie slice of the circle (x, y, r) from angle start to end\n"
                + "(radians, 0 = east, clockwise on screen).", 5, 5,
                (l, a) -> l.fillArc(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3), a.doubleAt(4)));
        draw(b, "stroke_arc", "(x, y, r, start, end)", "Draws the arc of the circle (x, y, r) from angle start to end.", 5, 5,
                (l, a) -> l.strokeArc(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3), a.doubleAt(4)));
        draw(b, "begin_path", "()", "Starts a new, empty path.", 0, 0, (l, a) -> l.beginPath());
        draw(b, "move_to", "(x, y)", "Starts a subpath at (x, y).", 2, 2, (l, a) -> l.moveTo(a.doubleAt(0), a.doubleAt(1)));
        draw(b, "line_to", "(x, y)", "Adds a straight segment to (x, y).", 2, 2, (l, a) -> l.lineTo(a.doubleAt(0), a.doubleAt(1)));
        draw(b, "quad_to", "(cx, cy, x, y)", "Adds a quadratic Bezier segment.", 4, 4,
                (l, a) -> l.quadTo(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3)));
        draw(b, "bezier_to", "(c1x, c1y, c2x, c2y, x, y)", "Adds a cubic Bezier segment.", 6, 6,
                (l, a) -> l.bezierTo(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3), a.doubleAt(4), a.doubleAt(5)));
        draw(b, "arc", "(x, y, r, start, end, ccw=False)", "Adds a circular arc (HTML canvas arc()).", 5, 6,
                (l, a) -> l.arc(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3), a.doubleAt(4),
                        !a.isNone(5) && a.booleanAt(5)));
        draw(b, "arc_to", "(x1, y1, x2, y2, r)", "Adds an arc tangent to two lines (HTML canvas arcTo()).", 5, 5,
                (l, a) -> l.arcTo(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3), a.doubleAt(4)));
        draw(b, "rect", "(x, y, w, h)", "Adds a closed rectangle to the path.", 4, 4,
                (l, a) -> l.rect(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3)));
        draw(b, "close_path", "()", "Closes the current subpath.", 0, 0, (l, a) -> l.closePath());
        draw(b, "fill_path", "()", "Fills the path with the fill colour.", 0, 0, (l, a) -> l.fillPath());
        draw(b, "stroke_path", "()", "Outlines the path with the stroke colour and line style.", 0, 0, (l, a) -> l.strokePath());
        draw(b, "clip", "()", "Limits drawing to the inside of the path (until restore()).", 0, 0, (l, a) -> l.clip());
        draw(b, "fill_text", "(s, x, y, max_width=None)", "Draws text with the fill colour, font, text_align and\n"
                + "text_baseline; squeezed to max_width when given. A \\n starts a new line 1.25 font sizes lower.", 3, 4,
                (l, a) -> l.fillText(text(a, 0), a.doubleAt(1), a.doubleAt(2), a.isNone(3) ? Double.NaN : a.doubleAt(3)));
        draw(b, "stroke_text", "(s, x, y, max_width=None)", "Outlines text with the stroke colour.", 3, 4,
                (l, a) -> l.strokeText(text(a, 0), a.doubleAt(1), a.doubleAt(2), a.isNone(3) ? Double.NaN : a.doubleAt(3)));
        b.function("measure_text", "(s, font=None)", "(width, height) of s in pixels: in font when given (a CSS-like\n"
                + "font string), else in the current font (inside on_draw) or the default \"12px sans-serif\".\n"
                + "Works anywhere, also in setup() and handlers: easel.Graphics.measure_text(s, font=...).", a -> {
            a.expect(1, 2);
            String s = text(a, 0);
            TextMetrics m;
            if (!a.isNone(1)) {
                m = dev.easel.canvas.Fonts.measure(s, font(a, 1, "measure_text()"));
            } else {
                DisplayList l = CanvasThread.currentRecording();
                m = l != null ? l.measureText(s) : dev.easel.canvas.Fonts.measure(s, FontSpec.DEFAULT);
            }
            return new Object[]{m.width(), m.height()};
        });
        draw(b, "put_pixels", "(buf, width, height, x=0, y=0)", "Copies RGBA bytes (width*height*4, row by row) to the\n"
                + "canvas at (x, y), replacing pixels; ignores transform and alpha. buf: bytes, bytearray,\n"
                + "memoryview, array.array('B') or a numpy uint8 array of shape (height, width, 4).", 3, 5, (l, a) -> {
            int w = a.intAt(1), h = a.intAt(2);
            int x = a.isNone(3) ? 0 : a.intAt(3), y = a.isNone(4) ? 0 : a.intAt(4);
            if (w <= 0 || h <= 0) {
                throw a.badValue(w <= 0 ? 1 : 2, "width and height must be positive, got " + w + "x" + h);
            }
            try (BufferView v = pixels(a, w, h)) {
                l.putPixels(v.data(), w, h, x, y);
            }
        });
        b.function("draw_image", "(image_id, x, y, w, h)", "Internal: Graphics.draw_image.", a -> {
            a.expect(5);
            DisplayList l = list(a);
            ImageData img = Images.get(a.intAt(0));
            double w = a.doubleAt(3), h = a.doubleAt(4);
            l.drawImage(img, a.doubleAt(1), a.doubleAt(2), w < 0 ? img.width() : w, h < 0 ? img.height() : h);
            return null;
        });
        draw(b, "translate", "(x, y)", "Moves the origin by (x, y).", 2, 2, (l, a) -> l.translate(a.doubleAt(0), a.doubleAt(1)));
        draw(b, "rotate", "(angle)", "Rotates by angle radians (clockwise on screen).", 1, 1, (l, a) -> l.rotate(a.doubleAt(0)));
        draw(b, "scale", "(x, y=None)", "Scales by x horizontally and y (default: x) vertically.", 1, 2,
                (l, a) -> l.scale(a.doubleAt(0), a.isNone(1) ? a.doubleAt(0) : a.doubleAt(1)));
        draw(b, "transform", "(a, b, c, d, e, f)", "Multiplies the transform by [a c e; b d f; 0 0 1].", 6, 6,
                (l, a) -> l.transform(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3), a.doubleAt(4), a.doubleAt(5)));
        draw(b, "set_transform", "(a, b, c, d, e, f)", "Replaces the transform.", 6, 6,
                (l, a) -> l.setTransform(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3), a.doubleAt(4), a.doubleAt(5)));
        draw(b, "reset_transform", "()", "Back to the identity transform.", 0, 0, (l, a) -> l.resetTransform());
        draw(b, "save", "()", "Internal: Graphics.save.", 0, 0, (l, a) -> l.save());
        draw(b, "restore", "()", "Internal: Graphics.restore.", 0, 0, (l, a) -> {
            if (l.saveDepth() > 0) {
                l.restore();
            }
        });
        draw(b, "lines", "(xy)", "Draws one line per 4 numbers x1 y1 x2 y2 of xy: any buffer of float64 or float32\n"
                + "(array.array('d'), numpy) without copying on the Python side, or a sequence of numbers.", 1, 1,
                (l, a) -> numbers(a, 0, "lines", new Numbers() {
                    public void segment(java.lang.foreign.MemorySegment s, long n, NumType t) { l.lines(s, n, t); }
                    public void array(double[] xy) { l.lines(checkMultiple("lines", xy, 4), 0, xy.length / 4); }
                }));
        draw(b, "points", "(xy, size=1)", "Fills a size x size square centred on each point x y of xy.", 1, 2,
                (l, a) -> {
                    double size = a.isNone(1) ? 1.0 : a.doubleAt(1);
                    numbers(a, 0, "points", new Numbers() {
                        public void segment(java.lang.foreign.MemorySegment s, long n, NumType t) { l.points(s, n, t, size); }
                        public void array(double[] xy) {
                            l.points(checkMultiple("points", xy, 2), 0, xy.length / 2, size);
                        }
                    });
                });
        draw(b, "rects", "(xywh, fill=True)", "Fills (or outlines) one rectangle per 4 numbers x y w h.", 1, 2,
                (l, a) -> {
                    boolean fill = a.isNone(1) || a.booleanAt(1);
                    numbers(a, 0, "rects", new Numbers() {
                        public void segment(java.lang.foreign.MemorySegment s, long n, NumType t) { l.rects(s, n, t, fill); }
                        public void array(double[] v) {
                            l.rects(java.lang.foreign.MemorySegment.ofArray(v), v.length, NumType.FLOAT64, fill);
                        }
                    });
                });
        draw(b, "circles", "(xyr, fill=True)", "Fills (or outlines) one circle per 3 numbers x y r.", 1, 2,
                (l, a) -> {
                    boolean fill = a.isNone(1) || a.booleanAt(1);
                    numbers(a, 0, "circles", new Numbers() {
                        public void segment(java.lang.foreign.MemorySegment s, long n, NumType t) { l.circles(s, n, t, fill); }
                        public void array(double[] v) {
                            l.circles(java.lang.foreign.MemorySegment.ofArray(v), v.length, NumType.FLOAT64, fill);
                        }
                    });
                });
    }

    private static double[] checkMultiple(String name, double[] xy, int k) {
        if (xy.length % k != 0) {
            throw new IllegalArgumentException("expected a multiple of " + k + " numbers, got " + xy.length);
        }
        return xy;
    }

    // -------------------------------------------------------------------------------- state

    /** Argument {@code i} as a font: a str (else TypeError), parsed once per distinct string. */
    private static FontSpec font(Arguments a, int i, String what) {
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

    private static void state(BuiltinModule.Builder b) {
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

    // -------------------------------------------------------------------------------- lifecycle

    private static void lifecycle(BuiltinModule.Builder b, SketchRun session) {
        b.function("version", "()", "Easel's version.", a -> VERSION);
        b.function("python_info", "()", "Internal: easel.python_info().", a -> session.pythonInfo(a.interpreter()));
        b.function("parse_color", "(value)", "Internal: Color.parse.", a -> {
            a.expect(1);
            int c = color(a, 0, "Color.parse()");
            return new Object[]{(c >> 16) & 255, (c >> 8) & 255, c & 255, ((c >>> 24) & 255) / 255.0};
        });
        b.function("show", "(canvas)", "Internal: Canvas.show.", a -> {
            a.expect(1);
            return session.show(a.objectAt(0));
        });
        b.function("close", "(handle)", "Internal: Canvas.close.", a -> {
            a.expect(1);
            session.canvas(a.intAt(0)).ifPresent(CanvasControl::closeFromPython);
            return null;
        });
        b.function("redraw", "(handle)", "Internal: Canvas.redraw.", a -> {
            a.expect(1);
            session.canvas(a.intAt(0)).ifPresent(CanvasControl::redraw);
            return null;
        });
        b.function("snapshot", "(handle)", "Internal: Canvas.snapshot.", a -> {
            a.expect(1);
            CanvasControl h = session.canvas(a.intAt(0)).orElseThrow(
                    () -> PythonException.runtimeError("snapshot(): the canvas is closed"));
            ImageData img = a.detached(h::snapshot);
            return Images.describe(Images.add(img), img);
        });
        b.function("channel_send", "(name, message)", "Internal: Channel.send.", a -> {
            a.expect(2);
            refuseWhileReimporting("Channel.send()");
            String name = a.stringAt(0);
            byte[] message;
            try (BufferView v = a.bufferAt(1)) {
                message = v.data().toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            }
            try {
                session.channels().send(name, message);
            } catch (IllegalStateException closed) {
                return false; // Channel.send raises ChannelClosed
            }
            return true;
        });
        b.function("channel_recv", "(name, timeout)", "Internal: Channel.recv.", a -> {
            a.expect(2);
            refuseWhileReimporting("Channel.recv()");
            String name = a.stringAt(0);
            double timeout = a.doubleAt(1);
            Object[] r = timeout == 0 ? session.channels().recv(name, 0) : a.detached(() -> session.channels().recv(name, timeout));
            return r;
        });
        b.function("channel_size", "(name)", "Internal: len(Channel).", a -> {
            a.expect(1);
            return session.channels().size(a.stringAt(0));
        });
        b.function("quit", "(code)", "Internal: easel.quit() and SystemExit.", a -> {
            a.expect(1);
            session.quit(a.interpreter(), a.intAt(0));
            return null;
        });
        b.function("run", "()", "Internal: easel.run().", a -> {
            a.expect(0);
            if (CanvasThread.reimporting()) {
                return null; // the script's own run() already waits; the copy in an isolated canvas does not
            }
            if (Thread.currentThread() instanceof CanvasThread) {
                throw PythonException.runtimeError("easel.run() cannot be called from a canvas callback: "
                        + "it would wait for its own canvas");
            }
            a.detached(() -> {
                session.awaitAllClosed();
                return null;
            });
            return null;
        });
    }

    /**
     * Channel traffic from the sketch's top level while an isolated canvas imports it again would
     * happen twice (or wait for ever): refused, saying how to keep that code to the script.
     */
    private static void refuseWhileReimporting(String what) {
        if (CanvasThread.reimporting()) {
            throw PythonException.runtimeError(what + " ran at the top level of the sketch while Easel imported it "
                    + "again (for an isolated canvas, or a live reload): put the script's own code under  "
                    + "if __name__ == \"__main__\":");
        }
    }

    // -------------------------------------------------------------------------------- images

    private static void images(BuiltinModule.Builder b, SketchRun session) {
        b.function("image_load", "(path)", "Internal: Image.load.", a -> {
            a.expect(1);
            Path p = Path.of(a.stringAt(0));
            if (!Files.exists(p)) {
                throw PythonException.of("FileNotFoundError", "No such image file: '" + p + "'");
            }
            ImageData img;
            try {
                img = ImageData.load(p);
            } catch (java.io.IOException | RuntimeException e) {
                throw PythonException.valueError("cannot read image '" + p + "': " + e.getMessage());
            }
            return Images.describe(Images.add(img), img);
        });
        b.function("image_from_pixels", "(buf, width, height)", "Internal: Image.from_pixels.", a -> {
            a.expect(3);
            int w = a.intAt(1), h = a.intAt(2);
            if (w <= 0 || h <= 0) {
                throw a.badValue(1, "width and height must be positive, got " + w + "x" + h);
            }
            try (BufferView v = pixels(a, w, h)) {
                ImageData img = ImageData.fromPixels(v.data(), w, h);
                return Images.describe(Images.add(img), img);
            }
        });
        b.function("image_save", "(image_id, path)", "Internal: Image.save.", a -> {
            a.expect(2);
            ImageData img = Images.get(a.intAt(0));
            Path p = Path.of(a.stringAt(1));
            try {
                img.save(p);
            } catch (IllegalArgumentException e) {
                throw PythonException.valueError("Image.save(): " + e.getMessage());
            } catch (java.io.IOException e) {
                throw PythonException.of("OSError", "cannot write '" + p + "': " + e.getMessage());
            }
            return null;
        });
        b.function("image_pixels", "(image_id)", "Internal: Image.pixels.", a -> {
            a.expect(1);
            return Images.get(a.intAt(0)).pixels();
        });
        b.function("image_release", "(image_id)", "Internal: Image.__del__.", a -> {
            a.expect(1);
            Images.release(a.intAt(0));
            return null;
        });
    }
}
