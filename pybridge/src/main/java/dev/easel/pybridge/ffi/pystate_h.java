package dev.easel.pybridge.ffi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.*;

/** Raw bindings for pystate.h: thread states and interpreter states. The contract is the package's: see {@code package-info}. */
@SuppressWarnings({"unused", "checkstyle:MethodName"})
public final class pystate_h {
    private pystate_h() {}

    private static final class PyThreadState_New$ { static final MethodHandle H = CPython.downcall("PyThreadState_New", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyThreadState_New(MemorySegment interp) {
        try { return (MemorySegment) PyThreadState_New$.H.invokeExact(interp); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyThreadState_Clear$ { static final MethodHandle H = CPython.downcall("PyThreadState_Clear", FunctionDescriptor.ofVoid(ADDRESS)); }
    public static void PyThreadState_Clear(MemorySegment tstate) {
        try { PyThreadState_Clear$.H.invokeExact(tstate); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyThreadState_Delete$ { static final MethodHandle H = CPython.downcall("PyThreadState_Delete", FunctionDescriptor.ofVoid(ADDRESS)); }
    public static void PyThreadState_Delete(MemorySegment tstate) {
        try { PyThreadState_Delete$.H.invokeExact(tstate); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyThreadState_DeleteCurrent$ { static final MethodHandle H = CPython.downcall("PyThreadState_DeleteCurrent", FunctionDescriptor.ofVoid()); }
    public static void PyThreadState_DeleteCurrent() {
        try { PyThreadState_DeleteCurrent$.H.invokeExact(); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyGILState_GetThisThreadState$ { static final MethodHandle H = CPython.downcall("PyGILState_GetThisThreadState", FunctionDescriptor.of(ADDRESS)); }
    public static MemorySegment PyGILState_GetThisThreadState() {
        try { return (MemorySegment) PyGILState_GetThisThreadState$.H.invokeExact(); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyThreadState_Swap$ { static final MethodHandle H = CPython.downcall("PyThreadState_Swap", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyThreadState_Swap(MemorySegment tstate) {
        try { return (MemorySegment) PyThreadState_Swap$.H.invokeExact(tstate); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyThreadState_Get$ { static final MethodHandle H = CPython.downcall("PyThreadState_Get", FunctionDescriptor.of(ADDRESS)); }
    public static MemorySegment PyThreadState_Get() {
        try { return (MemorySegment) PyThreadState_Get$.H.invokeExact(); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyThreadState_Get_raw$ { static final MethodHandle H = CPython.downcall("PyThreadState_Get", FunctionDescriptor.of(JAVA_LONG), Linker.Option.critical(false)); }
    public static long PyThreadState_Get_raw() {
        try { return (long) PyThreadState_Get_raw$.H.invokeExact(); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyThreadState_GetUnchecked$ { static final MethodHandle H = CPython.downcallOrNull("PyThreadState_GetUnchecked", FunctionDescriptor.of(ADDRESS)); }
    /** Whether this libpython exports {@code PyThreadState_GetUnchecked}. */
    public static boolean has_PyThreadState_GetUnchecked() { return PyThreadState_GetUnchecked$.H != null; }
    public static MemorySegment PyThreadState_GetUnchecked() {
        try { return (MemorySegment) PyThreadState_GetUnchecked$.H.invokeExact(); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class _PyThreadState_UncheckedGet$ { static final MethodHandle H = CPython.downcallOrNull("_PyThreadState_UncheckedGet", FunctionDescriptor.of(ADDRESS)); }
    /** Whether this libpython exports {@code _PyThreadState_UncheckedGet}. */
    public static boolean has__PyThreadState_UncheckedGet() { return _PyThreadState_UncheckedGet$.H != null; }
    public static MemorySegment _PyThreadState_UncheckedGet() {
        try { return (MemorySegment) _PyThreadState_UncheckedGet$.H.invokeExact(); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyThreadState_GetInterpreter$ { static final MethodHandle H = CPython.downcall("PyThreadState_GetInterpreter", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyThreadState_GetInterpreter(MemorySegment tstate) {
        try { return (MemorySegment) PyThreadState_GetInterpreter$.H.invokeExact(tstate); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyThreadState_GetID$ { static final MethodHandle H = CPython.downcall("PyThreadState_GetID", FunctionDescriptor.of(JAVA_LONG, ADDRESS)); }
    public static long PyThreadState_GetID(MemorySegment tstate) {
        try { return (long) PyThreadState_GetID$.H.invokeExact(tstate); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyThreadState_SetAsyncExc$ { static final MethodHandle H = CPython.downcall("PyThreadState_SetAsyncExc", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS)); }
    public static int PyThreadState_SetAsyncExc(long id, MemorySegment exc) {
        try { return (int) PyThreadState_SetAsyncExc$.H.invokeExact(id, exc); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyInterpreterState_Get$ { static final MethodHandle H = CPython.downcall("PyInterpreterState_Get", FunctionDescriptor.of(ADDRESS)); }
    public static MemorySegment PyInterpreterState_Get() {
        try { return (MemorySegment) PyInterpreterState_Get$.H.invokeExact(); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyInterpreterState_Main$ { static final MethodHandle H = CPython.downcall("PyInterpreterState_Main", FunctionDescriptor.of(ADDRESS)); }
    public static MemorySegment PyInterpreterState_Main() {
        try { return (MemorySegment) PyInterpreterState_Main$.H.invokeExact(); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyInterpreterState_GetID$ { static final MethodHandle H = CPython.downcall("PyInterpreterState_GetID", FunctionDescriptor.of(JAVA_LONG, ADDRESS)); }
    public static long PyInterpreterState_GetID(MemorySegment interp) {
        try { return (long) PyInterpreterState_GetID$.H.invokeExact(interp); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyInterpreterState_ThreadHead$ { static final MethodHandle H = CPython.downcall("PyInterpreterState_ThreadHead", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyInterpreterState_ThreadHead(MemorySegment interp) {
        try { return (MemorySegment) PyInterpreterState_ThreadHead$.H.invokeExact(interp); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyThreadState_Next$ { static final MethodHandle H = CPython.downcall("PyThreadState_Next", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyThreadState_Next(MemorySegment tstate) {
        try { return (MemorySegment) PyThreadState_Next$.H.invokeExact(tstate); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class PyInterpreterState_GetDict$ { static final MethodHandle H = CPython.downcall("PyInterpreterState_GetDict", FunctionDescriptor.of(ADDRESS, ADDRESS)); }
    public static MemorySegment PyInterpreterState_GetDict(MemorySegment interp) {
        try { return (MemorySegment) PyInterpreterState_GetDict$.H.invokeExact(interp); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

}
