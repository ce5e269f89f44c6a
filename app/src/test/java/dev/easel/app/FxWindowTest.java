package dev.easel.app;

import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.Session;
import dev.easel.pybridge.PythonRuntime;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.easel.app.TestPython.await;
import static dev.easel.app.TestPython.awaitFact;
import static dev.easel.app.TestPython.fact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real windows (JavaFX on the headless glass platform, in this JVM): canvases open stages, input
 * reaches the handlers, resizing and closing work, the FX thread never runs Python, and a
 * runaway canvas neither freezes the others nor survives closing its window.
 */
@Timeout(90)
class FxWindowTest {
    static final Duration WAIT = Duration.ofSeconds(15);

    static PythonRuntime rt;
    static FxRobot robot;
    private static boolean forbidden;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startFx() throws Exception {
        FxLauncher.startAsync().get(30, TimeUnit.SECONDS);
        rt = TestPython.runtime();
        synchronized (FxWindowTest.class) {
            if (!forbidden) {
                FxLauncher.forbidPythonOnFxThread(rt);
                forbidden = true;
            }
        }
        robot = new FxRobot();
    }

    /** Runs {@code work} on the FX thread and returns its result (bounded). */
    /**
     * Leaving full screen on JavaFX's headless platform re-centres the window while a pulse still
     * paints the full-screen picture, and {@code HeadlessWindow.blit} (no clipping, a fixed 1000×1000
     * screen buffer) throws IndexOutOfBoundsException on the FX thread; TestFX keeps it and throws it
     * in whichever test uses the robot next. After a test that leaves full screen: let a few pulses
     * pass, then drop those exceptions (any other is thrown).
     */
    static void dropHeadlessFullScreenBlitFailures() throws Exception {
        for (int i = 0; i < 3; i++) {
            java.util.concurrent.CountDownLatch pulse = new java.util.concurrent.CountDownLatch(1);
            Platform.runLater(() -> new javafx.animation.AnimationTimer() {
                @Override
                public void handle(long now) {
                    stop();
                    pulse.countDown();
                }
            }.start());
            pulse.await(10, TimeUnit.SECONDS);
        }
        while (true) {
            try {
                org.testfx.util.WaitForAsyncUtils.checkException();
                return;
            } catch (Throwable t) {
                Throwable c = t.getCause() != null ? t.getCause() : t;
                boolean blit = c instanceof IndexOutOfBoundsException && java.util.Arrays.stream(c.getStackTrace())
                        .anyMatch(e -> e.getClassName().endsWith("HeadlessWindow") && e.getMethodName().equals("blit"));
                if (!blit) {
                    throw new AssertionError("an exception on the FX thread", t);
                }
            }
        }
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(10, TimeUnit.SECONDS);
    }

    /** A sketch running in real windows, closed at the end of the test. */
    static final class Run implements AutoCloseable {
        final FxWindows windows;
        final Session session;

        Run(String name, String source) throws Exception {
            this(name, source, script -> new FxWindows());
        }

        /** With the windows {@code windowsFor} makes for the sketch's file. */
        Run(String name, String source, java.util.function.Function<Path, FxWindows> windowsFor) throws Exception {
            TestPython.clearFacts();
            Path script = dir.resolve(name + ".py");
            Files.writeString(script, source);
            windows = windowsFor.apply(script);
            session = new Session(rt, windows, Session.Options.defaults());
            session.runScript(script, List.of());
        }

        CanvasHost host(int i) throws InterruptedException {
            return await("canvas " + i, () -> session.canvases(), l -> l.size() > i, WAIT).get(i);
        }

        /** The window of canvas {@code i}, once its stage shows and a frame has been presented. */
        FxCanvasWindow window(int i) throws Exception {
            CanvasHost h = host(i);
            FxCanvasWindow w = await("the window of " + h, () -> windows.windows().get(h), Objects::nonNull, WAIT);
            await("the stage of " + h + " to show", () -> showing(w), s -> s, WAIT);
            await("a frame of " + h + " on screen", () -> w.presented, n -> n > 0, WAIT);
            return w;
        }

