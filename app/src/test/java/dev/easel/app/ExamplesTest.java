package dev.easel.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every example in assets/examples runs headless through the real command line (a child JVM per
 * example, two at a time), exits 0, draws 12 frames per canvas without an error, and leaves a
 * picture with real content. Examples are found by listing the folder, so new ones are covered.
 */
class ExamplesTest {
    static final int FRAMES = 12;
    static final Duration TIMEOUT = Duration.ofSeconds(90);
    /** A picture "has content" with at least this many colours... */
    static final int MIN_COLOURS = 8;
    /** ...and at least this share of pixels away from its background (the most common colour)... */
    static final double MIN_CONTENT_SHARE = 0.03;
    /** ...except where the picture is rightly sparse: one ball (and its trail) on a big background. */
    static final Map<String, Double> SPARSE = Map.of("bounce.py", 0.01);

    /** Input for the examples that need some to show what they do (file name -> --events JSON). */
    static final Map<String, String> EVENTS = Map.of(
            // Pick colour 5 (purple), then drag a zigzag stroke across the canvas.
            "paint.py", """
                    [{"frame": 0, "type": "key_press", "key": "5"},
                     {"frame": 0, "type": "key_release", "key": "5"},
                     {"frame": 1, "type": "mouse_press", "x": 100, "y": 150, "button": "left"},
                     {"frame": 2, "type": "mouse_drag", "x": 180, "y": 250, "button": "left"},
                     {"frame": 3, "type": "mouse_drag", "x": 260, "y": 150, "button": "left"},
                     {"frame": 4, "type": "mouse_drag", "x": 340, "y": 250, "button": "left"},
                     {"frame": 5, "type": "mouse_drag", "x": 420, "y": 150, "button": "left"},
                     {"frame": 6, "type": "mouse_drag", "x": 500, "y": 250, "button": "left"},
                     {"frame": 7, "type": "mouse_drag", "x": 580, "y": 150, "button": "left"},
                     {"frame": 8, "type": "mouse_drag", "x": 660, "y": 250, "button": "left"},
                     {"frame": 9, "type": "mouse_release", "x": 660, "y": 250, "button": "left"}]
                    """,
            // Turn down (the snake starts heading right); a left turn would reverse it, so it is refused.
            "snake.py", """
                    [{"frame": 2, "type": "key_press", "key": "ArrowDown"},
                     {"frame": 3, "type": "key_release", "key": "ArrowDown"},
                     {"frame": 5, "type": "key_press", "key": "ArrowLeft"},
                     {"frame": 6, "type": "key_release", "key": "ArrowLeft"}]
                    """,
            // A click kicks the ball.
            "bounce.py", """
                    [{"frame": 4, "type": "mouse_press", "x": 600, "y": 400, "button": "left"},
                     {"frame": 5, "type": "mouse_release", "x": 600, "y": 400, "button": "left"}]
                    """);

