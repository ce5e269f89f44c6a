package dev.easel.pybridge;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The Python a test JVM runs against: the one named by the system property {@code easel.python}
 * (set per surefire execution: "bundled", a library path, or "pyenv:3.12"), started once and
 * shared by every test class of the run. Absent from this machine: the tests are skipped.
 */
public final class TestPython {
    private static PythonRuntime runtime;
    private static String skipReason;

    private TestPython() {}

    /** The choice this run was configured with. */
    public static String choice() {
        return System.getProperty("easel.python", "bundled");
    }

    /** Multiplier for repetition counts (the default run does the full counts). */
    public static double scale() {
        return Double.parseDouble(System.getProperty("easel.stress.scale", "1.0"));
    }

    /** Resolves the configured choice to an installation, or empty when it is not on this machine. */
    public static Optional<PythonInstallation> installation() {
        return installation(choice());
    }

    /** Resolves {@code c} (a value for {@code easel.python}) to an installation, or empty when it is not on this machine. */
    public static Optional<PythonInstallation> installation(String c) {
        try {
            if (c.startsWith("pyenv:")) {
                PythonVersion want = PythonVersion.parse(c.substring("pyenv:".length()));
                return PythonLocator.findAll().stream()
                        .filter(i -> i.library().toString().contains("/.pyenv/") || i.origin().contains("pyenv"))
                        .filter(i -> i.version().major() == want.major() && i.version().minor() == want.minor())
                        .findFirst();
            }
            return Optional.of(PythonLocator.locate(c));
        } catch (PythonNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The shared runtime, started on first use; skips the calling test when the Python is absent. */
    public static synchronized PythonRuntime runtime() {
        if (runtime == null && skipReason == null) {
            Optional<PythonInstallation> inst = installation();
            if (inst.isEmpty()) {
                skipReason = "Python '" + choice() + "' is not on this machine";
                record("SKIPPED " + choice() + ": not on this machine");
            } else {
                runtime = PythonRuntime.start(inst.get());
                record("RAN " + choice() + " -> Python " + runtime.version() + " at " + inst.get().library());
            }
        }
        Assumptions.assumeTrue(runtime != null, skipReason);
        return runtime;
    }

    /** The main interpreter of the shared runtime. */
    public static Interpreter main() {
        return runtime().main();
    }

    /** Skips unless sub-interpreters are supported (3.12+). */
    public static void assumeSubInterpreters() {
        Assumptions.assumeTrue(runtime().supportsSubInterpreters(),
                "own-GIL sub-interpreters need 3.12+; this is " + runtime().version());
    }

    private static void record(String line) {
        System.out.println("[easel tests] " + line);
        String dir = System.getProperty("easel.test.reports");
        if (dir == null) {
            return;
        }
        try {
            Files.writeString(Path.of(dir, "pythons-ran.txt"), line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // The record is informational.
        }
    }
}
