package dev.easel.pybridge.ffi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/** {@code PyMethodDef} (methodobject.h): 32 bytes on 64-bit; arrays end with a zeroed entry. */
public final class PyMethodDef {
    private PyMethodDef() {}

    /** {@code METH_VARARGS}. */
    public static final int METH_VARARGS = 0x1;
    /** {@code METH_KEYWORDS}. */
    public static final int METH_KEYWORDS = 0x2;
    /** {@code METH_NOARGS}. */
    public static final int METH_NOARGS = 0x4;
    /** {@code METH_FASTCALL}: {@code (self, PyObject *const *args, Py_ssize_t nargs)}. */
    public static final int METH_FASTCALL = 0x80;

    /** ml_name, ml_meth, ml_flags, ml_doc. */
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ADDRESS.withName("ml_name"), ADDRESS.withName("ml_meth"),
            JAVA_INT.withName("ml_flags"), MemoryLayout.paddingLayout(4), ADDRESS.withName("ml_doc"));

    /** Fills entry {@code i} of an array of {@link #LAYOUT}. */
    public static void set(MemorySegment array, int i, MemorySegment name, MemorySegment meth, int flags,
                           MemorySegment doc) {
        long base = i * LAYOUT.byteSize();
        array.set(ADDRESS, base, name);
        array.set(ADDRESS, base + 8, meth);
        array.set(JAVA_INT, base + 16, flags);
        array.set(ADDRESS, base + 24, doc);
    }
}
