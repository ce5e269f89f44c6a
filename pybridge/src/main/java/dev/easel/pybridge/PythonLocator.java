package dev.easel.pybridge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the CPython that Easel embeds, and checks it can be embedded, without loading anything.
 *
 * <p>The order, as in the architecture: an explicit choice ({@code --python PATH|VERSION}), then the
 * environment variable {@code EASEL_PYTHON}, then the bundled CPython 3.14 ({@link BundledPython}),
 * then {@code python3} on {@code PATH}. A choice (from either of the first two) is one of:
 * <ul>
 *   <li>a python executable ({@code /usr/bin/python3.11}, a pyenv shim, a venv's {@code python});</li>
 *   <li>a libpython shared library ({@code /usr/lib/x86_64-linux-gnu/libpython3.11.so.1},
 *       {@code libpython3.13t.so} for a free-threaded build);</li>
 *   <li>an installation folder (one with {@code bin/python3});</li>
 *   <li>a version, {@code 3.12}, {@code 3.12.1} or {@code 3.13t}, searched in pyenv
 *       ({@code $PYENV_ROOT}, {@code ~/.pyenv}, {@code pyenv root}), the system library folders
 *       ({@code /usr/lib/x86_64-linux-gnu}, {@code /usr/lib64}, {@code /usr/lib}, {@code /usr/local/lib}),
 *       {@code python3.X} on {@code PATH}, and the bundled CPython;</li>
 *   <li>the word {@code bundled}.</li>
 * </ul>
 * A choice that cannot be used is an error ({@link PythonNotFoundException}), never a silent fall
 * back to another Python.
 *
 * <p>Facts about an executable come from running it once (bounded by {@value PythonProbe#PROBE_SECONDS} s) with a
 * tiny script that prints {@code sys.version_info}, {@code sys.base_prefix} and the {@code sysconfig}
 * variables {@code LIBDIR}, {@code LDLIBRARY}, {@code INSTSONAME}, {@code Py_GIL_DISABLED} and
 * {@code Py_ENABLE_SHARED}; that also resolves pyenv shims, since {@code sys.executable} names the real
 * binary. Facts about a library come from its file name and the folders around it. Every installation
 * returned has been checked: CPython 3.11 or newer, a libpython that is a 64-bit ELF shared object
 * for this CPU, and a standard library ({@code home/lib/pythonX.Y/os.py}).
 *
 * <p>All methods are thread-safe.
 */
public final class PythonLocator {

    /** The oldest CPython Easel supports. */
    public static final PythonVersion OLDEST_SUPPORTED = InstallationCheck.OLDEST_SUPPORTED;

    /** 3.12, 3.12.1, 3.13t, 3.13.0t. */
    private static final Pattern VERSION_CHOICE = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?(t?)");
    /** pyenv folder names: 3.12.1, 3.13.0t, 3.14-dev, 3.13t-dev, 3.14.0rc1. */
    private static final Pattern PYENV_NAME = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?(t?)(?:(?:a|b|rc)\\d+)?(t?)(?:-dev)?");

    private PythonLocator() {
    }

    // ================================================================= public API

    /**
     * Finds the Python to embed, in Easel's order: {@code choice}, then {@code EASEL_PYTHON}, then the
     * bundled CPython, then {@code python3} on {@code PATH}. Same as
     * {@link #locate(String, Map) locate(choice, System.getenv())}.
     *
     * @param choice the value of {@code --python}: a python executable, a libpython shared library,
     *               an installation folder, a version ({@code 3.12}, {@code 3.13t}) or {@code bundled};
     *               {@code null} or blank when the user gave none
     * @return the checked installation
     * @throws PythonNotFoundException if the choice cannot be used, or nothing usable was found; its
     *                                 message lists what was tried and why each was rejected
     */
    public static PythonInstallation locate(String choice) {
        return locate(choice, System.getenv());
    }

    /**
     * Finds the Python to embed, reading the environment from {@code env} instead of the process:
     * {@code EASEL_PYTHON}, {@code PATH}, {@code HOME}, {@code PYENV_ROOT}, {@code EASEL_CACHE},
     * {@code XDG_CACHE_HOME}. Python executables run to learn their facts get {@code env} as their
     * environment, without the {@code PYTHON*} variables.
     *
     * @param choice the value of {@code --python}, or {@code null}; see {@link #locate(String)}
     * @param env    the environment to consult (for example a copy of {@link System#getenv()} with
     *               {@code EASEL_PYTHON} set)
     * @return the checked installation
     * @throws PythonNotFoundException if the choice or {@code EASEL_PYTHON} cannot be used, or nothing
     *                                 usable was found
     */
    public static PythonInstallation locate(String choice, Map<String, String> env) {
        if (choice != null && !choice.isBlank()) {
            return resolveChoice(choice.strip(), "--python " + choice.strip(), env);
        }
        String fromEnv = env.get("EASEL_PYTHON");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return resolveChoice(fromEnv.strip(), "EASEL_PYTHON=" + fromEnv.strip(), env);
        }
        List<String> tried = new ArrayList<>();
        try {
            Optional<PythonInstallation> bundled = BundledPython.find(env);
            if (bundled.isPresent()) {
                return bundled.get();
            }
            tried.add("bundled CPython " + BundledPython.ABI + ": " + BundledPython.notOnClassPath());
        } catch (RuntimeException e) {
            tried.add("bundled CPython " + BundledPython.ABI + ": " + e.getMessage());
        }
        Path python3 = SearchPlaces.which("python3", env);
        if (python3 == null) {
            tried.add("python3 on PATH: not found");
        } else {
            try {
                return InstallationCheck.fromExecutable(python3, "PATH python3", env);
            } catch (Rejected r) {
                tried.add(python3 + " (PATH python3): " + r.getMessage());
            }
        }
        throw new PythonNotFoundException("No usable Python found (no --python, no EASEL_PYTHON)", tried);
    }

    /**
     * Every distinct usable Python on this machine: the bundled CPython, pyenv versions 3.11 and newer,
     * the system's libpython3.X shared libraries, and {@code python3} on {@code PATH}. Duplicates (the
     * same library by real path) are dropped, keeping the first found in that order. Sorted by version,
     * then GIL build before free-threaded, then library path. Used by tests to cover every Python found.
     *
     * @return the installations, oldest first; empty if there is none
     */
    public static List<PythonInstallation> findAll() {
        return findAll(System.getenv(), new ArrayList<>());
    }

    // ================================================================= package-private API

    /** Like {@link #findAll()}, reading {@code env}, and adding every rejected candidate to {@code rejected}. */
    static List<PythonInstallation> findAll(Map<String, String> env, List<String> rejected) {
        Map<Path, PythonInstallation> found = new LinkedHashMap<>();
        try {
            BundledPython.find(env).ifPresent(b -> found.putIfAbsent(SearchPlaces.realPath(b.library()), b));
        } catch (RuntimeException e) {
            rejected.add("bundled CPython " + BundledPython.ABI + ": " + e.getMessage());
        }
        for (Path root : SearchPlaces.pyenvRoots(env)) {
            for (Path dir : SearchPlaces.list(root.resolve("versions"))) {
                String name = dir.getFileName().toString();
                Matcher m = PYENV_NAME.matcher(name);
                if (m.matches() && !InstallationCheck.isSupported(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))) {
                    continue; // 2.7, 3.9, 3.10: not worth running
                }
                Path exe = SearchPlaces.pyenvExecutable(dir, m.matches() ? m : null);
                if (exe == null) {
                    rejected.add(dir + " (pyenv " + name + "): no bin/python3");
                    continue;
                }
                try {
                    PythonInstallation i = InstallationCheck.fromExecutable(exe, "pyenv " + name, env);
                    found.putIfAbsent(SearchPlaces.realPath(i.library()), i);
                } catch (Rejected r) {
                    rejected.add(exe + " (pyenv " + name + "): " + r.getMessage());
                }
            }
        }
        for (Path dir : SearchPlaces.systemLibraryFolders()) {
            for (Path lib : SearchPlaces.libraries(dir, null)) {
                Matcher m = SearchPlaces.LIBRARY_NAME.matcher(lib.getFileName().toString());
                if (m.matches() && !InstallationCheck.isSupported(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))) {
                    continue;
                }
                if (found.containsKey(SearchPlaces.realPath(lib))) {
                    continue;
                }
                try {
                    PythonInstallation i = InstallationCheck.fromLibrary(lib, "system " + dir, env);
                    found.putIfAbsent(SearchPlaces.realPath(i.library()), i);
                } catch (Rejected r) {
                    rejected.add(lib + " (system " + dir + "): " + r.getMessage());
                }
            }
        }
        Path python3 = SearchPlaces.which("python3", env);
        if (python3 != null) {
            try {
                PythonInstallation i = InstallationCheck.fromExecutable(python3, "PATH python3", env);
                found.putIfAbsent(SearchPlaces.realPath(i.library()), i);
            } catch (Rejected r) {
                rejected.add(python3 + " (PATH python3): " + r.getMessage());
            }
        }
        return found.values().stream()
                .sorted(Comparator.comparing(PythonInstallation::version)
                        .thenComparing(PythonInstallation::freeThreaded)
                        .thenComparing(i -> i.library().toString()))
                .toList();
    }

    // ================================================================= choices

    private static PythonInstallation resolveChoice(String choice, String origin, Map<String, String> env) {
        List<String> tried = new ArrayList<>();
        String summary = "No usable Python for " + origin;
        if (choice.equalsIgnoreCase("bundled")) {
            try {
                Optional<PythonInstallation> b = BundledPython.find(env);
                if (b.isPresent()) {
                    return InstallationCheck.withOrigin(b.get(), origin);
                }
                tried.add("bundled CPython " + BundledPython.ABI + ": " + BundledPython.notOnClassPath());
            } catch (RuntimeException e) {
                tried.add("bundled CPython " + BundledPython.ABI + ": " + e.getMessage());
            }
            throw new PythonNotFoundException(summary, tried);
        }
        Matcher version = VERSION_CHOICE.matcher(choice);
        if (version.matches()) {
            return resolveVersion(version, origin, env, summary);
        }
        Path path = SearchPlaces.expandHome(choice, env);
        try {
            return fromPath(path, origin, env);
        } catch (Rejected r) {
            String hint = "";
            Path parent = path.getParent();
            if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("shims")
                    && parent.getParent() != null && Files.isDirectory(parent.getParent().resolve("versions"))) {
                hint = " (a pyenv shim runs the python of the current pyenv version; give a version such as 3.12, "
                        + "or the real path that `pyenv which` prints)";
            }
            tried.add(path + ": " + r.getMessage() + hint);
        }
        throw new PythonNotFoundException(summary, tried);
    }

    /** A path given by the user: a library, an executable, or an installation folder. */
    private static PythonInstallation fromPath(Path path, String origin, Map<String, String> env) throws Rejected {
        if (!Files.exists(path)) {
            throw new Rejected("no such file");
        }
        if (Files.isDirectory(path)) {
            for (String name : List.of("bin/python3", "bin/python")) {
                Path exe = path.resolve(name);
                if (Files.isRegularFile(exe) && Files.isExecutable(exe)) {
                    return InstallationCheck.fromExecutable(exe, origin, env);
                }
            }
            List<Path> libs = SearchPlaces.libraries(path, null);
            if (!libs.isEmpty()) {
                return InstallationCheck.fromLibrary(libs.getFirst(), origin, env);
            }
            throw new Rejected("a folder with neither bin/python3 nor a libpython3.X.so; give a python executable, a libpython shared library or a version");
        }
        if (path.getFileName().toString().startsWith("libpython")) {
            return InstallationCheck.fromLibrary(path, origin, env);
        }
        return InstallationCheck.fromExecutable(path, origin, env);
    }

    private static PythonInstallation resolveVersion(Matcher wish, String origin, Map<String, String> env, String summary) {
        int major = Integer.parseInt(wish.group(1));
        int minor = Integer.parseInt(wish.group(2));
        Integer micro = wish.group(3) == null ? null : Integer.parseInt(wish.group(3));
        boolean ft = !wish.group(4).isEmpty();
        String abi = major + "." + minor + (ft ? "t" : "");
        List<String> tried = new ArrayList<>();
        if (!InstallationCheck.isSupported(major, minor)) {
            tried.add(wish.group() + ": Python " + major + "." + minor + " is older than " + OLDEST_SUPPORTED.major() + "."
                    + OLDEST_SUPPORTED.minor() + ", the oldest Easel supports");
            throw new PythonNotFoundException(summary, tried);
        }
        // 1. pyenv, newest micro first
        record PyenvDir(Path dir, Matcher name, int micro) {
        }
        List<PyenvDir> pyenv = new ArrayList<>();
        for (Path root : SearchPlaces.pyenvRoots(env)) {
            for (Path dir : SearchPlaces.list(root.resolve("versions"))) {
                Matcher m = PYENV_NAME.matcher(dir.getFileName().toString());
                if (m.matches() && Integer.parseInt(m.group(1)) == major && Integer.parseInt(m.group(2)) == minor
                        && (!m.group(4).isEmpty() || !m.group(5).isEmpty()) == ft) {
                    int dirMicro = m.group(3) == null ? -1 : Integer.parseInt(m.group(3));
                    if (micro == null || micro == dirMicro) {
                        pyenv.add(new PyenvDir(dir, m, dirMicro));
                    }
                }
            }
        }
        pyenv.sort(Comparator.comparingInt(PyenvDir::micro).reversed());
        for (PyenvDir d : pyenv) {
            Path exe = SearchPlaces.pyenvExecutable(d.dir(), d.name());
            if (exe == null) {
                tried.add(d.dir() + " (pyenv): no bin/python" + abi);
                continue;
            }
            Optional<PythonInstallation> i = tryCandidate(() -> InstallationCheck.fromExecutable(exe, origin, env),
                    exe + " (pyenv " + d.dir().getFileName() + ")", major, minor, micro, ft, tried);
            if (i.isPresent()) {
                return i.get();
            }
        }
        // 2. system library folders
        Set<Path> seen = new LinkedHashSet<>();
        for (Path dir : SearchPlaces.systemLibraryFolders()) {
            for (Path lib : SearchPlaces.libraries(dir, abi)) {
                if (!seen.add(SearchPlaces.realPath(lib))) {
                    continue;
                }
                Optional<PythonInstallation> i = tryCandidate(() -> InstallationCheck.fromLibrary(lib, origin, env),
                        lib + " (system)", major, minor, micro, ft, tried);
                if (i.isPresent()) {
                    return i.get();
                }
            }
        }
        if (seen.isEmpty()) {
            tried.add("system library folders (" + String.join(", ", SearchPlaces.systemLibraryFolders().stream().map(Path::toString).toList())
                    + "): no libpython" + abi + ".so");
        }
        // 3. pythonX.Y on PATH
        Path onPath = SearchPlaces.which("python" + abi, env);
        if (onPath != null) {
            Optional<PythonInstallation> i = tryCandidate(() -> InstallationCheck.fromExecutable(onPath, origin, env),
                    onPath + " (PATH python" + abi + ")", major, minor, micro, ft, tried);
            if (i.isPresent()) {
                return i.get();
            }
        } else {
            tried.add("python" + abi + " on PATH: not found");
        }
        // 4. the bundled one
        if (!ft && (major + "." + minor).equals(BundledPython.ABI) && BundledPython.isAvailable()) {
            Optional<PythonInstallation> i = tryCandidate(() -> {
                try {
                    return InstallationCheck.withOrigin(BundledPython.find(env).orElseThrow(() -> new Rejected("not on the class path")), origin);
                } catch (RuntimeException e) {
                    throw new Rejected(e.getMessage());
                }
            }, "bundled CPython " + BundledPython.ABI, major, minor, micro, ft, tried);
            if (i.isPresent()) {
                return i.get();
            }
        }
        if (pyenv.isEmpty()) {
            tried.add(0, "pyenv (" + String.join(", ", SearchPlaces.pyenvRoots(env).stream().map(r -> r.resolve("versions").toString()).toList())
                    + "): no version " + wish.group());
        }
        throw new PythonNotFoundException(summary, tried);
    }

    private interface Candidate {
        PythonInstallation get() throws Rejected;
    }

    private static Optional<PythonInstallation> tryCandidate(Candidate candidate, String label, int major, int minor,
                                                             Integer micro, boolean ft, List<String> tried) {
        try {
            PythonInstallation i = candidate.get();
            PythonVersion v = i.version();
            if (v.major() != major || v.minor() != minor || (micro != null && v.micro() != micro) || i.freeThreaded() != ft) {
                tried.add(label + ": is " + v + (i.freeThreaded() ? " free-threaded" : ""));
                return Optional.empty();
            }
            return Optional.of(i);
        } catch (Rejected r) {
            tried.add(label + ": " + r.getMessage());
            return Optional.empty();
        }
    }
}
