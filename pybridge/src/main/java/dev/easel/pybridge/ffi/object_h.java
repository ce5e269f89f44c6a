package dev.easel.pybridge.ffi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.*;

/** Raw bindings for object.h and abstract.h: reference counts, attributes, calls. The contract is the package's: see {@code package-info}. */
@SuppressWarnings({"unused", "checkstyle:MethodName"})
public final class object_h {
    private object_h() {}

    private static final class Py_IncRef$ { static final MethodHandle H = CPython.downcall("Py_IncRef", FunctionDescriptor.ofVoid(ADDRESS), Linker.Option.critical(false)); }
    public static void Py_IncRef(MemorySegment o) {
        try { Py_IncRef$.H.invokeExact(o); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class Py_DecRef$ { static final MethodHandle H = CPython.downcall("Py_DecRef", FunctionDescriptor.ofVoid(ADDRESS)); }
    public static void Py_DecRef(MemorySegment o) {
        try { Py_DecRef$.H.invokeExact(o); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyObject_GetAttrString$ { static final MethodHandle H = CPython.downcall("PyObject_GetAttrString", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS)); }
    public static MemorySegment PyObject_GetAttrString(MemorySegment o, MemorySegment name) {
        try { return (MemorySegment) PyObject_GetAttrString$.H.invokeExact(o, name); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyObject_SetAttrString$ { static final MethodHandle H = CPython.downcall("PyObject_SetAttrString", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS)); }
    public static int PyObject_SetAttrString(MemorySegment o, MemorySegment name, MemorySegment v) {
        try { return (int) PyObject_SetAttrString$.H.invokeExact(o, name, v); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyObject_HasAttrString$ { static final MethodHandle H = CPython.downcall("PyObject_HasAttrString", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)); }
    public static int PyObject_HasAttrString(MemorySegment o, MemorySegment name) {
        try { return (int) PyObject_HasAttrString$.H.invokeExact(o, name); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyObject_GetAttr$ { static final MethodHandle H = CPython.downcall("PyObject_GetAttr", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS)); }
    public static MemorySegment PyObject_GetAttr(MemorySegment o, MemorySegment name) {
        try { return (MemorySegment) PyObject_GetAttr$.H.invokeExact(o, name); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyObject_SetAttr$ { static final MethodHandle H = CPython.downcall("PyObject_SetAttr", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS)); }
    public static int PyObject_SetAttr(MemorySegment o, MemorySegment name, MemorySegment v) {
        try { return (int) PyObject_SetAttr$.H.invokeExact(o, name, v); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyObject_Repr$ { static final MethodHandle H = CPython.downcall("PyObject_Repr", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyObject_Repr(MemorySegment o) {
        try { return (MemorySegment) PyObject_Repr$.H.invokeExact(o); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyObject_Str$ { static final MethodHandle H = CPython.downcall("PyObject_Str", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyObject_Str(MemorySegment o) {
        try { return (MemorySegment) PyObject_Str$.H.invokeExact(o); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyObject_Type$ { static final MethodHandle H = CPython.downcall("PyObject_Type", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyObject_Type(MemorySegment o) {
        try { return (MemorySegment) PyObject_Type$.H.invokeExact(o); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyObject_IsTrue$ { static final MethodHandle H = CPython.downcall("PyObject_IsTrue", FunctionDescriptor.of(JAVA_INT, ADDRESS)); }
    public static int PyObject_IsTrue(MemorySegment o) {
        try { return (int) PyObject_IsTrue$.H.invokeExact(o); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyObject_IsInstance$ { static final MethodHandle H = CPython.downcall("PyObject_IsInstance", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)); }
    public static int PyObject_IsInstance(MemorySegment o, MemorySegment cls) {
        try { return (int) PyObject_IsInstance$.H.invokeExact(o, cls); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyObject_Call$ { static final MethodHandle H = CPython.downcall("PyObject_Call", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS)); }
    public static MemorySegment PyObject_Call(MemorySegment callable, MemorySegment args, MemorySegment kwargs) {
        try { return (MemorySegment) PyObject_Call$.H.invokeExact(callable, args, kwargs); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyObject_CallObject$ { static final MethodHandle H = CPython.downcall("PyObject_CallObject", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS)); }
    public static MemorySegment PyObject_CallObject(MemorySegment callable, MemorySegment args) {
        try { return (MemorySegment) PyObject_CallObject$.H.invokeExact(callable, args); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyObject_Vectorcall$ { static final MethodHandle H = CPython.downcall("PyObject_Vectorcall", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS)); }
    public static MemorySegment PyObject_Vectorcall(MemorySegment callable, MemorySegment args, long nargsf, MemorySegment kwnames) {
        try { return (MemorySegment) PyObject_Vectorcall$.H.invokeExact(callable, args, nargsf, kwnames); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyObject_GetItem$ { static final MethodHandle H = CPython.downcall("PyObject_GetItem", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS)); }
    public static MemorySegment PyObject_GetItem(MemorySegment o, MemorySegment key) {
        try { return (MemorySegment) PyObject_GetItem$.H.invokeExact(o, key); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyObject_SetItem$ { static final MethodHandle H = CPython.downcall("PyObject_SetItem", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS)); }
    public static int PyObject_SetItem(MemorySegment o, MemorySegment key, MemorySegment v) {
        try { return (int) PyObject_SetItem$.H.invokeExact(o, key, v); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyObject_DelItem$ { static final MethodHandle H = CPython.downcall("PyObject_DelItem", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)); }
    public static int PyObject_DelItem(MemorySegment o, MemorySegment key) {
        try { return (int) PyObject_DelItem$.H.invokeExact(o, key); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyObject_Size$ { static final MethodHandle H = CPython.downcall("PyObject_Size", FunctionDescriptor.of(JAVA_LONG, ADDRESS)); }
    public static long PyObject_Size(MemorySegment o) {
        try { return (long) PyObject_Size$.H.invokeExact(o); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyObject_RichCompareBool$ { static final MethodHandle H = CPython.downcall("PyObject_RichCompareBool", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT)); }
    public static int PyObject_RichCompareBool(MemorySegment a, MemorySegment b, int op) {
        try { return (int) PyObject_RichCompareBool$.H.invokeExact(a, b, op); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyObject_Hash$ { static final MethodHandle H = CPython.downcall("PyObject_Hash", FunctionDescriptor.of(JAVA_LONG, ADDRESS)); }
    public static long PyObject_Hash(MemorySegment o) {
        try { return (long) PyObject_Hash$.H.invokeExact(o); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyObject_GetIter$ { static final MethodHandle H = CPython.downcall("PyObject_GetIter", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyObject_GetIter(MemorySegment o) {
        try { return (MemorySegment) PyObject_GetIter$.H.invokeExact(o); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyIter_Next$ { static final MethodHandle H = CPython.downcall("PyIter_Next", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyIter_Next(MemorySegment o) {
        try { return (MemorySegment) PyIter_Next$.H.invokeExact(o); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyCallable_Check$ { static final MethodHandle H = CPython.downcall("PyCallable_Check", FunctionDescriptor.of(JAVA_INT, ADDRESS)); }
    public static int PyCallable_Check(MemorySegment o) {
        try { return (int) PyCallable_Check$.H.invokeExact(o); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyNumber_Index$ { static final MethodHandle H = CPython.downcall("PyNumber_Index", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyNumber_Index(MemorySegment o) {
        try { return (MemorySegment) PyNumber_Index$.H.invokeExact(o); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyNumber_Float$ { static final MethodHandle H = CPython.downcall("PyNumber_Float", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyNumber_Float(MemorySegment o) {
        try { return (MemorySegment) PyNumber_Float$.H.invokeExact(o); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyObject_GetBuffer$ { static final MethodHandle H = CPython.downcall("PyObject_GetBuffer", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT)); }
    public static int PyObject_GetBuffer(MemorySegment o, MemorySegment view, int flags) {
        try { return (int) PyObject_GetBuffer$.H.invokeExact(o, view, flags); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyBuffer_Release$ { static final MethodHandle H = CPython.downcall("PyBuffer_Release", FunctionDescriptor.ofVoid(ADDRESS)); }
    public static void PyBuffer_Release(MemorySegment view) {
        try { PyBuffer_Release$.H.invokeExact(view); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyBuffer_IsContiguous$ { static final MethodHandle H = CPython.downcall("PyBuffer_IsContiguous", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT)); }
    public static int PyBuffer_IsContiguous(MemorySegment view, int order) {
        try { return (int) PyBuffer_IsContiguous$.H.invokeExact(view, order); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyType_GetName$ { static final MethodHandle H = CPython.downcallOrNull("PyType_GetName", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    /** Whether this libpython exports {@code PyType_GetName}. */
    public static boolean has_PyType_GetName() { return PyType_GetName$.H != null; }
    public static MemorySegment PyType_GetName(MemorySegment type) {
        try { return (MemorySegment) PyType_GetName$.H.invokeExact(type); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyType_GetQualName$ { static final MethodHandle H = CPython.downcallOrNull("PyType_GetQualName", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    /** Whether this libpython exports {@code PyType_GetQualName}. */
    public static boolean has_PyType_GetQualName() { return PyType_GetQualName$.H != null; }
    public static MemorySegment PyType_GetQualName(MemorySegment type) {
        try { return (MemorySegment) PyType_GetQualName$.H.invokeExact(type); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyType_IsSubtype$ { static final MethodHandle H = CPython.downcall("PyType_IsSubtype", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)); }
    public static int PyType_IsSubtype(MemorySegment a, MemorySegment b) {
        try { return (int) PyType_IsSubtype$.H.invokeExact(a, b); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

}
