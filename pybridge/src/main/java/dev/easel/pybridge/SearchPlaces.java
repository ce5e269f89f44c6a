package dev.easel.pybridge;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Where Pythons are looked for: pyenv roots, the system's library folders, {@code PATH}; and path helpers. */
final class SearchPlaces {
    static final System.Logger LOG = System.getLogger(SearchPlaces.class.getName());

    /** libpython3.12.so, libpython3.12.so.1.0, libpython3.13t.so.1.0, libpython3.7m.so (not libpython3.so). */
    static final Pattern LIBRARY_NAME = Pattern.compile("libpython(\\d+)\\.(\\d+)(t?)d?m?\\.so(?:\\.\\d+)*");

    private SearchPlaces() {
    }

    static List<Path> pyenvRoots(Map<String, String> env) {
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
                    Subprocess.Output out = Subprocess.run(List.of(pyenv.toString(), "root"), env, Duration.ofSeconds(5));
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
    static Path pyenvExecutable(Path dir, Matcher name) {
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

    static List<Path> systemLibraryFolders() {
        String multiarch = multiarch(System.getProperty("os.arch", ""));
        List<Path> dirs = new ArrayList<>();
        if (multiarch != null) {
            dirs.add(Path.of("/usr/lib", multiarch));
        }
        for (String d : List.of("/usr/lib64", "/usr/lib", "/usr/local/lib", "/usr/local/lib64")) {
            dirs.add(Path.of(d));
        }
        return dirs.stream().filter(Files::isDirectory).toList();
    }

    /** Debian's multiarch folder name under /usr/lib for a JVM's {@code os.arch}; null for one it has none for. */
    static String multiarch(String osArch) {
        return switch (osArch) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64", "arm64" -> "aarch64-linux-gnu";
            case "riscv64" -> "riscv64-linux-gnu";
            case "ppc64le" -> "powerpc64le-linux-gnu";
            case "s390x" -> "s390x-linux-gnu";
            default -> null;
        };
    }

    /**
     * The libpython shared libraries in a folder (not recursive), one per real file, preferring the
     * name with a version suffix ({@code .so.1.0}, the SONAME); only for {@code abi} ("3.12", "3.13t") if given.
     */
    static List<Path> libraries(Path dir, String abi) {
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

    static List<Path> list(Path dir) {
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

    static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home")).toAbsolutePath().normalize();
    }

    static Path expandHome(String path, Map<String, String> env) {
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
}
