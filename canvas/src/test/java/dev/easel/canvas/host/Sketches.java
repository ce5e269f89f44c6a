package dev.easel.canvas.host;

import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.loop.HeadlessWindows;
import dev.easel.canvas.ImageData;
import dev.easel.pybridge.PythonLocator;
import dev.easel.pybridge.PythonRuntime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs sketches headless in this JVM: one Python runtime for the whole test JVM (CPython starts
 * once per process), a fresh {@link Session} per sketch. The sketch reports facts back through
 * {@code sys._easel_test} (a dict), which {@link Run#fact} reads.
 */
final class Sketches {
    private static PythonRuntime runtime;

    private Sketches() {}

    static synchronized PythonRuntime runtime() {
        if (runtime == null) {
            runtime = PythonRuntime.start(PythonLocator.locate(System.getProperty("easel.python", "bundled")));
            runtime.main().exec("import sys\nsys._easel_test = {}\n", runtime.main().newGlobals());
        }
        return runtime;
    }

    /** The outcome of one headless run. */
    record Run(Session session, HeadlessWindows windows, Path out) {
        CanvasHost canvas(int i) {
            return session.canvases().get(i);
        }

        ImageData picture(int i) {
            return windows.pixels(canvas(i)).picture();
        }

        Object fact(String key) {
            return session.runtime().main().evalToJava("__import__('sys')._easel_test.get(" + pyQuote(key) + ")");
        }
    }

    static String pyQuote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Writes {@code source} to a temp file and runs it headless for {@code frames} frames per canvas. */
    static Run run(String source, int frames) throws Exception {
        return run(source, frames, List.of());
    }

    static Run run(String source, int frames, List<Session.ScriptedEvent> events) throws Exception {
        return run(source, frames, events, Duration.ofSeconds(60));
    }

    /** Like {@link #run(String, int, List)}, failing if the sketch has not ended within {@code bound}. */
    static Run run(String source, int frames, List<Session.ScriptedEvent> events, Duration bound) throws Exception {
        PythonRuntime rt = runtime();
        rt.main().exec("import sys\nsys._easel_test.clear()\n", rt.main().newGlobals());
        Path dir = Files.createTempDirectory("easel-sketch");
        Path script = dir.resolve("sketch.py");
        Files.writeString(script, source);
        HeadlessWindows windows = new HeadlessWindows();
        Session session = new Session(rt, windows, new Session.Options(false, null, frames, events));
        session.runScript(script, List.of());
        awaitEnd(session, bound);
        Path out = dir.resolve("out");
        HeadlessOutput.write(session, windows, out);
        session.close();
        return new Run(session, windows, out);
    }

    /** Waits for {@code session}'s script and canvases to end; closes it and fails past {@code bound}. */
    static void awaitEnd(Session session, Duration bound) throws InterruptedException {
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                session.awaitEnd();
            } catch (InterruptedException ignored) {
                // bounded below
            }
        });
        waiter.join(bound);
        if (waiter.isAlive()) {
            session.close();
            fail("sketch did not finish within " + bound.toSeconds() + " s");
        }
    }

    static boolean near(int argb, int r, int g, int b, int tol) {
        return Math.abs(((argb >> 16) & 255) - r) <= tol && Math.abs(((argb >> 8) & 255) - g) <= tol
                && Math.abs((argb & 255) - b) <= tol;
    }

    static String hex(int argb) {
        return String.format("#%08x", argb);
    }

    static void deleteQuietly(Path p) throws IOException {
        if (Files.exists(p)) {
            try (var s = Files.walk(p)) {
                for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(q);
                }
            }
        }
    }

    static void sleep(long ms) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(ms);
    }
}
