package dev.easel.canvas.host.python;

import dev.easel.canvas.host.loop.CanvasControl;
import dev.easel.canvas.host.view.WindowSettings;
import dev.easel.canvas.CanvasSpec;
import dev.easel.canvas.CursorShape;
import dev.easel.pybridge.Arguments;
import dev.easel.pybridge.BuiltinModule;
import dev.easel.pybridge.PyObject;
import dev.easel.pybridge.PythonException;

import java.util.List;

/**
 * The built-ins behind the canvas settings a sketch may assign while it runs: {@code fps},
 * {@code title}, {@code size}, {@code cursor}, {@code fullscreen}. Each value is checked here (one
 * place for the rules and messages), then handed to the canvas, which any thread may do:
 * nothing here waits for the canvas thread or the FX thread.
 */
public final class WindowBuiltins {
    private WindowBuiltins() {}

    /** The largest canvas side, as for the class attribute {@code size}. */
    static final int MAX_SIDE = 16384;

    static void register(BuiltinModule.Builder b, SketchRun session) {
        b.function("window_set", "(handle, owner, name, value)", """
                Internal: assigning Canvas.fps, title, size, cursor or fullscreen. Checks the value and
                returns it normalised; when the canvas is shown (handle > 0), changes it.""", a -> {
            a.expect(4);
            int handle = a.intAt(0);
            String what = a.stringAt(1) + "." + a.stringAt(2);
            CanvasControl host = handle > 0 ? session.canvas(handle).orElse(null) : null;
            return switch (a.stringAt(2)) {
                case "fps" -> {
                    double fps = fps(a, 3, what);
                    if (host != null) {
                        host.setFps(fps);
                    }
                    yield fps == 0 ? null : fps;
                }
                case "title" -> {
                    if (a.isNone(3)) {
                        if (host != null) {
                            host.changeSettings(s -> s.withTitle(host.spec().className()));
                        }
                        yield null;
                    }
                    String t = string(a, 3, what, "a str (or None: the class name)");
                    if (host != null) {
                        host.changeSettings(s -> s.withTitle(t));
                    }
                    yield t;
                }
                case "size" -> {
                    int[] wh = size(a.javaAt(3), what);
                    if (host != null) {
                        host.resizeTo(wh[0], wh[1]);
                    }
                    yield new Object[]{wh[0], wh[1]};
                }
                case "cursor" -> {
                    String name = string(a, 3, what, "a str");
                    CursorShape c;
                    try {
                        c = CursorShape.parse(name);
                    } catch (IllegalArgumentException e) {
                        throw PythonException.valueError(what + ": " + e.getMessage());
                    }
                    if (host != null) {
                        host.changeSettings(s -> s.withCursor(c));
                    }
                    yield c.cssName();
                }
                case "fullscreen" -> {
                    Object v = a.javaAt(3);
                    if (!(v instanceof Boolean on)) {
                        String type = typeName(v);
                        if (v instanceof PyObject p) {
                            p.close();
                        }
                        throw PythonException.typeError(what + " must be True or False, not " + type);
                    }
                    if (host != null) {
                        host.changeSettings(s -> s.withFullscreen(on));
                    }
                    yield on;
                }
                default -> throw PythonException.valueError("no canvas setting " + a.stringAt(2));
            };
        });
        b.function("window_get", "(handle)", """
                Internal: (title, cursor, fullscreen, fps or None) of a shown canvas now, or None once
                it has ended.""", a -> {
            a.expect(1);
            CanvasControl host = session.canvas(a.intAt(0)).orElse(null);
            if (host == null) {
                return null;
            }
            WindowSettings s = host.settings();
            double fps = host.fps();
            return new Object[]{s.title(), s.cursor().cssName(), s.fullscreen(), fps == 0 ? null : fps};
        });
    }

    /**
     * The settings a canvas starts with: its title, and cursor and fullscreen as the instance has
     * them (the class's, or set in __init__). Attached, in {@code show()}.
     */
    public static WindowSettings initial(CanvasSpec spec, PyObject canvas) {
        CursorShape cursor;
        boolean fullscreen;
        try (PyObject c = canvas.getAttr("cursor"); PyObject f = canvas.getAttr("fullscreen")) {
            if (!(c.toJava() instanceof String name) || !(f.toJava() instanceof Boolean on)) {
                throw PythonException.typeError(spec.className() + ".cursor must be a str and "
                        + spec.className() + ".fullscreen True or False");
            }
            try {
                cursor = CursorShape.parse(name);
            } catch (IllegalArgumentException e) {
                throw PythonException.valueError(spec.className() + ".cursor: " + e.getMessage());
            }
            fullscreen = on;
        }
        return new WindowSettings(spec.title(), cursor, fullscreen);
    }

    private static double fps(Arguments a, int i, String what) {
        if (a.isNone(i)) {
            return 0;
        }
        Object v = a.javaAt(i);
        if (!(v instanceof Number n) || v instanceof Boolean) {
            String type = typeName(v);
            if (v instanceof PyObject p) {
                p.close();
            }
            throw PythonException.typeError(what + " must be a number from 1 to 1000, or None, not " + type);
        }
        double fps = n.doubleValue();
        if (!CanvasSpec.validFps(fps)) {
            throw PythonException.valueError(what.substring(0, what.lastIndexOf('.') + 1) + CanvasSpec.FPS_RANGE
                    + ", not " + v);
        }
        return fps;
    }

    private static String string(Arguments a, int i, String what, String expected) {
        Object v = a.javaAt(i);
        if (v instanceof String s) {
            return s;
        }
        String type = typeName(v);
        if (v instanceof PyObject p) {
            p.close();
        }
        throw PythonException.typeError(what + " must be " + expected + ", not " + type);
    }

    /** {@code (width, height)}: two ints from 1 to {@link #MAX_SIDE}. */
    static int[] size(Object v, String what) {
        try {
            if (v instanceof List<?> l && l.size() == 2 && (l.get(0) instanceof java.math.BigInteger
                    || l.get(1) instanceof java.math.BigInteger)) {
                throw PythonException.valueError(what + " must be two integers from 1 to " + MAX_SIDE + ", not "
                        + describe(v));
            }
            if (!(v instanceof List<?> l) || l.size() != 2 || !(l.get(0) instanceof Long w) || !(l.get(1) instanceof Long h)) {
                throw PythonException.typeError(what + " must be a (width, height) tuple of ints, not " + describe(v));
            }
            if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE) {
                throw PythonException.valueError(what + " must be two integers from 1 to " + MAX_SIDE + ", not ("
                        + w + ", " + h + ")");
            }
            return new int[]{(int) (long) w, (int) (long) h};
        } finally {
            if (v instanceof PyObject p) {
                p.close();
            }
        }
    }

    private static String describe(Object v) {
        if (v instanceof List<?> l) {
            return l.toString().replace('[', '(').replace(']', ')');
        }
        return typeName(v);
    }

    /** As {@link Args#typeName}, but a tuple or list (the settings take pairs) is "a sequence". */
    private static String typeName(Object v) {
        return v instanceof List<?> ? "a sequence" : Args.typeName(v);
    }
}