        static boolean showing(FxCanvasWindow w) {
            try {
                return onFx(() -> w.stage() != null && w.stage().isShowing());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws Exception {
            session.close();
            await("every window to close", () -> windows.windows().isEmpty(), e -> e, WAIT);
        }
    }

    static void fireCloseRequest(FxCanvasWindow w) throws Exception {
        onFx(() -> {
            Stage s = w.stage();
            s.fireEvent(new WindowEvent(s, WindowEvent.WINDOW_CLOSE_REQUEST));
            return null;
        });
    }

    static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    @Test
    void canvasOpensAStageWithItsTitleAndSize() throws Exception {
        try (Run r = new Run("stage", """
                import easel
                class Titled(easel.Canvas):
                    title = "Hello window"
                    size = (260, 170)
                    fps = None
                    def on_draw(self, g):
                        g.clear("white")
                Titled().show()
                """)) {
            FxCanvasWindow w = r.window(0);
            assertEquals("Hello window", onFx(() -> w.stage().getTitle()));
            assertEquals(260.0, onFx(() -> w.surface().getWidth()));
            assertEquals(170.0, onFx(() -> w.surface().getHeight()));
            assertEquals(260.0, onFx(() -> w.stage().getScene().getWidth()));
            // No Control in a plain canvas window (the REC indicator and the parameter panel's status line
            // come when used): the first Control loads JavaFX's stylesheet, ~0.1 s before the first frame.
            assertEquals(List.of(), onFx(() -> controlsIn(w.stage().getScene().getRoot())));
        }
    }

    /** The Controls among {@code n} and its descendants (their class names). */
    static List<String> controlsIn(javafx.scene.Node n) {
        List<String> found = new java.util.ArrayList<>();
        if (n instanceof javafx.scene.control.Control) {
            found.add(n.getClass().getName());
        }
        if (n instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node c : p.getChildrenUnmodifiable()) {
                found.addAll(controlsIn(c));
            }
        }
        return found;
    }

    @Test
    void robotClickReachesOnMousePressWithPositionAndButton() throws Exception {
        try (Run r = new Run("clicks", """
                import easel, sys
                T = sys._easel_test
                class Clicks(easel.Canvas):
                    size = (300, 200)
                    fps = 30
                    def on_mouse_press(self, e):
                        T.setdefault("presses", []).append((e.x, e.y, e.button))
                    def on_mouse_release(self, e):
                        T.setdefault("releases", []).append(e.button)
                    def on_draw(self, g):
                        g.clear("white")
                Clicks().show()
                """)) {
            FxCanvasWindow w = r.window(0);
            Point2D left = onFx(() -> w.surface().localToScreen(50, 60));
            Point2D right = onFx(() -> w.surface().localToScreen(210, 140));
            robot.clickOn(left, Motion.DIRECT, MouseButton.PRIMARY);
            robot.clickOn(right, Motion.DIRECT, MouseButton.SECONDARY);
            @SuppressWarnings("unchecked")
            List<List<Object>> presses = (List<List<Object>>) awaitFact("presses",
                    v -> v instanceof List<?> l && l.size() >= 2, WAIT);
            assertEquals(2, presses.size(), presses::toString);
            assertEquals(50, num(presses.get(0).get(0)), 1.0, presses::toString);
            assertEquals(60, num(presses.get(0).get(1)), 1.0, presses::toString);
            assertEquals("left", presses.get(0).get(2));
            assertEquals(210, num(presses.get(1).get(0)), 1.0, presses::toString);
            assertEquals(140, num(presses.get(1).get(1)), 1.0, presses::toString);
            assertEquals("right", presses.get(1).get(2));
            assertEquals(List.of("left", "right"), awaitFact("releases", v -> v instanceof List<?> l && l.size() >= 2, WAIT));
        }
    }

    @Test
    void keyPressesReachOnKeyPressWithWebKeyNames() throws Exception {
        try (Run r = new Run("keys", """
                import easel, sys
                T = sys._easel_test
                class Keys(easel.Canvas):
                    size = (200, 120)
                    fps = 30
                    def on_key_press(self, e):
                        T.setdefault("keys", []).append(e.key)
                        T["held"] = sorted(self.keys)
                    def on_text(self, e):
                        T.setdefault("text", []).append(e.text)
                    def on_draw(self, g):
                        g.clear("white")
                Keys().show()
                """)) {
            FxCanvasWindow w = r.window(0);
            onFx(() -> {
                w.stage().toFront();
                w.stage().requestFocus();
                w.surface().requestFocus();
                return null;
            });
            robot.type(KeyCode.A);
            robot.type(KeyCode.ENTER);
            robot.type(KeyCode.LEFT);
            assertEquals(List.of("a", "Enter", "ArrowLeft"),
                    awaitFact("keys", v -> v instanceof List<?> l && l.size() >= 3, WAIT));
            assertEquals(List.of("a"), fact("text"), "typing 'a' also gives on_text; Enter and arrows do not");
        }
    }

