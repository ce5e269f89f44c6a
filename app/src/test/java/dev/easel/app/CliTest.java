package dev.easel.app;

import dev.easel.pybridge.PythonInstallation;
import dev.easel.pybridge.PythonLocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code easel} command line end to end, each case in its own child JVM. The children are
 * started up front, two at a time, and each test checks its own when it is done.
 */
@Timeout(180)
class CliTest {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static final ExecutorService POOL = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("cli-", 0).daemon(true).factory());
    private static final Map<String, Future<Child.Result>> RUNS = new HashMap<>();
    private static Optional<PythonInstallation> python312 = Optional.empty();

    static final String GOOD = """
            import easel
            class Good(easel.Canvas):
                size = (120, 80)
                def on_draw(self, g):
                    g.fill = "tomato"
                    g.fill_rect(10, 10, 50, 30)
            Good().show()
            """;
    static final String SYNTAX_ERROR = """
            import easel

            class Broken(easel.Canvas):
                def on_draw(self, g:
                    pass
            """;
    static final String RAISES_AT_IMPORT = """
            import easel

            def helper():
                return undefined_name + 1

            helper()
            """;
    static final String ON_DRAW_RAISES = """
            import easel

            class Faulty(easel.Canvas):
                size = (160, 120)
                def on_draw(self, g):
                    g.fill = "navy"
                    g.fill_rect(0, 0, 160, 120)
                    check(self.frame)

            def check(n):
                raise ValueError(f"frame {n} is not allowed")

            Faulty().show()
            """;
    static final String REPORTS_PYTHON = """
            import easel, sys
            print("PYTHON", "%d.%d" % sys.version_info[:2], easel.python_info()["version"])
            class P(easel.Canvas):
                size = (60, 40)
                def on_draw(self, g):
                    g.clear("white")
            P().show()
            """;

    @BeforeAll
    static void startChildren() throws IOException {
        Path good = write("good.py", GOOD);
        Path syntax = write("syntax_error.py", SYNTAX_ERROR);
        Path atImport = write("raises_at_import.py", RAISES_AT_IMPORT);
        Path onDraw = write("on_draw_raises.py", ON_DRAW_RAISES);
        Path badJson = write("bad.json", "[{\"frame\": 1, \"type\": \"mouse_press\",\n");
        Path notAList = write("not_a_list.json", "{\"frame\": 1}");
        // The slow ones first: they overlap with the many quick ones.
        submit("doctor", "doctor");
        python312 = PythonLocator.findAll().stream()
                .filter(i -> i.version().major() == 3 && i.version().minor() == 12 && !i.freeThreaded()).findFirst();
        if (python312.isPresent()) {
            submit("python312", "run", write("reports_python.py", REPORTS_PYTHON).toString(), "--python", "3.12",
                    "--headless", "--out", dir.resolve("out-312").toString());
        }
        submit("help", "--help");
        submit("runHelp", "run", "--help");
        submit("version", "--version");
        submit("missing", "run", dir.resolve("no_such_sketch.py").toString(), "--headless");
        submit("missingAlone", dir.resolve("no_such_sketch.py").toString());
        submit("sizeNotWxH", "run", good.toString(), "--headless", "--size", "800");
        submit("sizeZero", "run", good.toString(), "--headless", "--size", "0x600");
        submit("unknownOption", "run", good.toString(), "--headless", "--frobnicate");
        submit("badRenderer", "run", good.toString(), "--headless", "--renderer", "vulkan");
        submit("syntax", "run", syntax.toString(), "--headless", "--out", dir.resolve("out-syntax").toString());
        submit("atImport", "run", atImport.toString(), "--headless", "--out", dir.resolve("out-import").toString());
        submit("onDraw", "run", onDraw.toString(), "--headless", "--frames", "3",
                "--out", dir.resolve("out-ondraw").toString());
        submit("watchHeadless", "run", good.toString(), "--headless", "--watch", "--frames", "3",
                "--out", dir.resolve("out-watch").toString());
        submit("badJson", "run", good.toString(), "--headless", "--events", badJson.toString());
        submit("notAList", "run", good.toString(), "--headless", "--events", notAList.toString());
        submit("missingEvents", "run", good.toString(), "--headless", "--events", dir.resolve("nope.json").toString());
        submit("saveEvery", "run", good.toString(), "--headless", "--frames", "5", "--save-every", "2",
                "--out", dir.resolve("out-seq").toString());
        submit("saveEveryWindowed", "run", good.toString(), "--save-every", "2");
        submit("saveAsTiff", "run", good.toString(), "--headless", "--save-every", "2", "--save-as", "f-#.tiff");
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

    private static void submit(String key, String... args) {
        RUNS.put(key, POOL.submit(() -> Child.easel(dir, TIMEOUT, args)));
    }

    private static Child.Result result(String key) throws Exception {
        return RUNS.get(key).get(TIMEOUT.toSeconds() * 3, TimeUnit.SECONDS);
    }

    /** No Java stack trace reaches a user for an error of theirs. */
    private static void noJavaTrace(Child.Result r) {
        assertFalse(r.stderr().contains("\tat dev.easel") || r.stderr().contains("Exception in thread"), r::describe);
    }

    @Test
    void helpAndVersion() throws Exception {
        Child.Result help = result("help");
        assertEquals(0, help.exitCode(), help::describe);
        for (String s : List.of("Usage: easel", "run", "doctor", "bench", "--version", "Examples:")) {
            assertTrue(help.stdout().contains(s), () -> "--help lacks '" + s + "'\n" + help.describe());
        }
        Child.Result runHelp = result("runHelp");
        assertEquals(0, runHelp.exitCode(), runHelp::describe);
        for (String s : List.of("Usage: easel run", "--headless", "--frames", "--out", "--events", "--size", "--python",
                "--[no-]watch", "--save-every", "--save-as")) {
            assertTrue(runHelp.stdout().contains(s), () -> "run --help lacks '" + s + "'\n" + runHelp.describe());
        }
        Child.Result version = result("version");
        assertEquals(0, version.exitCode(), version::describe);
        assertTrue(Pattern.compile("(?m)^easel \\S+").matcher(version.stdout()).find(), version::describe);
        assertTrue(version.stdout().contains("Java " + Runtime.version().feature()), version::describe);
    }

    @Test
    void watchingHeadlessRunsItsFramesPacedAndEnds() throws Exception {
        Child.Result r = result("watchHeadless");
        assertEquals(0, r.exitCode(), r::describe);
        noJavaTrace(r);
        Map<String, Object> stats = Json.object(Json.parse(Files.readString(dir.resolve("out-watch").resolve("stats.json"))));
        assertEquals(3.0, Json.object(Json.array(stats.get("canvases")).getFirst()).get("frames"));
    }

    @Test
    void missingScriptIsAUsageError() throws Exception {
        Child.Result r = result("missing");
        assertEquals(2, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("no such script") && r.stderr().contains("no_such_sketch.py"), r::describe);
        noJavaTrace(r);
    }

    @Test
    void aSketchAloneIsRunLikeEaselRun() throws Exception {
        // easel SKETCH (the desktop entry's "Open with Easel") is easel run SKETCH.
        Child.Result r = result("missingAlone");
        assertEquals(2, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("no such script") && r.stderr().contains("no_such_sketch.py"), r::describe);
        noJavaTrace(r);
    }

    @Test
    void badOptionsAreUsageErrors() throws Exception {
        Child.Result notWxH = result("sizeNotWxH");
        assertEquals(2, notWxH.exitCode(), notWxH::describe);
        assertTrue(notWxH.stderr().contains("--size") && notWxH.stderr().contains("800"), notWxH::describe);
        Child.Result zero = result("sizeZero");
        assertEquals(2, zero.exitCode(), zero::describe);
        assertTrue(zero.stderr().contains("--size"), zero::describe);
        assertFalse(zero.stderr().contains("Traceback"), () -> "a bad option is not the script's fault\n" + zero.describe());
        Child.Result badRenderer = result("badRenderer");
        assertEquals(2, badRenderer.exitCode(), badRenderer::describe);
        assertTrue(badRenderer.stderr().contains("--renderer must be 'auto', 'raster' or 'gl', not 'vulkan'"), badRenderer::describe);
        Child.Result unknown = result("unknownOption");
        assertEquals(2, unknown.exitCode(), unknown::describe);
        assertTrue(unknown.stderr().contains("--frobnicate"), unknown::describe);
        noJavaTrace(notWxH);
        noJavaTrace(zero);
        noJavaTrace(unknown);
    }

    @Test
    void saveEveryWritesANumberedSequenceHeadless() throws Exception {
        Child.Result r = result("saveEvery");
        assertEquals(0, r.exitCode(), r::describe);
        for (String f : List.of("good-00000.png", "good-00002.png", "good-00004.png")) {
            assertTrue(Files.isRegularFile(dir.resolve("out-seq").resolve(f)), () -> f + " missing\n" + r.describe());
        }
        assertFalse(Files.exists(dir.resolve("out-seq").resolve("good-00001.png")), r::describe);
        Child.Result windowed = result("saveEveryWindowed");
        assertEquals(2, windowed.exitCode(), windowed::describe);
        assertTrue(windowed.stderr().contains("--save-every needs --headless"), windowed::describe);
        Child.Result tiff = result("saveAsTiff");
        assertEquals(2, tiff.exitCode(), tiff::describe);
        assertTrue(tiff.stderr().contains("f-#.tiff"), tiff::describe);
        noJavaTrace(tiff);
    }

    @Test
    void syntaxErrorExitsOneWithTheUsersTracebackOnly() throws Exception {
        Child.Result r = result("syntax");
        assertEquals(1, r.exitCode(), r::describe);
        String err = r.stderr();
        assertTrue(err.contains("syntax_error.py\", line 4"), () -> "file and line of the error\n" + r.describe());
        assertTrue(err.contains("SyntaxError"), r::describe);
        assertTrue(err.contains("def on_draw(self, g:"), () -> "the offending source line\n" + r.describe());
        assertFalse(err.contains("runpy"), () -> "Easel's runpy frames leak into the traceback\n" + r.describe());
        assertFalse(err.contains("<easel>"), () -> "Easel's exec wrapper leaks into the traceback\n" + r.describe());
        noJavaTrace(r);
    }

    @Test
    void exceptionAtImportExitsOneWithTheUsersFrames() throws Exception {
        Child.Result r = result("atImport");
        assertEquals(1, r.exitCode(), r::describe);
        String err = r.stderr();
        assertTrue(err.contains("raises_at_import.py\", line 6, in <module>"), r::describe);
        assertTrue(err.contains("raises_at_import.py\", line 4, in helper"), r::describe);
        assertTrue(err.contains("NameError: name 'undefined_name' is not defined"), r::describe);
        assertFalse(err.contains("runpy") || err.contains("<easel>"), r::describe);
        noJavaTrace(r);
        Map<String, Object> stats = Json.object(Json.parse(Files.readString(dir.resolve("out-import/stats.json"))));
        assertEquals(Boolean.TRUE, stats.get("script_failed"));
    }

    @Test
    void exceptionInOnDrawExitsOneAndStatsListItWithItsTraceback() throws Exception {
        Child.Result r = result("onDraw");
        assertEquals(1, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("ValueError: frame 0 is not allowed"), r::describe);
        noJavaTrace(r);
        Path out = dir.resolve("out-ondraw");
        Map<String, Object> stats = Json.object(Json.parse(Files.readString(out.resolve("stats.json"))));
        assertEquals(Boolean.FALSE, stats.get("script_failed"), "the script itself ran fine");
        Map<String, Object> canvas = Json.object(Json.array(stats.get("canvases")).getFirst());
        assertEquals(3.0, canvas.get("frames"), "the canvas keeps running after an error");
        List<Object> errors = Json.array(canvas.get("errors"));
        assertEquals(3, errors.size(), () -> "one error per frame: " + errors);
        Map<String, Object> first = Json.object(errors.getFirst());
        assertEquals(0.0, first.get("frame"));
        assertEquals("on_draw", first.get("where"));
        assertEquals("ValueError", first.get("type"));
        assertEquals("frame 0 is not allowed", first.get("message"));
        String tb = (String) first.get("traceback");
        assertTrue(tb.contains("on_draw_raises.py\", line 8, in on_draw"), tb);
        assertTrue(tb.contains("on_draw_raises.py\", line 11, in check"), tb);
        assertTrue(tb.contains("ValueError: frame 0 is not allowed"), tb);
        assertTrue(Files.size(out.resolve("faulty.png")) > 0, "the picture (with the error overlay) is written");
    }

    @Test
    void badEventsFilesAreUsageErrors() throws Exception {
        Child.Result bad = result("badJson");
        assertEquals(2, bad.exitCode(), bad::describe);
        assertTrue(bad.stderr().contains("bad.json") && bad.stderr().contains("not valid JSON"), bad::describe);
        Child.Result notAList = result("notAList");
        assertEquals(2, notAList.exitCode(), notAList::describe);
        assertTrue(notAList.stderr().contains("list"), notAList::describe);
        Child.Result missing = result("missingEvents");
        assertEquals(2, missing.exitCode(), missing::describe);
        assertTrue(missing.stderr().contains("nope.json"), missing::describe);
        noJavaTrace(bad);
        noJavaTrace(notAList);
        noJavaTrace(missing);
    }

    @Test
    void doctorShowsPythonAndIsolation() throws Exception {
        Child.Result r = result("doctor");
        assertEquals(0, r.exitCode(), r::describe);
        assertTrue(Pattern.compile("(?m)^Python +3\\.\\d+\\.\\d+").matcher(r.stdout()).find(), r::describe);
        assertTrue(r.stdout().contains("isolation"), r::describe);
        assertTrue(r.stdout().contains("Java "), r::describe);
        assertTrue(r.stdout().contains("JavaFX "), r::describe);
        if (PythonLocator.locate(null).origin().equals("bundled")) {
            assertTrue(Pattern.compile("(?m)^  numpy +2\\.4\\.2 in .*site-packages$").matcher(r.stdout()).find(), r::describe);
        }
    }

    @Test
    void doctorShowsOpenGl() throws Exception {
        Child.Result r = result("doctor");
        // Mesa's EGL is installed in CI (llvmpipe): a device, and auto refusing a CPU rasterizer.
        assertTrue(Pattern.compile("(?m)^OpenGL +(.+ \\| .+ \\| .+|none: .+)$").matcher(r.stdout()).find(), r::describe);
        assertTrue(Pattern.compile("(?m)^  renderer +auto picks (raster|gl) \\(.+\\)$").matcher(r.stdout()).find(), r::describe);
        if (r.stdout().contains("llvmpipe")) {
            assertTrue(r.stdout().contains("auto picks raster"), r::describe);
        }
    }

    @Test
    void pythonOptionSelectsPython312() throws Exception {
        assumeTrue(python312.isPresent(), "no CPython 3.12 on this machine");
        Child.Result r = result("python312");
        assertEquals(0, r.exitCode(), r::describe);
        assertTrue(r.stdout().contains("PYTHON 3.12 3.12."), r::describe);
        Map<String, Object> stats = Json.object(Json.parse(Files.readString(dir.resolve("out-312/stats.json"))));
        assertTrue(((String) stats.get("python")).startsWith("3.12."), () -> "stats.json: " + stats);
        assertEquals(1.0, Json.object(Json.array(stats.get("canvases")).getFirst()).get("frames"));
    }
}
