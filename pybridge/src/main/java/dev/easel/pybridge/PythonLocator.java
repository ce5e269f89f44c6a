package dev.easel.pybridge;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
 * <p>Facts about an executable come from running it once (bounded by {@value #PROBE_SECONDS} s) with a
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
    public static final PythonVersion OLDEST_SUPPORTED = new PythonVersion(3, 11, 0);

    static final int PROBE_SECONDS = 10;
    /** How long a python executable may take to print its facts. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(PROBE_SECONDS);

    private static final System.Logger LOG = System.getLogger(PythonLocator.class.getName());

    /** libpython3.12.so, libpython3.12.so.1.0, libpython3.13t.so.1.0, libpython3.7m.so (not libpython3.so). */
    private static final Pattern LIBRARY_NAME = Pattern.compile("libpython(\\d+)\\.(\\d+)(t?)d?m?\\.so(?:\\.\\d+)*");
    /** 3.12, 3.12.1, 3.13t, 3.13.0t. */
    private static final Pattern VERSION_CHOICE = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?(t?)");
    /** pyenv folder names: 3.12.1, 3.13.0t, 3.14-dev, 3.13t-dev, 3.14.0rc1. */
    private static final Pattern PYENV_NAME = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?(t?)(?:(?:a|b|rc)\\d+)?(t?)(?:-dev)?");

    /** Prints what the locator needs to know, on one line. Valid Python 2.7 too, so old ones get a clear rejection. */
    private static final String FACTS_SCRIPT = """
            import sys, sysconfig, json
            v = sysconfig.get_config_var
            d = {"major": sys.version_info[0], "minor": sys.version_info[1], "micro": sys.version_info[2],
                 "base_prefix": getattr(sys, "base_prefix", sys.prefix), "executable": sys.executable,
                 "LIBDIR": v("LIBDIR"), "LDLIBRARY": v("LDLIBRARY"), "INSTSONAME": v("INSTSONAME"),
                 "Py_GIL_DISABLED": v("Py_GIL_DISABLED"), "Py_ENABLE_SHARED": v("Py_ENABLE_SHARED"),
                 "MULTIARCH": v("MULTIARCH")}
            sys.stdout.write("EASEL-FACTS " + json.dumps(d) + "\\n")
            """;
    private static final String FACTS_MARKER = "EASEL-FACTS ";

    /** Facts of executables that are not wrappers (sys.executable is the file itself), by path, size and time. */
    private static final Map<String, Facts> FACTS_CACHE = new ConcurrentHashMap<>();

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
            tried.add("bundled CPython " + BundledPython.ABI + ": the org.bytedeco:cpython jar (linux-x86_64) is not on the class path");
        } catch (RuntimeException e) {
            tried.add("bundled CPython " + BundledPython.ABI + ": " + e.getMessage());
        }
        Path python3 = which("python3", env);
        if (python3 == null) {
            tried.add("python3 on PATH: not found");
        } else {
            try {
                return fromExecutable(python3, "PATH python3", env);
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
            BundledPython.find(env).ifPresent(b -> found.putIfAbsent(realPath(b.library()), b));
        } catch (RuntimeException e) {
            rejected.add("bundled CPython " + BundledPython.ABI + ": " + e.getMessage());
        }
        for (Path root : pyenvRoots(env)) {
            for (Path dir : list(root.resolve("versions"))) {
                String name = dir.getFileName().toString();
                Matcher m = PYENV_NAME.matcher(name);
                if (m.matches() && !isSupported(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))) {
                    continue; // 2.7, 3.9, 3.10: not worth running
                }
                Path exe = pyenvExecutable(dir, m.matches() ? m : null);
                if (exe == null) {
                    rejected.add(dir + " (pyenv " + name + "): no bin/python3");
                    continue;
                }
                try {
                    PythonInstallation i = fromExecutable(exe, "pyenv " + name, env);
                    found.putIfAbsent(realPath(i.library()), i);
                } catch (Rejected r) {
                    rejected.add(exe + " (pyenv " + name + "): " + r.getMessage());
                }
            }
        }
        for (Path dir : systemLibraryFolders()) {
            for (Path lib : libraries(dir, null)) {
                Matcher m = LIBRARY_NAME.matcher(lib.getFileName().toString());
                if (m.matches() && !isSupported(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))) {
                    continue;
                }
                if (found.containsKey(realPath(lib))) {
                    continue;
                }
                try {
                    PythonInstallation i = fromLibrary(lib, "system " + dir, env);
                    found.putIfAbsent(realPath(i.library()), i);
                } catch (Rejected r) {
                    rejected.add(lib + " (system " + dir + "): " + r.getMessage());
                }
            }
        }
        Path python3 = which("python3", env);
        if (python3 != null) {
            try {
                PythonInstallation i = fromExecutable(python3, "PATH python3", env);
                found.putIfAbsent(realPath(i.library()), i);
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

    /** What a finished (or timed out) subprocess printed. */
    record ProcessOutput(int exitCode, String output) {
    }

    /**
     * Runs a short command with exactly {@code env} as its environment and no input; stdout and stderr
     * together, at most 64 KiB kept. On time out it is killed (with its children) and an IOException thrown.
     */
    static ProcessOutput run(List<String> command, Map<String, String> env, Duration timeout) throws IOException {
        Path out = Files.createTempFile("easel-python-probe", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            boolean finished;
            try {
                finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill(p);
                throw new IOException("interrupted while waiting for " + command.getFirst(), e);
            }
            if (!finished) {
                kill(p);
                throw new IOException("did not answer within " + timeout.toSeconds() + " s");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(out)) {
                bytes = in.readNBytes(64 * 1024);
            }
            return new ProcessOutput(p.exitValue(), new String(bytes, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    // ================================================================= choices

    private static PythonInstallation resolveChoice(String choice, String origin, Map<String, String> env) {
        List<String> tried = new ArrayList<>();
        String summary = "No usable Python for " + origin;
        if (choice.equalsIgnoreCase("bundled")) {
            try {
                Optional<PythonInstallation> b = BundledPython.find(env);
                if (b.isPresent()) {
                    return withOrigin(b.get(), origin);
                }
                tried.add("bundled CPython " + BundledPython.ABI + ": the org.bytedeco:cpython jar (linux-x86_64) is not on the class path");
            } catch (RuntimeException e) {
                tried.add("bundled CPython " + BundledPython.ABI + ": " + e.getMessage());
            }
            throw new PythonNotFoundException(summary, tried);
        }
        Matcher version = VERSION_CHOICE.matcher(choice);
        if (version.matches()) {
            return resolveVersion(version, origin, env, summary);
        }
        Path path = expandHome(choice, env);
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
                    return fromExecutable(exe, origin, env);
                }
            }
            List<Path> libs = libraries(path, null);
            if (!libs.isEmpty()) {
                return fromLibrary(libs.getFirst(), origin, env);
            }
            throw new Rejected("a folder with neither bin/python3 nor a libpython3.X.so; give a python executable, a libpython shared library or a version");
        }
        if (path.getFileName().toString().startsWith("libpython")) {
            return fromLibrary(path, origin, env);
        }
        return fromExecutable(path, origin, env);
    }

    private static PythonInstallation resolveVersion(Matcher wish, String origin, Map<String, String> env, String summary) {
        int major = Integer.parseInt(wish.group(1));
        int minor = Integer.parseInt(wish.group(2));
        Integer micro = wish.group(3) == null ? null : Integer.parseInt(wish.group(3));
        boolean ft = !wish.group(4).isEmpty();
        String abi = major + "." + minor + (ft ? "t" : "");
        List<String> tried = new ArrayList<>();
        if (!isSupported(major, minor)) {
            tried.add(wish.group() + ": Python " + major + "." + minor + " is older than " + OLDEST_SUPPORTED.major() + "."
                    + OLDEST_SUPPORTED.minor() + ", the oldest Easel supports");
            throw new PythonNotFoundException(summary, tried);
        }
        // 1. pyenv, newest micro first
        record PyenvDir(Path dir, Matcher name, int micro) {
        }
        List<PyenvDir> pyenv = new ArrayList<>();
        for (Path root : pyenvRoots(env)) {
            for (Path dir : list(root.resolve("versions"))) {
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
            Path exe = pyenvExecutable(d.dir(), d.name());
            if (exe == null) {
                tried.add(d.dir() + " (pyenv): no bin/python" + abi);
                continue;
            }
            Optional<PythonInstallation> i = tryCandidate(() -> fromExecutable(exe, origin, env),
                    exe + " (pyenv " + d.dir().getFileName() + ")", major, minor, micro, ft, tried);
            if (i.isPresent()) {
                return i.get();
            }
        }
        // 2. system library folders
        Set<Path> seen = new LinkedHashSet<>();
        for (Path dir : systemLibraryFolders()) {
            for (Path lib : libraries(dir, abi)) {
                if (!seen.add(realPath(lib))) {
                    continue;
                }
                Optional<PythonInstallation> i = tryCandidate(() -> fromLibrary(lib, origin, env),
                        lib + " (system)", major, minor, micro, ft, tried);
                if (i.isPresent()) {
                    return i.get();
                }
            }
        }
        if (seen.isEmpty()) {
            tried.add("system library folders (" + String.join(", ", systemLibraryFolders().stream().map(Path::toString).toList())
                    + "): no libpython" + abi + ".so");
        }
        // 3. pythonX.Y on PATH
        Path onPath = which("python" + abi, env);
        if (onPath != null) {
            Optional<PythonInstallation> i = tryCandidate(() -> fromExecutable(onPath, origin, env),
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
                    return withOrigin(BundledPython.find(env).orElseThrow(() -> new Rejected("not on the class path")), origin);
                } catch (RuntimeException e) {
                    throw new Rejected(e.getMessage());
                }
            }, "bundled CPython " + BundledPython.ABI, major, minor, micro, ft, tried);
            if (i.isPresent()) {
                return i.get();
            }
        }
        if (pyenv.isEmpty()) {
            tried.add(0, "pyenv (" + String.join(", ", pyenvRoots(env).stream().map(r -> r.resolve("versions").toString()).toList())
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

    // ================================================================= checking one candidate

    /** The reason a candidate cannot be used. */
    private static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    /** What a python executable says about itself. */
    private record Facts(PythonVersion version, boolean freeThreaded, Path basePrefix, Path executable, String libdir,
                         String ldlibrary, String instsoname, Long enableShared, String multiarch) {
    }

    private static PythonInstallation fromExecutable(Path exe, String origin, Map<String, String> env) throws Rejected {
        exe = exe.toAbsolutePath().normalize();
        if (!Files.exists(exe)) {
            throw new Rejected("no such file");
        }
        if (!Files.isRegularFile(exe) || !Files.isExecutable(exe)) {
            throw new Rejected("not an executable file");
        }
        Facts f = facts(exe, env);
        String abi = f.version().major() + "." + f.version().minor() + (f.freeThreaded() ? "t" : "");
        rejectIfOld(f.version());
        Path home = f.basePrefix();
        List<Path> candidates = libraryCandidates(f, exe, abi);
        Path library = candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
        if (library == null) {
            if (Long.valueOf(0).equals(f.enableShared())) {
                throw new Rejected("Python " + f.version() + " is built without a shared libpython (configure --enable-shared)");
            }
            String hint = home.equals(Path.of("/usr")) ? " (Debian/Ubuntu: apt install libpython" + abi + ")" : "";
            throw new Rejected("no libpython" + abi + ".so found; looked for "
                    + String.join(", ", candidates.stream().map(Path::toString).distinct().toList()) + hint);
        }
        checkElf(library);
        checkStdlib(home, abi);
        Path executable = f.executable() != null && Files.isExecutable(f.executable()) ? f.executable() : exe;
        return new PythonInstallation(library, home, Optional.of(executable), f.version(), f.freeThreaded(), origin);
    }

    private static PythonInstallation fromLibrary(Path lib, String origin, Map<String, String> env) throws Rejected {
        lib = lib.toAbsolutePath().normalize();
        if (!Files.exists(lib)) {
            throw new Rejected("no such file");
        }
        if (!Files.isRegularFile(lib)) {
            throw new Rejected("not a file");
        }
        Matcher m = LIBRARY_NAME.matcher(lib.getFileName().toString());
        if (!m.matches()) {
            throw new Rejected("not a libpython shared library name (expected libpython3.X.so, libpython3.X.so.1.0 or libpython3.Xt.so)");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        boolean ft = !m.group(3).isEmpty();
        String abi = major + "." + minor + (ft ? "t" : "");
        if (!isSupported(major, minor)) {
            throw new Rejected("Python " + major + "." + minor + " is older than " + OLDEST_SUPPORTED.major() + "."
                    + OLDEST_SUPPORTED.minor() + ", the oldest Easel supports");
        }
        checkElf(lib);
        Path home = findHome(lib, abi);
        if (home == null) {
            throw new Rejected("no standard library: no lib/python" + abi + "/os.py in the three folders above " + lib);
        }
        PythonVersion version = patchLevel(home, abi).orElse(new PythonVersion(major, minor, 0));
        Optional<Path> executable = Optional.empty();
        Path exe = home.resolve("bin").resolve("python" + abi);
        if (Files.isRegularFile(exe) && Files.isExecutable(exe)) {
            try {
                Facts f = facts(exe, env);
                if (f.version().major() == major && f.version().minor() == minor && f.freeThreaded() == ft) {
                    version = f.version();
                    executable = Optional.of(f.executable() != null && Files.isExecutable(f.executable()) ? f.executable() : exe);
                }
            } catch (Rejected r) {
                LOG.log(System.Logger.Level.DEBUG, "{0} (next to {1}) does not run: {2}", exe, lib, r.getMessage());
            }
        }
        rejectIfOld(version);
        return new PythonInstallation(lib, home, executable, version, ft, origin);
    }

    private static void rejectIfOld(PythonVersion v) throws Rejected {
        if (v.compareTo(OLDEST_SUPPORTED) < 0) {
            throw new Rejected(v + " is older than " + OLDEST_SUPPORTED.major() + "." + OLDEST_SUPPORTED.minor()
                    + ", the oldest Easel supports");
        }
    }

    private static boolean isSupported(int major, int minor) {
        return new PythonVersion(major, minor, 0).isAtLeast(OLDEST_SUPPORTED.major(), OLDEST_SUPPORTED.minor());
    }

    /** Where the executable's libpython may be, most likely first. */
    private static List<Path> libraryCandidates(Facts f, Path exe, String abi) {
        Set<String> names = new LinkedHashSet<>();
        for (String n : new String[] {f.instsoname(), f.ldlibrary()}) {
            if (n != null && LIBRARY_NAME.matcher(n).matches()) {
                names.add(n);
            }
        }
        names.add("libpython" + abi + ".so.1.0");
        names.add("libpython" + abi + ".so.1");
        names.add("libpython" + abi + ".so");
        Set<Path> dirs = new LinkedHashSet<>();
        if (f.libdir() != null && !f.libdir().isBlank()) {
            dirs.add(Path.of(f.libdir()));
        }
        dirs.add(f.basePrefix().resolve("lib"));
        dirs.add(f.basePrefix().resolve("lib64"));
        dirs.add(f.basePrefix()); // the bundled layout: libpython next to bin/ and lib/
        Path realExe = realPath(f.executable() != null ? f.executable() : exe);
        if (realExe.getParent() != null && realExe.getParent().getParent() != null) {
            dirs.add(realExe.getParent().getParent().resolve("lib"));
        }
        if (f.multiarch() != null && !f.multiarch().isBlank()) {
            dirs.add(Path.of("/usr/lib", f.multiarch()));
        }
        List<Path> candidates = new ArrayList<>();
        for (Path d : dirs) {
            for (String n : names) {
                candidates.add(d.resolve(n).toAbsolutePath().normalize());
            }
        }
        return candidates;
    }

    /**
     * The nearest folder above the library (real path first, then as given) with lib/pythonX.Y/os.py.
     * Looks at most three folders up (the library's own folder: the bundled layout; its parent:
     * {@code prefix/lib/libpython*}; its grandparent: {@code /usr/lib/x86_64-linux-gnu/libpython*}), and
     * never takes {@code /}: on merged-/usr systems {@code /lib/python3.X/os.py} exists and would
     * wrongly adopt any stray copy of a libpython.
     */
    private static Path findHome(Path lib, String abi) {
        for (Path start : new LinkedHashSet<>(List.of(realPath(lib), lib))) {
            Path dir = start.getParent();
            for (int level = 0; level < 3 && dir != null && dir.getParent() != null; level++, dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("lib").resolve("python" + abi).resolve("os.py"))) {
                    return dir;
                }
            }
        }
        return null;
    }

    private static void checkStdlib(Path home, String abi) throws Rejected {
        Path stdlib = home.resolve("lib").resolve("python" + abi);
        if (!Files.isRegularFile(stdlib.resolve("os.py"))) {
            throw new Rejected("no standard library at " + stdlib + " (os.py missing)");
        }
    }

    /** The micro version from include/pythonX.Y/patchlevel.h, when the headers are installed. */
    private static Optional<PythonVersion> patchLevel(Path home, String abi) {
        Path h = home.resolve("include").resolve("python" + abi).resolve("patchlevel.h");
        try {
            if (Files.isRegularFile(h)) {
                Matcher m = Pattern.compile("#define\\s+PY_VERSION\\s+\"([^\"]+)\"").matcher(Files.readString(h, StandardCharsets.ISO_8859_1));
                if (m.find()) {
                    return Optional.of(PythonVersion.parse(m.group(1)));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot read {0}: {1}", h, e);
        }
        return Optional.empty();
    }

    /** Rejects files that dlopen would refuse: not ELF, 32-bit, or for another CPU. */
    private static void checkElf(Path lib) throws Rejected {
        byte[] h;
        try (InputStream in = Files.newInputStream(lib)) {
            h = in.readNBytes(20);
        } catch (IOException e) {
            throw new Rejected("cannot read: " + e.getMessage());
        }
        if (h.length < 20 || h[0] != 0x7f || h[1] != 'E' || h[2] != 'L' || h[3] != 'F') {
            throw new Rejected("not an ELF shared library");
        }
        if (h[4] != 2) {
            throw new Rejected("a 32-bit library; this JVM is 64-bit");
        }
        int type = h[5] == 1 ? (h[16] & 0xff) | (h[17] & 0xff) << 8 : (h[17] & 0xff) | (h[16] & 0xff) << 8;
        if (type != 3) {
            throw new Rejected("not a shared library (ELF type " + type + ")");
        }
        int machine = h[5] == 1 ? (h[18] & 0xff) | (h[19] & 0xff) << 8 : (h[19] & 0xff) | (h[18] & 0xff) << 8;
        int expected = switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> 62;
            case "aarch64", "arm64" -> 183;
            case "riscv64" -> 243;
            case "ppc64le" -> 21;
            case "s390x" -> 22;
            default -> machine;
        };
        if (machine != expected) {
            throw new Rejected("built for another CPU (ELF machine " + machine + "); this JVM runs on " + System.getProperty("os.arch"));
        }
    }

    // ================================================================= running python

    private static Facts facts(Path exe, Map<String, String> env) throws Rejected {
        String key = null;
        try {
            key = realPath(exe) + "|" + Files.size(exe) + "|" + Files.getLastModifiedTime(exe).toMillis();
            Facts cached = FACTS_CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        } catch (IOException e) {
            // not cached then
        }
        Map<String, String> childEnv = new HashMap<>();
        env.forEach((k, v) -> {
            if (!k.startsWith("PYTHON")) {
                childEnv.put(k, v);
            }
        });
        ProcessOutput out;
        try {
            out = run(List.of(exe.toString(), "-E", "-S", "-c", FACTS_SCRIPT), childEnv, PROBE_TIMEOUT);
        } catch (IOException e) {
            throw new Rejected("could not run it: " + e.getMessage());
        }
        String line = out.output().lines().filter(l -> l.startsWith(FACTS_MARKER)).reduce((a, b) -> b).orElse(null);
        if (out.exitCode() != 0 || line == null) {
            String first = out.output().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("no output");
            throw new Rejected("does not run as Python (exit status " + out.exitCode() + "): " + abbreviate(first));
        }
        Facts f;
        try {
            Map<String, Object> d = Json.parseFlatObject(line.substring(FACTS_MARKER.length()));
            PythonVersion version = new PythonVersion(((Long) d.get("major")).intValue(), ((Long) d.get("minor")).intValue(),
                    ((Long) d.get("micro")).intValue());
            Object gil = d.get("Py_GIL_DISABLED");
            String executable = (String) d.get("executable");
            f = new Facts(version, gil instanceof Long l && l != 0, Path.of((String) d.get("base_prefix")).toAbsolutePath().normalize(),
                    executable == null || executable.isBlank() ? null : Path.of(executable).toAbsolutePath().normalize(),
                    (String) d.get("LIBDIR"), (String) d.get("LDLIBRARY"), (String) d.get("INSTSONAME"),
                    d.get("Py_ENABLE_SHARED") instanceof Long l ? l : null, (String) d.get("MULTIARCH"));
        } catch (RuntimeException e) {
            throw new Rejected("printed facts Easel cannot read: " + abbreviate(line) + " (" + e + ")");
        }
        if (key != null && f.executable() != null && realPath(f.executable()).equals(realPath(exe))) {
            FACTS_CACHE.put(key, f); // not a shim or wrapper, whose answer may depend on the environment
        }
        return f;
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    // ================================================================= where to look

    private static List<Path> pyenvRoots(Map<String, String> env) {
        Set<Path> roots = new LinkedHashSet<>();
        String fromEnv = env.get("PYENV_ROOT");
        if (fromEnv != null && !fromEnv.isBlank()) {
            roots.add(Path.of(fromEnv).toAbsolutePath().normalize());
        }
        roots.add(home(env).resolve(".pyenv"));
        if (roots.stream().noneMatch(r -> Files.isDirectory(r.resolve("versions")))) {
            Path pyenv = which("pyenv", env);
            if (pyenv != null) {
                try {
                    ProcessOutput out = run(List.of(pyenv.toString(), "root"), env, Duration.ofSeconds(5));
                    String root = out.output().strip();
                    if (out.exitCode() == 0 && !root.isEmpty() && !root.contains("\n")) {
                        roots.add(Path.of(root).toAbsolutePath().normalize());
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, "pyenv root failed: {0}", e.toString());
                }
            }
        }
        return roots.stream().filter(r -> Files.isDirectory(r.resolve("versions"))).toList();
    }

    /** bin/pythonX.Y[t] of a pyenv version folder, else bin/python3, else bin/python; null if none. */
    private static Path pyenvExecutable(Path dir, Matcher name) {
        List<String> names = new ArrayList<>();
        if (name != null) {
            boolean ft = !name.group(4).isEmpty() || !name.group(5).isEmpty();
            names.add("python" + name.group(1) + "." + name.group(2) + (ft ? "t" : ""));
        }
        names.add("python3");
        names.add("python");
        for (String n : names) {
            Path exe = dir.resolve("bin").resolve(n);
            if (Files.isRegularFile(exe) && Files.isExecutable(exe)) {
                return exe;
            }
        }
        return null;
    }

    private static List<Path> systemLibraryFolders() {
        String multiarch = switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64", "arm64" -> "aarch64-linux-gnu";
            case "riscv64" -> "riscv64-linux-gnu";
            case "ppc64le" -> "powerpc64le-linux-gnu";
            case "s390x" -> "s390x-linux-gnu";
            default -> null;
        };
        List<Path> dirs = new ArrayList<>();
        if (multiarch != null) {
            dirs.add(Path.of("/usr/lib", multiarch));
        }
        for (String d : List.of("/usr/lib64", "/usr/lib", "/usr/local/lib", "/usr/local/lib64")) {
            dirs.add(Path.of(d));
        }
        return dirs.stream().filter(Files::isDirectory).toList();
    }

    /**
     * The libpython shared libraries in a folder (not recursive), one per real file, preferring the
     * name with a version suffix ({@code .so.1.0}, the SONAME); only for {@code abi} ("3.12", "3.13t") if given.
     */
    private static List<Path> libraries(Path dir, String abi) {
        Map<Path, Path> byReal = new LinkedHashMap<>();
        for (Path p : list(dir)) {
            String n = p.getFileName().toString();
            Matcher m = LIBRARY_NAME.matcher(n);
            if (!m.matches() || (abi != null && !abi.equals(m.group(1) + "." + m.group(2) + m.group(3))) || !Files.isRegularFile(p)) {
                continue;
            }
            byReal.merge(realPath(p), p, (a, b) -> b.getFileName().toString().length() > a.getFileName().toString().length() ? b : a);
        }
        return List.copyOf(byReal.values());
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Looks a program up in env's PATH, like a shell. */
    static Path which(String name, Map<String, String> env) {
        String path = env.get("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    private static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home")).toAbsolutePath().normalize();
    }

    private static Path expandHome(String path, Map<String, String> env) {
        if (path.equals("~")) {
            return home(env);
        }
        if (path.startsWith("~/")) {
            return home(env).resolve(path.substring(2));
        }
        return Path.of(path).toAbsolutePath().normalize();
    }

    static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static PythonInstallation withOrigin(PythonInstallation i, String origin) {
        return new PythonInstallation(i.library(), i.home(), i.executable(), i.version(), i.freeThreaded(), origin);
    }

    // ================================================================= a small JSON reader

    /** Reads the one flat JSON object the facts script prints: string, integer, boolean and null values. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Map<String, Object> parseFlatObject(String text) {
            Json j = new Json(text.strip());
            Map<String, Object> map = new HashMap<>();
            j.expect('{');
            j.blanks();
            if (j.peek() == '}') {
                j.i++;
                return map;
            }
            while (true) {
                j.blanks();
                String key = j.string();
                j.blanks();
                j.expect(':');
                j.blanks();
                map.put(key, j.value());
                j.blanks();
                char c = j.next();
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("expected , or } at " + (j.i - 1));
                }
            }
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String number = s.substring(start, i);
            if (number.isEmpty()) {
                throw new IllegalArgumentException("unexpected " + c + " at " + start);
            }
            return number.matches("-?\\d+") ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw new IllegalArgumentException("short \\u escape");
                        }
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> throw new IllegalArgumentException("bad escape \\" + e);
                }
            }
        }

        private void blanks() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private char peek() {
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            return s.charAt(i);
        }

        private char next() {
            char c = peek();
            i++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("expected " + c + " at " + (i - 1));
            }
        }
    }
}
