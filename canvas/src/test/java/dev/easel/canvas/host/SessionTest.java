package dev.easel.canvas.host;

import dev.easel.canvas.ImageData;
import dev.easel.canvas.InputEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.util.List;

import static dev.easel.canvas.host.Sketches.hex;
import static dev.easel.canvas.host.Sketches.near;
import static dev.easel.canvas.host.Sketches.run;
import static org.junit.jupiter.api.Assertions.*;

/** Canvases end to end, headless: Python class -> canvas thread -> display list -> pixels. */
@Timeout(120)
class SessionTest {

    @Test
    void drawsFramesAndWritesPngAndStats() throws Exception {
        var r = run("""
                import easel, sys
                class Red(easel.Canvas):
                    title = "Red square"
                    size = (200, 100)
                    background = "white"
                    def setup(self):
                        sys._easel_test["setup"] = True
                    def on_draw(self, g):
                        g.fill = "red"
                        g.fill_rect(10, 10, 50, 50)
                        sys._easel_test["frames"] = self.frame + 1
                        sys._easel_test["counts"] = [self.frames_drawn, self.frames_shown, self.frames_dropped]
                    def on_close(self):
                        sys._easel_test["closed"] = True
                Red().show()
                """, 5);
        assertEquals(true, r.fact("setup"));
        assertEquals(5L, r.fact("frames"));
        assertEquals(true, r.fact("closed"));
        assertEquals(5, r.canvas(0).stats().frames());
        assertEquals(0, r.session().exitCode());
        ImageData img = r.picture(0);
        assertEquals(200, img.width());
        assertTrue(near(img.argb(30, 30), 255, 0, 0, 2), hex(img.argb(30, 30)));
        assertTrue(near(img.argb(100, 80), 255, 255, 255, 2), hex(img.argb(100, 80)));
        assertTrue(Files.size(r.out().resolve("red-square.png")) > 100);
        String stats = Files.readString(r.out().resolve("stats.json"));
        assertTrue(stats.contains("\"frames\": 5"), stats);
        assertTrue(stats.contains("\"class\": \"Red\""), stats);
        assertTrue(stats.contains("\"frames_drawn\": 5, \"frames_shown\": 5, \"frames_dropped\": 0"), stats);
        assertEquals(List.of(4L, 4L, 0L), r.fact("counts"), "as of the start of the last frame");
    }

    @Test
    void exceptionInOnDrawIsShownOverLastGoodFrameAndCanvasRecovers() throws Exception {
        var r = run("""
                import easel, sys
                class Flaky(easel.Canvas):
                    size = (300, 200)
                    def on_draw(self, g):
                        g.fill = "blue"
                        g.fill_rect(0, 0, 300, 200)
                        if self.frame in (2, 3):
                            raise ValueError("boom at frame %d" % self.frame)
                        sys._easel_test["last_ok"] = self.frame
                Flaky().show()
                """, 6);
        assertEquals(5L, r.fact("last_ok"), "frames after the error still run");
        var errors = r.canvas(0).stats().errors();
        assertEquals(2, errors.size());
        assertEquals("ValueError", errors.get(0).type());
        assertTrue(errors.get(0).traceback().contains("boom at frame 2"));
        assertTrue(errors.get(0).traceback().contains("sketch.py"), errors.get(0).traceback());
        assertFalse(errors.get(0).traceback().contains("_easel_"), "Easel's dispatch frames are left out: "
                + errors.get(0).traceback());
        assertTrue(errors.get(0).traceback().startsWith("Traceback (most recent call last):\n  File \""),
                errors.get(0).traceback());
        assertEquals(1, r.session().exitCode(), "headless: a callback error makes the exit code 1");
    }

    @Test
    void lastFrameErrorDrawsTracebackOverlay() throws Exception {
        var r = run("""
                import easel
                class Broken(easel.Canvas):
                    size = (400, 300)
                    background = "white"
                    def on_draw(self, g):
                        g.fill = "green"
                        g.fill_rect(0, 0, 400, 300)
                        if self.frame >= 1:
                            raise RuntimeError("on purpose")
                Broken().show()
                """, 3);
        ImageData img = r.picture(0);
        assertTrue(near(img.argb(200, 20), 0, 128, 0, 3), "last good frame stays: " + hex(img.argb(200, 20)));
        int dark = img.argb(200, 295);
        assertTrue(((dark >> 16) & 255) < 100 && ((dark >> 8) & 255) < 100, "overlay band at the bottom: " + hex(dark));
    }

