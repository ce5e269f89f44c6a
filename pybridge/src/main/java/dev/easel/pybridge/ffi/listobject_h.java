package dev.easel.pybridge.ffi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.*;

/** Raw bindings for listobject.h: list. The contract is the package's: see {@code package-info}. */
@SuppressWarnings({"unused", "checkstyle:MethodName"})
public final class listobject_h {
    private listobject_h() {}

    private static final class PyList_New$ { static final MethodHandle H = CPython.downcall("PyList_New", FunctionDescriptor.of(ADDRESS, JAVA_LONG)); }
    public static MemorySegment PyList_New(long size) {
        try { return (MemorySegment) PyList_New$.H.invokeExact(size); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyList_Append$ { static final MethodHandle H = CPython.downcall("PyList_Append", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)); }
    public static int PyList_Append(MemorySegment list, MemorySegment item) {
        try { return (int) PyList_Append$.H.invokeExact(list, item); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyList_Size$ { static final MethodHandle H = CPython.downcall("PyList_Size", FunctionDescriptor.of(JAVA_LONG, ADDRESS)); }
    public static long PyList_Size(MemorySegment list) {
        try { return (long) PyList_Size$.H.invokeExact(list); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyList_GetItem$ { static final MethodHandle H = CPython.downcall("PyList_GetItem", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG)); }
    public static MemorySegment PyList_GetItem(MemorySegment list, long i) {
        try { return (MemorySegment) PyList_GetItem$.H.invokeExact(list, i); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyList_GetItemRef$ { static final MethodHandle H = CPython.downcallOrNull("PyList_GetItemRef", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG)); }
    /** Whether this libpython exports {@code PyList_GetItemRef}. */
    public static boolean has_PyList_GetItemRef() { return PyList_GetItemRef$.H != null; }
    public static MemorySegment PyList_GetItemRef(MemorySegment list, long i) {
        try { return (MemorySegment) PyList_GetItemRef$.H.invokeExact(list, i); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyList_SetItem$ { static final MethodHandle H = CPython.downcall("PyList_SetItem", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS)); }
    public static int PyList_SetItem(MemorySegment list, long i, MemorySegment item) {
        try { return (int) PyList_SetItem$.H.invokeExact(list, i, item); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyList_AsTuple$ { static final MethodHandle H = CPython.downcall("PyList_AsTuple", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyList_AsTuple(MemorySegment list) {
        try { return (MemorySegment) PyList_AsTuple$.H.invokeExact(list); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

}
