package dev.easel.pybridge.ffi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.*;

/** Raw bindings for pyerrors.h: the error indicator. The contract is the package's: see {@code package-info}. */
@SuppressWarnings({"unused", "checkstyle:MethodName"})
public final class pyerrors_h {
    private pyerrors_h() {}

    private static final class PyErr_Occurred$ { static final MethodHandle H = CPython.downcall("PyErr_Occurred", FunctionDescriptor.of(ADDRESS)); }
    public static MemorySegment PyErr_Occurred() {
        try { return (MemorySegment) PyErr_Occurred$.H.invokeExact(); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyErr_Clear$ { static final MethodHandle H = CPython.downcall("PyErr_Clear", FunctionDescriptor.ofVoid()); }
    public static void PyErr_Clear() {
        try { PyErr_Clear$.H.invokeExact(); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyErr_SetString$ { static final MethodHandle H = CPython.downcall("PyErr_SetString", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS)); }
    public static void PyErr_SetString(MemorySegment type, MemorySegment message) {
        try { PyErr_SetString$.H.invokeExact(type, message); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyErr_SetObject$ { static final MethodHandle H = CPython.downcall("PyErr_SetObject", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS)); }
    public static void PyErr_SetObject(MemorySegment type, MemorySegment value) {
        try { PyErr_SetObject$.H.invokeExact(type, value); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyErr_Fetch$ { static final MethodHandle H = CPython.downcall("PyErr_Fetch", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS)); }
    public static void PyErr_Fetch(MemorySegment ptype, MemorySegment pvalue, MemorySegment ptraceback) {
        try { PyErr_Fetch$.H.invokeExact(ptype, pvalue, ptraceback); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyErr_Restore$ { static final MethodHandle H = CPython.downcall("PyErr_Restore", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS)); }
    public static void PyErr_Restore(MemorySegment type, MemorySegment value, MemorySegment traceback) {
        try { PyErr_Restore$.H.invokeExact(type, value, traceback); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyErr_NormalizeException$ { static final MethodHandle H = CPython.downcall("PyErr_NormalizeException", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS)); }
    public static void PyErr_NormalizeException(MemorySegment ptype, MemorySegment pvalue, MemorySegment ptraceback) {
        try { PyErr_NormalizeException$.H.invokeExact(ptype, pvalue, ptraceback); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyErr_GetRaisedException$ { static final MethodHandle H = CPython.downcallOrNull("PyErr_GetRaisedException", FunctionDescriptor.of(ADDRESS)); }
    /** Whether this libpython exports {@code PyErr_GetRaisedException}. */
    public static boolean has_PyErr_GetRaisedException() { return PyErr_GetRaisedException$.H != null; }
    public static MemorySegment PyErr_GetRaisedException() {
        try { return (MemorySegment) PyErr_GetRaisedException$.H.invokeExact(); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyErr_SetRaisedException$ { static final MethodHandle H = CPython.downcallOrNull("PyErr_SetRaisedException", FunctionDescriptor.ofVoid(ADDRESS)); }
    /** Whether this libpython exports {@code PyErr_SetRaisedException}. */
    public static boolean has_PyErr_SetRaisedException() { return PyErr_SetRaisedException$.H != null; }
    public static void PyErr_SetRaisedException(MemorySegment exc) {
        try { PyErr_SetRaisedException$.H.invokeExact(exc); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyErr_ExceptionMatches$ { static final MethodHandle H = CPython.downcall("PyErr_ExceptionMatches", FunctionDescriptor.of(JAVA_INT, ADDRESS)); }
    public static int PyErr_ExceptionMatches(MemorySegment exc) {
        try { return (int) PyErr_ExceptionMatches$.H.invokeExact(exc); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyErr_GivenExceptionMatches$ { static final MethodHandle H = CPython.downcall("PyErr_GivenExceptionMatches", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)); }
    public static int PyErr_GivenExceptionMatches(MemorySegment given, MemorySegment exc) {
        try { return (int) PyErr_GivenExceptionMatches$.H.invokeExact(given, exc); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyException_SetTraceback$ { static final MethodHandle H = CPython.downcall("PyException_SetTraceback", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)); }
    public static int PyException_SetTraceback(MemorySegment exc, MemorySegment tb) {
        try { return (int) PyException_SetTraceback$.H.invokeExact(exc, tb); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyException_GetTraceback$ { static final MethodHandle H = CPython.downcall("PyException_GetTraceback", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyException_GetTraceback(MemorySegment exc) {
        try { return (MemorySegment) PyException_GetTraceback$.H.invokeExact(exc); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyErr_NewException$ { static final MethodHandle H = CPython.downcall("PyErr_NewException", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS)); }
    public static MemorySegment PyErr_NewException(MemorySegment name, MemorySegment base, MemorySegment dict) {
        try { return (MemorySegment) PyErr_NewException$.H.invokeExact(name, base, dict); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyErr_CheckSignals$ { static final MethodHandle H = CPython.downcall("PyErr_CheckSignals", FunctionDescriptor.of(JAVA_INT)); }
    public static int PyErr_CheckSignals() {
        try { return (int) PyErr_CheckSignals$.H.invokeExact(); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

}
