package dev.easel.pybridge.ffi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.*;

/** Raw bindings for boolobject.h: bool. The contract is the package's: see {@code package-info}. */
@SuppressWarnings({"unused", "checkstyle:MethodName"})
public final class boolobject_h {
    private boolobject_h() {}

    private static final class PyBool_FromLong$ { static final MethodHandle H = CPython.downcall("PyBool_FromLong", FunctionDescriptor.of(ADDRESS, JAVA_LONG)); }
    public static MemorySegment PyBool_FromLong(long v) {
        try { return (MemorySegment) PyBool_FromLong$.H.invokeExact(v); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

}