    @Test
    void badArgumentsRaiseTypeErrorOrValueErrorNamingTheCall() throws Exception {
        var r = run("""
                import easel, sys
                class Bad(easel.Canvas):
                    def on_draw(self, g):
                        out = {}
                        for name, fn in [("colour", lambda: setattr(g, "fill", "tomatoe")),
                                         ("tuple", lambda: setattr(g, "fill", (300, 0, 0))),
                                         ("type", lambda: g.fill_rect("a", 0, 1, 1)),
                                         ("count", lambda: g.fill_rect(1, 2)),
                                         ("cap", lambda: setattr(g, "line_cap", "pointy")),
                                         ("font", lambda: setattr(g, "font", "huge")),
                                         ("width", lambda: setattr(g, "line_width", -1))]:
                            try:
                                fn()
                                out[name] = "no error"
                            except (TypeError, ValueError) as e:
                                out[name] = type(e).__name__ + ": " + str(e)
                        sys._easel_test.update(out)
                Bad().show()
                """, 1);
        assertTrue(((String) r.fact("colour")).startsWith("ValueError") && ((String) r.fact("colour")).contains("'tomatoe'"),
                (String) r.fact("colour"));
        assertTrue(((String) r.fact("tuple")).startsWith("ValueError"), (String) r.fact("tuple"));
        assertTrue(((String) r.fact("type")).startsWith("TypeError: fill_rect() argument 'x'"), (String) r.fact("type"));
        assertTrue(((String) r.fact("count")).startsWith("TypeError: fill_rect() takes exactly 4"), (String) r.fact("count"));
        assertTrue(((String) r.fact("cap")).startsWith("ValueError"), (String) r.fact("cap"));
        assertTrue(((String) r.fact("font")).startsWith("ValueError"), (String) r.fact("font"));
        assertTrue(((String) r.fact("width")).startsWith("ValueError"), (String) r.fact("width"));
    }

    @Test
    void graphicsOutsideOnDrawRaisesRuntimeError() throws Exception {
        var r = run("""
                import easel, sys
                class Keep(easel.Canvas):
                    def on_draw(self, g):
                        self.g = g
                    def on_close(self):
                        try:
                            self.g.fill_rect(0, 0, 1, 1)
                        except RuntimeError as e:
                            sys._easel_test["err"] = str(e)
                Keep().show()
                """, 1);
        assertTrue(String.valueOf(r.fact("err")).contains("outside on_draw"), String.valueOf(r.fact("err")));
    }

    @Test
    void scriptedEventsReachHandlersBeforeOnDraw() throws Exception {
        var events = List.of(
                new Session.ScriptedEvent(1, null, InputEvent.mouse("mouse_press", 10, 20, "left", 0, 0, false, false, false, false)),
                new Session.ScriptedEvent(2, null, InputEvent.key("key_press", "ArrowLeft", true, false, false, false)),
                new Session.ScriptedEvent(3, null, InputEvent.key("key_release", "ArrowLeft", false, false, false, false)),
                new Session.ScriptedEvent(3, null, InputEvent.resize(320, 240)));
        var r = run("""
                import easel, sys
                log = []
                class Input(easel.Canvas):
                    def on_mouse_press(self, e):
                        log.append(("press", self.frame, e.x, e.y, e.button))
                    def on_key_press(self, e):
                        log.append(("key", self.frame, e.key, e.shift, sorted(self.keys)))
                    def on_key_release(self, e):
                        log.append(("release", self.frame, e.key, sorted(self.keys)))
                    def on_resize(self, w, h):
                        log.append(("resize", w, h))
                    def on_draw(self, g):
                        sys._easel_test["log"] = list(log)
                        sys._easel_test["size"] = (self.width, self.height)
                Input().show()
                """, 5, events);
        assertEquals(List.of(
                List.of("press", 1L, 10.0, 20.0, "left"),
                List.of("key", 2L, "ArrowLeft", true, List.of("ArrowLeft")),
                List.of("release", 3L, "ArrowLeft", List.of()),
                List.of("resize", 320L, 240L)), r.fact("log"));
        assertEquals(List.of(320L, 240L), r.fact("size"));
    }

