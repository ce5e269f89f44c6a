package dev.easel.pybridge.ffi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.*;

/** Raw bindings for sysmodule.h: the sys module. The contract is the package's: see {@code package-info}. */
@SuppressWarnings({"unused", "checkstyle:MethodName"})
public final class sysmodule_h {
    private sysmodule_h() {}

    private static final class PySys_GetObject$ { static final MethodHandle H = CPython.downcall("PySys_GetObject", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PySys_GetObject(MemorySegment name) {
        try { return (MemorySegment) PySys_GetObject$.H.invokeExact(name); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PySys_SetObject$ { static final MethodHandle H = CPython.downcall("PySys_SetObject", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)); }
    public static int PySys_SetObject(MemorySegment name, MemorySegment v) {
        try { return (int) PySys_SetObject$.H.invokeExact(name, v); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

}
