package dev.easel.app;

import dev.easel.pybridge.PythonInstallation;
import dev.easel.pybridge.PythonLocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Callback errors and quitting through the command line on every CPython found (one per minor
 * version), with shared canvases and, on 3.12+, isolated ones: a handler's error is its own and the
 * frame goes on, a failing setup stops on_draw, and SystemExit in a Python thread ends the run with
 * its code.
 */
@Timeout(300)
class EndingsPerPythonTest {
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    private static final ExecutorService POOL = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("endings-", 0).daemon(true).factory());
    private static final Map<String, Future<Child.Result>> RUNS = new LinkedHashMap<>();

    static final String SKETCH = """
            import easel, sys, threading

            class Keys(easel.Canvas):
                size = (40, 30)
                def on_key_press(self, e):
                    if e.key == "a":
                        raise KeyError("no binding for a")
                def on_draw(self, g):
                    if self.frame == 1:
                        sys.stdout.write("KEYS " + ",".join(sorted(self.keys)) + "\\n")
                        sys.stdout.flush()
                    if self.frame == 3:
                        t = threading.Thread(target=sys.exit, args=(5,))
                        t.start()
                        t.join()

            class Half(easel.Canvas):
                size = (40, 30)
                def setup(self):
                    self.speed = 1 / 0
                def on_draw(self, g):
                    sys.stdout.write("HALF DRAWN\\n")

            if __name__ == "__main__":
                Keys().show()
                Half().show()
            """;
    static final String EVENTS = """
            [{"frame": 1, "type": "key_press", "key": "a", "canvas": "Keys"},
             {"frame": 1, "type": "key_press", "key": "b", "canvas": "Keys"}]
            """;

    @BeforeAll
    static void startChildren() throws IOException {
        Path sketch = dir.resolve("endings.py");
        Files.writeString(sketch, SKETCH);
        Path events = dir.resolve("events.json");
        Files.writeString(events, EVENTS);
        Map<String, PythonInstallation> byMinor = new LinkedHashMap<>();
        for (PythonInstallation i : PythonLocator.findAll()) {
            if (!i.freeThreaded()) {
                byMinor.putIfAbsent(i.version().major() + "." + i.version().minor(), i);
            }
        }
        System.out.println("EndingsPerPythonTest: " + byMinor.keySet());
        for (var e : byMinor.entrySet()) {
            PythonInstallation i = e.getValue();
            String choice = i.origin().equals("bundled") ? "bundled" : i.library().toString();
            List<Boolean> modes = i.version().minor() >= 12 ? List.of(false, true) : List.of(false);
            for (boolean isolate : modes) {
                String key = e.getKey() + (isolate ? " isolated" : " shared");
                List<String> args = new ArrayList<>(List.of("run", sketch.toString(), "--python", choice, "--headless",
                        "--frames", "50", "--events", events.toString(), "--out", dir.resolve("out " + key).toString()));
                if (isolate) {
                    args.add("--isolate");
                }
                RUNS.put(key, POOL.submit(() -> Child.easel(dir, TIMEOUT, args.toArray(String[]::new))));
            }
        }
    }

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @TestFactory
    Stream<DynamicTest> handlerErrorsSetupFailuresAndSystemExitInAThread() {
        assumeTrue(!RUNS.isEmpty(), "no CPython found");
        return RUNS.keySet().stream().map(key -> DynamicTest.dynamicTest("CPython " + key, () -> {
            Child.Result r = RUNS.get(key).get();
            assertEquals(5, r.exitCode(), () -> "sys.exit(5) in a thread\n" + r.describe());
            assertTrue(r.stdout().contains("KEYS a,b\n"), () -> "keys in sync after a handler raised\n" + r.describe());
            assertFalse(r.stdout().contains("HALF DRAWN"), () -> "on_draw after a failed setup\n" + r.describe());
            assertFalse(r.stderr().contains("SystemExit"), r::describe);
            Map<String, Object> stats = Json.object(Json.parse(Files.readString(dir.resolve("out " + key)
                    .resolve("stats.json"))));
            List<Object> canvases = Json.array(stats.get("canvases"));
            Map<String, Object> keys = Json.object(canvases.get(0));
            Map<String, Object> half = Json.object(canvases.get(1));
            assertEquals(4.0, keys.get("frames_drawn"), keys::toString);
            List<Object> keyErrors = Json.array(keys.get("errors"));
            assertEquals(1, keyErrors.size(), keys::toString);
            assertEquals("on_key_press", Json.object(keyErrors.getFirst()).get("where"));
            assertEquals(0.0, half.get("frames_drawn"), half::toString);
            List<Object> halfErrors = Json.array(half.get("errors"));
            assertEquals(1, halfErrors.size(), half::toString);
            assertEquals("setup", Json.object(halfErrors.getFirst()).get("where"));
            assertEquals("ZeroDivisionError", Json.object(halfErrors.getFirst()).get("type"));
        }));
    }
}
