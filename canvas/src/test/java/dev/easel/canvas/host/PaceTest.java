package dev.easel.canvas.host;

import static dev.easel.canvas.host.Sketches.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.loop.WindowSystem;
import dev.easel.canvas.host.view.CanvasView;
import dev.easel.canvas.host.view.Frame;
import dev.easel.canvas.DisplayList;
import dev.easel.pybridge.PythonRuntime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The {@code pace} class attribute: {@code "shown"} (the default) records a frame only once the
 * window has taken the last one; {@code "drawn"} draws at {@code fps} whatever the window shows,
 * and the frames it had no time to show are counted as dropped.
 */
class PaceTest {
    private static final String SKETCH = """
            import easel, sys
            class Shown(easel.Canvas):
                fps = 1000
                size = (16, 16)
                def on_draw(self, g):
                    g.clear("red")
                    if self.frame >= 40:
                        sys._easel_test["shown_dropped_seen"] = self.frames_dropped
                        self.close()
            class Drawn(easel.Canvas):
                fps = 1000
                pace = "drawn"
                size = (16, 16)
                def on_draw(self, g):
                    g.clear("blue")
                    if self.frame >= 200:
                        sys._easel_test["drawn_dropped_seen"] = self.frames_dropped
                        self.close()
            Shown().show()
            Drawn().show()
            """;

    /**
     * Windows whose display shows the newest frame handed over on a 50 Hz tick, far slower than the
     * canvases' 1000 fps: a frame handed over while one waits replaces it (dropped), as in
     * {@code FxCanvasWindow}.
     */
    private static final class SlowWindows implements WindowSystem, AutoCloseable {
        private record Pending(Frame frame) {}

        private final Map<CanvasHost, AtomicReference<Pending>> views = new ConcurrentHashMap<>();
        private final ScheduledExecutorService display = Executors.newSingleThreadScheduledExecutor();

        SlowWindows() {
            display.scheduleAtFixedRate(this::tick, 20, 20, TimeUnit.MILLISECONDS);
        }

        private void tick() {
            views.forEach((host, pending) -> {
                Pending p = pending.getAndSet(null);
                if (p != null) {
                    if (p.frame() != null) {
                        p.frame().release();
                    }
                    host.frameShown();
                    host.viewReady();
                }
            });
        }

        @Override
        public CanvasView open(CanvasHost host) {
            AtomicReference<Pending> pending = new AtomicReference<>();
            views.put(host, pending);
            return new CanvasView() {
                @Override
                public void present(Frame frame, DisplayList overlay, int width, int height) {
                    Pending old = pending.getAndSet(new Pending(frame));
                    if (old != null) {
                        if (old.frame() != null) {
                            old.frame().release();
                        }
                        host.frameDropped();
                    }
                }

                @Override
                public boolean readyForFrame() {
                    return pending.get() == null;
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public boolean headless() {
            return false;
        }

        @Override
        public void close() {
            display.shutdownNow();
        }
    }

    @RepeatedTest(5)
    void shownPaceDrawsNoFasterThanTheWindowShowsAndDrawnPaceDropsTheRest() throws Exception {
        PythonRuntime rt = Sketches.runtime();
        rt.main().exec("import sys\nsys._easel_test.clear()\n", rt.main().newGlobals());
        Path script = Files.createTempDirectory("easel-pace").resolve("sketch.py");
        Files.writeString(script, SKETCH);
        try (SlowWindows windows = new SlowWindows()) {
            Session session = new Session(rt, windows, new Session.Options(false, null, 1, List.of()));
            try {
                session.runScript(script, List.of());
                Sketches.awaitEnd(session, Duration.ofSeconds(60));
                CanvasHost shown = session.canvases().stream().filter(h -> h.spec().className().equals("Shown")).findFirst().orElseThrow();
                CanvasHost drawn = session.canvases().stream().filter(h -> h.spec().className().equals("Drawn")).findFirst().orElseThrow();
                var s = shown.stats();
                var d = drawn.stats();
                String figures = "shown: drawn " + s.frames() + ", shown " + s.framesShown() + ", dropped " + s.framesDropped()
                        + "; drawn: drawn " + d.frames() + ", shown " + d.framesShown() + ", dropped " + d.framesDropped();
                // Paced by the window: one frame recorded per frame shown (the last may still wait).
                assertEquals(0, s.framesDropped(), figures);
                assertTrue(s.frames() <= s.framesShown() + 1, figures);
                assertEquals(0L, ((Number) fact(session, "shown_dropped_seen")).longValue(), figures);
                // Paced by fps: more frames drawn than shown, each one not shown counted as dropped.
                assertTrue(d.framesDropped() > 0, figures);
                assertTrue(d.frames() > d.framesShown(), figures);
                long waiting = d.frames() - d.framesShown() - d.framesDropped();
                assertTrue(waiting == 0 || waiting == 1, figures);
                assertTrue(((Number) fact(session, "drawn_dropped_seen")).longValue() > 0, figures);
            } finally {
                session.close();
            }
        }
    }

    private static Object fact(Session session, String key) {
        return new Sketches.Run(session, null, null).fact(key);
    }

    @Test
    void badPacesRaiseAtShowAndDrawnRunsHeadless() throws Exception {
        var r = run("""
                import easel, sys
                out = {}
                class Fast(easel.Canvas):
                    pace = "fast"
                class Number(easel.Canvas):
                    pace = 1
                class Flag(easel.Canvas):
                    pace = False
                for name, cls in [("fast", Fast), ("number", Number), ("flag", Flag)]:
                    try:
                        cls().show()
                        out[name] = "no error"
                    except (TypeError, ValueError) as e:
                        out[name] = type(e).__name__ + ": " + str(e)
                out["default"] = easel.Canvas.pace
                sys._easel_test.update(out)
                class Sim(easel.Canvas):
                    pace = "drawn"
                    size = (20, 20)
                    def on_draw(self, g):
                        g.clear("red")
                Sim().show()
                """, 3);
        assertEquals("ValueError: Fast.pace must be 'shown' or 'drawn', not 'fast'", r.fact("fast"));
        assertEquals("TypeError: Number.pace must be 'shown' or 'drawn', not 1", r.fact("number"));
        assertEquals("TypeError: Flag.pace must be 'shown' or 'drawn', not False", r.fact("flag"));
        assertEquals("shown", r.fact("default"));
        assertEquals(3, r.canvas(0).stats().frames());
        assertEquals(0, r.canvas(0).stats().framesDropped());
    }
}
