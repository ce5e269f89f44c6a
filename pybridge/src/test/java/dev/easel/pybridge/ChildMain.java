package dev.easel.pybridge;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Helpers for the {@code main} classes that {@link ChildJvm} runs: start the runtime of the
 * configured Python, record violations, print them and exit non-zero if there was any.
 */
final class ChildMain {
    private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();

    private ChildMain() {}

    /** Starts the one runtime with the Python named by {@code easel.python}. */
    static PythonRuntime start(Duration drainTimeout) {
        PythonInstallation inst = TestPython.installation().orElseThrow(
                () -> new IllegalStateException("Python '" + TestPython.choice() + "' is not on this machine"));
        return PythonRuntime.start(inst, drainTimeout);
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