    @Test
    void batchedCallsAcceptBuffersAndSequences() throws Exception {
        var r = run("""
                import easel, sys
                from array import array
                class Batch(easel.Canvas):
                    size = (100, 100)
                    background = "black"
                    def on_draw(self, g):
                        g.stroke = "white"
                        g.line_width = 3
                        g.lines(array('d', [0, 10, 100, 10]))
                        g.lines(memoryview(array('f', [0, 30, 100, 30])))
                        g.lines([0, 50, 100, 50])
                        g.fill = "red"
                        g.rects(array('d', [10, 70, 10, 10, 40, 70, 10, 10]))
                        g.circles([80, 80, 5])
                        g.fill = "lime"
                        g.points(array('d', [90, 10]), 4)
                        try:
                            g.lines(array('d', [1, 2, 3]))
                        except ValueError as e:
                            sys._easel_test["err"] = str(e)
                        try:
                            g.lines(array('i', [1, 2, 3, 4]))
                        except TypeError as e:
                            sys._easel_test["fmt"] = str(e)
                Batch().show()
                """, 1);
        ImageData img = r.picture(0);
        for (int y : new int[]{10, 30, 50}) {
            assertTrue(near(img.argb(50, y), 255, 255, 255, 10), "line at y=" + y + ": " + hex(img.argb(50, y)));
        }
        assertTrue(near(img.argb(15, 75), 255, 0, 0, 3), hex(img.argb(15, 75)));
        assertTrue(near(img.argb(45, 75), 255, 0, 0, 3), hex(img.argb(45, 75)));
        assertTrue(near(img.argb(80, 80), 255, 0, 0, 3), hex(img.argb(80, 80)));
        assertTrue(near(img.argb(90, 10), 0, 255, 0, 3), hex(img.argb(90, 10)));
        assertTrue(String.valueOf(r.fact("err")).contains("lines"), String.valueOf(r.fact("err")));
        assertTrue(String.valueOf(r.fact("fmt")).contains("'i'"), String.valueOf(r.fact("fmt")));
    }

    @Test
    void putPixelsAndImages() throws Exception {
        var r = run("""
                import easel, sys
                class Px(easel.Canvas):
                    size = (64, 64)
                    def setup(self):
                        px = bytearray(8 * 8 * 4)
                        for i in range(0, len(px), 4):
                            px[i:i+4] = b'\\x00\\x00\\xff\\xff'
                        self.img = easel.Image.from_pixels(px, 8, 8)
                        sys._easel_test["size"] = (self.img.width, self.img.height)
                        sys._easel_test["bytes"] = len(self.img.pixels())
                    def on_draw(self, g):
                        g.put_pixels(bytes([255, 0, 0, 255]) * 16, 4, 4, 2, 2)
                        g.draw_image(self.img, 30, 30, 16, 16)
                        try:
                            g.put_pixels(b'abc', 4, 4)
                        except ValueError as e:
                            sys._easel_test["err"] = str(e)
                Px().show()
                """, 1);
        ImageData img = r.picture(0);
        assertTrue(near(img.argb(3, 3), 255, 0, 0, 1), hex(img.argb(3, 3)));
        assertTrue(near(img.argb(38, 38), 0, 0, 255, 2), hex(img.argb(38, 38)));
        assertEquals(List.of(8L, 8L), r.fact("size"));
        assertEquals(256L, r.fact("bytes"));
        assertTrue(String.valueOf(r.fact("err")).contains("64 bytes"), String.valueOf(r.fact("err")));
    }

    @Test
    void scriptErrorsAndHandlerMistakes() throws Exception {
        var r = run("""
                import easel
                class Wrong(easel.Canvas):
                    def on_mouse_press(self):
                        pass
                Wrong().show()
                """, 1);
        assertTrue(r.session().scriptFailed());
        assertEquals(1, r.session().exitCode());
        assertTrue(r.session().canvases().isEmpty());
        var r2 = run("raise SystemError('x')\n", 1);
        assertTrue(r2.session().scriptFailed());
    }

