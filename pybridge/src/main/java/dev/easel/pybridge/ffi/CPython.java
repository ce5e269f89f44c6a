package dev.easel.pybridge.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Loads libpython once per process and makes method handles for its symbols.
 *
 * <p>On Linux and macOS libpython must be opened with {@code RTLD_NOW | RTLD_GLOBAL}: C extension
 * modules resolve {@code Py*} symbols from the global namespace, and {@link SymbolLookup#libraryLookup}
 * opens libraries locally. So this class calls {@code dlopen} itself, with the flag values of the
 * OS ({@link #dlopenFlags}). Windows has no global namespace: extension modules link against
 * {@code python3XY.dll} by name, so {@code LoadLibrary} (what {@code libraryLookup} does) is right there.
 */
public final class CPython {
    private static final Linker LINKER = Linker.nativeLinker();

    private static volatile SymbolLookup lookup;
    private static volatile Path loadedPath;

    private CPython() {}

    /**
     * Opens libpython globally. Idempotent for the same path; a second, different library in one
     * process is refused, since two CPythons cannot share a process.
     */
    public static synchronized void load(Path library) {
        Path abs = library.toAbsolutePath();
        if (loadedPath != null) {
            if (!loadedPath.equals(abs)) {
                throw new IllegalStateException("libpython " + loadedPath
                        + " is already loaded in this process; cannot also load " + abs);
            }
            return;
        }
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            lookup = SymbolLookup.libraryLookup(abs, Arena.global()); // never unloaded, as dlopen's handle
            loadedPath = abs;
            return;
        }
        int flags = dlopenFlags(System.getProperty("os.name", ""));
        SymbolLookup libc = LINKER.defaultLookup();
        MethodHandle dlopen = LINKER.downcallHandle(libc.find("dlopen").orElseThrow(),
                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
        MethodHandle dlsym = LINKER.downcallHandle(libc.find("dlsym").orElseThrow(),
                FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        MethodHandle dlerror = LINKER.downcallHandle(libc.find("dlerror").orElseThrow(),
                FunctionDescriptor.of(ADDRESS));
        MemorySegment handle;
        try (Arena arena = Arena.ofConfined()) {
            handle = (MemorySegment) dlopen.invokeExact(arena.allocateFrom(abs.toString()), flags);
            if (handle.equals(MemorySegment.NULL)) {
                MemorySegment err = (MemorySegment) dlerror.invokeExact();
                String why = err.equals(MemorySegment.NULL) ? "unknown error"
                        : err.reinterpret(Long.MAX_VALUE).getString(0);
                throw new UnsatisfiedLinkError("cannot load " + abs + ": " + why);
            }
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        final MemorySegment lib = handle;
        lookup = name -> {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment sym = (MemorySegment) dlsym.invokeExact(lib, arena.allocateFrom(name));
                return sym.equals(MemorySegment.NULL) ? Optional.empty() : Optional.of(sym);
            } catch (Throwable t) {
                return Optional.empty();
            }
        };
        loadedPath = abs;
    }

    /**
     * {@code RTLD_NOW | RTLD_GLOBAL} as {@code dlopen} on {@code osName} spells it: glibc and musl
     * have RTLD_GLOBAL 0x100, macOS and the BSDs 0x8 (RTLD_NOW is 0x2 on all of them).
     */
    static int dlopenFlags(String osName) {
        int rtldNow = 0x2;
        boolean linux = osName.startsWith("Linux");
        int rtldGlobal = linux ? 0x100 : 0x8;
        return rtldNow | rtldGlobal;
    }

    /** The library loaded by {@link #load}, or {@code null}. */
    public static Path loadedLibrary() {
        return loadedPath;
    }

    /** The address of an exported symbol (function or data); empty when this build lacks it. */
    public static Optional<MemorySegment> find(String name) {
        SymbolLookup l = lookup;
        if (l == null) {
            throw new IllegalStateException("libpython is not loaded");
        }
        return l.find(name);
    }

    /** Whether this libpython exports {@code name}. */
    public static boolean has(String name) {
        return find(name).isPresent();
    }

    /** A downcall handle for a symbol every supported version exports. */
    public static MethodHandle downcall(String name, FunctionDescriptor fd, Linker.Option... options) {
        MemorySegment sym = find(name).orElseThrow(
                () -> new UnsatisfiedLinkError("libpython lacks " + name));
        return LINKER.downcallHandle(sym, fd, options);
    }

    /** A downcall handle for a symbol only some versions or builds export, or {@code null}. */
    public static MethodHandle downcallOrNull(String name, FunctionDescriptor fd, Linker.Option... options) {
        return find(name).map(sym -> LINKER.downcallHandle(sym, fd, options)).orElse(null);
    }

    /** The first of several alternative names that this libpython exports (renames across versions). */
    public static MethodHandle downcallFirst(FunctionDescriptor fd, String... names) {
        for (String n : names) {
            MethodHandle h = downcallOrNull(n, fd);
            if (h != null) {
                return h;
            }
        }
        throw new UnsatisfiedLinkError("libpython lacks all of " + String.join(", ", names));
    }

    /** The address of an exported data symbol such as {@code _Py_NoneStruct} or {@code PyExc_TypeError}. */
    public static MemorySegment data(String name) {
        return find(name).orElseThrow(() -> new UnsatisfiedLinkError("libpython lacks " + name));
    }

    /** An upcall stub living as long as {@code arena}. */
    public static MemorySegment upcall(MethodHandle target, FunctionDescriptor fd, Arena arena) {
        return LINKER.upcallStub(target, fd, arena);
    }

    /** Rethrows what a method handle threw, unchecked: downcalls throw nothing else. */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    /** Reads a NUL-terminated UTF-8 string at {@code p}; {@code null} for a null pointer. */
    public static String cString(MemorySegment p) {
        return p.equals(MemorySegment.NULL) ? null : p.reinterpret(Long.MAX_VALUE).getString(0);
    }
}
