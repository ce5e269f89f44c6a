package dev.easel.pybridge.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * {@code PyInterpreterConfig}, {@code PyStatus} and {@code Py_NewInterpreterFromConfig}
 * (cpython/pylifecycle.h, 3.12+): seven ints in, a 32-byte status returned by value.
 */
public final class PyInterpreterConfig {
    private PyInterpreterConfig() {}

    /** {@code PyInterpreterConfig_OWN_GIL}. */
    public static final int OWN_GIL = 2;

    /** use_main_obmalloc, allow_fork, allow_exec, allow_threads, allow_daemon_threads, check_multi_interp_extensions, gil. */
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            JAVA_INT.withName("use_main_obmalloc"), JAVA_INT.withName("allow_fork"),
            JAVA_INT.withName("allow_exec"), JAVA_INT.withName("allow_threads"),
            JAVA_INT.withName("allow_daemon_threads"),
            JAVA_INT.withName("check_multi_interp_extensions"), JAVA_INT.withName("gil"));

    /** {@code PyStatus}: int _type; const char *func; const char *err_msg; int exitcode. */
    public static final StructLayout PYSTATUS = MemoryLayout.structLayout(
            JAVA_INT.withName("_type"), MemoryLayout.paddingLayout(4), ADDRESS.withName("func"),
            ADDRESS.withName("err_msg"), JAVA_INT.withName("exitcode"), MemoryLayout.paddingLayout(4));

    private static final class H {
        static final MethodHandle NEW = CPython.downcallOrNull("Py_NewInterpreterFromConfig",
                FunctionDescriptor.of(PYSTATUS, ADDRESS, ADDRESS));
    }

    /** Whether this libpython can make interpreters from a config (3.12+). */
    public static boolean has_Py_NewInterpreterFromConfig() {
        return H.NEW != null;
    }

    /** The isolated, own-GIL configuration ({@code _PyInterpreterConfig_INIT}), daemon threads off. */
    public static MemorySegment isolated(Arena arena) {
        MemorySegment c = arena.allocate(LAYOUT);
        int[] v = {0, 0, 0, 1, 0, 1, OWN_GIL};
        for (int i = 0; i < v.length; i++) {
            c.setAtIndex(JAVA_INT, i, v[i]);
        }
        return c;
    }

    /**
     * Calls {@code Py_NewInterpreterFromConfig}; returns the status struct (in {@code allocator}).
     * {@code tstateOut} receives the new thread state, current on return.
     */
    public static MemorySegment Py_NewInterpreterFromConfig(SegmentAllocator allocator,
                                                            MemorySegment tstateOut, MemorySegment config) {
        try {
            return (MemorySegment) H.NEW.invokeExact(allocator, tstateOut, config);
        } catch (Throwable t) {
            throw CPython.rethrow(t);
        }
    }

    /** {@code PyStatus_Exception}: whether a status is an error or an exit. */
    public static boolean isException(MemorySegment status) {
        return status.get(JAVA_INT, 0) != 0;
    }

    /** The status's error message, or {@code null}. */
    public static String errorMessage(MemorySegment status) {
        return CPython.cString(status.get(ADDRESS, 16));
    }
}
