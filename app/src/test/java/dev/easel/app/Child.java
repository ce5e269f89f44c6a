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
        String prefs = System.getProperty("java.util.prefs.userRoot");
        if (prefs != null) {
            cmd.add("-Djava.util.prefs.userRoot=" + prefs); // the tests' own preferences (window places), not the user's
        }
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
            String threads = threadDumps(p.toHandle());
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            fail("child did not finish within " + timeout.toSeconds() + " s (killed)\n$ " + String.join(" ", command)
                    + "\n--- stdout ---\n" + read(out) + "\n--- stderr ---\n" + read(err) + threads);
        }
        return new Result(command, p.exitValue(), read(out), read(err), took);
    }

    /**
     * The Java threads of a child that hangs, and of its Java descendants, taken with {@code jcmd
     * Thread.print} before it is killed: a hang found once must say where it waited.
     */
    static String threadDumps(ProcessHandle child) {
        StringBuilder dumps = new StringBuilder();
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<ProcessHandle> all = new ArrayList<>();
        all.add(child);
        child.descendants().forEach(all::add);
        for (ProcessHandle h : all) {
            if (!h.isAlive() || !h.info().command().orElse("").endsWith("java")) {
                continue;
            }
            try {
                Process d = new ProcessBuilder(jcmd.toString(), Long.toString(h.pid()), "Thread.print")
                        .redirectErrorStream(true).start();
                byte[] text = d.getInputStream().readAllBytes(); // jcmd ends by itself (or with the child)
                d.waitFor(10, TimeUnit.SECONDS);
                dumps.append("\n--- threads of pid ").append(h.pid()).append(" ---\n")
                        .append(new String(text, StandardCharsets.UTF_8));
            } catch (IOException e) {
                dumps.append("\n--- no thread dump of pid ").append(h.pid()).append(": ").append(e).append(" ---\n");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return dumps.toString();
    }

    /** A child still running: its output can be watched and it can be sent signals. */
    static final class Running {
        private final List<String> command;
        private final Process process;
        private final Path out;
        private final Path err;
        private final long t0 = System.nanoTime();

        private Running(List<String> command, Process process, Path out, Path err) {
            this.command = command;
            this.process = process;
            this.out = out;
            this.err = err;
        }

        /** Polls stderr until it contains {@code text}; fails (killing the child) after {@code timeout}. */
        void awaitStderr(String text, Duration timeout) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!read(err).contains(text)) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    String why = process.isAlive() ? "within " + timeout.toSeconds() + " s" : "before it exited";
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    fail("the child did not print '" + text + "' " + why + "\n$ " + String.join(" ", command)
                            + "\n--- stdout ---\n" + read(out) + "\n--- stderr ---\n" + read(err));
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }

        /** Sends a signal ("TERM", "INT") to the child. */
        void signal(String name) throws IOException, InterruptedException {
            new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        }

        /** Waits for the exit (bounded: killed and failed after {@code timeout}). */
        Result finish(Duration timeout) throws IOException, InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                String threads = threadDumps(process.toHandle());
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                fail("child did not finish within " + timeout.toSeconds() + " s (killed)\n$ " + String.join(" ", command)
                        + "\n--- stdout ---\n" + read(out) + "\n--- stderr ---\n" + read(err) + threads);
            }
            return new Result(command, process.exitValue(), read(out), read(err), Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    /** Starts {@code command} in {@code dir} with {@code env} added and the variables {@code unset} removed. */
    static Running start(List<String> command, Path dir, Map<String, String> env, java.util.Set<String> unset)
            throws IOException {
        Files.createDirectories(dir);
        Path out = Files.createTempFile(dir, "child-", ".out");
        Path err = Files.createTempFile(dir, "child-", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().keySet().removeAll(unset);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        return new Running(command, p, out, err);
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
