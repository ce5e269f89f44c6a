package dev.easel.pybridge.ffi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/** {@code Py_buffer} (pybuffer.h, part of the stable ABI since 3.11): 80 bytes on 64-bit. */
public final class Py_buffer {
    private Py_buffer() {}

    /** {@code PyBUF_SIMPLE}. */
    public static final int PyBUF_SIMPLE = 0;
    /** {@code PyBUF_FORMAT}. */
    public static final int PyBUF_FORMAT = 0x0004;
    /** {@code PyBUF_ND}. */
    public static final int PyBUF_ND = 0x0008;
    /** {@code PyBUF_STRIDES}. */
    public static final int PyBUF_STRIDES = 0x0010 | PyBUF_ND;
    /** {@code PyBUF_C_CONTIGUOUS}. */
    public static final int PyBUF_C_CONTIGUOUS = 0x0020 | PyBUF_STRIDES;

    /** buf, obj, len, itemsize, readonly, ndim, format, shape, strides, suboffsets, internal. */
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ADDRESS.withName("buf"), ADDRESS.withName("obj"), JAVA_LONG.withName("len"),
            JAVA_LONG.withName("itemsize"), JAVA_INT.withName("readonly"), JAVA_INT.withName("ndim"),
            ADDRESS.withName("format"), ADDRESS.withName("shape"), ADDRESS.withName("strides"),
            ADDRESS.withName("suboffsets"), ADDRESS.withName("internal"));

    /** {@code view->buf}. */
    public static MemorySegment buf(MemorySegment view) { return view.get(ADDRESS, 0); }
    /** {@code view->len}: bytes. */
    public static long len(MemorySegment view) { return view.get(JAVA_LONG, 16); }
    /** {@code view->itemsize}. */
    public static long itemsize(MemorySegment view) { return view.get(JAVA_LONG, 24); }
    /** {@code view->readonly}. */
    public static int readonly(MemorySegment view) { return view.get(JAVA_INT, 32); }
    /** {@code view->ndim}. */
    public static int ndim(MemorySegment view) { return view.get(JAVA_INT, 36); }
    /** {@code view->format}, or {@code null} (meaning unsigned bytes). */
    public static String format(MemorySegment view) { return CPython.cString(view.get(ADDRESS, 40)); }
    /** {@code view->shape[i]}. */
    public static long shape(MemorySegment view, int i) {
        return view.get(ADDRESS, 48).reinterpret(8L * (i + 1)).getAtIndex(JAVA_LONG, i);
    }
}
