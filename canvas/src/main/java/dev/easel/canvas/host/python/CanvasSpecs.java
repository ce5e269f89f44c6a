package dev.easel.canvas.host.python;

import dev.easel.canvas.CanvasSpec;
import dev.easel.canvas.Pace;
import dev.easel.canvas.RendererChoice;
import dev.easel.pybridge.PyObject;
import dev.easel.pybridge.PythonException;

import java.util.List;

/** What a canvas class declares, read in {@code Canvas.show()} (attached, on the showing thread). */
public final class CanvasSpecs {
    private CanvasSpecs() {}

    /**
     * Reads the class's declarations; title, size and fps as the instance has them (set in
     * __init__, say). {@code forcedSize} (--size, or null), {@code isolateAll} (--isolate) and
     * {@code renderer} (--renderer, or null) override what the class says.
     */
    public static CanvasSpec read(PyObject cls, PyObject canvas, int[] forcedSize, boolean isolateAll,
                                  RendererChoice renderer) {
        String className;
        try (PyObject q = cls.getAttr("__qualname__")) {
            className = q.toStringValue();
        }
        String title;
        try (PyObject t = canvas.getAttr("title")) {
            title = t.isNone() ? className : t.toStringValue();
        }
        int w, h;
        try (PyObject size = canvas.getAttr("size")) {
            Object v = size.toJava();
            if (!(v instanceof List<?> l) || l.size() != 2 || !(l.get(0) instanceof Long sw) || !(l.get(1) instanceof Long sh)) {
                if (v instanceof PyObject p) {
                    p.close();
                }
                throw PythonException.typeError(className + ".size must be a (width, height) tuple of ints, not " + size.repr());
            }
            w = (int) (long) sw;
            h = (int) (long) sh;
        }
        if (forcedSize != null) {
            w = forcedSize[0];
            h = forcedSize[1];
        }
        double fps;
        try (PyObject f = canvas.getAttr("fps")) {
            if (f.isNone()) {
                fps = 0;
            } else {
                Object v = f.toJava();
                if (!(v instanceof Number n) || v instanceof Boolean) {
                    throw PythonException.typeError(className + ".fps must be a number or None, not " + f.repr());
                }
                fps = n.doubleValue();
                if (!CanvasSpec.validFps(fps)) {
                    throw PythonException.valueError(className + "." + CanvasSpec.FPS_RANGE + ", not " + f.repr());
                }
            }
        }
        boolean resizable;
        try (PyObject r = cls.getAttr("resizable")) {
            resizable = r.isTrue();
        }
        Integer background;
        try (PyObject b = cls.getAttr("background")) {
            background = b.isNone() ? null : Args.color(b.toJava(), className + ".background");
        }
        boolean isolated;
        try (PyObject i = cls.getAttr("isolated")) {
            isolated = i.isTrue() || isolateAll;
        }
        if (renderer == null) {
            renderer = named(cls, "renderer", className, "renderer must be 'auto', 'raster' or 'gl'", RendererChoice::parse);
        }
        Pace pace = named(cls, "pace", className, Pace.VALUES, Pace::parse);
        try {
            return new CanvasSpec(className, title, w, h, fps, resizable, background, isolated, renderer, pace);
        } catch (IllegalArgumentException e) {
            throw PythonException.valueError(className + ": " + e.getMessage());
        }
    }

    /**
     * A class attribute that names one of a few values: a TypeError ("C.{@code mustBe}, not 3") when
     * it is not a str, a ValueError with {@code parse}'s message when it is not one of them.
     */
    private static <T> T named(PyObject cls, String attr, String className, String mustBe,
                               java.util.function.Function<String, T> parse) {
        try (PyObject a = cls.getAttr(attr)) {
            Object v = a.toJava();
            if (!(v instanceof String name)) {
                if (v instanceof PyObject o) {
                    o.close();
                }
                throw PythonException.typeError(className + "." + mustBe + ", not " + a.repr());
            }
            try {
                return parse.apply(name);
            } catch (IllegalArgumentException e) {
                throw PythonException.valueError(className + "." + e.getMessage());
            }
        }
    }
}
