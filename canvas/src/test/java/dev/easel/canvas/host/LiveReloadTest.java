package dev.easel.canvas.host;

import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.loop.CanvasStats;
import dev.easel.canvas.host.loop.HeadlessWindows;
import dev.easel.canvas.host.view.WindowPixels;
import dev.easel.pybridge.PythonRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static dev.easel.canvas.host.Sketches.hex;
import static dev.easel.canvas.host.Sketches.near;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Live reload, headless with the watcher on: real files edited on disk, real CPython, the canvas
 * keeps running across reloads. Every wait is on a condition (a pixel, a counter), bounded.
 */
@Timeout(120)
class LiveReloadTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger SKETCHES = new AtomicInteger();

    /** A watched sketch running headless (paced at its fps), closed at the end of the test. */
    static final class Live implements AutoCloseable {
        final Path dir;
        final Path script;
        final Session session;
        final LiveReload live;

        Live(String source) throws Exception {
            this(source, java.util.Map.of());
        }

        /** {@code modules}: sibling files (name -> source) written next to the sketch first. */
        Live(String source, java.util.Map<String, String> modules) throws Exception {
            PythonRuntime rt = Sketches.runtime();
            rt.main().exec("import sys\nsys._easel_test.clear()\n", rt.main().newGlobals());
            dir = Files.createTempDirectory("easel-reload");
            for (var m : modules.entrySet()) {
                Files.writeString(dir.resolve(m.getKey()), m.getValue());
            }
            script = dir.resolve("sketch" + SKETCHES.incrementAndGet() + ".py");
            Files.writeString(script, source);
            session = new Session(rt, new HeadlessWindows(), new Session.Options(false, null, Integer.MAX_VALUE, List.of()));
            live = LiveReload.start(session, script);
            session.runScript(script, List.of());
        }

        CanvasHost host() throws InterruptedException {
            return await("a canvas", session::canvases, l -> !l.isEmpty()).getFirst();
        }

        int pixel(int x, int y) throws InterruptedException {
            CanvasHost h = host();
            await("a frame", () -> h.stats().frames(), n -> n > 0);
            return h.snapshot().argb(x, y);
        }

        /** Waits until the canvas shows (r, g, b) at (x, y). */
        void awaitColour(int x, int y, int r, int g, int b) throws InterruptedException {
            CanvasHost h = host();
            await("the colour " + r + "," + g + "," + b + " at " + x + "," + y + " of " + h,
                    () -> h.stats().frames() > 0 ? h.snapshot().argb(x, y) : 0, c -> near(c, r, g, b, 3));
        }

        /** Waits for {@code more} frames beyond the current count (the canvas still runs). */
        void awaitFrames(int more) throws InterruptedException {
            CanvasHost h = host();
            int target = h.stats().frames() + more;
            await(more + " more frames of " + h, () -> h.stats().frames(), n -> n >= target);
        }

        Object fact(String key) {
            return session.runtime().main().evalToJava("__import__('sys')._easel_test.get(" + Sketches.pyQuote(key) + ")");
        }

        /** Saves the sketch as most editors do: truncate and write in place. */
        void save(String source) throws Exception {
            Files.writeString(script, source);
        }

        @Override
        public void close() throws Exception {
            session.close();
            live.close();
            Sketches.deleteQuietly(dir);
        }
    }

    static <T> T await(String what, Supplier<T> value, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T v = value.get();
        while (!done.test(v)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for " + what + "; last: " + v);
            }
            Thread.sleep(5); // polling the condition, not a guess at how long reloading takes
            v = value.get();
        }
        return v;
    }

    static String sketch(String colour, String extra) {
        return """
                import easel, sys
                COLOUR = "%s"
                class Painter(easel.Canvas):
                    size = (120, 80)
                    fps = 30
                    def setup(self):
                        sys._easel_test["setups"] = sys._easel_test.get("setups", 0) + 1
                        self.count = 0
                        self.token = sys._easel_test.setdefault("token", object())
                    def on_draw(self, g):
                        self.count += 1
                        sys._easel_test["count"] = self.count
                        sys._easel_test["same_token"] = self.token is sys._easel_test["token"]
                        sys._easel_test["id"] = id(self)
                        g.fill = COLOUR
                        g.fill_rect(0, 0, 60, 80)
                %s
                Painter().show()
                """.formatted(colour, extra.indent(4));
    }

    @Test
    void savingShowsTheNewDrawingWithoutClosingAndAttributesSurvive() throws Exception {
        try (Live l = new Live(sketch("#ff0000", ""))) {
            l.awaitColour(10, 10, 255, 0, 0);
            CanvasHost h = l.host();
            l.awaitFrames(3);
            long countBefore = (Long) l.fact("count");
            Object id = l.fact("id");
            l.save(sketch("#0000ff", ""));
            l.awaitColour(10, 10, 0, 0, 255);
            assertFalse(h.ended().isDone(), "the canvas never closed");
            assertEquals(1, l.session.canvases().size(), "the same canvas, not a new one");
            assertEquals(1L, l.fact("setups"), "setup() does not run again on a reload");
            assertTrue((Long) l.fact("count") > countBefore, "self.count survived the reload and kept counting");
            assertEquals(true, l.fact("same_token"), "an attribute object survived as the same object");
            assertEquals(id, l.fact("id"), "the same Python object, with a new class");
            assertEquals(1, h.reloads());
            assertTrue(h.stats().errors().isEmpty(), h.stats().errors().toString());
        }
    }

    @Test
    void anAtomicReplaceSaveAndANewPycInTheSameSecondAreBothSeen() throws Exception {
        try (Live l = new Live(sketch("#ff0000", ""))) {
            l.awaitColour(10, 10, 255, 0, 0);
            // Write elsewhere, rename over the sketch: how many editors save.
            for (String c : List.of("#00ff00", "#0000ff", "#ff0000")) {
                Path tmp = l.dir.resolve(".sketch.tmp");
                Files.writeString(tmp, sketch(c, ""));
                Files.move(tmp, l.script, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                int r = Integer.parseInt(c.substring(1, 3), 16), g = Integer.parseInt(c.substring(3, 5), 16),
                        b = Integer.parseInt(c.substring(5, 7), 16);
                l.awaitColour(10, 10, r, g, b);
            }
            assertEquals(1L, l.fact("setups"));
        }
    }

    @Test
    void resetOnReloadMakesAFreshObjectWhoseSetupRuns() throws Exception {
        try (Live l = new Live(sketch("#ff0000", ""))) {
            l.awaitColour(10, 10, 255, 0, 0);
            Object id = l.fact("id");
            l.save(sketch("#0000ff", "reset_on_reload = True"));
            l.awaitColour(10, 10, 0, 0, 255);
            assertEquals(2L, l.fact("setups"), "the fresh object's setup() ran");
            await("the fresh object drawing", () -> l.fact("id"), v -> !v.equals(id));
            assertFalse(l.host().ended().isDone());
        }
    }

    @Test
    void onReloadIsCalledAfterTheSwapWithTheNewCode() throws Exception {
        try (Live l = new Live(sketch("#ff0000", ""))) {
            l.awaitColour(10, 10, 255, 0, 0);
            l.save(sketch("#0000ff", """
                    def on_reload(self):
                        sys._easel_test["on_reload"] = (type(self).__module__, self.count > 0)
                    """));
            l.awaitColour(10, 10, 0, 0, 255);
            assertEquals(List.of("__easel_main__", true), l.fact("on_reload"),
                    "called on the swapped object, with its attributes, on the new class");
            assertEquals(1L, l.fact("setups"));
        }
    }

    @Test
    void aBrokenSaveIsReportedWhileTheLastGoodCodeKeepsDrawingAndAFixRecovers() throws Exception {
        try (Live l = new Live(sketch("#ff0000", ""))) {
            l.awaitColour(10, 10, 255, 0, 0);
            CanvasHost h = l.host();
            l.save(sketch("#0000ff", "") + "\ndef broken(:\n");
            await("the reload error", () -> h.stats().errors(), e -> !e.isEmpty());
            CanvasStats.Error e = h.stats().errors().getFirst();
            assertEquals("reload", e.where());
            assertEquals("SyntaxError", e.type());
            assertTrue(e.traceback().contains(l.script.getFileName().toString()), e.traceback());
            l.awaitFrames(3);
            assertTrue(near(l.pixel(10, 10), 255, 0, 0, 3), "the old drawing continues: " + hex(l.pixel(10, 10)));
            WindowPixels px = ((HeadlessWindows) l.session.windows()).pixels(h);
            await("the error overlay", px::overlay, o -> o != null);

            // An exception while importing: the same.
            l.save(sketch("#00ff00", "") + "\nraise RuntimeError('bad top level')\n");
            await("the second error", () -> h.stats().errors(), es -> es.size() >= 2);
            assertTrue(h.stats().errors().get(1).traceback().contains("bad top level"));
            l.awaitFrames(3);
            assertTrue(near(l.pixel(10, 10), 255, 0, 0, 3), hex(l.pixel(10, 10)));

            l.save(sketch("#00ff00", ""));
            l.awaitColour(10, 10, 0, 255, 0);
            await("the overlay gone", px::overlay, o -> o == null);
            assertEquals(1L, l.fact("setups"));
            assertFalse(h.ended().isDone());
        }
    }

    @Test
    void aCanvasWhoseSetupFailedRecoversWhenAFixIsSaved() throws Exception {
        String failing = sketch("#ff0000", "").replace("self.count = 0", "self.count = 0\n        raise ValueError('no setup')");
        try (Live l = new Live(failing)) {
            CanvasHost h = l.host();
            await("the setup error", () -> h.stats().errors(), e -> !e.isEmpty());
            assertEquals("setup", h.stats().errors().getFirst().where());
            assertEquals(0, h.stats().frames(), "on_draw is not called after a failed setup");
            l.save(sketch("#0000ff", ""));
            l.awaitColour(10, 10, 0, 0, 255);
            assertEquals(2L, l.fact("setups"), "setup ran again: it had never succeeded");
            assertFalse(h.ended().isDone());
        }
    }

    @Test
    void anOnDrawThatKeepsFailingRecoversWhenAFixIsSaved() throws Exception {
        String failing = sketch("#ff0000", "").replace("g.fill = COLOUR", "g.fill = COLOUR\n        1 / 0");
        try (Live l = new Live(failing)) {
            CanvasHost h = l.host();
            await("on_draw errors", () -> h.stats().errors().size(), n -> n >= 3);
            l.save(sketch("#0000ff", ""));
            l.awaitColour(10, 10, 0, 0, 255);
            int errors = h.stats().errors().size();
            l.awaitFrames(5);
            assertEquals(errors, h.stats().errors().size(), "no more errors after the fix");
            assertEquals(1L, l.fact("setups"), "setup had succeeded: it does not run again");
        }
    }

    @Test
    void savingAnImportedSiblingModuleReloads() throws Exception {
        String mod = "palette" + SKETCHES.incrementAndGet();
        String source = sketch("#ff0000", "").replace("COLOUR = \"#ff0000\"", "from " + mod + " import COLOUR");
        try (Live l = new Live(source, java.util.Map.of(mod + ".py", "COLOUR = '#ff0000'\n"))) {
            l.awaitColour(10, 10, 255, 0, 0);
            // Same size, same second: a stale .pyc must not be used.
            Files.writeString(l.dir.resolve(mod + ".py"), "COLOUR = '#0000ff'\n");
            l.awaitColour(10, 10, 0, 0, 255);
            Files.writeString(l.dir.resolve(mod + ".py"), "COLOUR = '#00ff00'\n");
            l.awaitColour(10, 10, 0, 255, 0);
            assertEquals(1L, l.fact("setups"));
            assertEquals(2, l.host().reloads());
        }
    }

    @Test
    void aRestartRunsSetupAgainOnAFreshObject() throws Exception {
        try (Live l = new Live(sketch("#ff0000", ""))) {
            l.awaitColour(10, 10, 255, 0, 0);
            CanvasHost h = l.host();
            l.awaitFrames(3);
            h.restart();
            await("setup again", () -> l.fact("setups"), n -> Long.valueOf(2).equals(n));
            await("a fresh count", () -> (Long) l.fact("count"), n -> n < 3);
            assertFalse(h.ended().isDone());
        }
    }

    @Test
    void aCanvasWhoseClassIsGoneKeepsItsLastCode() throws Exception {
        try (Live l = new Live(sketch("#ff0000", ""))) {
            l.awaitColour(10, 10, 255, 0, 0);
            CanvasHost h = l.host();
            l.save(sketch("#0000ff", "").replace("Painter", "Renamed"));
            await("the new file imported", () -> l.live.shared().version(), v -> v >= 1);
            l.awaitFrames(3);
            assertTrue(near(l.pixel(10, 10), 255, 0, 0, 3), "the old code still draws: " + hex(l.pixel(10, 10)));
            assertEquals(0, h.reloads());
            // The reload happened (the new file imported) but this canvas has no class to move to.
            l.save(sketch("#00ff00", ""));
            l.awaitColour(10, 10, 0, 255, 0);
            assertEquals(1, h.reloads());
            assertTrue(h.stats().errors().isEmpty(), h.stats().errors().toString());
        }
    }

    @Test
    void anIsolatedCanvasReimportsInItsOwnInterpreter() throws Exception {
        assumeTrue(Sketches.runtime().supportsSubInterpreters(), "isolation needs CPython 3.12+");
        String iso = sketch("#ff0000", "isolated = True").replace("import easel, sys", "import easel, sys\n"
                + "if not hasattr(sys, '_easel_test'): sys._easel_test = {}");
        try (Live l = new Live(iso)) {
            l.awaitColour(10, 10, 255, 0, 0);
            CanvasHost h = l.host();
            assertFalse(h.interpreter().isMain());
            l.save(iso.replace("#ff0000", "#0000ff"));
            l.awaitColour(10, 10, 0, 0, 255);
            assertEquals(1, h.reloads());
            assertFalse(h.ended().isDone());
            l.save(iso.replace("#ff0000", "#0000ff") + "\ndef broken(:\n");
            await("the reload error", () -> h.stats().errors(), e -> !e.isEmpty());
            assertEquals("reload", h.stats().errors().getFirst().where());
            l.awaitFrames(3);
            assertTrue(near(l.pixel(10, 10), 0, 0, 255, 3), hex(l.pixel(10, 10)));
            l.save(iso.replace("#ff0000", "#00ff00"));
            l.awaitColour(10, 10, 0, 255, 0);
        }
    }

    @Test
    void reloadNowWorksWithoutAWatcher() throws Exception {
        PythonRuntime rt = Sketches.runtime();
        Path dir = Files.createTempDirectory("easel-reload");
        Path script = dir.resolve("manual" + SKETCHES.incrementAndGet() + ".py");
        Files.writeString(script, sketch("#ff0000", ""));
        Session s = new Session(rt, new HeadlessWindows(), new Session.Options(false, null, Integer.MAX_VALUE, List.of()));
        try (LiveReload live = LiveReload.manual(s, script)) {
            s.runScript(script, List.of());
            CanvasHost h = await("a canvas", s::canvases, c -> !c.isEmpty()).getFirst();
            await("a frame", () -> h.stats().frames(), n -> n > 0);
            Files.writeString(script, sketch("#0000ff", ""));
            live.reloadNow();
            await("blue", () -> h.snapshot().argb(10, 10), c -> near(c, 0, 0, 255, 3));
            assertTrue(h.stats().errors().isEmpty(), h.stats().errors().toString());
        } finally {
            s.close();
            Sketches.deleteQuietly(dir);
        }
    }
}
