package dev.easel.pybridge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code EASEL_PYTHON_FACTS}: the facts the easel package writes before handing {@code python
 * sketch.py} over to Easel ({@code easel/_outside.py}'s {@code facts()}) are what the probe learns
 * by running that Python, for every Python found; they are used for that executable only.
 */
class HandedFactsTest {
    static final Path OUTSIDE = Path.of(System.getProperty("easel.root", "..")).toAbsolutePath().normalize()
            .resolve("canvas/src/main/resources/dev/easel/canvas/python/easel/_outside.py");

    @TempDir
    Path dir;

    @Test
    void theShimsFactsAreTheProbesForEveryPython() throws Exception {
        List<PythonInstallation> all = PythonLocator.findAll().stream().filter(i -> i.executable().isPresent()).toList();
        assertFalse(all.isEmpty(), "no Python with an executable found");
        String load = "import importlib.util as u, sys\n"
                + "s = u.spec_from_file_location('easel_outside', sys.argv[1])\n"
                + "m = u.module_from_spec(s)\ns.loader.exec_module(m)\nsys.stdout.write(m.facts())\n";
        for (PythonInstallation i : all) {
            Path exe = i.executable().get();
            Subprocess.Output handed = Subprocess.run(List.of(exe.toString(), "-B", "-c", load, OUTSIDE.toString()), // -B: no __pycache__ in the source tree
                    Map.of(), Duration.ofSeconds(30));
            assertEquals(0, handed.exitCode(), () -> exe + ": " + handed.output());
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put(PythonProbe.HANDED_FACTS, exe + "\n" + handed.output());
            PythonProbe.Facts told = PythonProbe.facts(exe, env);
            env.remove(PythonProbe.HANDED_FACTS);
            assertEquals(PythonProbe.facts(exe, env), told, () -> exe + " told:\n" + handed.output());
        }
    }

    @Test
    void handedFactsServeOnlyTheirOwnExecutable() throws Exception {
        // A file that is no Python: with its own facts handed over it is not run at all.
        Path notPython = dir.resolve("python3.12");
        Files.writeString(notPython, "#!/bin/sh\nexit 7\n");
        Files.setPosixFilePermissions(notPython, PosixFilePermissions.fromString("rwxr-xr-x"));
        String facts = "EASEL-FACT major i:3\nEASEL-FACT minor i:12\nEASEL-FACT micro i:1\n"
                + "EASEL-FACT base_prefix s:" + hex("/opt/py") + "\nEASEL-FACT executable s:" + hex(notPython.toString()) + "\n"
                + "EASEL-FACT LIBDIR n\nEASEL-FACT LDLIBRARY n\nEASEL-FACT INSTSONAME n\nEASEL-FACT Py_GIL_DISABLED n\n"
                + "EASEL-FACT Py_ENABLE_SHARED i:1\nEASEL-FACT MULTIARCH n\n";
        PythonProbe.Facts f = PythonProbe.facts(notPython, Map.of(PythonProbe.HANDED_FACTS, notPython + "\n" + facts));
        assertEquals(new PythonVersion(3, 12, 1), f.version());
        assertEquals(Path.of("/opt/py"), f.basePrefix());
        // Handed over for another executable: this one is run, and found not to be Python.
        Path other = dir.resolve("other");
        Files.copy(notPython, other);
        assertThrows(Rejected.class, () -> PythonProbe.facts(other, Map.of(PythonProbe.HANDED_FACTS, notPython + "\n" + facts)));
    }

    private static String hex(String s) {
        return java.util.HexFormat.of().formatHex(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
