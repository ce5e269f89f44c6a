package dev.easel.pybridge.ffi;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A port of the {@code Py_TYPE} macro for GIL builds only, where {@code PyObject_HEAD} is
 * {@code {Py_ssize_t ob_refcnt; PyTypeObject *ob_type}} and part of the stable ABI. Free-threaded
 * builds have another header: there {@link #available()} is false and callers use
 * {@code PyObject_Type} instead. Used only to pick fast paths for exact builtin types.
 */
public final class ObjectHeader {
    private ObjectHeader() {}

    /** All of memory, for reading a header at an address without making a segment per read. */
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private static final class Build {
        static final boolean GIL = !CPython.has("PyUnstable_Module_SetGIL");
    }

    /** Whether {@link #Py_TYPE} may be used: a GIL build. */
    public static boolean available() {
        return Build.GIL;
    }

    /** {@code Py_TYPE(o)} as an address. Only when {@link #available()}. */
    public static long Py_TYPE(long objectAddress) {
        return ALL.get(JAVA_LONG, objectAddress + 8);
    }

    /** The pointer stored at {@code address} (reading an array of {@code PyObject *}). */
    public static long pointerAt(long address) {
        return ALL.get(JAVA_LONG, address);
    }
}
