package dev.easel.pybridge.ffi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.*;

/** Raw bindings for tupleobject.h: tuple. The contract is the package's: see {@code package-info}. */
@SuppressWarnings({"unused", "checkstyle:MethodName"})
public final class tupleobject_h {
    private tupleobject_h() {}

    private static final class PyTuple_New$ { static final MethodHandle H = CPython.downcall("PyTuple_New", FunctionDescriptor.of(ADDRESS, JAVA_LONG)); }
    public static MemorySegment PyTuple_New(long size) {
        try { return (MemorySegment) PyTuple_New$.H.invokeExact(size); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyTuple_Size$ { static final MethodHandle H = CPython.downcall("PyTuple_Size", FunctionDescriptor.of(JAVA_LONG, ADDRESS)); }
    public static long PyTuple_Size(MemorySegment t) {
        try { return (long) PyTuple_Size$.H.invokeExact(t); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyTuple_GetItem$ { static final MethodHandle H = CPython.downcall("PyTuple_GetItem", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG)); }
    public static MemorySegment PyTuple_GetItem(MemorySegment t, long i) {
        try { return (MemorySegment) PyTuple_GetItem$.H.invokeExact(t, i); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyTuple_SetItem$ { static final MethodHandle H = CPython.downcall("PyTuple_SetItem", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS)); }
    public static int PyTuple_SetItem(MemorySegment t, long i, MemorySegment item) {
        try { return (int) PyTuple_SetItem$.H.invokeExact(t, i, item); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

}
