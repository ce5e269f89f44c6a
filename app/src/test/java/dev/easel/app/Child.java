package dev.easel.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs {@code dev.easel.app.Main} (or any command) in a child process: one CPython per JVM, so the
 * real command line runs in its own JVM. Output goes to files (no pipe can fill up); every wait
 * is bounded and a child that overruns is killed with its descendants.
 */
final class Child {
    private Child() {}

    /** What a child did. */
    record Result(List<String> command, int exitCode, String stdout, String stderr, Duration took) {
        /** For assertion messages. */
        String describe() {
            return "exit " + exitCode + " after " + took.toMillis() + " ms\n$ " + String.join(" ", command)
                    + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }
    }

    /** The java command that runs Main like ./easel does (JavaFX on the class path here). */
    static List<String> java(List<String> jvmArgs, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElseThrow());
        cmd.add("--enable-native-access=ALL-UNNAMED"); // JavaFX is on the class path here: unnamed too
        cmd.add("-XX:TieredStopAtLevel=1"); // short-lived children: the C1 compiler is enough
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.easel.app.Main");
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** Runs {@code easel ARGS} headless-safe (no display needed) in {@code dir}, bounded by {@code timeout}. */
    static Result easel(Path dir, Duration timeout, String... args) throws IOException, InterruptedException {
        return run(java(List.of("-Djava.awt.headless=true"), args), dir, Map.of(), timeout);
    }

    /** Runs any command in {@code dir}; kills it (and its descendants) after {@code timeout} and fails. */
    static Result run(List<String> command, Path dir, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path out = Files.createTempFile(dir, "child-", ".out");
        Path err = Files.createTempFile(dir, "child-", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            fail("child did not finish within " + timeout.toSeconds() + " s (killed)\n$ " + String.join(" ", command)
                    + "\n--- stdout ---\n" + read(out) + "\n--- stderr ---\n" + read(err));
        }
        return new Result(command, p.exitValue(), read(out), read(err), took);
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
