package dev.easel.app;

import dev.easel.app.wheel.WheelWriter;
import dev.easel.pybridge.PythonInstallation;
import dev.easel.pybridge.PythonLocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code python sketch.py} with the easel wheel installed: the wheel (written by {@link WheelWriter},
 * as the build does) installs offline with pip into a venv of pyenv's CPython 3.12, and running a
 * sketch with the venv's {@code python} runs it in Easel (found through {@code EASEL_HOME}: an
 * installed-app layout whose {@code bin/easel} starts this build's {@code Main}) with the venv's
 * interpreter, arguments, exit code and output; with no Easel, one message and exit 2; imported
 * other than by the script run (python -c, a function of another program), a clear ImportError.
 */
@Timeout(600)
class PythonShimTest {
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    static final Path PACKAGE = TestPython.root().resolve("canvas/src/main/resources/dev/easel/canvas/python/easel");

    @TempDir
    static Path dir;
    static Path wheel;
    static Path venvPython;
    static Path easelHome;
    static String skipped;

    static final String SKETCH = """
            import os, sys
            import easel
            print("ARGV", sys.argv[1:])
            print("EXECUTABLE", sys.executable)
            print("PREFIX", sys.prefix)
            print("EASEL FROM", os.path.dirname(easel.__file__))
            print("IN EASEL", "_easel" in sys.modules)
            print("to stderr", file=sys.stderr)

            class Shim(easel.Canvas):
                size = (40, 30)

                def on_draw(self, g):
                    g.clear("white")
                    if self.frame == 2 and "--exit-3" in sys.argv:
                        sys.exit(3)

            Shim().show()
            """;

    @BeforeAll
    static void wheelVenvAndLauncher() throws Exception {
        wheel = WheelWriter.write(PACKAGE, WheelWriter.pythonVersion("0.1.0-SNAPSHOT"), dir.resolve("dist"));
        Optional<PythonInstallation> py312 = PythonLocator.findAll().stream()
                .filter(i -> i.version().major() == 3 && i.version().minor() == 12 && !i.freeThreaded()
                        && i.executable().isPresent())
                .findFirst();
        if (py312.isEmpty()) {
            skipped = "no CPython 3.12 with a shared libpython on this machine";
            return;
        }
        Path venv = dir.resolve("venv");
        Child.Result made = Child.run(List.of(py312.get().executable().get().toString(), "-m", "venv", venv.toString()),
                dir, Map.of(), TIMEOUT);
        if (made.exitCode() != 0) {
            skipped = "python3.12 -m venv cannot make a venv with pip here: " + made.describe();
            return;
        }
        venvPython = venv.resolve("bin/python");
        Child.Result pip = Child.run(List.of(venvPython.toString(), "-m", "pip", "install", "--no-index",
                "--disable-pip-version-check", wheel.toString()), dir, Map.of(), TIMEOUT);
        assertEquals(0, pip.exitCode(), () -> "pip install of the wheel\n" + pip.describe());
        easelHome = installedLayout(dir.resolve("easel-home"));
        Files.writeString(dir.resolve("sketch.py"), SKETCH);
    }

    /** An installed app's layout: {@code bin/easel} starts this build's Main (the test class path). */
    static Path installedLayout(Path home) throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        String cmd = Child.java(List.of("-Djava.awt.headless=true"), new String[0]).stream()
                .map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        Path easel = bin.resolve("easel");
        Files.writeString(easel, "#!/bin/sh\nexec " + cmd + " \"$@\"\n");
        Files.setPosixFilePermissions(easel, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private static Path venvPython() {
        assumeTrue(skipped == null, () -> "skipped: " + skipped);
        return venvPython;
    }

    /** Runs {@code venv/bin/python ARGS} in {@code dir} with {@code env} added and {@code unset} removed. */
    private static Child.Result python(Map<String, String> env, Set<String> unset, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(venvPython().toString()));
        cmd.addAll(List.of(args));
        return Child.start(cmd, dir, env, unset).finish(TIMEOUT);
    }

    private static Map<String, String> inEasel(String out) {
        Map<String, String> env = new HashMap<>();
        env.put("EASEL_HOME", easelHome.toString());
        env.put("EASEL_RUN_OPTIONS", "--headless --frames 4 --out '" + dir.resolve(out) + "'");
        return env;
    }

    @Test
    void theWheelHoldsThePackageAndItsRecord() throws Exception {
        Set<String> expected = new TreeSet<>();
        try (Stream<Path> s = Files.list(PACKAGE)) {
            s.filter(Files::isRegularFile).map(p -> "easel/" + p.getFileName()).filter(n -> !n.endsWith(".pyc"))
                    .forEach(expected::add);
        }
        try (ZipFile z = new ZipFile(wheel.toFile())) {
            Set<String> names = z.stream().map(e -> e.getName()).collect(Collectors.toCollection(TreeSet::new));
            String info = "easel-0.1.0.dev0.dist-info/";
            assertTrue(names.containsAll(expected), () -> "missing: " + expected + " vs " + names);
            assertTrue(names.containsAll(List.of(info + "METADATA", info + "WHEEL", info + "RECORD")), names::toString);
            String record = new String(z.getInputStream(z.getEntry(info + "RECORD")).readAllBytes());
            for (String n : names) {
                assertTrue(record.contains(n + (n.endsWith("RECORD") ? ",," : ",sha256=")), () -> n + " in RECORD:\n" + record);
            }
            String wheelFile = new String(z.getInputStream(z.getEntry(info + "WHEEL")).readAllBytes());
            assertTrue(wheelFile.contains("Tag: py3-none-any") && wheelFile.contains("Root-Is-Purelib: true"), wheelFile);
        }
        assertEquals("easel-0.1.0.dev0-py3-none-any.whl", wheel.getFileName().toString());
        // Same input, same bytes: a rebuild does not change the wheel.
        Path again = WheelWriter.write(PACKAGE, "0.1.0.dev0", dir.resolve("dist-again"));
        assertEquals(-1L, Files.mismatch(wheel, again));
    }

