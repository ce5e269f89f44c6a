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
            try (PyObject r = cls.getAttr("renderer")) {
                Object v = r.toJava();
                if (!(v instanceof String name)) {
                    if (v instanceof PyObject p) {
                        p.close();
                    }
                    throw PythonException.typeError(className + ".renderer must be 'auto', 'raster' or 'gl', not " + r.repr());
                }
                try {
                    renderer = RendererChoice.parse(name);
                } catch (IllegalArgumentException e) {
                    throw PythonException.valueError(className + "." + e.getMessage());
                }
            }
        }
        Pace pace;
        try (PyObject p = cls.getAttr("pace")) {
            Object v = p.toJava();
            if (!(v instanceof String name)) {
                if (v instanceof PyObject o) {
                    o.close();
                }
                throw PythonException.typeError(className + "." + Pace.VALUES + ", not " + p.repr());
            }
            try {
                pace = Pace.parse(name);
            } catch (IllegalArgumentException e) {
                throw PythonException.valueError(className + "." + e.getMessage());
            }
        }
        try {
            return new CanvasSpec(className, title, w, h, fps, resizable, background, isolated, renderer, pace);
        } catch (IllegalArgumentException e) {
            throw PythonException.valueError(className + ": " + e.getMessage());
        }
    }
}
