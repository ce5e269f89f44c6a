package dev.easel.pybridge.ffi;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.ADDRESS;

/** Exported singletons and exception types (object.h, boolobject.h, pyerrors.h). Borrowed. */
public final class constants_h {
    private constants_h() {}

    /** {@code Py_file_input}, {@code Py_eval_input}, {@code Py_single_input} for compiling. */
    public static final int Py_single_input = 256, Py_file_input = 257, Py_eval_input = 258;

    private static final class Singletons {
        static final MemorySegment NONE = CPython.data("_Py_NoneStruct");
        static final MemorySegment TRUE = CPython.data("_Py_TrueStruct");
        static final MemorySegment FALSE = CPython.data("_Py_FalseStruct");
    }

    /** {@code Py_None} (borrowed: incref before returning it). */
    public static MemorySegment Py_None() { return Singletons.NONE; }
    /** {@code Py_True} (borrowed). */
    public static MemorySegment Py_True() { return Singletons.TRUE; }
    /** {@code Py_False} (borrowed). */
    public static MemorySegment Py_False() { return Singletons.FALSE; }

    /** The exception type exported as {@code PyExc_<name>} (a {@code PyObject **} in C). */
    public static MemorySegment PyExc(String name) {
        return CPython.data("PyExc_" + name).reinterpret(ADDRESS.byteSize()).get(ADDRESS, 0);
    }

    /** {@code Py_LT} .. {@code Py_GE} for {@code PyObject_RichCompareBool}. */
    public static final int Py_LT = 0, Py_LE = 1, Py_EQ = 2, Py_NE = 3, Py_GT = 4, Py_GE = 5;

    /** {@code Py_MOD_GIL_NOT_USED} for {@code PyUnstable_Module_SetGIL}. */
    public static final MemorySegment Py_MOD_GIL_NOT_USED = MemorySegment.ofAddress(1);
}
