package dev.easel.pybridge;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Stacks of the threads that run Python.
 *
 * <p>Python's recursion limit (1000 frames by default) assumes the 8 MiB stack of a process's
 * main thread, and a Java thread has 1 MiB unless told otherwise. Where Python and Java call each
 * other (a built-in that calls back into Python), every level also costs Java frames: nested a few
 * hundred times on a default stack, the JVM overflows its stack inside an upcall, which it cannot
 * survive. So: threads Easel makes to run Python get {@link #STACK_SIZE} ({@link #builder()}), and
 * on every thread the nesting of Java built-ins is counted and limited to what its stack holds;
 * past the limit the call raises {@code RecursionError} in Python.
 */
public final class PythonThreads {
    private PythonThreads() {}

    /** The stack size of threads Easel makes to run Python: Python's recursion limit fits with room to spare. */
    public static final long STACK_SIZE = 16L << 20;

    /** A platform thread builder with {@link #STACK_SIZE}: for threads that run Python. */
    public static Thread.Builder.OfPlatform builder() {
        return Thread.ofPlatform().stackSize(STACK_SIZE);
    }

    /**
     * Runs {@code action} on a new platform thread and waits for it (uninterruptibly): for work that
     * must attach, such as closing (shutdown attaches to ask threads to stop), asked for on a
     * virtual thread, which cannot attach.
     */
    static <T> T onPlatformThread(String name, java.util.function.Supplier<T> action) {
        java.util.concurrent.CompletableFuture<T> done = new java.util.concurrent.CompletableFuture<>();
        builder().name(name).daemon(true).start(() -> {
            try {
                done.complete(action.get());
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        try {
            return done.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * Stack bytes one level of Python → Java built-in → Python may take: measured 3.7-4.9 KiB on
     * 3.11-3.14 (interpreted and compiled Java frames), and built-ins with more Java in them take more.
     */
    static final long BYTES_PER_UPCALL = 12L << 10;
    /** Kept free below the deepest upcall allowed: Python's and Java's own frames around it. */
    static final long RESERVE = 256L << 10;
    /** The limit on threads whose stack size cannot be read: what a default 1 MiB Java stack holds. */
    static final int DEFAULT_LIMIT = (int) (((1L << 20) - RESERVE) / BYTES_PER_UPCALL);
    /** No thread nests deeper than this, whatever its stack (Python's own limit stops it sooner). */
    static final int MAX_LIMIT = 5000;

    /** How deeply Java built-ins may nest on the calling thread, from its stack size. */
    static int upcallLimit() {
        long size = currentStackSize();
        if (size <= 0) {
            return DEFAULT_LIMIT;
        }
        long levels = (size - RESERVE) / BYTES_PER_UPCALL;
        return (int) Math.max(8, Math.min(MAX_LIMIT, levels));
    }

    /** The calling thread's stack size ({@code pthread_getattr_np}), or 0 when it cannot be read. */
    static long currentStackSize() {
        if (Pthread.GETATTR == null) {
            return 0;
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment attr = a.allocate(256, 16); // pthread_attr_t: 56 bytes on glibc x86-64; room to spare
            MemorySegment self = (MemorySegment) Pthread.SELF.invokeExact();
            if ((int) Pthread.GETATTR.invokeExact(self, attr) != 0) {
                return 0;
            }
            try {
                MemorySegment size = a.allocate(JAVA_LONG);
                if ((int) Pthread.GETSTACKSIZE.invokeExact(attr, size) != 0) {
                    return 0;
                }
                return size.get(JAVA_LONG, 0);
            } finally {
                int ignored = (int) Pthread.DESTROY.invokeExact(attr);
            }
        } catch (Throwable t) {
            return 0;
        }
    }

    /** glibc's thread attributes; null handles where the C library lacks them (not Linux). */
    private static final class Pthread {
        static final Linker L = Linker.nativeLinker();
        static final MethodHandle SELF = handle("pthread_self", FunctionDescriptor.of(ADDRESS));
        static final MethodHandle GETATTR = handle("pthread_getattr_np", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle GETSTACKSIZE = handle("pthread_attr_getstacksize",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle DESTROY = handle("pthread_attr_destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));

        private static MethodHandle handle(String name, FunctionDescriptor fd) {
            return L.defaultLookup().find(name).map(s -> L.downcallHandle(s, fd)).orElse(null);
        }
    }
}
