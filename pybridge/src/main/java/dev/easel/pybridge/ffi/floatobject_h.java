package dev.easel.pybridge.ffi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.*;

/** Raw bindings for floatobject.h: float. The contract is the package's: see {@code package-info}. */
@SuppressWarnings({"unused", "checkstyle:MethodName"})
public final class floatobject_h {
    private floatobject_h() {}

    private static final class PyFloat_FromDouble$ { static final MethodHandle H = CPython.downcall("PyFloat_FromDouble", FunctionDescriptor.of(ADDRESS, JAVA_DOUBLE)); }
    public static MemorySegment PyFloat_FromDouble(double v) {
        try { return (MemorySegment) PyFloat_FromDouble$.H.invokeExact(v); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyFloat_AsDouble$ { static final MethodHandle H = CPython.downcall("PyFloat_AsDouble", FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS)); }
    public static double PyFloat_AsDouble(MemorySegment o) {
        try { return (double) PyFloat_AsDouble$.H.invokeExact(o); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyFloat_AsDouble_critical$ { static final MethodHandle H = CPython.downcall("PyFloat_AsDouble", FunctionDescriptor.of(JAVA_DOUBLE, JAVA_LONG), Linker.Option.critical(false)); }
    public static double PyFloat_AsDouble_critical(long o) {
        try { return (double) PyFloat_AsDouble_critical$.H.invokeExact(o); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

}
