package dev.easel.pybridge;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The process environment as C sees it (libc {@code getenv}/{@code setenv}/{@code unsetenv}), which
 * {@link System#getenv()} (a copy made when the JVM started) neither shows nor changes.
 *
 * <p>Why it matters: glibc's {@code setenv} is not thread-safe. <em>Adding</em> a variable may move
 * libc's whole array of variables and free the old one while another thread's {@code getenv} is
 * reading it: a crash in that thread (seen: GTK's start in JavaFX, {@code getenv} in
 * {@code GtkApplication._init}, while Python's start added its variables). Replacing the value of a
 * variable that is there, or removing one, is done in place and cannot crash a reader. So a process
 * that starts Python beside other native code {@linkplain #reserve adds every variable first}, before
 * those threads exist ({@link PythonRuntime#reserveEnvironment()}); starting Python then only replaces
 * or removes.
 */
public final class ProcessEnv {
    private ProcessEnv() {
    }

    /**
     * Adds {@code name=value} to the C environment if {@code name} is not there; leaves it alone if it is.
     * Call it before any other thread may read the environment (first thing in {@code main}), for each
     * variable the process will set later: later changes are then replacements, done in place.
     *
     * @param name  the variable
     * @param value its value for now (what will be set later, where that is known)
     */
    public static void reserve(String name, String value) {
        set(name, value, false);
    }

    /**
     * The variable's value in the C environment as it is now (which {@link System#getenv(String)} does not follow).
     *
     * @param name the variable
     * @return its value, or null when it is not set
     */
    public static String get(String name) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = (MemorySegment) Libc.GETENV.invokeExact(a.allocateFrom(name));
            return v.equals(MemorySegment.NULL) ? null : v.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Sets {@code name} (a replacement, in place, once {@linkplain #reserve reserved}). */
    static void setenv(String name, String value) {
        set(name, value, true);
    }

    /** Makes {@code name} what {@code value} says: set to it, or removed when null. Does nothing when already so. */
    static void put(String name, String value) {
        if (java.util.Objects.equals(get(name), value)) {
            return; // not even a replacement: the value a reader may be reading stays
        }
        if (value == null) {
            unsetenv(name);
        } else {
            setenv(name, value);
        }
    }

    private static void set(String name, String value, boolean replace) {
        try (Arena a = Arena.ofConfined()) {
            int rc = (int) Libc.SETENV.invokeExact(a.allocateFrom(name), a.allocateFrom(value), replace ? 1 : 0);
            if (rc != 0) {
                throw new IllegalStateException("setenv " + name + " failed");
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Removes {@code name} (in place: safe beside readers). */
    static void unsetenv(String name) {
        try (Arena a = Arena.ofConfined()) {
            int rc = (int) Libc.UNSETENV.invokeExact(a.allocateFrom(name));
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static final class Libc {
        static final Linker L = Linker.nativeLinker();
        static final MethodHandle GETENV = L.downcallHandle(L.defaultLookup().find("getenv").orElseThrow(),
                FunctionDescriptor.of(ADDRESS, ADDRESS));
        static final MethodHandle SETENV = L.downcallHandle(L.defaultLookup().find("setenv").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        static final MethodHandle UNSETENV = L.downcallHandle(L.defaultLookup().find("unsetenv").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, ADDRESS));
    }
}
