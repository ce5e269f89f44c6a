package dev.easel.canvas.host.python;

import dev.easel.canvas.NumType;
import dev.easel.pybridge.BufferView;
import dev.easel.pybridge.PythonException;

import java.util.Locale;

/**
 * What the batched drawing calls and {@code put_pixels} accept as a buffer (a numpy array, mostly),
 * with errors that name the layout expected: a {@code TypeError} for a wrong element type (naming the
 * numpy dtype given), a {@code ValueError} for a wrong shape or a non-contiguous array. Accepted buffers
 * are read in place: no copy on the Python side.
 */
final class ArrayLayouts {

    private ArrayLayouts() {
    }

    /** Numbers per item of a batched call: 2 for points and paths, 3 for circles, 4 for lines and rects. */
    static int arity(String call) {
        return switch (call) {
            case "circles" -> 3;
            case "lines", "rects" -> 4;
            default -> 2;
        };
    }

    /** The array a batched call wants, e.g. "a C-contiguous float32 or float64 array of shape (n, 2)". */
    static String expected(String call) {
        return "a C-contiguous float32 or float64 array of shape (n, " + arity(call) + ") or (" + arity(call) + "*n,)";
    }

    /**
     * The error for a buffer request refused because the object is not C-contiguous (numpy raises
     * ValueError "ndarray is not C-contiguous", memoryview a BufferError), or null for any other refusal.
     */
    static PythonException notContiguous(PythonException refused, String call, String expected) {
        String type = refused.pythonType();
        String message = refused.pythonMessage();
        if ((type.equals("ValueError") || type.equals("BufferError")) && message != null && message.contains("contiguous")) {
            return PythonException.valueError(call + "(): expected " + expected + ", got a non-C-contiguous one (a slice"
                    + " with a step, a column slice or a transpose): numpy.ascontiguousarray(a) makes a C-contiguous copy");
        }
        return null;
    }

    /** The element type of a batched call's buffer: a TypeError naming the dtype given otherwise. */
    static NumType numType(BufferView v, String call) {
        try {
            return NumType.ofFormat(v.format());
        } catch (IllegalArgumentException e) {
            throw PythonException.typeError(call + "(): expected float32 or float64 numbers, got " + dtype(v)
                    + ": convert with a.astype(numpy.float32)");
        }
    }

    /** A batched call's buffer of more than one dimension must be (n, arity). */
    static void checkShape(BufferView v, String call) {
        int k = arity(call);
        if (v.ndim() > 1 && (v.ndim() != 2 || v.shape(1) != k)) {
            throw PythonException.valueError(call + "(): expected an array of shape (n, " + k + ") or (" + k + "*n,), got shape "
                    + shape(v));
        }
    }

    /**
     * put_pixels' buffer: bytes ({@code uint8} and the like), and if 3-D then (height, width, 4); flat or
     * 2-D ({@code (height, width*4)}, {@code (width*height, 4)}) only needs the right size, checked by the caller.
     */
    static void checkPixels(BufferView v, int width, int height) {
        if (v.itemSize() != 1) {
            throw PythonException.typeError("put_pixels(): expected uint8 RGBA bytes, got " + dtype(v)
                    + ": convert with a.astype(numpy.uint8)");
        }
        if (v.ndim() == 3 && (v.shape(0) != height || v.shape(1) != width || v.shape(2) != 4)) {
            throw PythonException.valueError("put_pixels(): expected a uint8 array of shape (" + height + ", " + width
                    + ", 4) (height, width, RGBA), got shape " + shape(v));
        }
        if (v.ndim() > 3) {
            throw PythonException.valueError("put_pixels(): expected a uint8 array of shape (" + height + ", " + width
                    + ", 4) (height, width, RGBA) or flat bytes, got shape " + shape(v));
        }
    }

    /** {@code (4, 3)}, {@code (6,)}: a shape as Python prints it. */
    static String shape(BufferView v) {
        StringBuilder s = new StringBuilder("(");
        for (int d = 0; d < v.ndim(); d++) {
            s.append(d == 0 ? "" : ", ").append(v.shape(d));
        }
        return s.append(v.ndim() == 1 ? ",)" : ")").toString();
    }

    /** The numpy dtype a buffer format stands for, e.g. {@code int64 (buffer format 'l')}. */
    static String dtype(BufferView v) {
        String format = v.format() == null ? "B" : v.format();
        String code = format.length() == 2 && "@=<>!".indexOf(format.charAt(0)) >= 0 ? format.substring(1) : format;
        long bits = v.itemSize() * 8;
        String name = switch (code) {
            case "b", "h", "i", "l", "q", "n" -> "int" + bits;
            case "B", "H", "I", "L", "Q", "N" -> "uint" + bits;
            case "e", "f", "d" -> "float" + bits;
            case "g" -> "longdouble";
            case "?" -> "bool";
            case "Zf", "Zd" -> "complex" + bits;
            default -> null;
        };
        String quoted = "'" + format + "'";
        return name == null ? "buffer format " + quoted : name.toLowerCase(Locale.ROOT) + " (buffer format " + quoted + ")";
    }
}
