package dev.easel.pybridge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one candidate (a python executable or a libpython shared library) into a checked
 * {@link PythonInstallation}, or rejects it with the reason: CPython 3.11 or newer, a libpython that is
 * a 64-bit ELF shared object for this CPU, and a standard library ({@code home/lib/pythonX.Y/os.py}).
 */
final class InstallationCheck {
    /** The oldest CPython Easel supports. */
    static final PythonVersion OLDEST_SUPPORTED = new PythonVersion(3, 11, 0);
    private static final System.Logger LOG = System.getLogger(InstallationCheck.class.getName());

    private InstallationCheck() {
    }

    static PythonInstallation fromExecutable(Path exe, String origin, Map<String, String> env) throws Rejected {
        exe = exe.toAbsolutePath().normalize();
        if (!Files.exists(exe)) {
            throw new Rejected("no such file");
        }
        if (!Files.isRegularFile(exe) || !Files.isExecutable(exe)) {
            throw new Rejected("not an executable file");
        }
        PythonProbe.Facts f = PythonProbe.facts(exe, env);
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

    static PythonInstallation fromLibrary(Path lib, String origin, Map<String, String> env) throws Rejected {
        lib = lib.toAbsolutePath().normalize();
        if (!Files.exists(lib)) {
            throw new Rejected("no such file");
        }
        if (!Files.isRegularFile(lib)) {
            throw new Rejected("not a file");
        }
        Matcher m = SearchPlaces.LIBRARY_NAME.matcher(lib.getFileName().toString());
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
                PythonProbe.Facts f = PythonProbe.facts(exe, env);
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

    static boolean isSupported(int major, int minor) {
        return new PythonVersion(major, minor, 0).isAtLeast(OLDEST_SUPPORTED.major(), OLDEST_SUPPORTED.minor());
    }

    /** Where the executable's libpython may be, most likely first. */
    private static List<Path> libraryCandidates(PythonProbe.Facts f, Path exe, String abi) {
        Set<String> names = new LinkedHashSet<>();
        for (String n : new String[] {f.instsoname(), f.ldlibrary()}) {
            if (n != null && SearchPlaces.LIBRARY_NAME.matcher(n).matches()) {
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
        Path realExe = SearchPlaces.realPath(f.executable() != null ? f.executable() : exe);
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
        for (Path start : new LinkedHashSet<>(List.of(SearchPlaces.realPath(lib), lib))) {
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
        checkElf(lib, System.getProperty("os.arch", ""));
    }

    /** {@link #checkElf(Path)} as on a JVM whose {@code os.arch} is {@code osArch}. */
    static void checkElf(Path lib, String osArch) throws Rejected {
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
        int expected = switch (osArch) {
            case "amd64", "x86_64" -> 62;
            case "aarch64", "arm64" -> 183;
            case "riscv64" -> 243;
            case "ppc64le" -> 21;
            case "s390x" -> 22;
            default -> machine;
        };
        if (machine != expected) {
            throw new Rejected("built for another CPU (ELF machine " + machine + "); this JVM runs on " + osArch);
        }
    }

    static PythonInstallation withOrigin(PythonInstallation i, String origin) {
        return new PythonInstallation(i.library(), i.home(), i.executable(), i.version(), i.freeThreaded(), origin);
    }
}