    private static final ExecutorService POOL = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("examples-", 0).daemon(true).factory());

    /** Kept after the run (target/examples-out/NAME/out/*.png) to look at, or to upload from CI. */
    static final Path OUT = Path.of(System.getProperty("easel.test.reports", "target")).resolve("examples-out");

    record Outcome(Path out, Child.Result result) {}

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    static List<Path> examples() throws IOException {
        Path dir = TestPython.root().resolve("assets/examples");
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> l = s.filter(p -> p.getFileName().toString().endsWith(".py")).sorted().toList();
            assertFalse(l.isEmpty(), "no examples in " + dir);
            return l;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRunsHeadlessAndDrawsSomething() throws IOException {
        Map<Path, Future<Outcome>> runs = new LinkedHashMap<>();
        for (Path script : examples()) {
            runs.put(script, POOL.submit(() -> runHeadless(script)));
        }
        return runs.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey().getFileName().toString(),
                () -> check(e.getKey(), e.getValue().get(TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS))));
    }

    static Outcome runHeadless(Path script) throws Exception {
        String name = script.getFileName().toString();
        Path dir = OUT.resolve(name.replace(".py", ""));
        Path out = dir.resolve("out");
        deleteRecursively(out);
        Files.createDirectories(dir);
        List<String> args = new ArrayList<>(List.of("run", script.toString(), "--headless",
                "--frames", String.valueOf(FRAMES), "--out", out.toString()));
        String events = EVENTS.get(name);
        if (events != null) {
            Path f = dir.resolve("events.json");
            Files.writeString(f, events);
            args.add("--events");
            args.add(f.toString());
        }
        // The working directory is a scratch folder: an example that saves files leaves nothing in the project.
        return new Outcome(out, Child.easel(dir, TIMEOUT, args.toArray(String[]::new)));
    }

    static void check(Path script, Outcome o) throws IOException {
        Child.Result r = o.result();
        assertEquals(0, r.exitCode(), r::describe);
        Path statsFile = o.out().resolve("stats.json");
        assertTrue(Files.isRegularFile(statsFile), () -> "no stats.json\n" + r.describe());
        Map<String, Object> stats = Json.object(Json.parse(Files.readString(statsFile)));
        assertEquals(Boolean.FALSE, stats.get("script_failed"), r::describe);
        List<Object> canvases = Json.array(stats.get("canvases"));
        assertFalse(canvases.isEmpty(), () -> "the example showed no canvas\n" + r.describe());
        StringBuilder summary = new StringBuilder(script.getFileName() + " (" + r.took().toMillis() + " ms):");
        for (Object c : canvases) {
            Map<String, Object> canvas = Json.object(c);
            String slug = (String) canvas.get("slug");
            assertEquals((double) FRAMES, canvas.get("frames"), () -> slug + ": frames\n" + r.describe());
            assertEquals(List.of(), canvas.get("errors"), () -> slug + ": errors\n" + r.describe());
            BufferedImage img = Pngs.read(o.out().resolve((String) canvas.get("png")));
            assertEquals(((Double) canvas.get("width")).intValue(), img.getWidth(), slug + ": PNG width");
            assertEquals(((Double) canvas.get("height")).intValue(), img.getHeight(), slug + ": PNG height");
            Pngs.Stats s = Pngs.stats(img, 8);
            summary.append("\n  ").append(slug).append(": ").append(s);
            assertTrue(s.distinctColours() >= MIN_COLOURS, slug + " is nearly blank: " + s);
            double minShare = SPARSE.getOrDefault(script.getFileName().toString(), MIN_CONTENT_SHARE);
            assertTrue(s.nonDominantShare() >= minShare, slug + " is nearly empty: " + s);
            interaction(script.getFileName().toString(), slug, img);
        }
        System.out.println(summary);
    }

    static void deleteRecursively(Path p) throws IOException {
        if (Files.exists(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(q);
                }
            }
        }
    }

    /** The examples that got input show it in their picture. */
    static void interaction(String example, String slug, BufferedImage img) {
        switch (example) {
            case "paint.py" -> {
                // Colour 5 is #8338ec: its swatch is ~1,100 px; the dragged zigzag (6 px wide, ~1,000 px long) adds thousands.
                int purple = Pngs.count(img, 0x8338ec, 6);
                assertTrue(purple > 3500, slug + ": the dragged purple stroke is missing (" + purple + " purple pixels)");
            }
            case "snake.py" -> {
                // One step happens within 12 frames (0.14 s a step at 60 fps): the head (#b6f09c) went down
                // into cell (14, 11), not right into (15, 10). The cell at (14, 11) is x 336..360, y 304..328.
                int headDown = Pngs.count(img, 0xb6f09c, 6, 336, 304, 24, 24);
                int headRight = Pngs.count(img, 0xb6f09c, 6, 360, 280, 24, 24);
                assertTrue(headDown > 200 && headRight == 0,
                        slug + ": ArrowDown did not turn the snake (head pixels below: " + headDown + ", right: " + headRight + ")");
            }
            default -> {
                // no input-specific check
            }
        }
    }
}
