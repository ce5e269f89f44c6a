package dev.easel.pybridge.ffi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.*;

/** Raw bindings for pylifecycle.h: start, stop and sub-interpreters. The contract is the package's: see {@code package-info}. */
@SuppressWarnings({"unused", "checkstyle:MethodName"})
public final class pylifecycle_h {
    private pylifecycle_h() {}

    private static final class Py_InitializeEx$ { static final MethodHandle H = CPython.downcall("Py_InitializeEx", FunctionDescriptor.ofVoid(JAVA_INT)); }
    public static void Py_InitializeEx(int initsigs) {
        try { Py_InitializeEx$.H.invokeExact(initsigs); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class Py_FinalizeEx$ { static final MethodHandle H = CPython.downcall("Py_FinalizeEx", FunctionDescriptor.of(JAVA_INT)); }
    public static int Py_FinalizeEx() {
        try { return (int) Py_FinalizeEx$.H.invokeExact(); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class Py_IsInitialized$ { static final MethodHandle H = CPython.downcall("Py_IsInitialized", FunctionDescriptor.of(JAVA_INT)); }
    public static int Py_IsInitialized() {
        try { return (int) Py_IsInitialized$.H.invokeExact(); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class Py_GetVersion$ { static final MethodHandle H = CPython.downcall("Py_GetVersion", FunctionDescriptor.of(ADDRESS)); }
    public static MemorySegment Py_GetVersion() {
        try { return (MemorySegment) Py_GetVersion$.H.invokeExact(); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class Py_IsFinalizing$ { static final MethodHandle H = CPython.downcallOrNull("Py_IsFinalizing", FunctionDescriptor.of(JAVA_INT)); }
    /** Whether this libpython exports {@code Py_IsFinalizing}. */
    public static boolean has_Py_IsFinalizing() { return Py_IsFinalizing$.H != null; }
    public static int Py_IsFinalizing() {
        try { return (int) Py_IsFinalizing$.H.invokeExact(); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class _Py_IsFinalizing$ { static final MethodHandle H = CPython.downcallOrNull("_Py_IsFinalizing", FunctionDescriptor.of(JAVA_INT)); }
    /** Whether this libpython exports {@code _Py_IsFinalizing}. */
    public static boolean has__Py_IsFinalizing() { return _Py_IsFinalizing$.H != null; }
    public static int _Py_IsFinalizing() {
        try { return (int) _Py_IsFinalizing$.H.invokeExact(); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class Py_EndInterpreter$ { static final MethodHandle H = CPython.downcallOrNull("Py_EndInterpreter", FunctionDescriptor.ofVoid(ADDRESS)); }
    /** Whether this libpython exports {@code Py_EndInterpreter}. */
    public static boolean has_Py_EndInterpreter() { return Py_EndInterpreter$.H != null; }
    public static void Py_EndInterpreter(MemorySegment tstate) {
        try { Py_EndInterpreter$.H.invokeExact(tstate); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class Py_SetProgramName$ { static final MethodHandle H = CPython.downcallOrNull("Py_SetProgramName", FunctionDescriptor.ofVoid(ADDRESS)); }
    /** Whether this libpython exports {@code Py_SetProgramName} (3.11 to 3.14 do; deprecated since 3.11). */
    public static boolean has_Py_SetProgramName() { return Py_SetProgramName$.H != null; }
    /** {@code name}: a NUL-terminated {@code wchar_t} string; CPython copies it. Before initialisation only. */
    public static void Py_SetProgramName(MemorySegment name) {
        try { Py_SetProgramName$.H.invokeExact(name); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

    private static final class Py_SetPythonHome$ { static final MethodHandle H = CPython.downcallOrNull("Py_SetPythonHome", FunctionDescriptor.ofVoid(ADDRESS)); }
    /** Whether this libpython exports {@code Py_SetPythonHome} (3.11 to 3.14 do; deprecated since 3.11). */
    public static boolean has_Py_SetPythonHome() { return Py_SetPythonHome$.H != null; }
    /** {@code home}: a NUL-terminated {@code wchar_t} string, used over {@code PYTHONHOME}; CPython copies it. Before initialisation only. */
    public static void Py_SetPythonHome(MemorySegment home) {
        try { Py_SetPythonHome$.H.invokeExact(home); } catch (Throwable ex) { throw CPython.rethrow(ex); }
    }

}
