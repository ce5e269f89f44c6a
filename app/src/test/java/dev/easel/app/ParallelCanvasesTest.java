package dev.easel.app;

import dev.easel.pybridge.PythonInstallation;
import dev.easel.pybridge.PythonLocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Isolated canvases and channels through the real command line, one child JVM per case, on every
 * CPython 3.12+ found (and on a 3.11 for the clear error): isolation is real, channels carry every
 * listed type between every pair of kinds (the script, shared canvases, isolated canvases),
 * constructor arguments arrive pickled, and the failures name their cause.
 */
@Timeout(300)
class ParallelCanvasesTest {
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    private static final ExecutorService POOL = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("parallel-", 0).daemon(true).factory());
    /** "3.12" -> a --python value, one per minor version with sub-interpreters. */
    private static final Map<String, String> PYTHONS = new LinkedHashMap<>();
    private static Optional<String> python311 = Optional.empty();
    private static final Map<String, Future<Child.Result>> RUNS = new LinkedHashMap<>();

    /** Five parties, each sending to the four others and receiving from them. */
    static final String PARALLEL = """
            import easel, sys
            counter = 0
            NAMES = ["main", "s1", "s2", "i1", "i2"]

            def say(*parts):
                # One write per line: print() writes the line and its end separately, and several
                # interpreters and threads write to the same stdout.
                sys.stdout.write(" ".join(str(p) for p in parts) + "\\n")
                sys.stdout.flush()

            def payload(sender, receiver):
                return {"from": sender, "to": receiver, "big": 2**70 + len(sender), "f": 0.25,
                        "t": (1, "two", None, True, False), "b": b"\\x00\\xff", "nest": [[1], {"k": "v"}],
                        "s": "h\\u00e9llo \\u2713"}

            def exchange(me):
                for other in NAMES:
                    if other != me:
                        easel.Channel("to_" + other).send(payload(me, other))
                got = []
                ch = easel.Channel("to_" + me)
                for _ in range(len(NAMES) - 1):
                    m = ch.recv(timeout=60)
                    assert m == payload(m["from"], me), m
                    got.append(m["from"])
                say("EXCHANGE", me, "got", ",".join(sorted(got)))

            class Shared(easel.Canvas):
                size = (60, 40)
                def __init__(self, name):
                    super().__init__()
                    self.name = name
                def setup(self):
                    global counter
                    counter += 1
                    exchange(self.name)
                    say("GLOBAL", self.name, counter, easel.python_info()["mode"])
                def on_draw(self, g):
                    g.clear("green")

            class Isolated(easel.Canvas):
                isolated = True
                size = (60, 40)
                def __init__(self, name, *, bump, extra):
                    super().__init__()
                    self.name, self.bump, self.extra = name, bump, extra
                def setup(self):
                    global counter
                    counter += self.bump
                    exchange(self.name)
                    say("GLOBAL", self.name, counter, easel.python_info()["mode"], __name__, repr(self.extra))
                def on_draw(self, g):
                    g.clear("blue")

            if __name__ == "__main__":
                Shared("s1").show()
                Shared("s2").show()
                Isolated("i1", bump=100, extra={"k": [1, 2.5, None]}).show()
                Isolated("i2", bump=1000, extra=("t", b"x")).show()
                exchange("main")
                say("GLOBAL main", counter, easel.python_info()["mode"])
                probe = easel.Channel("probe")
                say("TRY_RECV", probe.try_recv("empty"))
                try:
                    probe.recv(timeout=0.05)
                except TimeoutError as e:
                    say("TIMEOUT", type(e).__name__)
                for bad in (object(), {1, 2}, [1, object()]):
                    try:
                        probe.send(bad)
                    except TypeError as e:
                        say("TYPEERROR", e)
                say("LEN", len(probe))
            """;

    static final String NOT_PICKLABLE = """
            import easel
            class Iso(easel.Canvas):
                isolated = True
                def __init__(self, f):
                    super().__init__()
                    self.f = f
            if __name__ == "__main__":
                Iso(lambda x: x).show()
            """;

    static final String IMPORTS_READLINE = """
            import easel
            class Iso(easel.Canvas):
                isolated = True
                size = (40, 30)
                def setup(self):
                    import readline
            if __name__ == "__main__":
                Iso().show()
            """;

    static final String PLAIN = """
            import easel
            class Plain(easel.Canvas):
                size = (40, 30)
                def setup(self):
                    print("MODE", easel.python_info()["mode"], __name__, flush=True)
                def on_draw(self, g):
                    g.clear("red")
            Plain().show()
            print("SCRIPT", __name__, flush=True)
            """;

    static final String ISOLATED_ON_311 = """
            import easel
            class Iso(easel.Canvas):
                isolated = True
            if __name__ == "__main__":
                Iso().show()
            """;

    @BeforeAll
    static void startChildren() throws IOException {
        for (PythonInstallation i : PythonLocator.findAll()) {
            String choice = i.origin().equals("bundled") ? "bundled" : i.library().toString();
            String minor = i.version().major() + "." + i.version().minor();
            if (i.freeThreaded()) {
                continue;
            }
            if (i.version().minor() >= 12) {
                PYTHONS.putIfAbsent(minor, choice);
            } else if (i.version().minor() == 11 && python311.isEmpty()) {
                python311 = Optional.of(choice);
            }
        }
        System.out.println("ParallelCanvasesTest: Pythons with sub-interpreters: " + PYTHONS + "; 3.11: " + python311);
        Path parallel = write("parallel.py", PARALLEL);
        for (var e : PYTHONS.entrySet()) {
            submit("parallel-" + e.getKey(), "run", parallel.toString(), "--python", e.getValue(), "--headless",
                    "--frames", "2", "--out", dir.resolve("out-parallel-" + e.getKey()).toString());
        }
        String newest = PYTHONS.isEmpty() ? null : PYTHONS.values().stream().reduce((a, b) -> b).orElseThrow();
        if (newest != null) {
            submit("notPicklable", "run", write("not_picklable.py", NOT_PICKLABLE).toString(), "--python", newest,
                    "--headless", "--out", dir.resolve("out-pickle").toString());
            submit("readline", "run", write("imports_readline.py", IMPORTS_READLINE).toString(), "--python", newest,
                    "--headless", "--out", dir.resolve("out-readline").toString());
            submit("isolateAll", "run", write("plain.py", PLAIN).toString(), "--python", newest, "--isolate",
                    "--headless", "--out", dir.resolve("out-isolate").toString());
        }
        python311.ifPresent(p -> submit("python311", "run", write0("isolated_311.py", ISOLATED_ON_311), "--python", p,
                "--headless", "--out", dir.resolve("out-311").toString()));
    }

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    private static Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static String write0(String name, String text) {
        try {
            return write(name, text).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void submit(String key, String... args) {
        RUNS.put(key, POOL.submit(() -> Child.easel(dir, TIMEOUT, args)));
    }

    private static Child.Result result(String key) throws Exception {
        return RUNS.get(key).get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> canvases(String out) throws IOException {
        Map<String, Object> stats = (Map<String, Object>) Json.parse(Files.readString(dir.resolve(out).resolve("stats.json")));
        return (List<Map<String, Object>>) stats.get("canvases");
    }

    @TestFactory
    Stream<DynamicTest> isolationIsRealAndChannelsConnectEveryPairOfKinds() {
        assumeTrue(!PYTHONS.isEmpty(), "no CPython 3.12 or newer on this machine");
        return PYTHONS.keySet().stream().map(v -> DynamicTest.dynamicTest("CPython " + v, () -> {
            Child.Result r = result("parallel-" + v);
            assertEquals(0, r.exitCode(), r::describe);
            String out = r.stdout();
            for (String me : List.of("main", "s1", "s2", "i1", "i2")) {
                String others = String.join(",", List.of("i1", "i2", "main", "s1", "s2").stream().filter(n -> !n.equals(me)).toList());
                assertTrue(out.contains("EXCHANGE " + me + " got " + others + "\n"), me + " got one message from each other party:\n" + r.describe());
            }
            // Module globals: the shared canvases and the script share one module; each isolated canvas has its own.
            assertTrue(out.contains("GLOBAL main 2 shared\n"), r::describe);
            assertTrue(out.matches("(?s).*GLOBAL s[12] [12] shared\n.*"), r::describe);
            assertTrue(out.contains("GLOBAL i1 100 isolated __easel_main__ {'k': [1, 2.5, None]}\n"), r::describe);
            assertTrue(out.contains("GLOBAL i2 1000 isolated __easel_main__ ('t', b'x')\n"), r::describe);
            assertTrue(out.contains("TRY_RECV empty\n"), r::describe);
            assertTrue(out.contains("TIMEOUT TimeoutError\n"), r::describe);
            assertEquals(3, out.lines().filter(l -> l.startsWith("TYPEERROR a Channel carries")).count(), r::describe);
            assertTrue(out.contains("not object") && out.contains("not set"), r::describe);
            assertTrue(out.contains("LEN 0\n"), r::describe);
            var canvases = canvases("out-parallel-" + v);
            assertEquals(4, canvases.size());
            for (var c : canvases) {
                boolean isolated = c.get("class").equals("Isolated");
                assertEquals(isolated, c.get("isolated"), c::toString);
                assertEquals(2L, ((Number) c.get("frames")).longValue(), c::toString);
                assertTrue(c.get("attach_wait_ms_per_frame") instanceof Number, c::toString);
                assertTrue(isolated ? c.get("create_ms") instanceof Number : c.get("create_ms") == null, c::toString);
                assertEquals(List.of(), c.get("errors"), c::toString);
            }
        }));
    }

    @Test
    void unpicklableConstructorArgumentsGiveAClearError() throws Exception {
        assumeTrue(RUNS.containsKey("notPicklable"), "no CPython 3.12 or newer on this machine");
        Child.Result r = result("notPicklable");
        assertEquals(1, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("TypeError: the arguments of Iso(...) cannot be pickled"), r::describe);
        assertTrue(r.stderr().contains("not_picklable.py\", line 8"), "the traceback points at the show() call:\n" + r.describe());
    }

    @Test
    void extensionModuleWithoutSubInterpreterSupportNamesIsolationAndTheFix() throws Exception {
        assumeTrue(RUNS.containsKey("readline"), "no CPython 3.12 or newer on this machine");
        Child.Result r = result("readline");
        assertEquals(1, r.exitCode(), r::describe);
        var errors = (List<?>) canvases("out-readline").getFirst().get("errors");
        assertEquals(1, errors.size(), r::describe);
        @SuppressWarnings("unchecked")
        var e = (Map<String, Object>) errors.getFirst();
        assertEquals("ImportError", e.get("type"), r::describe);
        String msg = (String) e.get("message");
        assertTrue(msg.contains("readline cannot be imported in an isolated canvas"), msg);
        assertTrue(msg.contains("isolated = False"), msg);
        assertTrue(((String) e.get("traceback")).contains("imports_readline.py"), e::toString);
    }

    @Test
    void isolateOptionRunsEveryCanvasIsolated() throws Exception {
        assumeTrue(RUNS.containsKey("isolateAll"), "no CPython 3.12 or newer on this machine");
        Child.Result r = result("isolateAll");
        assertEquals(0, r.exitCode(), r::describe);
        assertTrue(r.stdout().contains("MODE isolated __easel_main__\n"), r::describe);
        assertEquals(1, r.stdout().lines().filter(l -> l.equals("SCRIPT __main__")).count(), r::describe);
        // The sketch's top level ran again inside the isolated canvas under another name, its show() ignored there.
        assertEquals(1, r.stdout().lines().filter(l -> l.equals("SCRIPT __easel_main__")).count(), r::describe);
        assertEquals(true, canvases("out-isolate").getFirst().get("isolated"));
    }

    @Test
    void isolatedCanvasOnPython311IsOneClearError() throws Exception {
        assumeTrue(python311.isPresent(), "no CPython 3.11 on this machine");
        Child.Result r = result("python311");
        assertEquals(1, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("isolated canvases need CPython 3.12 or newer"), r::describe);
        assertTrue(r.stderr().contains("set isolated = False"), r::describe);
    }
}
