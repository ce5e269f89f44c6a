package dev.easel.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code easel bench startup} end to end: the bench JVM starts the real {@code easel run} in its own JVM,
 * and {@code python one_rect.py} that the easel package hands over to it.
 */
@Timeout(300)
class StartupBenchTest {
    private static final List<String> FIELDS = List.of("jvm_to_main_ms", "fx_toolkit_ms", "python_init_ms",
            "sketch_import_ms", "first_frame_ms");

    @TempDir
    Path dir;

    @Test
    void headlessRunReportsEveryFigureAndTheMilestonesInOrder() throws Exception {
        // easel.root: where python sketch.py finds the easel package (the checkout's, or the built wheel).
        Child.Result r = Child.run(Child.java(List.of("-Djava.awt.headless=true", "-Deasel.root=" + TestPython.root()),
                "bench", "startup", "--runs", "1", "--headless", "--launcher", "java"), dir, Map.of(), Duration.ofSeconds(240));
        assertEquals(0, r.exitCode(), r::describe);
        List<String> lines = r.stdout().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(2, lines.size(), () -> "the launcher's line and python sketch.py's\n" + r.describe());
        Map<String, Object> json = Json.object(Json.parse(lines.getFirst()));
        assertEquals("startup", json.get("bench"), r::describe);
        assertEquals("headless", json.get("mode"), r::describe);
        assertEquals(1.0, json.get("runs"), r::describe);
        for (String f : FIELDS) {
            double v = assertInstanceOf(Double.class, json.get(f), () -> f + " missing\n" + r.describe());
            assertTrue(v >= 0, () -> f + " negative\n" + r.describe());
        }
        assertEquals(0.0, json.get("fx_toolkit_ms"), () -> "no toolkit headless\n" + r.describe());
        Map<String, Object> at = Json.object(json.get("since_launch_ms"));
        assertEquals(List.of("main", "python_started", "script_started", "sketch_imported", "first_frame"),
                List.copyOf(at.keySet()), r::describe);
        double last = 0;
        for (Object v : at.values()) {
            double t = (Double) v;
            assertTrue(t >= last, () -> "milestones out of order\n" + r.describe());
            last = t;
        }
        assertEquals(json.get("jvm_to_main_ms"), at.get("main"), r::describe);
        assertEquals(json.get("first_frame_ms"), at.get("first_frame"), r::describe);

        // python one_rect.py, handed over to the same launcher by the easel package (PythonShimBench).
        Map<String, Object> py = Json.object(Json.parse(lines.get(1)));
        assertTrue(((String) py.get("launcher")).startsWith("python sketch.py ("), r::describe);
        assertEquals("headless", py.get("mode"), r::describe);
        double exec = assertInstanceOf(Double.class, py.get("shim_exec_ms"), r::describe);
        double firstFrame = assertInstanceOf(Double.class, py.get("first_frame_ms"), r::describe);
        assertTrue(exec > 0 && exec < firstFrame, () -> "the hand-over comes before the first frame\n" + r.describe());
        assertEquals(firstFrame - (Double) json.get("first_frame_ms"),
                assertInstanceOf(Double.class, py.get("shim_extra_ms"), r::describe), r::describe);
    }

    @Test
    void windowFiguresWithoutADisplaySaySoAndExitTwo() throws Exception {
        Child.Result r = Child.run(Child.java(List.of("-Djava.awt.headless=true"), "bench", "startup", "--runs", "1",
                "--launcher", "java"), dir, Map.of("DISPLAY", "", "WAYLAND_DISPLAY", ""), Duration.ofSeconds(60));
        assertEquals(2, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("need a display") && r.stderr().contains("--headless"), r::describe);
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3, StartupBench.median(new long[]{5, 1, 3}));
        assertEquals(2, StartupBench.median(new long[]{4, 1, 3, 0}));
    }
}
