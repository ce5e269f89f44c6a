package dev.easel.pybridge;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test class path in a child JVM, so a crash or hang is observed, not
 * suffered. Every wait is bounded: a child that outlives its timeout is killed and reported.
 */
public final class ChildJvm {
    /** What a child did: its exit code (or -1 if killed after the timeout) and its output. */
    public record Result(int exitCode, boolean timedOut, String output) {
        /** Exit code 0 and no timeout. */
        public boolean ok() {
            return !timedOut && exitCode == 0 && !crashed();
        }

        /** Whether the JVM reported a fatal error (SIGSEGV and the like: an hs_err report). */
        public boolean crashed() {
            return output.contains("A fatal error has been detected") || output.contains("hs_err_pid");
        }

        /** One line for assertion messages: how it ended, then the output. */
        public String describe() {
            return (timedOut ? "TIMED OUT" : "exit code " + exitCode) + (crashed() ? ", JVM CRASHED" : "")
                    + "\n--- child output ---\n" + output;
        }
    }

    /**
     * System property with the installation the parent resolved for the child's Python
     * ({@code library|home|executable|version|freeThreaded|origin}): the child starts it without
     * probing the machine's Pythons again (see {@link ChildMain#start}).
     */
    static final String INSTALLATION = "easel.test.installation";
    /** Installations resolved in this JVM, by {@code easel.python} choice. */
    private static final Map<String, Optional<PythonInstallation>> RESOLVED = new ConcurrentHashMap<>();

    private ChildJvm() {}

    /** The test class path without the test framework: what a child's main classes use. */
    static String childClassPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        StringJoiner kept = new StringJoiner(File.pathSeparator);
        for (String e : cp.split(File.pathSeparator)) {
            if (!e.contains("/org/junit/") && !e.contains("/org/opentest4j/") && !e.contains("/org/apiguardian/")
                    && !e.contains("surefire")) {
                kept.add(e);
            }
        }
        return kept.toString();
    }

    /** {@link #INSTALLATION}'s value for {@code i}. */
    static String describe(PythonInstallation i) {
        return String.join("|", i.library().toString(), i.home().toString(),
                i.executable().map(Path::toString).orElse(""), i.version().toString(),
                String.valueOf(i.freeThreaded()), i.origin());
    }

    /** Runs {@code mainClass} with {@code args}, passing the test's {@code easel.python} choice on. */
    public static Result run(Class<?> mainClass, Duration timeout, String... args) throws IOException, InterruptedException {
        return run(TestPython.choice(), List.of(), mainClass, timeout, args);
    }

    /**
     * Runs {@code mainClass} with {@code args} against the Python {@code pythonChoice} (a value for
     * {@code easel.python}: "bundled", a library path, "pyenv:3.12"), with extra JVM options
     * ({@code -Dname=value}...).
     */
    public static Result run(String pythonChoice, List<String> jvmOptions, Class<?> mainClass, Duration timeout,
                             String... args) throws IOException, InterruptedException {
        return run(pythonChoice, jvmOptions, java.util.Map.of(), mainClass, timeout, args);
    }

    /** {@link #run(String, List, Class, Duration, String...)} with extra environment variables (a memory checker's). */
    public static Result run(String pythonChoice, List<String> jvmOptions, java.util.Map<String, String> env,
                             Class<?> mainClass, Duration timeout, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // Cheap to start: C1 only, the serial collector, and the AOT cache of the build (ChildAot).
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                // A crash report goes where the test output can name it, not into the working tree.
                "-XX:ErrorFile=" + System.getProperty("java.io.tmpdir") + "/easel-child-hs_err_pid%p.log",
                "-Deasel.python=" + pythonChoice));
        RESOLVED.computeIfAbsent(pythonChoice, TestPython::installation)
                .ifPresent(i -> cmd.add("-D" + INSTALLATION + "=" + describe(i)));
        List<String> classPath = ChildAot.options(List.copyOf(cmd), childClassPath());
        cmd.addAll(jvmOptions);
        cmd.addAll(classPath);
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        // Read output on another thread so a chatty child cannot block on a full pipe.
        StringBuilder out = new StringBuilder();
        Thread reader = Thread.ofPlatform().daemon(true).start(() -> {
            try {
                out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // The process died: what was read is what there is.
            }
        });
        boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(10_000);
        synchronized (out) {
            return new Result(done ? p.exitValue() : -1, !done, out.toString());
        }
    }
}
