package dev.easel.pybridge.ffi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.*;

/** Raw bindings for dictobject.h: dict. The contract is the package's: see {@code package-info}. */
@SuppressWarnings({"unused", "checkstyle:MethodName"})
public final class dictobject_h {
    private dictobject_h() {}

    private static final class PyDict_New$ { static final MethodHandle H = CPython.downcall("PyDict_New", FunctionDescriptor.of(ADDRESS)); }
    public static MemorySegment PyDict_New() {
        try { return (MemorySegment) PyDict_New$.H.invokeExact(); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyDict_SetItem$ { static final MethodHandle H = CPython.downcall("PyDict_SetItem", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS)); }
    public static int PyDict_SetItem(MemorySegment d, MemorySegment key, MemorySegment v) {
        try { return (int) PyDict_SetItem$.H.invokeExact(d, key, v); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyDict_SetItemString$ { static final MethodHandle H = CPython.downcall("PyDict_SetItemString", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS)); }
    public static int PyDict_SetItemString(MemorySegment d, MemorySegment key, MemorySegment v) {
        try { return (int) PyDict_SetItemString$.H.invokeExact(d, key, v); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyDict_GetItemWithError$ { static final MethodHandle H = CPython.downcall("PyDict_GetItemWithError", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS)); }
    public static MemorySegment PyDict_GetItemWithError(MemorySegment d, MemorySegment key) {
        try { return (MemorySegment) PyDict_GetItemWithError$.H.invokeExact(d, key); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyDict_GetItemRef$ { static final MethodHandle H = CPython.downcallOrNull("PyDict_GetItemRef", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS)); }
    /** Whether this libpython exports {@code PyDict_GetItemRef}. */
    public static boolean has_PyDict_GetItemRef() { return PyDict_GetItemRef$.H != null; }
    public static int PyDict_GetItemRef(MemorySegment d, MemorySegment key, MemorySegment result) {
        try { return (int) PyDict_GetItemRef$.H.invokeExact(d, key, result); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyDict_GetItemStringRef$ { static final MethodHandle H = CPython.downcallOrNull("PyDict_GetItemStringRef", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS)); }
    /** Whether this libpython exports {@code PyDict_GetItemStringRef}. */
    public static boolean has_PyDict_GetItemStringRef() { return PyDict_GetItemStringRef$.H != null; }
    public static int PyDict_GetItemStringRef(MemorySegment d, MemorySegment key, MemorySegment result) {
        try { return (int) PyDict_GetItemStringRef$.H.invokeExact(d, key, result); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyDict_DelItem$ { static final MethodHandle H = CPython.downcall("PyDict_DelItem", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)); }
    public static int PyDict_DelItem(MemorySegment d, MemorySegment key) {
        try { return (int) PyDict_DelItem$.H.invokeExact(d, key); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyDict_Keys$ { static final MethodHandle H = CPython.downcall("PyDict_Keys", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyDict_Keys(MemorySegment d) {
        try { return (MemorySegment) PyDict_Keys$.H.invokeExact(d); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyDict_Items$ { static final MethodHandle H = CPython.downcall("PyDict_Items", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyDict_Items(MemorySegment d) {
        try { return (MemorySegment) PyDict_Items$.H.invokeExact(d); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyDict_Size$ { static final MethodHandle H = CPython.downcall("PyDict_Size", FunctionDescriptor.of(JAVA_LONG, ADDRESS)); }
    public static long PyDict_Size(MemorySegment d) {
        try { return (long) PyDict_Size$.H.invokeExact(d); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyDict_Copy$ { static final MethodHandle H = CPython.downcall("PyDict_Copy", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyDict_Copy(MemorySegment d) {
        try { return (MemorySegment) PyDict_Copy$.H.invokeExact(d); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyDict_Next$ { static final MethodHandle H = CPython.downcall("PyDict_Next", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS)); }
    public static int PyDict_Next(MemorySegment d, MemorySegment ppos, MemorySegment pkey, MemorySegment pvalue) {
        try { return (int) PyDict_Next$.H.invokeExact(d, ppos, pkey, pvalue); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

}