    @Test
    void shiftedLettersAreUpperCaseReleasesMatchPressesAndFocusLossEmptiesKeys() throws Exception {
        try (Run r = new Run("shift", """
                import easel, sys
                T = sys._easel_test
                class Shift(easel.Canvas):
                    size = (200, 120)
                    fps = 30
                    def on_key_press(self, e):
                        T.setdefault("log", []).append(e.key)
                    def on_key_release(self, e):
                        T.setdefault("log", []).append("up " + e.key)
                    def on_draw(self, g):
                        g.clear("white")
                        T["held"] = sorted(self.keys)
                Shift().show()
                """)) {
            FxCanvasWindow w = r.window(0);
            onFx(() -> {
                w.stage().toFront();
                w.stage().requestFocus();
                w.surface().requestFocus();
                return null;
            });
            robot.press(KeyCode.SHIFT);
            robot.type(KeyCode.Q);
            robot.release(KeyCode.SHIFT);
            robot.press(KeyCode.A);
            robot.press(KeyCode.SHIFT);
            robot.release(KeyCode.A); // released with Shift held: still the "a" that went down
            robot.release(KeyCode.SHIFT);
            assertEquals(List.of("Shift", "Q", "up Q", "up Shift", "a", "Shift", "up a", "up Shift"),
                    awaitFact("log", v -> v instanceof List<?> l && l.size() >= 8, WAIT));
            assertEquals(List.of(), awaitFact("held", v -> List.of().equals(v), WAIT), "nothing stuck in keys");

            robot.press(KeyCode.B);
            awaitFact("held", v -> List.of("b").equals(v), WAIT);
            // The headless glass platform never takes the focus from a window (its requestFocus only
            // gives it): the window's focus listener is called as the toolkit would call it.
            onFx(() -> {
                w.focusLost();
                return null;
            });
            try {
                assertEquals(List.of(), awaitFact("held", v -> List.of().equals(v), WAIT),
                        "focus lost: B's release goes elsewhere, keys is emptied");
            } finally {
                robot.release(KeyCode.B);
            }
        }
    }

    @Test
    void resizingTheStageReachesOnResizeAndTheNextDraw() throws Exception {
        try (Run r = new Run("resize", """
                import easel, sys
                T = sys._easel_test
                class Sizes(easel.Canvas):
                    size = (320, 240)
                    fps = 30
                    resizable = True
                    def on_resize(self, w, h):
                        T.setdefault("resized", []).append((w, h))
                    def on_draw(self, g):
                        g.clear("white")
                        T["drawn"] = (self.width, self.height, g.width, g.height)
                Sizes().show()
                """)) {
            FxCanvasWindow w = r.window(0);
            onFx(() -> {
                w.stage().setWidth(480);
                w.stage().setHeight(360);
                return null;
            });
            @SuppressWarnings("unchecked")
            List<List<Object>> resized = (List<List<Object>>) awaitFact("resized",
                    v -> v instanceof List<?> l && !l.isEmpty() && l.getLast().equals(List.of(480L, 360L)), WAIT);
            double[] scene = onFx(() -> new double[]{w.stage().getScene().getWidth(), w.stage().getScene().getHeight()});
            assertEquals(480, scene[0], 0.5, "the scene follows the stage (no decorations headless)");
            assertEquals(360, scene[1], 0.5);
            assertFalse(resized.contains(List.of(320L, 240L)), "no resize to the size it already had: " + resized);
            assertEquals(List.of(480L, 360L, 480L, 360L),
                    awaitFact("drawn", v -> List.of(480L, 360L, 480L, 360L).equals(v), WAIT));
            assertEquals(480, r.host(0).width());
            assertEquals(360, r.host(0).height());
        }
    }

