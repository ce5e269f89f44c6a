package dev.easel.pybridge.ffi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.*;

/** Raw bindings for unicodeobject.h: str. The contract is the package's: see {@code package-info}. */
@SuppressWarnings({"unused", "checkstyle:MethodName"})
public final class unicodeobject_h {
    private unicodeobject_h() {}

    private static final class PyUnicode_FromStringAndSize$ { static final MethodHandle H = CPython.downcall("PyUnicode_FromStringAndSize", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG)); }
    public static MemorySegment PyUnicode_FromStringAndSize(MemorySegment s, long size) {
        try { return (MemorySegment) PyUnicode_FromStringAndSize$.H.invokeExact(s, size); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyUnicode_FromString$ { static final MethodHandle H = CPython.downcall("PyUnicode_FromString", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyUnicode_FromString(MemorySegment s) {
        try { return (MemorySegment) PyUnicode_FromString$.H.invokeExact(s); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyUnicode_AsUTF8AndSize$ { static final MethodHandle H = CPython.downcall("PyUnicode_AsUTF8AndSize", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS)); }
    public static MemorySegment PyUnicode_AsUTF8AndSize(MemorySegment o, MemorySegment size) {
        try { return (MemorySegment) PyUnicode_AsUTF8AndSize$.H.invokeExact(o, size); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyUnicode_DecodeUTF8$ { static final MethodHandle H = CPython.downcall("PyUnicode_DecodeUTF8", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, ADDRESS)); }
    public static MemorySegment PyUnicode_DecodeUTF8(MemorySegment s, long size, MemorySegment errors) {
        try { return (MemorySegment) PyUnicode_DecodeUTF8$.H.invokeExact(s, size, errors); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyUnicode_AsEncodedString$ { static final MethodHandle H = CPython.downcall("PyUnicode_AsEncodedString", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS)); }
    public static MemorySegment PyUnicode_AsEncodedString(MemorySegment o, MemorySegment encoding, MemorySegment errors) {
        try { return (MemorySegment) PyUnicode_AsEncodedString$.H.invokeExact(o, encoding, errors); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyUnicode_InternFromString$ { static final MethodHandle H = CPython.downcall("PyUnicode_InternFromString", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyUnicode_InternFromString(MemorySegment s) {
        try { return (MemorySegment) PyUnicode_InternFromString$.H.invokeExact(s); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

}
