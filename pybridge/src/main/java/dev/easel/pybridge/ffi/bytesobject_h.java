package dev.easel.pybridge.ffi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.*;

/** Raw bindings for bytesobject.h: bytes. The contract is the package's: see {@code package-info}. */
@SuppressWarnings({"unused", "checkstyle:MethodName"})
public final class bytesobject_h {
    private bytesobject_h() {}

    private static final class PyBytes_FromStringAndSize$ { static final MethodHandle H = CPython.downcall("PyBytes_FromStringAndSize", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG)); }
    public static MemorySegment PyBytes_FromStringAndSize(MemorySegment s, long size) {
        try { return (MemorySegment) PyBytes_FromStringAndSize$.H.invokeExact(s, size); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyBytes_AsString$ { static final MethodHandle H = CPython.downcall("PyBytes_AsString", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyBytes_AsString(MemorySegment o) {
        try { return (MemorySegment) PyBytes_AsString$.H.invokeExact(o); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyBytes_Size$ { static final MethodHandle H = CPython.downcall("PyBytes_Size", FunctionDescriptor.of(JAVA_LONG, ADDRESS)); }
    public static long PyBytes_Size(MemorySegment o) {
        try { return (long) PyBytes_Size$.H.invokeExact(o); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyBytes_AsStringAndSize$ { static final MethodHandle H = CPython.downcall("PyBytes_AsStringAndSize", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS)); }
    public static int PyBytes_AsStringAndSize(MemorySegment o, MemorySegment buffer, MemorySegment length) {
        try { return (int) PyBytes_AsStringAndSize$.H.invokeExact(o, buffer, length); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyByteArray_FromStringAndSize$ { static final MethodHandle H = CPython.downcall("PyByteArray_FromStringAndSize", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG)); }
    public static MemorySegment PyByteArray_FromStringAndSize(MemorySegment s, long size) {
        try { return (MemorySegment) PyByteArray_FromStringAndSize$.H.invokeExact(s, size); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

}