    @Test
    void closingTheWindowAsksOnCloseWhichMayKeepItOpen() throws Exception {
        try (Run r = new Run("close", """
                import easel, sys
                T = sys._easel_test
                class Closer(easel.Canvas):
                    size = (200, 120)
                    fps = 30
                    def on_draw(self, g):
                        g.clear("white")
                        T["frame"] = self.frame
                    def on_close(self):
                        T["close_calls"] = T.get("close_calls", 0) + 1
                        return bool(T.get("allow_close"))
                Closer().show()
                """)) {
            FxCanvasWindow w = r.window(0);
            CanvasHost host = r.host(0);
            fireCloseRequest(w);
            awaitFact("close_calls", v -> Long.valueOf(1).equals(v), WAIT);
            long f0 = (Long) fact("frame");
            awaitFact("frame", v -> (Long) v > f0 + 3, WAIT); // on_close said False: it keeps drawing
            assertFalse(host.ended().isDone());
            assertTrue(onFx(() -> w.stage().isShowing()), "on_close returned False: the window stays");

            TestPython.setFact("allow_close", "True");
            fireCloseRequest(w);
            host.ended().get(5, TimeUnit.SECONDS);
            assertEquals(2L, fact("close_calls"));
            await("the stage to close", () -> Run.showing(w), s -> !s, WAIT);
            await("the window to be forgotten", () -> r.windows.windows().isEmpty(), e -> e, WAIT);
            assertTrue(r.session.isIdle(), "the only canvas ended: the session is idle");
        }
    }

    @Test
    void theCanvasNodeShowsWhatOnDrawDrew() throws Exception {
        try (Run r = new Run("colour", """
                import easel
                class Colour(easel.Canvas):
                    size = (200, 150)
                    fps = None
                    background = "#336699"
                    def on_draw(self, g):
                        g.fill = "tomato"
                        g.fill_rect(20, 20, 60, 40)
                        g.fill = (0, 200, 0, 0.5)
                        g.fill_circle(150, 100, 20)
                Colour().show()
                """)) {
            FxCanvasWindow w = r.window(0);
            int[] px = onFx(() -> {
                WritableImage img = w.surface().snapshot(null, null);
                var pr = img.getPixelReader();
                return new int[]{pr.getArgb(50, 40), pr.getArgb(120, 130), pr.getArgb(150, 100)};
            });
            assertTrue(Pngs.distance(px[0], 0xFFFF6347) <= 2, "tomato rect: " + Pngs.hex(px[0]));
            assertTrue(Pngs.distance(px[1], 0xFF336699) <= 2, "background: " + Pngs.hex(px[1]));
            // Half-transparent green over #336699: (0x33/2, (0x66+200)/2, 0x99/2)
            assertTrue(Pngs.distance(px[2], 0xFF1A974C) <= 4, "alpha blend: " + Pngs.hex(px[2]));
        }
    }

    @Test
    void theFxThreadNeverAttaches() throws Exception {
        Throwable t = onFx(() -> {
            try {
                rt.main().attach().close();
                return null;
            } catch (Throwable e) {
                return e;
            }
        });
        assertNotNull(t, "attaching on the FX thread must fail");
        assertInstanceOf(IllegalStateException.class, t);
        assertTrue(t.getMessage().contains("JavaFX Application Thread"), t.getMessage());
        Throwable viaEval = onFx(() -> {
            try {
                rt.main().evalToJava("1 + 1");
                return null;
            } catch (Throwable e) {
                return e;
            }
        });
        assertInstanceOf(IllegalStateException.class, viaEval, "every entry point attaches, so every one refuses");
        assertEquals(2L, rt.main().evalToJava("1 + 1"), "other threads still run Python");
    }