    @Test
    void severalCanvasesGetUniqueSlugsAndOnDemandDraws() throws Exception {
        var r = run("""
                import easel, sys
                class A(easel.Canvas):
                    title = "Same"
                    fps = None
                    def on_draw(self, g):
                        sys._easel_test.setdefault("a", 0)
                        sys._easel_test["a"] += 1
                class B(A):
                    pass
                A().show(); B().show()
                easel.run()
                sys._easel_test["after_run"] = True
                """, 2);
        assertEquals(2, r.session().canvases().size());
        assertEquals("same", r.canvas(0).slug());
        assertEquals("same-2", r.canvas(1).slug());
        assertTrue(Files.exists(r.out().resolve("same-2.png")));
        assertEquals(true, r.fact("after_run"), "easel.run() returns once the canvases end");
    }

    @Test
    void handlerErrorIsReportedUnderItsNameAndTheRestOfTheFrameStillRuns() throws Exception {
        var events = List.of(
                new Session.ScriptedEvent(1, null, InputEvent.key("key_press", "a", false, false, false, false)),
                new Session.ScriptedEvent(1, null, InputEvent.mouse("mouse_press", 5, 6, "left", 0, 0, false, false, false, false)),
                new Session.ScriptedEvent(1, null, InputEvent.key("key_press", "b", false, false, false, false)));
        var r = run("""
                import easel, sys
                log = []
                class Keys(easel.Canvas):
                    size = (120, 90)
                    def on_key_press(self, e):
                        log.append(("key", e.key))
                        if e.key == "a":
                            raise KeyError("no binding for a")
                    def on_mouse_press(self, e):
                        log.append(("press", e.x, e.y))
                    def on_draw(self, g):
                        g.fill = "blue"
                        g.fill_rect(0, 0, 120, 90)
                        sys._easel_test["drawn"] = sys._easel_test.get("drawn", []) + [self.frame]
                        sys._easel_test["keys"] = sorted(self.keys)
                        sys._easel_test["log"] = list(log)
                Keys().show()
                """, 3, events);
        assertEquals(List.of(List.of("key", "a"), List.of("press", 5.0, 6.0), List.of("key", "b")), r.fact("log"),
                "the events queued behind the failing one are still delivered");
        assertEquals(List.of(0L, 1L, 2L), r.fact("drawn"), "on_draw still runs in the frame whose handler raised");
        assertEquals(List.of("a", "b"), r.fact("keys"), "keys stays in sync");
        var errors = r.canvas(0).stats().errors();
        assertEquals(1, errors.size(), errors::toString);
        assertEquals("on_key_press", errors.get(0).where());
        assertEquals(1, errors.get(0).frame());
        assertEquals("KeyError", errors.get(0).type());
        assertTrue(errors.get(0).traceback().contains("in on_key_press"), errors.get(0).traceback());
        assertFalse(errors.get(0).traceback().contains("_easel_"), errors.get(0).traceback());
        String stats = Files.readString(r.out().resolve("stats.json"));
        assertTrue(stats.contains("\"where\": \"on_key_press\""), stats);
        assertEquals(1, r.session().exitCode());
        assertTrue(near(r.picture(0).argb(60, 85), 0, 0, 255, 2),
                "headless, the next frame comes without the overlay: " + hex(r.picture(0).argb(60, 85)));
    }

