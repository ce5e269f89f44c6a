package dev.easel.pybridge;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A CPython installation that Easel can embed, as found and checked by {@link PythonLocator}.
 *
 * <p>Only paths and facts: nothing has been loaded. Every installation made by the locator has a
 * {@code library} file that exists and a standard library under {@code home} (the file
 * {@code home/lib/pythonX.Y/os.py}, {@code pythonX.Yt} for a free-threaded build), because CPython
 * ends the process during initialisation when it cannot find its standard library.
 *
 * @param library      absolute path of the libpython shared object to load with {@code dlopen}
 *                     ({@code RTLD_NOW | RTLD_GLOBAL}), for example
 *                     {@code /root/.pyenv/versions/3.12.1/lib/libpython3.12.so.1.0}
 * @param home         the value for {@code PYTHONHOME} (CPython's {@code config.home}): the prefix
 *                     whose {@code lib/pythonX.Y/os.py} exists; {@code /usr} for Debian's
 *                     {@code /usr/lib/x86_64-linux-gnu/libpython3.11.so.1}; for a venv's python, the
 *                     base installation, and {@code PYTHONHOME} is left unset so that CPython reads the
 *                     venv's {@code pyvenv.cfg} ({@link VirtualEnvironment})
 * @param executable   the python executable of the same installation, if there is one; the value
 *                     for {@code sys.executable} (used by {@code subprocess}, {@code multiprocessing},
 *                     {@code venv}, ...); a venv's python as given, not the file it links to
 * @param version      the CPython version; its micro part is 0 when it could not be learnt
 * @param freeThreaded {@code true} for a free-threaded build ({@code Py_GIL_DISABLED}, "3.13t")
 * @param origin       how this installation was chosen, for messages and {@code easel doctor}:
 *                     {@code "--python 3.12"}, {@code "EASEL_PYTHON=/usr/bin/python3.11"},
 *                     {@code "bundled"}, {@code "PATH python3"}, {@code "pyenv 3.12.1"}, ...
 */
public record PythonInstallation(Path library, Path home, Optional<Path> executable, PythonVersion version,
                                 boolean freeThreaded, String origin) {

    /**
     * Checks that no component is null and that the paths are absolute.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if {@code library}, {@code home} or the executable is a relative path
     */
    public PythonInstallation {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(origin, "origin");
        if (!library.isAbsolute() || !home.isAbsolute() || executable.map(p -> !p.isAbsolute()).orElse(false)) {
            throw new IllegalArgumentException("paths of a Python installation must be absolute: library " + library
                    + ", home " + home + ", executable " + executable.map(Path::toString).orElse("(none)"));
        }
    }

    /**
     * The name CPython uses for this build's standard library folder and files:
     * {@code "3.12"}, or {@code "3.13t"} for a free-threaded build.
     *
     * @return {@code major.minor}, followed by {@code t} when free-threaded
     */
    public String abiName() {
        return version.major() + "." + version.minor() + (freeThreaded ? "t" : "");
    }

    /**
     * The standard library folder, {@code home/lib/pythonX.Y} ({@code pythonX.Yt} when free-threaded).
     *
     * @return the folder that holds {@code os.py}
     */
    public Path stdlib() {
        return home.resolve("lib").resolve("python" + abiName());
    }

    /**
     * A one-line description for messages and logs, for example
     * {@code "CPython 3.12.1 (/root/.pyenv/versions/3.12.1/lib/libpython3.12.so.1.0, from --python 3.12)"}.
     *
     * @return a human-readable summary of this installation
     */
    public String describe() {
        return "CPython " + version + (freeThreaded ? " free-threaded" : "") + " (" + library + ", from " + origin + ")";
    }
}