    @Test
    void anEndlessLoopFreezesNoOtherWindowAndClosingItsWindowStopsIt() throws Exception {
        try (Run r = new Run("stuck", """
                import easel, sys
                T = sys._easel_test
                class Stuck(easel.Canvas):
                    title = "Stuck"
                    size = (200, 120)
                    fps = 30
                    def on_draw(self, g):
                        g.clear("black")
                        if self.frame >= 2:
                            T["looping"] = True
                            try:
                                while True:
                                    pass
                            except BaseException as e:
                                T["stopped_by"] = type(e).__name__
                                raise
                    def on_close(self):
                        T["stuck_on_close"] = True
                class Alive(easel.Canvas):
                    title = "Alive"
                    size = (200, 120)
                    fps = 30
                    def on_draw(self, g):
                        g.clear("white")
                        T["alive"] = self.frame
                Stuck().show()
                Alive().show()
                """)) {
            FxCanvasWindow stuck = r.window(0);
            FxCanvasWindow alive = r.window(1);
            CanvasHost stuckHost = r.host(0);
            CanvasHost aliveHost = r.host(1);
            assertEquals("Stuck", stuckHost.spec().title());
            awaitFact("looping", Boolean.TRUE::equals, WAIT);

            // The other canvas keeps drawing, and the FX thread keeps showing its frames.
            long a0 = (Long) fact("alive");
            long p0 = alive.presented;
            awaitFact("alive", v -> (Long) v >= a0 + 10, WAIT);
            await("the FX thread to show new frames of Alive", () -> alive.presented, p -> p >= p0 + 5, WAIT);
            long t0 = System.nanoTime();
            onFx(() -> null);
            assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "the FX thread answers at once");

            // Closing the stuck window stops its Python code (SystemExit raised in its thread).
            t0 = System.nanoTime();
            fireCloseRequest(stuck);
            stuckHost.ended().get(6, TimeUnit.SECONDS);
            double took = (System.nanoTime() - t0) / 1e9;
            assertTrue(took < 5, "stopped after " + took + " s");
            assertEquals("SystemExit", fact("stopped_by"));
            assertEquals(List.of(), stuckHost.stats().errors(), "Easel's stop is not the sketch's error");
            await("the stuck window to close", () -> Run.showing(stuck), s -> !s, WAIT);

            // ...and leaves the other one running.
            assertFalse(aliveHost.ended().isDone());
            long a1 = (Long) fact("alive");
            awaitFact("alive", v -> (Long) v >= a1 + 5, WAIT);
            assertTrue(Run.showing(alive));
        }
    }