    @Test
    void failingSetupIsReportedAndOnDrawIsNotCalled() throws Exception {
        var r = run("""
                import easel, sys
                class Half(easel.Canvas):
                    size = (200, 150)
                    def setup(self):
                        self.speed = 1 / 0
                        self.x = 0
                    def on_draw(self, g):
                        sys._easel_test["on_draw"] = True
                        self.x += self.speed
                    def on_mouse_press(self, e):
                        sys._easel_test["handler"] = True
                    def on_close(self):
                        sys._easel_test["on_close"] = self.x
                Half().show()
                """, 4, List.of(new Session.ScriptedEvent(0, null,
                        InputEvent.mouse("mouse_press", 1, 1, "left", 0, 0, false, false, false, false))));
        assertNull(r.fact("on_draw"), "on_draw must not run after setup failed");
        assertNull(r.fact("handler"), "nor the handlers");
        assertNull(r.fact("on_close"), "nor on_close, which would only fail on what setup did not make");
        var errors = r.canvas(0).stats().errors();
        assertEquals(1, errors.size(), () -> "only the real cause: " + errors);
        assertEquals("setup", errors.get(0).where());
        assertEquals("ZeroDivisionError", errors.get(0).type());
        assertTrue(errors.get(0).traceback().contains("in setup"), errors.get(0).traceback());
        assertEquals(0, r.canvas(0).stats().frames());
        assertEquals(1, r.session().exitCode());
        ImageData img = r.picture(0);
        int dark = img.argb(100, 145);
        assertTrue(((dark >> 16) & 255) < 100 && ((dark >> 8) & 255) < 100, "the setup traceback is shown: " + hex(dark));
    }

    @Test
    void systemExitAndQuitEndTheAppWithTheirCode() throws Exception {
        String canvas = """
                import easel, sys, threading
                class Q(easel.Canvas):
                    size = (50, 50)
                    where = None
                    def setup(self):
                        if self.where == "setup":
                            sys.exit(%1$s)
                    def on_draw(self, g):
                        sys._easel_test["frames"] = self.frame + 1
                        if self.frame == 2 and self.where == "on_draw":
                            sys.exit(%1$s)
                        if self.frame == 2 and self.where == "quit":
                            easel.quit(%1$s)
                        if self.frame == 2 and self.where == "thread":
                            t = threading.Thread(target=sys.exit, args=(%1$s,))
                            t.start()
                            t.join()
                    def on_mouse_press(self, e):
                        if self.where == "handler":
                            sys.exit(%1$s)
                    def on_close(self):
                        sys._easel_test["closed"] = True
                Q.where = sys._easel_where
                Q().show()
                """;
        var press = List.of(new Session.ScriptedEvent(2, null,
                InputEvent.mouse("mouse_press", 1, 1, "left", 0, 0, false, false, false, false)));
        for (String where : List.of("on_draw", "handler", "quit", "thread", "setup", "script")) {
            for (int code : new int[]{0, 3}) {
                String src = "import sys\nsys._easel_where = " + Sketches.pyQuote(where) + "\n"
                        + (where.equals("script") ? "import easel\nsys.exit(" + code + ")\nraise AssertionError\n"
                        : canvas.formatted(code));
                var r = run(src, 50, press);
                String what = where + " exit(" + code + ")";
                assertEquals(code, r.session().exitCode(), what);
                assertEquals(0, r.session().errorCount(), what + ": SystemExit is not an error: "
                        + (r.session().canvases().isEmpty() ? "" : r.canvas(0).stats().errors()));
                assertFalse(r.session().scriptFailed(), what);
                if (!where.equals("script")) {
                    assertEquals(true, r.fact("closed"), what + ": the canvas closed");
                    Object frames = r.fact("frames");
                    assertTrue(where.equals("setup") ? frames == null : ((Number) frames).longValue() <= 4,
                            what + ": the app ended soon after, not after 50 frames: " + frames);
                }
            }
        }
    }

    @Test
    void quitRejectsBadCodes() throws Exception {
        var r = run("""
                import easel, sys
                for bad in ("x", 1.5, 300, -1):
                    try:
                        easel.quit(bad)
                    except (TypeError, ValueError) as e:
                        sys._easel_test[repr(bad)] = type(e).__name__
                sys._easel_test["doc"] = easel.quit.__doc__
                """, 1);
        assertEquals("TypeError", r.fact("'x'"));
        assertEquals("TypeError", r.fact("1.5"));
        assertEquals("ValueError", r.fact("300"));
        assertEquals("ValueError", r.fact("-1"));
        assertTrue(String.valueOf(r.fact("doc")).contains("exit code"), String.valueOf(r.fact("doc")));
        assertEquals(0, r.session().exitCode());
    }
}
