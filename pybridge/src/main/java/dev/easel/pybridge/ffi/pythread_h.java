package dev.easel.pybridge.ffi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.*;

/** Raw bindings for pythread.h: OS thread identity. The contract is the package's: see {@code package-info}. */
@SuppressWarnings({"unused", "checkstyle:MethodName"})
public final class pythread_h {
    private pythread_h() {}

    private static final class PyThread_get_thread_ident$ { static final MethodHandle H = CPython.downcall("PyThread_get_thread_ident", FunctionDescriptor.of(JAVA_LONG)); }
    public static long PyThread_get_thread_ident() {
        try { return (long) PyThread_get_thread_ident$.H.invokeExact(); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

}
