package dev.easel.pybridge.ffi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.*;

/** Raw bindings for pythonrun.h: running source code. The contract is the package's: see {@code package-info}. */
@SuppressWarnings({"unused", "checkstyle:MethodName"})
public final class pythonrun_h {
    private pythonrun_h() {}

    private static final class Py_CompileString$ { static final MethodHandle H = CPython.downcall("Py_CompileString", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_INT)); }
    public static MemorySegment Py_CompileString(MemorySegment source, MemorySegment filename, int start) {
        try { return (MemorySegment) Py_CompileString$.H.invokeExact(source, filename, start); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyEval_EvalCode$ { static final MethodHandle H = CPython.downcall("PyEval_EvalCode", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS)); }
    public static MemorySegment PyEval_EvalCode(MemorySegment code, MemorySegment globals, MemorySegment locals) {
        try { return (MemorySegment) PyEval_EvalCode$.H.invokeExact(code, globals, locals); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyRun_StringFlags$ { static final MethodHandle H = CPython.downcall("PyRun_StringFlags", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS)); }
    public static MemorySegment PyRun_StringFlags(MemorySegment source, int start, MemorySegment globals, MemorySegment locals, MemorySegment flags) {
        try { return (MemorySegment) PyRun_StringFlags$.H.invokeExact(source, start, globals, locals, flags); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

}
