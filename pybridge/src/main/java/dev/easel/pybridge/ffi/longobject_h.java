package dev.easel.pybridge.ffi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.*;

/** Raw bindings for longobject.h: int. The contract is the package's: see {@code package-info}. */
@SuppressWarnings({"unused", "checkstyle:MethodName"})
public final class longobject_h {
    private longobject_h() {}

    private static final class PyLong_FromLongLong$ { static final MethodHandle H = CPython.downcall("PyLong_FromLongLong", FunctionDescriptor.of(ADDRESS, JAVA_LONG)); }
    public static MemorySegment PyLong_FromLongLong(long v) {
        try { return (MemorySegment) PyLong_FromLongLong$.H.invokeExact(v); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyLong_AsLongLongAndOverflow$ { static final MethodHandle H = CPython.downcall("PyLong_AsLongLongAndOverflow", FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS)); }
    public static long PyLong_AsLongLongAndOverflow(MemorySegment o, MemorySegment overflow) {
        try { return (long) PyLong_AsLongLongAndOverflow$.H.invokeExact(o, overflow); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyLong_AsLongLong$ { static final MethodHandle H = CPython.downcall("PyLong_AsLongLong", FunctionDescriptor.of(JAVA_LONG, ADDRESS)); }
    public static long PyLong_AsLongLong(MemorySegment o) {
        try { return (long) PyLong_AsLongLong$.H.invokeExact(o); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyLong_FromString$ { static final MethodHandle H = CPython.downcall("PyLong_FromString", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_INT)); }
    public static MemorySegment PyLong_FromString(MemorySegment str, MemorySegment pend, int base) {
        try { return (MemorySegment) PyLong_FromString$.H.invokeExact(str, pend, base); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyLong_AsDouble$ { static final MethodHandle H = CPython.downcall("PyLong_AsDouble", FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS)); }
    public static double PyLong_AsDouble(MemorySegment o) {
        try { return (double) PyLong_AsDouble$.H.invokeExact(o); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyLong_AsDouble_raw$ { static final MethodHandle H = CPython.downcall("PyLong_AsDouble", FunctionDescriptor.of(JAVA_DOUBLE, JAVA_LONG)); }
    public static double PyLong_AsDouble_raw(long o) {
        try { return (double) PyLong_AsDouble_raw$.H.invokeExact(o); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

}
