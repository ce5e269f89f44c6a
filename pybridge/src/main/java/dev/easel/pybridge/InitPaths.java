package dev.easel.pybridge;

import dev.easel.pybridge.ffi.CPython;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Optional;

import static dev.easel.pybridge.ffi.pylifecycle_h.Py_SetProgramName;
import static dev.easel.pybridge.ffi.pylifecycle_h.Py_SetPythonHome;
import static dev.easel.pybridge.ffi.pylifecycle_h.has_Py_SetPythonHome;
import static dev.easel.pybridge.ffi.pylifecycle_h.has_Py_SetProgramName;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * What CPython is told, before {@code Py_InitializeEx}, about where it is, so that its own path
 * calculation ({@code getpath}) and {@code site} give what running the chosen {@code python} gives.
 *
 * <ul>
 *   <li>The program name is the installation's executable. Without it, an embedded CPython takes
 *       {@code python3} from {@code PATH} as {@code sys.executable} while {@code site} runs, and an
 *       activated venv (first on {@code PATH}) would lend the chosen Python its {@code sys.prefix}
 *       and {@code site-packages}, even when it is a venv of another Python version.</li>
 *   <li>The home is the installation's ({@code Py_SetPythonHome}, which CPython uses over
 *       {@code PYTHONHOME}), except for a venv's python ({@link VirtualEnvironment}): CPython reads
 *       {@code pyvenv.cfg} only when no home is set, and CPython 3.14 sets {@code sys.prefix} to the
 *       venv there (its {@code site} no longer does). So a venv starts exactly as its {@code python}
 *       does, from the program name alone, with {@code PYTHONHOME} removed from the environment.</li>
 *   <li>{@code PYTHONUSERBASE}, for the bundled CPython only: {@link BundledUserSite}; any other Python
 *       sees the value the process started with.</li>
 * </ul>
 *
 * <p>The process environment is only ever replaced or removed from here, never added to (unless not
 * {@linkplain PythonRuntime#reserveEnvironment() reserved}): see {@link ProcessEnv} for the crash that
 * adding a variable beside a GUI toolkit's start caused. The home is no longer in the environment
 * either, so processes a sketch starts (another Python among them) do not inherit it.
 */
final class InitPaths {
    private InitPaths() {
    }

    /** Before libpython is loaded: the process environment CPython reads. */
    static void beforeLoad(PythonInstallation installation) {
        if (VirtualEnvironment.of(installation).isPresent()) {
            // The probe ran this executable with -E (no PYTHONHOME): its base_prefix, our home, is
            // what CPython computes from pyvenv.cfg.
            ProcessEnv.unsetenv("PYTHONHOME");
        }
        // easel pip's packages: the bundled Python's user site, and no other Python's (reserved in main
        // with the bundled value: put back here to what the process started with).
        ProcessEnv.put("PYTHONUSERBASE", BundledUserSite.appliesTo(installation)
                ? BundledUserSite.userBase().toString() : System.getenv("PYTHONUSERBASE"));
    }

    /**
     * After libpython is loaded, before {@code Py_InitializeEx}: the program name.
     *
     * @throws IllegalStateException for a venv's python when this libpython cannot be told its
     *                               program name: it would start as the base Python, silently
     *                               without the venv's packages
     */
    static void beforeInitialize(PythonInstallation installation) {
        if (VirtualEnvironment.of(installation).isEmpty()) {
            setHome(installation.home());
        }
        Optional<Path> exe = installation.executable();
        if (exe.isEmpty()) {
            return;
        }
        if (!has_Py_SetProgramName()) {
            if (VirtualEnvironment.of(installation).isPresent()) {
                throw new IllegalStateException(CPython.loadedLibrary() + " has no Py_SetProgramName: Easel cannot start "
                        + "it as the venv's python " + exe.get() + "; choose the base Python instead");
            }
            return;
        }
        // CPython copies the name; the arena only has to outlive the call.
        try (Arena a = Arena.ofConfined()) {
            Py_SetProgramName(wideString(a, exe.get().toString()));
        }
    }

    /** The home CPython uses over {@code PYTHONHOME}; through the environment only where the call is gone. */
    private static void setHome(Path home) {
        if (!has_Py_SetPythonHome()) {
            ProcessEnv.setenv("PYTHONHOME", home.toString()); // a future CPython without it: PyConfig's home then
            return;
        }
        try (Arena a = Arena.ofConfined()) {
            Py_SetPythonHome(wideString(a, home.toString())); // copied by CPython
        }
    }

    /** {@code s} as a NUL-terminated {@code wchar_t} string: UTF-32 code points, as on Linux and macOS. */
    static MemorySegment wideString(Arena a, String s) {
        int[] cps = s.codePoints().toArray();
        MemorySegment w = a.allocate(JAVA_INT, cps.length + 1L);
        for (int i = 0; i < cps.length; i++) {
            w.setAtIndex(JAVA_INT, i, cps[i]);
        }
        w.setAtIndex(JAVA_INT, cps.length, 0);
        return w;
    }
}
