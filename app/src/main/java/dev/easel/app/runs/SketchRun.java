package dev.easel.app.runs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One sketch run from the launcher: a child {@code easel run SCRIPT} process whose stdout and
 * stderr reach {@link ConsoleLines} line by line as they are printed. Stopping it sends SIGTERM,
 * which goes through the child's shutdown gate like Ctrl-C; one that does not end within 5 s is
 * killed.
 */
public final class SketchRun implements AutoCloseable {
    private final Path script;
    private final ConsoleLines lines;
    private final Process process;
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private final PromptLink prompt;
    /** The run said it is finishing recordings before it exits (its own dialog offers Cancel). */
    private volatile boolean finishingRecordings;
    /** Seconds from SIGTERM to the kill (tests shorten it). */
    volatile double killAfter = 5;
    /** Once the wait after SIGTERM is over: true when the run was killed, false when it was left to finish. */
    final CompletableFuture<Boolean> killDecided = new CompletableFuture<>();

    private SketchRun(Path script, ConsoleLines lines, Process process, PromptLink prompt) {
        this.script = script;
        this.lines = lines;
        this.process = process;
        this.prompt = prompt;
    }

    /**
     * Starts {@code command} (an {@code easel run SCRIPT ...} command line) in the script's folder,
     * so relative paths in the sketch mean what they mean when it is run from there.
     */
    public static SketchRun start(Path script, List<String> command, ConsoleLines lines) throws IOException {
        return start(script, command, lines, null);
    }

    /** As {@link #start(Path, List, ConsoleLines)}, with a live prompt through {@code prompt} (may be null). */
    public static SketchRun start(Path script, List<String> command, ConsoleLines lines, PromptLink prompt)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(script.toAbsolutePath().getParent().toFile());
        if (prompt != null) {
            pb.environment().putAll(prompt.env());
        }
        // The console shows errors: no error window (the desktop-entry behaviour) for a launched run.
        pb.environment().remove("EASEL_LAUNCHER");
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close(); // no terminal: input() fails at once instead of waiting
        SketchRun run = new SketchRun(script, lines, p, prompt);
        lines.add(ConsoleLines.Stream.INFO, "running " + script.getFileName() + " (pid " + p.pid() + ")");
        Thread out = pump(p.getInputStream(), ConsoleLines.Stream.OUT, lines, "out", null);
        Thread err = pump(p.getErrorStream(), ConsoleLines.Stream.ERR, lines, "err", run);
        Thread.ofPlatform().daemon(true).name("easel-run-wait").start(() -> {
            try {
                int code = p.waitFor();
                out.join();
                err.join();
                lines.add(ConsoleLines.Stream.INFO, script.getFileName() + " ended"
                        + (code == 0 ? "" : " with exit code " + code));
                if (prompt != null) {
                    prompt.close();
                }
                run.exited.complete(code);
            } catch (InterruptedException e) {
                run.exited.completeExceptionally(e);
            }
        });
        return run;
    }

    /** {@code watched}: the run whose stderr this is (it may say it is finishing recordings), or null. */
    private static Thread pump(InputStream in, ConsoleLines.Stream stream, ConsoleLines lines, String name,
                               SketchRun watched) {
        return Thread.ofPlatform().daemon(true).name("easel-run-" + name).start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (watched != null && line.startsWith(FINISHING)) {
                        watched.finishingRecordings = true;
                    }
                    lines.add(stream, line);
                }
            } catch (IOException closed) {
                // The process ended.
            }
        });
    }

    /** The sketch run. */
    public Path script() {
        return script;
    }

    /** Its output. */
    public ConsoleLines lines() {
        return lines;
    }

    /** Completes with the exit code when the process has ended and all its output is read. */
    public CompletableFuture<Integer> exited() {
        return exited;
    }

    /** The live prompt of this run, or null. */
    public PromptLink prompt() {
        return prompt;
    }

    /** Whether it still runs. */
    public boolean isRunning() {
        return process.isAlive();
    }

    /** What a run prints when it waits for its recordings to be written before it exits. */
    static final String FINISHING = "easel: finishing ";

    /**
     * Asks it to end (SIGTERM: the sketch's canvases close, {@code on_close} runs); kills it after
     * 5 s, unless it said it is finishing recordings: then its own progress dialog (with Cancel, and
     * a 30-minute cap) ends it, and killing it would lose the files. Any thread.
     */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        killUnlessEnded((long) (killAfter * 1000), true);
    }

    private void killUnlessEnded(long millis, boolean first) {
        process.onExit().orTimeout(millis, TimeUnit.MILLISECONDS).exceptionally(t -> {
            if (finishingRecordings && first) {
                killDecided.complete(false);
                killUnlessEnded(TimeUnit.MINUTES.toMillis(32), false); // past the run's own cap: something is wrong
                return null;
            }
            killDecided.complete(true);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return null;
        });
    }

    @Override
    public void close() {
        stop();
    }
}
