package dev.easel.pybridge.ffi;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
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
        /** 3.12+ (PEP 683): None, True, False and small ints are immortal; increfs of them are no-ops. */
        static final boolean IMMORTALS = CPython.has("PyErr_GetRaisedException");
    }

    /** Whether {@link #Py_TYPE} may be used: a GIL build. */
    public static boolean available() {
        return Build.GIL;
    }

    /** {@code Py_TYPE(o)} as an address. Only when {@link #available()}. */
    public static long Py_TYPE(long objectAddress) {
        return ALL.get(JAVA_LONG, objectAddress + 8);
    }

    /**
     * {@code PyFloat_AS_DOUBLE(o)} for an exact float: {@code ob_fval} follows the header. Only when
     * {@link #available()} and {@code o} is known to be a float.
     */
    public static double floatValue(long objectAddress) {
        return ALL.get(JAVA_DOUBLE, objectAddress + 16);
    }

    /**
     * {@code Py_NewRef(o)} for an object known to be immortal from 3.12 on (None, True, False):
     * nothing to do there; on 3.11 the plain increment of {@code Py_INCREF}, which needs the GIL
     * held (the caller's) and {@link #available()}.
     */
    public static void increfSingleton(long objectAddress) {
        if (!Build.IMMORTALS) {
            ALL.set(JAVA_LONG, objectAddress, ALL.get(JAVA_LONG, objectAddress) + 1);
        }
    }

    /** The pointer stored at {@code address} (reading an array of {@code PyObject *}). */
    public static long pointerAt(long address) {
        return ALL.get(JAVA_LONG, address);
    }
}
