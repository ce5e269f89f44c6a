package dev.easel.app;

import dev.easel.pybridge.PyObject;
import dev.easel.pybridge.PythonLocator;
import dev.easel.pybridge.PythonRuntime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The one CPython runtime of the test JVM (CPython starts once per process; every in-process test
 * class shares it and runs {@code Session}s on it one after another), and small helpers for facts
 * that sketches report through {@code sys._easel_test} (a dict).
 */
final class TestPython {
    private static PythonRuntime runtime;

    private TestPython() {}

    static synchronized PythonRuntime runtime() {
        if (runtime == null) {
            runtime = PythonRuntime.start(PythonLocator.locate(System.getProperty("easel.python", "bundled")));
            exec(runtime, "import sys\nsys._easel_test = {}\n");
        }
        return runtime;
    }

    private static void exec(PythonRuntime rt, String code) {
        try (PyObject g = rt.main().newGlobals()) {
            rt.main().exec(code, g);
        }
    }

    /** Empties {@code sys._easel_test}. */
    static void clearFacts() {
        exec(runtime(), "import sys\nsys._easel_test.clear()\n");
    }

    /** Sets {@code sys._easel_test[key]} to a Python expression. */
    static void setFact(String key, String pythonExpression) {
        exec(runtime(), "import sys\nsys._easel_test[" + pyQuote(key) + "] = " + pythonExpression + "\n");
    }

    /** {@code sys._easel_test.get(key)} as a Java value (null when absent). */
    static Object fact(String key) {
        return runtime().main().evalToJava("__import__('sys')._easel_test.get(" + pyQuote(key) + ")");
    }

    /** Polls until the fact satisfies {@code ok}; fails after {@code timeout}. Returns the value. */
    static Object awaitFact(String key, Predicate<Object> ok, Duration timeout) throws InterruptedException {
        return await("sys._easel_test[" + pyQuote(key) + "]", () -> fact(key), ok, timeout);
    }

    /** Polls {@code value} until it satisfies {@code ok}; fails after {@code timeout} saying what was seen last. */
    static <T> T await(String what, java.util.function.Supplier<T> value, Predicate<? super T> ok, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last;
        while (true) {
            last = value.get();
            if (ok.test(last)) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout.toMillis() + " ms waiting for " + what + "; last seen: " + last);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    static String pyQuote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }

    /** The project root (surefire sets easel.root; falls back to the parent of the working directory). */
    static Path root() {
        String r = System.getProperty("easel.root");
        Path p = r != null ? Path.of(r) : Path.of("").toAbsolutePath().getParent();
        return p.toAbsolutePath().normalize();
    }
}
