package dev.easel.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a run ends, through the real command line in child JVMs: no display, a script error with no
 * canvas, the error window under a launcher, SystemExit, and a signal while Easel is starting.
 */
@Timeout(180)
class RunEndingsTest {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** JavaFX on its headless platform: windows without a display. */
    static final List<String> FX_HEADLESS = List.of("-Djava.awt.headless=true", "-Dglass.platform=Headless",
            "-Dprism.order=sw");
    static final Set<String> NO_LAUNCHER = Set.of("EASEL_LAUNCHER");

    @TempDir
    static Path dir;

    private static Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static Child.Result easel(List<String> jvm, Map<String, String> env, Set<String> unset, String... args)
            throws IOException, InterruptedException {
        return Child.start(Child.java(jvm, args), dir, env, unset).finish(TIMEOUT);
    }

    private static void noJavaTrace(Child.Result r) {
        assertFalse(r.stderr().contains("\tat ") || r.stderr().contains("Exception in thread"), r::describe);
    }

    @Test
    void withoutADisplayOneLineAndExitTwo() throws Exception {
        Path good = write("good.py", CliTest.GOOD);
        Child.Result none = easel(List.of("-Djava.awt.headless=true"), Map.of(),
                Set.of("DISPLAY", "WAYLAND_DISPLAY", "EASEL_LAUNCHER"), "run", good.toString());
        assertEquals(2, none.exitCode(), none::describe);
        assertEquals("easel: no display: run with --headless, or under xvfb-run", none.stderr().strip(), none::describe);
        // A display that cannot be opened: JavaFX fails to start, said in one line too.
        Child.Result bad = easel(List.of("-Djava.awt.headless=true"), Map.of("DISPLAY", ":987"),
                Set.of("WAYLAND_DISPLAY", "EASEL_LAUNCHER"), "run", good.toString());
        assertEquals(2, bad.exitCode(), bad::describe);
        // JavaFX on the class path (here, not in ./easel) warns about it first: not Easel's output.
        List<String> lines = bad.stderr().lines().filter(l -> !l.contains("com.sun.javafx.application.PlatformImpl")
                && !l.contains("Unsupported JavaFX configuration")).toList();
        assertEquals(1, lines.size(), bad::describe);
        assertTrue(lines.getFirst().startsWith("easel: ") && lines.getFirst().contains("--headless"), bad::describe);
        noJavaTrace(bad);
    }

    @Test
    void aScriptErrorWithNoCanvasPrintsTheTracebackAndExitsOne() throws Exception {
        Path script = write("fails_early.py", "import easel\nx = 1 / 0\n");
        Child.Result r = easel(FX_HEADLESS, Map.of(), NO_LAUNCHER, "run", script.toString());
        assertEquals(1, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("fails_early.py\", line 2") && r.stderr().contains("ZeroDivisionError"),
                r::describe);
        assertFalse(r.stderr().contains("shown in a window"), () -> "no window in automation\n" + r.describe());
        noJavaTrace(r);
    }

    @Test
    void theErrorWindowOfALauncherIsReleasedBySignalAndExitsOne() throws Exception {
        Path script = write("fails_in_launcher.py", "import easel\nraise RuntimeError('no canvas today')\n");
        Child.Running run = Child.start(Child.java(FX_HEADLESS, "run", script.toString()), dir,
                Map.of("EASEL_LAUNCHER", "1"), Set.of());
        run.awaitStderr("close it to exit", TIMEOUT);
        run.signal("TERM"); // as Ctrl-C: SIGINT is ignored in children started in the background
        Child.Result r = run.finish(TIMEOUT);
        assertEquals(1, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("RuntimeError: no canvas today"), r::describe);
        noJavaTrace(r);
    }

    @Test
    void systemExitEndsTheRunWithItsCode() throws Exception {
        Path zero = write("exit_zero.py", "import sys\nprint('before')\nsys.exit(0)\nprint('after')\n");
        Child.Result r0 = easel(List.of("-Djava.awt.headless=true"), Map.of(), NO_LAUNCHER, "run", zero.toString(),
                "--headless", "--out", dir.resolve("out-zero").toString());
        assertEquals(0, r0.exitCode(), r0::describe);
        assertTrue(r0.stdout().contains("before") && !r0.stdout().contains("after"), r0::describe);
        assertFalse(r0.stderr().contains("Traceback") || r0.stderr().contains("SystemExit"), r0::describe);

        Path onDraw = write("exit_on_draw.py", """
                import easel, sys
                class Quits(easel.Canvas):
                    size = (40, 30)
                    def on_draw(self, g):
                        if self.frame == 1:
                            sys.exit(3)
                Quits().show()
                """);
        Child.Result r3 = easel(List.of("-Djava.awt.headless=true"), Map.of(), NO_LAUNCHER, "run", onDraw.toString(),
                "--headless", "--frames", "50", "--out", dir.resolve("out-three").toString());
        assertEquals(3, r3.exitCode(), r3::describe);
        assertFalse(r3.stderr().contains("Traceback") || r3.stderr().contains("SystemExit"), r3::describe);
        Map<String, Object> canvas = Json.object(Json.array(Json.object(Json.parse(
                Files.readString(dir.resolve("out-three/stats.json")))).get("canvases")).getFirst());
        assertEquals(1.0, canvas.get("frames_drawn"), () -> "frame 1 quit: " + canvas);
        assertEquals(List.of(), canvas.get("errors"));

        Path message = write("exit_message.py", "import sys\nsys.exit('bye for now')\n");
        Child.Result r1 = easel(List.of("-Djava.awt.headless=true"), Map.of(), NO_LAUNCHER, "run", message.toString(),
                "--headless", "--out", dir.resolve("out-message").toString());
        assertEquals(1, r1.exitCode(), r1::describe);
        assertTrue(r1.stderr().contains("bye for now") && !r1.stderr().contains("Traceback"), r1::describe);
    }

    @Test
    void aSignalWhileEaselStartsGoesThroughTheShutdownGate() throws Exception {
        Path forever = write("forever.py", "import time\nwhile True:\n    time.sleep(0.05)\n");
        Child.Running run = Child.start(Child.java(List.of("-Djava.awt.headless=true"), "run", forever.toString(),
                "--headless", "--out", dir.resolve("out-forever").toString()), dir,
                Map.of("EASEL_TRACE_STARTUP", "1"), NO_LAUNCHER);
        run.awaitStderr("ms run command", TIMEOUT); // Python is starting now
        run.signal("TERM");
        Child.Result r = run.finish(TIMEOUT);
        assertEquals(0, r.exitCode(), () -> "quit like Ctrl-C later on, not the JVM's 143\n" + r.describe());
        noJavaTrace(r);
    }
}
