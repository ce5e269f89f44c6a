package dev.easel.pybridge.ffi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.*;

/** Raw bindings for import.h: modules and sys.modules. The contract is the package's: see {@code package-info}. */
@SuppressWarnings({"unused", "checkstyle:MethodName"})
public final class import_h {
    private import_h() {}

    private static final class PyImport_ImportModule$ { static final MethodHandle H = CPython.downcall("PyImport_ImportModule", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyImport_ImportModule(MemorySegment name) {
        try { return (MemorySegment) PyImport_ImportModule$.H.invokeExact(name); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyImport_GetModuleDict$ { static final MethodHandle H = CPython.downcall("PyImport_GetModuleDict", FunctionDescriptor.of(ADDRESS)); }
    public static MemorySegment PyImport_GetModuleDict() {
        try { return (MemorySegment) PyImport_GetModuleDict$.H.invokeExact(); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyImport_AddModule$ { static final MethodHandle H = CPython.downcall("PyImport_AddModule", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyImport_AddModule(MemorySegment name) {
        try { return (MemorySegment) PyImport_AddModule$.H.invokeExact(name); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyImport_GetModule$ { static final MethodHandle H = CPython.downcall("PyImport_GetModule", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyImport_GetModule(MemorySegment name) {
        try { return (MemorySegment) PyImport_GetModule$.H.invokeExact(name); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyImport_Import$ { static final MethodHandle H = CPython.downcall("PyImport_Import", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyImport_Import(MemorySegment name) {
        try { return (MemorySegment) PyImport_Import$.H.invokeExact(name); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

}
