package dev.easel.pybridge.ffi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.*;

/** Raw bindings for moduleobject.h and methodobject.h: modules of built-in functions. The contract is the package's: see {@code package-info}. */
@SuppressWarnings({"unused", "checkstyle:MethodName"})
public final class moduleobject_h {
    private moduleobject_h() {}

    private static final class PyModule_New$ { static final MethodHandle H = CPython.downcall("PyModule_New", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyModule_New(MemorySegment name) {
        try { return (MemorySegment) PyModule_New$.H.invokeExact(name); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyModule_GetDict$ { static final MethodHandle H = CPython.downcall("PyModule_GetDict", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyModule_GetDict(MemorySegment module) {
        try { return (MemorySegment) PyModule_GetDict$.H.invokeExact(module); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyModule_AddFunctions$ { static final MethodHandle H = CPython.downcall("PyModule_AddFunctions", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)); }
    public static int PyModule_AddFunctions(MemorySegment module, MemorySegment defs) {
        try { return (int) PyModule_AddFunctions$.H.invokeExact(module, defs); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyModule_AddObjectRef$ { static final MethodHandle H = CPython.downcall("PyModule_AddObjectRef", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS)); }
    public static int PyModule_AddObjectRef(MemorySegment module, MemorySegment name, MemorySegment value) {
        try { return (int) PyModule_AddObjectRef$.H.invokeExact(module, name, value); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyUnstable_Module_SetGIL$ { static final MethodHandle H = CPython.downcallOrNull("PyUnstable_Module_SetGIL", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)); }
    /** Whether this libpython exports {@code PyUnstable_Module_SetGIL}. */
    public static boolean has_PyUnstable_Module_SetGIL() { return PyUnstable_Module_SetGIL$.H != null; }
    public static int PyUnstable_Module_SetGIL(MemorySegment module, MemorySegment gil) {
        try { return (int) PyUnstable_Module_SetGIL$.H.invokeExact(module, gil); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

}
