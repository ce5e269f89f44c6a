package dev.easel.pybridge;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Helpers for the {@code main} classes that {@link ChildJvm} runs: start the runtime of the
 * configured Python, record violations, print them and exit non-zero if there was any.
 */
final class ChildMain {
    private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();

    private ChildMain() {}

    /**
     * Starts the one runtime with the Python named by {@code easel.python}: the installation the
     * parent found for it ({@link ChildJvm#INSTALLATION}), else located here (which probes every
     * Python of the machine: a second and more for a pyenv choice).
     */
    static PythonRuntime start(Duration drainTimeout) {
        return PythonRuntime.start(installation(), drainTimeout);
    }

    /** The installation to start: the one the parent passed, else the one {@code easel.python} names. */
    static PythonInstallation installation() {
        String passed = System.getProperty(ChildJvm.INSTALLATION);
        if (passed != null) {
            String[] f = passed.split("\\|", -1);
            return new PythonInstallation(Path.of(f[0]), Path.of(f[1]),
                    f[2].isEmpty() ? Optional.empty() : Optional.of(Path.of(f[2])), PythonVersion.parse(f[3]),
                    Boolean.parseBoolean(f[4]), f[5]);
        }
        return TestPython.installation().orElseThrow(
                () -> new IllegalStateException("Python '" + TestPython.choice() + "' is not on this machine"));
    }

    /** Records a violation unless {@code ok}. */
    static void check(boolean ok, String what) {
        if (!ok) {
            VIOLATIONS.add(what);
            System.out.println("VIOLATION: " + what);
        }
    }

    /** Records a violation. */
    static void fail(String what) {
        check(false, what);
    }

    static List<String> violations() {
        return VIOLATIONS;
    }

    /** Joins {@code t} for at most {@code timeout}; records a violation (with its stack) if it is still alive. */
    static void joinOrViolation(Thread t, Duration timeout) {
        try {
            t.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            StringBuilder sb = new StringBuilder();
            for (StackTraceElement e : t.getStackTrace()) {
                sb.append("\n\tat ").append(e);
            }
            fail("thread " + t.getName() + " still alive after " + timeout.toMillis() + " ms (state " + t.getState() + ")" + sb);
        }
    }

    /** Prints the verdict and exits: 0 when nothing was violated, 1 otherwise. */
    static void finish(String summary) {
        System.out.println(summary);
        System.out.flush();
        if (VIOLATIONS.isEmpty()) {
            System.out.println("CHILD OK");
            System.out.flush();
            System.exit(0);
        }
        System.out.println("CHILD FAILED: " + VIOLATIONS.size() + " violation(s)");
        System.out.flush();
        System.exit(1);
    }
}
