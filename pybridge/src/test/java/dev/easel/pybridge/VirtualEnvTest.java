package dev.easel.pybridge;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A venv's python as the chosen Python ({@code --python venv/bin/python}, {@code EASEL_PYTHON}):
 * for every Python on this machine that can make one ({@code python -m venv --without-pip}; no
 * network), the embedded CPython must see exactly what running the venv's {@code python} sees
 * ({@link VenvMain#FACTS}: {@code sys.prefix}, {@code sys.base_prefix}, {@code sys.executable},
 * {@code sys._base_executable}, {@code sys.path}, the user site), in the main interpreter and in a
 * sub-interpreter. A package put into the venv's {@code site-packages} imports; one in the user's
 * site (a {@code HOME} of the test's) does not, as the venv says
 * {@code include-system-site-packages = false}. And the base Python, started while that venv is
 * first on {@code PATH} (an activated venv), stays itself. Runs in the default (bundled) execution
 * only; each CPython start is in its own child JVM.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VirtualEnvTest {
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> venvOfEveryPython() throws Exception {
        Assumptions.assumeTrue("bundled".equals(TestPython.choice()),
                "runs in the default (bundled) execution only; this one is " + TestPython.choice());
        List<PythonInstallation> all = PythonLocator.findAll().stream().filter(i -> i.executable().isPresent()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("venv-", 0).daemon(true).factory());
        List<DynamicTest> tests = new ArrayList<>();
        for (PythonInstallation base : all) {
            String name = "py" + base.abiName() + "-" + Integer.toHexString(base.library().toString().hashCode());
            Path venv = dir.resolve(name).resolve("venv");
            Path home = dir.resolve(name).resolve("home");
            CompletableFuture<Case> result = CompletableFuture.supplyAsync(() -> {
                try {
                    return run(base, venv, home);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, pool);
            tests.add(DynamicTest.dynamicTest("venv of " + base.describe(), () -> check(base, venv, result.get(10, TimeUnit.MINUTES))));
        }
        pool.shutdown(); // lets the queued cases run, then its threads end
        return tests;
    }

    /** What one base Python gave: why it was skipped, or the outputs to compare. */
    private record Case(String skipped, String pythonOutput, ChildJvm.Result inVenv, ChildJvm.Result viaEnv,
                        ChildJvm.Result baseWithVenvOnPath) {
    }

    private static Case run(PythonInstallation base, Path venv, Path home) throws IOException, InterruptedException {
        Path exe = base.executable().orElseThrow();
        Files.createDirectories(venv.getParent());
        Subprocess.Output made = Subprocess.run(List.of(exe.toString(), "-m", "venv", "--without-pip", venv.toString()),
                cleanEnv(home), Duration.ofSeconds(120));
        if (made.exitCode() != 0) {
            // Debian's python3.11 without python3-venv, for one.
            return new Case(exe + " -m venv failed (exit " + made.exitCode() + "): " + made.output().strip(), null, null, null, null);
        }
        Path sitePackages = venv.resolve("lib").resolve("python" + base.abiName()).resolve("site-packages");
        write(sitePackages.resolve("easel_venv_pkg").resolve("__init__.py"), "WHERE = 'venv'\n");
        // The user site of the test's HOME; for the bundled CPython that is Easel's package folder
        // (BundledUserSite: PYTHONUSERBASE = $EASEL_DATA/python, here the test's), not ~/.local.
        Path userBase = BundledUserSite.appliesTo(base)
                ? BundledUserSite.userBase(Map.of("EASEL_DATA", easelData(home).toString())) : home.resolve(".local");
        Path userSite = userBase.resolve("lib").resolve("python" + base.abiName()).resolve("site-packages");
        write(userSite.resolve("easel_user_site_pkg").resolve("__init__.py"), "WHERE = 'user site'\n");
        Path venvPython = venv.resolve("bin").resolve("python");

        Subprocess.Output python = Subprocess.run(List.of(venvPython.toString(), "-c", VenvMain.FACTS), cleanEnv(home),
                Duration.ofSeconds(60));
        assertEquals(0, python.exitCode(), python.output());

        Map<String, String> env = Map.of("HOME", home.toString(), "EASEL_DATA", easelData(home).toString());
        ChildJvm.Result inVenv = ChildJvm.run(venvPython.toString(), List.of(), env, VenvMain.class, CHILD_TIMEOUT);
        // The same, chosen by EASEL_PYTHON: located in the child, by PythonLocator.locate(null).
        Map<String, String> viaEnvVars = new HashMap<>(env);
        viaEnvVars.put("EASEL_PYTHON", venvPython.toString());
        ChildJvm.Result viaEnv = ChildJvm.run("bundled", List.of(), viaEnvVars, VenvMain.class, CHILD_TIMEOUT, VenvMain.LOCATE);
        // An activated venv (first on PATH) must not leak into a base Python that was chosen.
        Map<String, String> activated = new HashMap<>(env);
        activated.put("PATH", venv.resolve("bin") + java.io.File.pathSeparator + System.getenv("PATH"));
        activated.put("VIRTUAL_ENV", venv.toString());
        String baseChoice = base.origin().equals("bundled") ? "bundled" : base.library().toString();
        ChildJvm.Result baseRun = ChildJvm.run(baseChoice, List.of(), activated, VenvMain.class, CHILD_TIMEOUT);
        return new Case(null, python.output(), inVenv, viaEnv, baseRun);
    }

    private static void check(PythonInstallation base, Path venv, Case c) {
        Assumptions.assumeTrue(c.skipped() == null, c.skipped());
        List<String> expected = facts(c.pythonOutput(), "VENV-FACT ");
        System.out.println("venv of " + base.describe() + ", python says:\n  " + String.join("\n  ", expected));
        assertEquals("prefix=" + repr(venv), expected.getFirst(), "the test's own premise: python's sys.prefix is the venv");

        String out = ChildRuns.check("venv python of " + base.abiName(), c.inVenv());
        assertEquals(expected, facts(out, "VENV-FACT "), "embedded main interpreter vs the venv's python");
        assertEquals(base.home(), unrepr(fact(out, "VENV-FACT ", "base_prefix")).normalize(),
                () -> "sys.base_prefix is the base installation: " + out);
        assertTrue(unrepr(fact(out, "VENV-FACT ", "easel_venv_pkg")).startsWith(venv), out);
        assertEquals("'ModuleNotFoundError'", fact(out, "VENV-FACT ", "easel_user_site_pkg"), out);
        assertEquals("False", fact(out, "VENV-FACT ", "user_site_enabled"), out);
        if (out.contains("SUB-INTERPRETER")) {
            assertEquals(expected, facts(out, "VENV-SUB-FACT "), "embedded sub-interpreter vs the venv's python");
        }

        String viaEnv = ChildRuns.check("EASEL_PYTHON=venv python of " + base.abiName(), c.viaEnv());
        assertTrue(viaEnv.contains("LOCATED CPython " + base.version()), viaEnv);
        assertEquals(expected, facts(viaEnv, "VENV-FACT "), "chosen by EASEL_PYTHON");

        String baseOut = ChildRuns.check("base " + base.abiName() + " with the venv on PATH", c.baseWithVenvOnPath());
        assertEquals(repr(base.home()), fact(baseOut, "VENV-FACT ", "prefix"), "the base Python's sys.prefix: " + baseOut);
        assertEquals("'ModuleNotFoundError'", fact(baseOut, "VENV-FACT ", "easel_venv_pkg"), baseOut);
        assertFalse(fact(baseOut, "VENV-FACT ", "path").contains(venv.toString()), baseOut);
        // The control: the user site of the test's HOME is real, and used where no venv says otherwise.
        assertTrue(fact(baseOut, "VENV-FACT ", "easel_user_site_pkg").contains("easel_user_site_pkg"), baseOut);
    }

    /** The lines after {@code marker}, in order. */
    static List<String> facts(String output, String marker) {
        return output.lines().filter(l -> l.startsWith(marker)).map(l -> l.substring(marker.length())).toList();
    }

    private static String fact(String output, String marker, String key) {
        return facts(output, marker).stream().filter(l -> l.startsWith(key + "="))
                .map(l -> l.substring(key.length() + 1)).findFirst().orElse("(missing)");
    }

    /** Python's repr of a path without quotes or backslashes in it. */
    private static String repr(Path p) {
        return "'" + p + "'";
    }

    /** The path in a repr of a str without quotes or backslashes in it. */
    private static Path unrepr(String repr) {
        return Path.of(repr.substring(1, repr.length() - 1));
    }

    private static Map<String, String> cleanEnv(Path home) {
        Map<String, String> env = new HashMap<>();
        System.getenv().forEach((k, v) -> {
            if (!k.startsWith("PYTHON") && !k.equals("VIRTUAL_ENV")) {
                env.put(k, v);
            }
        });
        env.put("HOME", home.toString());
        env.put("EASEL_DATA", easelData(home).toString());
        return env;
    }

    /** Easel's data folder in the test's HOME: the children never see a developer's own. */
    private static Path easelData(Path home) {
        return home.resolve("easel-data");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