    @Test
    void debiansWheelToolChecksEveryHash() throws Exception {
        Path python3 = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python3), "no /usr/bin/python3");
        Child.Result has = Child.run(List.of(python3.toString(), "-c", "import wheel"), dir, Map.of(), TIMEOUT);
        assumeTrue(has.exitCode() == 0, "Debian's python3 has no wheel package (apt install python3-wheel)");
        Child.Result r = Child.run(List.of(python3.toString(), "-m", "wheel", "unpack", "-d",
                dir.resolve("unpacked").toString(), wheel.toString()), dir, Map.of(), TIMEOUT);
        assertEquals(0, r.exitCode(), r::describe); // wheel unpack fails on a hash or size that RECORD gets wrong
        assertTrue(Files.isRegularFile(dir.resolve("unpacked/easel-0.1.0.dev0/easel/py.typed")), r::describe);
    }

    @Test
    void pythonSketchRunsInEaselWithTheVenvsPython() throws Exception {
        Child.Result r = python(inEasel("out-run"), Set.of(), "sketch.py", "a b", "--speed", "2", "--", "-x");
        assertEquals(0, r.exitCode(), r::describe);
        String out = r.stdout();
        assertTrue(out.contains("ARGV ['a b', '--speed', '2', '--', '-x']\n"), () -> "the sketch's own arguments\n" + r.describe());
        assertTrue(out.contains("EXECUTABLE " + venvPython + "\n"), () -> "the venv's python runs it\n" + r.describe());
        assertTrue(out.contains("PREFIX " + venvPython.getParent().getParent() + "\n"), r::describe);
        assertTrue(out.contains("IN EASEL True\n"), r::describe);
        // One source of truth: in Easel the import is Easel's own copy of the package, not the wheel's.
        assertFalse(out.contains("EASEL FROM " + venvPython.getParent().getParent()), () -> "wheel's copy ran\n" + r.describe());
        assertEquals(1, out.lines().filter(l -> l.startsWith("ARGV")).count(), r::describe);
        assertTrue(r.stderr().contains("to stderr\n"), r::describe);
        String stats = Files.readString(dir.resolve("out-run/stats.json"));
        assertTrue(stats.contains("\"frames\": 4"), stats);
    }

    @Test
    void theSketchsExitCodeComesBack() throws Exception {
        Child.Result r = python(inEasel("out-exit"), Set.of(), "sketch.py", "--exit-3");
        assertEquals(3, r.exitCode(), r::describe);
        assertTrue(r.stdout().contains("ARGV ['--exit-3']"), r::describe);
    }

    @Test
    void noEaselFoundSaysHowToInstallIt() throws Exception {
        assumeTrue(Stream.of("/opt/easel/bin/easel", "/usr/local/bin/easel").noneMatch(p -> Files.exists(Path.of(p))),
                "an Easel is installed on this machine");
        Child.Result r = python(Map.of("PATH", "/usr/bin:/bin"), Set.of("EASEL_HOME"), "sketch.py");
        assertEquals(2, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("easel: this sketch runs in Easel, and no Easel was found (tried EASEL_HOME (not set), "
                + "easel on PATH, /opt/easel/bin/easel"), r::describe);
        assertTrue(r.stderr().contains("set EASEL_HOME to its folder"), r::describe);
        assertEquals(1, r.stderr().strip().lines().count(), () -> "one message\n" + r.describe());
        assertEquals("", r.stdout(), r::describe);
    }

    @Test
    void importedByOtherCodeIsAClearImportError() throws Exception {
        Child.Result c = python(Map.of("EASEL_HOME", easelHome.toString()), Set.of(), "-c", "import easel");
        assertEquals(1, c.exitCode(), c::describe);
        assertTrue(c.stderr().contains("ImportError: easel: the easel package draws only inside Easel"), c::describe);
        // A function of another program (a test runner, pydoc) imports it: not the script run.
        Files.writeString(dir.resolve("runner.py"), """
                import importlib
                def collect():
                    try:
                        importlib.import_module("easel")
                    except ImportError as e:
                        print("REFUSED", e)
                collect()
                """);
        Child.Result f = python(Map.of("EASEL_HOME", easelHome.toString()), Set.of(), "runner.py");
        assertEquals(0, f.exitCode(), f::describe);
        assertTrue(f.stdout().contains("REFUSED easel: the easel package draws only inside Easel"), f::describe);
    }

    @Test
    void aModuleTheScriptImportsMayImportEasel() throws Exception {
        Files.writeString(dir.resolve("helper_mod.py"), "import easel\nprint('HELPER', '_easel' in __import__('sys').modules)\n");
        Files.writeString(dir.resolve("uses_helper.py"), "import helper_mod\n");
        Child.Result r = python(inEasel("out-helper"), Set.of(), "uses_helper.py");
        assertEquals(0, r.exitCode(), r::describe);
        assertTrue(r.stdout().contains("HELPER True"), r::describe);
    }
}
