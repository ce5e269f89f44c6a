package dev.easel.app;

import dev.easel.pybridge.PythonInstallation;
import dev.easel.pybridge.PythonLocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code easel run --python venv/bin/python}, {@code EASEL_PYTHON=venv/bin/python} and
 * {@code easel doctor --python venv/bin/python}, end to end in child JVMs, with venvs made by
 * {@code python3.12 -m venv} (pyenv's) and Debian's {@code python3.11 -m venv} (skipped, saying why,
 * where that cannot make one). A package put by hand into the venv's {@code site-packages} imports
 * in the sketch; one in the user site of the child's {@code HOME} does not, as the venv says
 * {@code include-system-site-packages = false}.
 */
@Timeout(300)
class VenvCliTest {
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    static final String SKETCH = """
            import sys, easel
            print("PREFIX", sys.prefix)
            print("BASE", sys.base_prefix)
            print("EXECUTABLE", sys.executable)
            import easel_venv_pkg
            print("PKG", easel_venv_pkg.WHERE, easel_venv_pkg.__file__)
            try:
                import easel_user_site_pkg
                print("USER SITE USED", easel_user_site_pkg.__file__)
            except ImportError:
                print("NO USER SITE")
            class P(easel.Canvas):
                size = (40, 30)
                def on_draw(self, g):
                    g.clear("white")
            P().show()
            """;

    private static final ExecutorService POOL = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("venv-cli-", 0).daemon(true).factory());
    private static final Map<String, Future<Child.Result>> RUNS = new HashMap<>();
    /** Per base ("3.12", "debian-3.11"): why it is skipped, if it is. */
    private static final Map<String, String> SKIPPED = new HashMap<>();
    private static final Map<String, Venv> VENVS = new HashMap<>();

    /** A venv made for the test, with the base it was made from. */
    record Venv(Path prefix, Path python, PythonInstallation base, Path home) {
    }

    @BeforeAll
    static void makeVenvsAndStartChildren() throws Exception {
        Path sketch = dir.resolve("venv_sketch.py");
        Files.writeString(sketch, SKETCH);
        List<PythonInstallation> all = PythonLocator.findAll();
        Optional<PythonInstallation> py312 = all.stream()
                .filter(i -> i.version().major() == 3 && i.version().minor() == 12 && !i.freeThreaded() && i.executable().isPresent())
                .findFirst();
        Optional<PythonInstallation> debian = all.stream()
                .filter(i -> i.home().equals(Path.of("/usr")) && i.abiName().equals("3.11") && i.executable().isPresent())
                .findFirst();
        for (var e : Map.of("3.12", py312, "debian-3.11", debian).entrySet()) {
            if (e.getValue().isEmpty()) {
                SKIPPED.put(e.getKey(), "no CPython " + e.getKey() + " on this machine");
                continue;
            }
            String skip = makeVenv(e.getKey(), e.getValue().get());
            if (skip != null) {
                SKIPPED.put(e.getKey(), skip);
                continue;
            }
            Venv v = VENVS.get(e.getKey());
            Map<String, String> env = Map.of("HOME", v.home().toString());
            submit(e.getKey() + "/run", env, "run", sketch.toString(), "--python", v.python().toString(), "--headless",
                    "--out", dir.resolve("out-" + e.getKey()).toString());
            Map<String, String> viaEnv = new HashMap<>(env);
            viaEnv.put("EASEL_PYTHON", v.python().toString());
            submit(e.getKey() + "/env", viaEnv, "run", sketch.toString(), "--headless",
                    "--out", dir.resolve("out-env-" + e.getKey()).toString());
            submit(e.getKey() + "/doctor", env, "doctor", "--python", v.python().toString());
        }
    }

    /** Makes the venv of {@code key} from {@code base}, with the two probe packages; the reason to skip, or null. */
    private static String makeVenv(String key, PythonInstallation base) throws IOException, InterruptedException {
        Path prefix = dir.resolve("venv-" + key);
        Path home = dir.resolve("home-" + key);
        // --without-pip: no network, and quick; the venv module and pyvenv.cfg are the same.
        Child.Result made = Child.run(List.of(base.executable().orElseThrow().toString(), "-m", "venv", "--without-pip",
                prefix.toString()), dir, Map.of("HOME", home.toString()), TIMEOUT);
        if (made.exitCode() != 0) {
            return base.executable().get() + " -m venv cannot make a venv here (Debian: apt install python3-venv): "
                    + made.stderr().strip();
        }
        Path site = prefix.resolve("lib/python" + base.abiName() + "/site-packages");
        write(site.resolve("easel_venv_pkg/__init__.py"), "WHERE = 'venv'\n");
        write(home.resolve(".local/lib/python" + base.abiName() + "/site-packages/easel_user_site_pkg/__init__.py"),
                "WHERE = 'user site'\n");
        VENVS.put(key, new Venv(prefix, prefix.resolve("bin/python"), base, home));
        return null;
    }

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static void submit(String key, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(Child.java(List.of("-Djava.awt.headless=true"), args));
        RUNS.put(key, POOL.submit(() -> Child.run(cmd, dir, env, TIMEOUT)));
    }

    private static Child.Result result(String key) throws Exception {
        return RUNS.get(key).get(TIMEOUT.toSeconds() * 4, TimeUnit.SECONDS);
    }

    private static Venv venv(String key) {
        assumeTrue(!SKIPPED.containsKey(key), () -> "skipped: " + SKIPPED.get(key));
        return VENVS.get(key);
    }

    /** The sketch ran in the venv: its prefix, its base, its package, not the user site. */
    private static void ranInVenv(Venv v, Child.Result r) {
        assertEquals(0, r.exitCode(), r::describe);
        String out = r.stdout();
        assertTrue(out.contains("PREFIX " + v.prefix() + "\n"), () -> "sys.prefix is the venv\n" + r.describe());
        assertTrue(out.lines().anyMatch(l -> l.startsWith("BASE ") && Path.of(l.substring(5)).normalize().equals(v.base().home())),
                () -> "sys.base_prefix is " + v.base().home() + "\n" + r.describe());
        assertTrue(out.contains("EXECUTABLE " + v.python() + "\n"), r::describe);
        assertTrue(out.contains("PKG venv " + v.prefix().resolve("lib/python" + v.base().abiName() + "/site-packages")),
                () -> "the venv's site-packages\n" + r.describe());
        assertTrue(out.contains("NO USER SITE"), () -> "include-system-site-packages = false: no user site\n" + r.describe());
    }

    @Test
    void runWithVenvPython312() throws Exception {
        Venv v = venv("3.12");
        ranInVenv(v, result("3.12/run"));
    }

    @Test
    void easelPythonNamesVenvPython312() throws Exception {
        Venv v = venv("3.12");
        ranInVenv(v, result("3.12/env"));
    }

    @Test
    void doctorShowsTheVenv312() throws Exception {
        Venv v = venv("3.12");
        Child.Result r = result("3.12/doctor");
        assertEquals(0, r.exitCode(), r::describe);
        String out = r.stdout();
        assertTrue(out.contains("  venv      " + v.prefix() + " (pyvenv.cfg: home "), r::describe);
        assertTrue(out.contains("include-system-site-packages false"), r::describe);
        assertTrue(out.contains("  base      " + v.base().home()), r::describe);
        assertTrue(out.contains("  executable " + v.python()), r::describe);
        assertTrue(out.contains("  sys.prefix " + v.prefix() + " (base_prefix "), r::describe);
        assertTrue(out.contains("  site-packages " + v.prefix().resolve("lib/python3.12/site-packages") + "\n"), r::describe);
    }

    @Test
    void runWithDebianVenvPython311() throws Exception {
        Venv v = venv("debian-3.11");
        ranInVenv(v, result("debian-3.11/run"));
        ranInVenv(v, result("debian-3.11/env"));
        Child.Result doctor = result("debian-3.11/doctor");
        assertEquals(0, doctor.exitCode(), doctor::describe);
        assertTrue(doctor.stdout().contains("  venv      " + v.prefix()), doctor::describe);
    }
}
