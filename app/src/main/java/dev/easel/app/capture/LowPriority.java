package dev.easel.app.capture;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

/**
 * Makes the calling thread yield the processor to everything else: on Linux its nice value goes
 * to 19 ({@code setpriority} on its own thread id, which Linux applies to that thread only), so a
 * recording's encoder uses idle processor time and the canvas, raster and FX threads keep theirs;
 * elsewhere {@link Thread#MIN_PRIORITY}, which macOS and Windows honour. A nice value cannot be
 * lowered again without privileges: work that must go fast later moves to a new thread.
 */
final class LowPriority {
    private static final MethodHandle GETTID;
    private static final MethodHandle SETPRIORITY;

    static {
        MethodHandle gettid = null;
        MethodHandle setpriority = null;
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                gettid = libc.find("gettid").map(a -> linker.downcallHandle(a, FunctionDescriptor.of(ValueLayout.JAVA_INT)))
                        .orElse(null);
                setpriority = libc.find("setpriority").map(a -> linker.downcallHandle(a,
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                                ValueLayout.JAVA_INT))).orElse(null);
            } catch (RuntimeException | LinkageError e) {
                gettid = null; // no native access: the Java priority only
                setpriority = null;
            }
        }
        GETTID = gettid;
        SETPRIORITY = setpriority;
    }

    private LowPriority() {}

    /** Lowers the calling thread's priority as far as it goes; true when the OS's nice value was set. */
    static boolean lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        if (GETTID == null || SETPRIORITY == null) {
            return false;
        }
        try {
            int tid = (int) GETTID.invokeExact();
            return (int) SETPRIORITY.invokeExact(0 /* PRIO_PROCESS: a thread id on Linux */, tid, 19) == 0;
        } catch (Throwable e) {
            return false;
        }
    }
}
