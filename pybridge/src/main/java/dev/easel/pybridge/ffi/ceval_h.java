package dev.easel.pybridge.ffi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.*;

/** Raw bindings for ceval.h: releasing and taking the GIL. The contract is the package's: see {@code package-info}. */
@SuppressWarnings({"unused", "checkstyle:MethodName"})
public final class ceval_h {
    private ceval_h() {}

    private static final class PyEval_SaveThread$ { static final MethodHandle H = CPython.downcall("PyEval_SaveThread", FunctionDescriptor.of(ADDRESS)); }
    public static MemorySegment PyEval_SaveThread() {
        try { return (MemorySegment) PyEval_SaveThread$.H.invokeExact(); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyEval_RestoreThread$ { static final MethodHandle H = CPython.downcall("PyEval_RestoreThread", FunctionDescriptor.ofVoid(ADDRESS)); }
    public static void PyEval_RestoreThread(MemorySegment tstate) {
        try { PyEval_RestoreThread$.H.invokeExact(tstate); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyEval_GetBuiltins$ { static final MethodHandle H = CPython.downcall("PyEval_GetBuiltins", FunctionDescriptor.of(ADDRESS)); }
    public static MemorySegment PyEval_GetBuiltins() {
        try { return (MemorySegment) PyEval_GetBuiltins$.H.invokeExact(); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class Py_MakePendingCalls$ { static final MethodHandle H = CPython.downcall("Py_MakePendingCalls", FunctionDescriptor.of(JAVA_INT)); }
    public static int Py_MakePendingCalls() {
        try { return (int) Py_MakePendingCalls$.H.invokeExact(); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

}