    /**
     * The same for an isolated canvas (own interpreter, own GIL): its thread had never attached
     * anywhere else, so the bridge did not know its id and the stop request never fired.
     */
    @Test
    void closingTheWindowOfAnIsolatedEndlessLoopStopsIt() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(rt.supportsSubInterpreters(), "isolated canvases need 3.12+");
        try (Run r = new Run("stuck_isolated", """
                import easel, sys
                T = getattr(sys, "_easel_test", {})  # re-imported in its own interpreter: no test dict there
                class Stuck(easel.Canvas):
                    title = "Stuck"
                    size = (200, 120)
                    isolated = True
                    def on_draw(self, g):
                        g.clear("black")
                        if self.frame >= 2:
                            while True:
                                pass
                class Alive(easel.Canvas):
                    title = "Alive"
                    size = (200, 120)
                    fps = 30
                    def on_draw(self, g):
                        g.clear("white")
                        T["alive"] = self.frame
                Stuck().show()
                Alive().show()
                """)) {
            FxCanvasWindow stuck = r.window(0);
            CanvasHost stuckHost = r.host(0);
            CanvasHost aliveHost = r.host(1);
            assertEquals("Stuck", stuckHost.spec().title());
            await("the isolated canvas to loop", () -> stuckHost.stats().frames(), n -> n >= 2, WAIT);
            fireCloseRequest(stuck);
            stuckHost.ended().get(30, TimeUnit.SECONDS);
            assertEquals(List.of(), stuckHost.stats().errors(), "Easel's stop is not the sketch's error");
            await("the stuck window to close", () -> Run.showing(stuck), s -> !s, WAIT);
            assertFalse(aliveHost.ended().isDone());
            awaitFact("alive", v -> v instanceof Long, WAIT);
            long a1 = (Long) fact("alive");
            awaitFact("alive", v -> (Long) v >= a1 + 5, WAIT);
        }
    }

    @Test
    void framesTheWindowCannotKeepUpWithAreNotDrawnAndFpsActualCountsFramesShown() throws Exception {
        try (Run r = new Run("slow_raster", """
                import easel, sys, random
                from array import array
                T = sys._easel_test
                rnd = random.Random(1)
                XY = array("d", [rnd.uniform(0, 400) for _ in range(4 * 4000)])  # cheap to record, slower to rasterize
                class Heavy(easel.Canvas):
                    size = (400, 300)
                    fps = 1000
                    def on_draw(self, g):
                        g.stroke = "black"
                        g.line_width = 3
                        g.lines(XY)
                        T["counts"] = [self.frames_drawn, self.frames_shown, self.frames_dropped, self.fps_actual]
                        try:
                            self.frames_shown = 0
                        except AttributeError:
                            T["read_only"] = True
                Heavy().show()
                """)) {
            r.window(0);
            CanvasHost h = r.host(0);
            await("frames shown", () -> h.stats().framesShown(), n -> n >= 3, WAIT);
            @SuppressWarnings("unchecked")
            List<Object> counts = (List<Object>) awaitFact("counts",
                    v -> ((Number) ((List<?>) v).get(1)).longValue() > 0 && num(((List<?>) v).get(3)) > 0, WAIT);
            assertEquals(true, fact("read_only"), "frames_shown is read-only");
            long drawn = (Long) counts.get(0), shown = (Long) counts.get(1), dropped = (Long) counts.get(2);
            assertTrue(shown + dropped <= drawn, () -> "drawn " + drawn + ", shown " + shown + ", dropped " + dropped);
            r.session.close();
            h.ended().get(10, TimeUnit.SECONDS);
            long d = h.stats().frames(), s = h.stats().framesShown(), x = h.stats().framesDropped();
            // The canvas asked for 1000 fps but drew only what the window could show (it waits for the raster
            // thread): every frame drawn was shown or dropped (a window that takes none for a second gets a
            // newer one), but for those still on their way when the window closed (at most one pending, one
            // being rasterized, one drawn, one waiting for the pulse).
            assertTrue(s > 0 && d - s - x >= 0 && d - s - x <= 4, () -> "drawn " + d + ", shown " + s
                    + ", dropped " + x);
        }
    }

    static Stage stageTitled(String title) {
        try {
            return onFx(() -> javafx.stage.Window.getWindows().stream()
                    .filter(w -> w instanceof Stage st && title.equals(st.getTitle()) && st.isShowing())
                    .map(w -> (Stage) w).findFirst().orElse(null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theErrorWindowShowsTheTracebackAndItsCloseButtonOrASignalEndsTheWait() throws Exception {
        for (boolean byButton : new boolean[]{true, false}) {
            String name = byButton ? "closed_by_button.py" : "released_by_signal.py";
            CompletableFuture<Void> released = new CompletableFuture<>();
            Thread waiter = Thread.ofPlatform().start(() -> FxLauncher.showErrorAndWait(Path.of(name),
                    "Traceback (most recent call last):\nValueError: not today\n", released));
            Stage s = await("the error window", () -> stageTitled(FxLauncher.ERROR_TITLE + name), Objects::nonNull, WAIT);
            String text = onFx(() -> ((javafx.scene.control.TextArea) s.getScene().lookup(".text-area")).getText());
            assertTrue(text.contains("ValueError: not today"), text);
            if (byButton) {
                onFx(() -> {
                    javafx.scene.control.Button close = s.getScene().getRoot().lookupAll(".button").stream()
                            .map(n -> (javafx.scene.control.Button) n).filter(b -> b.getText().equals("Close"))
                            .findFirst().orElseThrow();
                    close.fire();
                    return null;
                });
            } else {
                released.complete(null); // what Ctrl-C does
            }
            waiter.join(WAIT);
            assertFalse(waiter.isAlive(), "showErrorAndWait returned");
            await("the error window to close", () -> stageTitled(FxLauncher.ERROR_TITLE + name), Objects::isNull, WAIT);
        }
    }

    @Test
    void aWindowWhoseSetupFailedShowsTheTracebackAndNeverCallsOnDraw() throws Exception {
        try (Run r = new Run("setup_fails", """
                import easel, sys
                class Half(easel.Canvas):
                    size = (300, 200)
                    background = "white"
                    def setup(self):
                        self.ball = self.make_ball()
                    def on_draw(self, g):
                        sys._easel_test["on_draw"] = True
                Half().show()
                """)) {
            FxCanvasWindow w = r.window(0); // waits for a picture on screen: the traceback
            int bottom = onFx(() -> w.surface().snapshot(null, null).getPixelReader().getArgb(150, 195));
            assertTrue(((bottom >> 16) & 255) < 100, "the traceback band at the bottom: " + Pngs.hex(bottom));
            assertEquals("setup", r.host(0).stats().errors().getFirst().where());
            assertEquals(null, fact("on_draw"));
        }
    }
}
