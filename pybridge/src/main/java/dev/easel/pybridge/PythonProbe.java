package dev.easel.pybridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a python executable once (bounded by {@value #PROBE_SECONDS} s) to learn its facts:
 * {@code sys.version_info}, {@code sys.base_prefix}, {@code sys.executable} and the {@code sysconfig}
 * variables the locator needs. The script prints one line per fact in a form that needs no parser:
 * {@code EASEL-FACT key i:<integer>}, {@code s:<UTF-8 bytes in hex>} or {@code n} (None), so any path,
 * whatever characters it holds, comes back intact.
 */
final class PythonProbe {
    static final int PROBE_SECONDS = 10;
    /** How long a python executable may take to print its facts. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(PROBE_SECONDS);

    /** Valid Python 2.7 too, so old ones get a clear rejection rather than a syntax error. */
    private static final String FACTS_SCRIPT = """
            import sys, sysconfig
            v = sysconfig.get_config_var
            facts = [("major", sys.version_info[0]), ("minor", sys.version_info[1]), ("micro", sys.version_info[2]),
                     ("base_prefix", getattr(sys, "base_prefix", sys.prefix)), ("executable", sys.executable)]
            facts += [(k, v(k)) for k in ("LIBDIR", "LDLIBRARY", "INSTSONAME", "Py_GIL_DISABLED", "Py_ENABLE_SHARED", "MULTIARCH")]
            def enc(x):
                if x is None:
                    return "n"
                if isinstance(x, bool) or isinstance(x, int):
                    return "i:%d" % int(x)
                if not isinstance(x, bytes):
                    x = str(x).encode("utf-8", "surrogateescape")
                return "s:" + "".join("%02x" % c for c in bytearray(x))
            for k, x in facts:
                sys.stdout.write("EASEL-FACT %s %s\\n" % (k, enc(x)))
            """;
    private static final String FACT_MARKER = "EASEL-FACT ";
    /** The environment variable with an executable's own facts ({@link #handedOver}). */
    static final String HANDED_FACTS = "EASEL_PYTHON_FACTS";

    /** Facts of executables that are not wrappers (sys.executable is the file run), by path, real path, size and time. */
    private static final Map<String, Facts> FACTS_CACHE = new ConcurrentHashMap<>();

    private PythonProbe() {
    }

    /** What a python executable says about itself. */
    record Facts(PythonVersion version, boolean freeThreaded, Path basePrefix, Path executable, String libdir,
                 String ldlibrary, String instsoname, Long enableShared, String multiarch) {
    }

    static Facts facts(Path exe, Map<String, String> env) throws Rejected {
        String key = null;
        try {
            // The path as given is part of the key: sys.executable (and a venv's prefix) follow the
            // link that was run, not the file it points to.
            key = exe.toAbsolutePath().normalize() + "|" + SearchPlaces.realPath(exe) + "|" + Files.size(exe) + "|"
                    + Files.getLastModifiedTime(exe).toMillis();
            Facts cached = FACTS_CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        } catch (IOException e) {
            // not cached then
        }
        Subprocess.Output out = handedOver(exe, env);
        boolean handed = out != null;
        if (!handed) {
            Map<String, String> childEnv = new HashMap<>();
            env.forEach((k, v) -> {
                if (!k.startsWith("PYTHON")) {
                    childEnv.put(k, v);
                }
            });
            try {
                out = Subprocess.run(List.of(exe.toString(), "-E", "-S", "-c", FACTS_SCRIPT), childEnv, PROBE_TIMEOUT);
            } catch (IOException e) {
                throw new Rejected("could not run it: " + e.getMessage());
            }
        }
        Map<String, Object> d = new HashMap<>();
        List<String> lines = out.output().lines().filter(l -> l.startsWith(FACT_MARKER)).toList();
        if (out.exitCode() != 0 || lines.isEmpty()) {
            String first = out.output().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("no output");
            throw new Rejected("does not run as Python (exit status " + out.exitCode() + "): " + abbreviate(first));
        }
        Facts f;
        try {
            for (String line : lines) {
                String[] kv = line.substring(FACT_MARKER.length()).split(" ", 2);
                d.put(kv[0], decode(kv[1]));
            }
            PythonVersion version = new PythonVersion(((Long) d.get("major")).intValue(), ((Long) d.get("minor")).intValue(),
                    ((Long) d.get("micro")).intValue());
            Object gil = d.get("Py_GIL_DISABLED");
            String executable = (String) d.get("executable");
            f = new Facts(version, gil instanceof Long l && l != 0, Path.of((String) d.get("base_prefix")).toAbsolutePath().normalize(),
                    executable == null || executable.isBlank() ? null : Path.of(executable).toAbsolutePath().normalize(),
                    (String) d.get("LIBDIR"), (String) d.get("LDLIBRARY"), (String) d.get("INSTSONAME"),
                    d.get("Py_ENABLE_SHARED") instanceof Long l ? l : null, (String) d.get("MULTIARCH"));
        } catch (RuntimeException e) {
            throw new Rejected("printed facts Easel cannot read: " + abbreviate(String.join(" | ", lines)) + " (" + e + ")");
        }
        if (!handed && key != null && f.executable() != null && SearchPlaces.realPath(f.executable()).equals(SearchPlaces.realPath(exe))) {
            FACTS_CACHE.put(key, f); // not a shim or wrapper, whose answer may depend on the environment
        }
        return f;
    }

    /**
     * The facts that {@code exe} itself wrote into {@code EASEL_PYTHON_FACTS} (its path, a newline,
     * then the lines the script prints): the easel package does so when {@code python sketch.py}
     * hands the sketch to Easel with {@code --python sys.executable}, which saves running that Python
     * once more. Null when absent or written by another executable.
     */
    private static Subprocess.Output handedOver(Path exe, Map<String, String> env) {
        String handed = env.get(HANDED_FACTS);
        int nl = handed == null ? -1 : handed.indexOf('\n');
        if (nl <= 0) {
            return null;
        }
        try {
            if (!Path.of(handed.substring(0, nl)).toAbsolutePath().normalize().equals(exe.toAbsolutePath().normalize())) {
                return null;
            }
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
        return new Subprocess.Output(0, handed.substring(nl + 1));
    }

    /** One fact's value as the script encodes it: {@code n}, {@code i:<integer>} or {@code s:<hex of UTF-8>}. */
    static Object decode(String value) {
        if (value.equals("n")) {
            return null;
        }
        if (value.startsWith("i:")) {
            return Long.parseLong(value.substring(2));
        }
        if (value.startsWith("s:")) {
            return new String(HexFormat.of().parseHex(value.substring(2)), StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("not a fact value: " + abbreviate(value));
    }


    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
