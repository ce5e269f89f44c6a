package dev.easel.app;

import dev.easel.app.wheel.WheelWriter;
import dev.easel.pybridge.PythonInstallation;
import dev.easel.pybridge.PythonLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code easel pip} end to end in child JVMs, offline: a tiny pure-Python wheel the test writes is
 * installed into Easel's package folder ({@code EASEL_DATA} points at a temporary folder), listed,
 * imported by a sketch under the bundled Python (the script, a shared canvas and an isolated one),
 * not seen by another Python (pyenv's 3.12 under Easel, Debian's python3 alone), shown by
 * {@code easel doctor}, refused for numpy (it comes with Easel), and uninstalled.
 */
@Timeout(600)
class EaselPipTest {
    static final Duration TIMEOUT = Duration.ofSeconds(180);
    static final String PROJECT = "tinyeasel_probe";

    @TempDir
    Path dir;

    static final String SKETCH = """
            import sys
            try:
                import tinyeasel_probe
                print("SCRIPT FOUND", tinyeasel_probe.WHERE, tinyeasel_probe.__file__)
            except ImportError:
                print("SCRIPT NOT FOUND")
            import easel

            def probe(who):
                try:
                    import tinyeasel_probe
                    print(who, "FOUND", tinyeasel_probe.WHERE)
                except ImportError:
                    print(who, "NOT FOUND")

            class Shared(easel.Canvas):
                size = (10, 10)
                def setup(self):
                    probe("SHARED")

            class Isolated(easel.Canvas):
                isolated = True
                size = (10, 10)
                def setup(self):
                    probe("ISOLATED")

            Shared().show()
            if "--isolated" in sys.argv:
                Isolated().show()
            """;

    private Child.Result easel(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(Child.java(List.of("-Djava.awt.headless=true"), args));
        return Child.run(cmd, dir, Map.of("EASEL_DATA", dir.resolve("data").toString(), "PIP_NO_INDEX", "1"), TIMEOUT);
    }

    @Test
    void installListImportUninstallOffline() throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("src").resolve(PROJECT));
        Files.writeString(pkg.resolve("__init__.py"), "WHERE = 'easel pip'\n");
        Path wheel = WheelWriter.write(pkg, PROJECT, "1.0", "Metadata-Version: 2.1\nName: tinyeasel-probe\nVersion: 1.0\n",
                dir.resolve("dist"));
        Files.writeString(dir.resolve("sketch.py"), SKETCH);
        Path site = dir.resolve("data/python/lib/python3.14/site-packages");

        Child.Result install = easel("pip", "install", "--no-index", wheel.toString());
        assertEquals(0, install.exitCode(), install::describe);
        assertTrue(install.stdout().contains("Successfully installed tinyeasel-probe-1.0"), install::describe);
        assertTrue(Files.isRegularFile(site.resolve(PROJECT + "/__init__.py")), () -> "installed into " + site + "\n"
                + install.describe());

        Child.Result list = easel("pip", "list");
        assertEquals(0, list.exitCode(), list::describe);
        assertTrue(list.stdout().lines().anyMatch(l -> l.matches("tinyeasel-probe\\s+1\\.0")), list::describe);
        assertTrue(list.stdout().lines().anyMatch(l -> l.startsWith("numpy ")), list::describe);

        Child.Result run = easel("run", "sketch.py", "--headless", "--out", "out-bundled", "--", "--isolated");
        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.stdout().contains("SCRIPT FOUND easel pip " + site.resolve(PROJECT + "/__init__.py")), run::describe);
        assertTrue(run.stdout().contains("SHARED FOUND easel pip"), run::describe);
        assertTrue(run.stdout().contains("ISOLATED FOUND easel pip"), () -> "an isolated canvas' interpreter too\n"
                + run.describe());

        Child.Result doctor = easel("doctor");
        assertEquals(0, doctor.exitCode(), doctor::describe);
        assertTrue(doctor.stdout().contains("  packages  " + site + " (easel pip install"), doctor::describe);

        Optional<PythonInstallation> py312 = PythonLocator.findAll().stream()
                .filter(i -> i.version().major() == 3 && i.version().minor() == 12 && !i.freeThreaded()).findFirst();
        if (py312.isPresent()) {
            Child.Result other = easel("run", "sketch.py", "--headless", "--out", "out-312", "--python",
                    py312.get().library().toString());
            assertEquals(0, other.exitCode(), other::describe);
            assertTrue(other.stdout().contains("SCRIPT NOT FOUND"), () -> "3.12 must not see it\n" + other.describe());
            assertTrue(other.stdout().contains("SHARED NOT FOUND"), other::describe);
        }
        Path debian = Path.of("/usr/bin/python3");
        if (Files.isExecutable(debian)) {
            Child.Result sys = Child.run(List.of(debian.toString(), "-c", "import " + PROJECT), dir,
                    Map.of("EASEL_DATA", dir.resolve("data").toString()), TIMEOUT);
            assertEquals(1, sys.exitCode(), () -> "the system Python must not see it\n" + sys.describe());
        }

        Child.Result numpy = easel("pip", "uninstall", "numpy");
        assertEquals(1, numpy.exitCode(), numpy::describe);
        assertTrue(numpy.stderr().contains("easel pip: numpy is not installed in Easel's package folder " + site), numpy::describe);

        Child.Result uninstall = easel("pip", "uninstall", "TinyEasel-Probe"); // any spelling of the name (PEP 503)
        assertEquals(0, uninstall.exitCode(), uninstall::describe);
        assertFalse(Files.exists(site.resolve(PROJECT)), uninstall::describe);
        Child.Result gone = easel("run", "sketch.py", "--headless", "--out", "out-gone");
        assertEquals(0, gone.exitCode(), gone::describe);
        assertTrue(gone.stdout().contains("SCRIPT NOT FOUND"), gone::describe);
    }

    @Test
    void noArgumentsPrintsUsage() throws Exception {
        Child.Result r = easel("pip");
        assertEquals(2, r.exitCode(), r::describe);
        assertTrue(r.stdout().contains("easel pip install NAME|WHEEL..."), r::describe);
    }
}
