package dev.easel.pybridge;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The process environment as C sees it (libc {@code setenv}/{@code unsetenv}): CPython reads
 * {@code PYTHONHOME} with {@code getenv}, which {@link System#getenv()} cannot change.
 */
final class ProcessEnv {
    private ProcessEnv() {
    }

    static void setenv(String name, String value) {
        try (Arena a = Arena.ofConfined()) {
            int rc = (int) Libc.SETENV.invokeExact(a.allocateFrom(name), a.allocateFrom(value), 1);
            if (rc != 0) {
                throw new IllegalStateException("setenv " + name + " failed");
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static void unsetenv(String name) {
        try (Arena a = Arena.ofConfined()) {
            int rc = (int) Libc.UNSETENV.invokeExact(a.allocateFrom(name));
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static final class Libc {
        static final Linker L = Linker.nativeLinker();
        static final MethodHandle SETENV = L.downcallHandle(L.defaultLookup().find("setenv").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        static final MethodHandle UNSETENV = L.downcallHandle(L.defaultLookup().find("unsetenv").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, ADDRESS));
    }
}
