package dev.easel.app;

import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.Session;
import dev.easel.pybridge.PyObject;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.robot.Motion;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static dev.easel.app.FxWindowTest.WAIT;
import static dev.easel.app.FxWindowTest.num;
import static dev.easel.app.FxWindowTest.onFx;
import static dev.easel.app.TestPython.await;
import static dev.easel.app.TestPython.awaitFact;
import static dev.easel.app.TestPython.fact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real windows (headless glass, this JVM) follow what a sketch assigns while it runs (title, size,
 * cursor, full screen, fps), and deliver the events beyond press and move: enter and leave, clicks,
 * key auto-repeat, file drops, and {@code mouse_buttons}. The FX thread stays free of Python
 * (FxWindowTest arms the check for this JVM).
 */
@Timeout(90)
class FxWindowSettingsTest {
    @TempDir
    static Path dir;

    @AfterAll
    static void forgetTheHeadlessFullScreenBug() throws Exception {
        FxWindowTest.dropHeadlessFullScreenBlitFailures(); // see there: this class goes full screen
    }

    @BeforeAll
    static void startFx() throws Exception {
        FxWindowTest.startFx();
    }

    /** A sketch in real windows; closed at the end of the test. */
    static final class Run implements AutoCloseable {
        final FxWindows windows = new FxWindows();
        final Session session;

        Run(String name, String source) throws Exception {
            TestPython.clearFacts();
            Path script = dir.resolve(name + ".py");
            Files.writeString(script, source);
            session = new Session(FxWindowTest.rt, windows, Session.Options.defaults());
            session.runScript(script, List.of());
        }

        CanvasHost host(int i) throws InterruptedException {
            return await("canvas " + i, session::canvases, l -> l.size() > i, WAIT).get(i);
        }

        FxCanvasWindow window(int i) throws Exception {
            CanvasHost h = host(i);
            FxCanvasWindow w = await("the window of " + h, () -> windows.windows().get(h), Objects::nonNull, WAIT);
            await("the stage of " + h + " to show", () -> FxWindowTest.Run.showing(w), s -> s, WAIT);
            await("a frame of " + h + " on screen", () -> w.presented, n -> n > 0, WAIT);
            return w;
        }

        @Override
        public void close() throws Exception {
            session.close();
            await("every window to close", () -> windows.windows().isEmpty(), e -> e, WAIT);
        }
    }

    /** Runs Python in the main interpreter on this (test) thread: a script thread, not the canvas'. */
    static void python(String code) {
        try (PyObject g = FxWindowTest.rt.main().newGlobals()) {
            FxWindowTest.rt.main().exec("import sys\nT = sys._easel_test\n" + code + "\n", g);
        }
    }

    static void focus(FxCanvasWindow w) throws Exception {
        onFx(() -> {
            w.stage().toFront();
            w.stage().requestFocus();
            w.surface().requestFocus();
            return null;
        });
    }

    private static final String SETTINGS = """
            import easel, sys
            T = sys._easel_test
            class Settings(easel.Canvas):
                title = "First"
                size = (200, 120)
                resizable = False
                fps = 30
                def on_resize(self, w, h):
                    T.setdefault("resizes", []).append((w, h))
                def on_draw(self, g):
                    for k, v in T.pop("set", {}).items():
                        setattr(self, k, v)
                    T["state"] = (self.title, self.size, self.cursor, self.fullscreen)
                    g.clear("white")
            Settings().show()
            """;

    @Test
    void assignedTitleSizeCursorAndFullscreenReachTheWindow() throws Exception {
        try (Run r = new Run("settings", SETTINGS)) {
            FxCanvasWindow w = r.window(0);
            assertEquals(Cursor.DEFAULT, onFx(() -> w.stage().getScene().getCursor()));
            TestPython.setFact("set", "{'title': 'Second', 'size': (300, 180), 'cursor': 'crosshair'}");
            await("the new title", () -> title(w), "Second"::equals, WAIT);
            await("the new cursor", () -> cursor(w), Cursor.CROSSHAIR::equals, WAIT);
            await("the new size (not resizable by the user, by the sketch)", () -> sceneSize(w),
                    List.of(300.0, 180.0)::equals, WAIT);
            awaitFact("resizes", List.of(List.of(300L, 180L))::equals, WAIT);
            awaitFact("state", List.of("Second", List.of(300L, 180L), "crosshair", false)::equals, WAIT);
            assertEquals(300, r.host(0).width());

            TestPython.setFact("set", "{'cursor': 'none', 'fullscreen': True}");
            await("full screen", () -> fullScreen(w), f -> f, WAIT);
            assertEquals(Cursor.NONE, cursor(w));
            awaitFact("state", v -> v instanceof List<?> l && Boolean.TRUE.equals(l.get(3)), WAIT);
            // A size asked for while full screen is the size the window has when it leaves full screen.
            TestPython.setFact("set", "{'size': (240, 150)}");
            awaitFact("state", v -> v instanceof List<?> l && Boolean.TRUE.equals(l.get(3)), WAIT);
            onFx(() -> {
                w.stage().setFullScreen(false); // what Escape does: the user leaves full screen
                return null;
            });
            awaitFact("state", v -> v instanceof List<?> l && Boolean.FALSE.equals(l.get(3)), WAIT);
            await("the size asked for in full screen", () -> sceneSize(w), List.of(240.0, 150.0)::equals, WAIT);
            awaitFact("state", v -> v instanceof List<?> l && List.of(240L, 150L).equals(l.get(1)), WAIT);

            TestPython.setFact("set", "{'title': None}");
            await("title None: the class name", () -> title(w), "Settings"::equals, WAIT);
        }
    }

    private static String title(FxCanvasWindow w) {
        return call(() -> w.stage().getTitle());
    }

    private static Cursor cursor(FxCanvasWindow w) {
        return call(() -> w.stage().getScene().getCursor());
    }

    private static boolean fullScreen(FxCanvasWindow w) {
        return call(() -> w.stage().isFullScreen());
    }

    private static List<Double> sceneSize(FxCanvasWindow w) {
        return call(() -> List.of(w.stage().getScene().getWidth(), w.stage().getScene().getHeight()));
    }

    private static <T> T call(java.util.concurrent.Callable<T> c) {
        try {
            return onFx(c);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void fpsAssignedFromTheScriptThreadPacesAndStopsTheCanvas() throws Exception {
        try (Run r = new Run("pace", """
                import easel, sys
                T = sys._easel_test
                class Pace(easel.Canvas):
                    size = (120, 80)
                    fps = None
                    def on_draw(self, g):
                        T.setdefault("times", []).append(self.time)
                        g.clear("white")
                class Metronome(easel.Canvas):
                    size = (120, 80)
                    fps = 60
                    def on_draw(self, g):
                        T["ticks"] = self.frame
                T["pace"] = Pace().show()
                Metronome().show()
                """)) {
            r.window(0);
            r.window(1);
            awaitFact("times", v -> v instanceof List<?> l && !l.isEmpty(), WAIT);
            int n0 = ((List<?>) fact("times")).size(); // on demand: the first frame, and one per event
            python("T['pace'].fps = 10");
            @SuppressWarnings("unchecked")
            List<Double> times = (List<Double>) awaitFact("times", v -> v instanceof List<?> l && l.size() >= n0 + 8, WAIT);
            // At 10 fps frames are 0.1 s apart (a busy machine only makes them later): 5 gaps >= 0.45 s.
            // At 60 fps (the change lost) they would take 0.08 s.
            double span = times.get(n0 + 7) - times.get(n0 + 2);
            assertTrue(span >= 0.45, "5 frames in " + span + " s: not paced at 10 fps; times " + times);
            assertEquals(10.0, (Double) fpsOf("pace"));

            python("T['pace'].fps = None");
            int drawn = ((List<?>) fact("times")).size();
            long t0 = (Long) fact("ticks");
            awaitFact("ticks", v -> (Long) v >= t0 + 30, WAIT); // half a second of the other canvas' frames
            int after = ((List<?>) fact("times")).size();
            assertTrue(after <= drawn + 1, "on demand again: at most the frame already under way, got "
                    + (after - drawn) + " more");
            python("T['pace'].redraw()");
            awaitFact("times", v -> ((List<?>) v).size() == after + 1, WAIT);
            assertEquals(null, fpsOf("pace"));
        }
    }

    private static Object fpsOf(String key) {
        return FxWindowTest.rt.main().evalToJava("__import__('sys')._easel_test['" + key + "'].fps");
    }

    @Test
    void enterLeaveDoubleClickAndButtonsHeldFollowTheMouse() throws Exception {
        try (Run r = new Run("mouse", """
                import easel, sys
                T = sys._easel_test
                class Mouse(easel.Canvas):
                    size = (240, 160)
                    fps = 30
                    def log(self, *what):
                        T.setdefault("log", []).append(what)
                    def on_mouse_enter(self, e): self.log("enter")
                    def on_mouse_leave(self, e): self.log("leave", sorted(self.mouse_buttons))
                    def on_mouse_press(self, e): self.log("press", e.button, e.clicks)
                    def on_mouse_release(self, e): self.log("release", e.button, e.clicks)
                    def on_mouse_click(self, e): self.log("click", e.button, e.clicks)
                    def on_draw(self, g):
                        T["buttons"] = sorted(self.mouse_buttons)
                        g.clear("white")
                Mouse().show()
                """)) {
            FxCanvasWindow w = r.window(0);
            Point2D inside = onFx(() -> w.surface().localToScreen(60, 50));
            Point2D outside = onFx(() -> w.surface().localToScreen(240 + 80, 50));
            robot().moveTo(outside, Motion.DIRECT);
            awaitFact("log", v -> v instanceof List<?> l && l.getLast().equals(List.of("leave", List.of())), WAIT);
            TestPython.setFact("log", "[]");
            robot().moveTo(inside, Motion.DIRECT);
            robot().doubleClickOn(MouseButton.PRIMARY);
            List<List<Object>> want = List.of(List.of("enter"), List.of("press", "left", 1L), List.of("release", "left", 1L),
                    List.of("click", "left", 1L), List.of("press", "left", 2L), List.of("release", "left", 2L),
                    List.of("click", "left", 2L));
            assertEquals(want, awaitFact("log", v -> v instanceof List<?> l && l.size() >= 7, WAIT));

            robot().press(MouseButton.PRIMARY);
            awaitFact("buttons", List.of("left")::equals, WAIT);
            robot().press(MouseButton.SECONDARY);
            awaitFact("buttons", List.of("left", "right")::equals, WAIT);
            robot().release(MouseButton.SECONDARY);
            awaitFact("buttons", List.of("left")::equals, WAIT);
            robot().moveTo(outside, Motion.DIRECT); // leaves with the button held...
            robot().release(MouseButton.PRIMARY);   // ...and lets it go outside the window
            awaitFact("log", v -> ((List<?>) v).contains(List.of("leave", List.of("left"))), WAIT);
            robot().moveTo(inside, Motion.DIRECT);
            awaitFact("buttons", List.of()::equals, WAIT);

            robot().press(MouseButton.PRIMARY);
            awaitFact("buttons", List.of("left")::equals, WAIT);
            onFx(() -> {
                w.focusLost(); // the headless platform never takes the focus away: called as the toolkit would
                return null;
            });
            try {
                awaitFact("buttons", List.of()::equals, WAIT);
            } finally {
                robot().release(MouseButton.PRIMARY);
            }
        }
    }

    private static org.testfx.api.FxRobot robot() {
        return FxWindowTest.robot;
    }

    @Test
    void aKeyHeldDownRepeatsAsRepeatPressesUnderItsFirstName() throws Exception {
        try (Run r = new Run("repeat", """
                import easel, sys
                T = sys._easel_test
                class Repeat(easel.Canvas):
                    size = (200, 120)
                    fps = 30
                    def on_key_press(self, e):
                        T.setdefault("log", []).append((e.key, e.repeat))
                    def on_draw(self, g):
                        T["held"] = sorted(self.keys)
                        g.clear("white")
                Repeat().show()
                """)) {
            FxCanvasWindow w = r.window(0);
            focus(w);
            // JavaFX's own robot: TestFX's does not press a key it holds, which is what auto-repeat does.
            onFx(() -> {
                javafx.scene.robot.Robot fx = new javafx.scene.robot.Robot();
                fx.keyPress(KeyCode.A);
                fx.keyPress(KeyCode.A);     // the key still down: what auto-repeat sends
                fx.keyPress(KeyCode.SHIFT);
                fx.keyPress(KeyCode.A);     // repeats carry the name the key went down with
                fx.keyRelease(KeyCode.A);
                fx.keyRelease(KeyCode.SHIFT);
                return null;
            });
            assertEquals(List.of(List.of("a", false), List.of("a", true), List.of("Shift", false), List.of("a", true)),
                    awaitFact("log", v -> v instanceof List<?> l && l.size() >= 4, WAIT));
            assertEquals(List.of(), awaitFact("held", List.of()::equals, WAIT), "nothing stuck in keys");
        }
    }

    @Test
    void filesDroppedOnTheWindowReachOnFileDropAsPaths() throws Exception {
        try (Run r = new Run("drop", """
                import easel, sys
                T = sys._easel_test
                class Drop(easel.Canvas):
                    size = (200, 120)
                    fps = 30
                    def on_file_drop(self, paths):
                        T["dropped"] = (paths, self.mouse)
                    def on_draw(self, g):
                        g.clear("white")
                Drop().show()
                """)) {
            FxCanvasWindow w = r.window(0);
            File a = Files.writeString(dir.resolve("a picture.png"), "x").toFile();
            File b = Files.writeString(dir.resolve("notes.txt"), "y").toFile();
            // The headless platform has no drag and drop: the window's drop handler, as a drop calls it.
            onFx(() -> {
                w.filesDropped(List.of(a, b), 30, 40);
                return null;
            });
            @SuppressWarnings("unchecked")
            List<Object> dropped = (List<Object>) awaitFact("dropped", Objects::nonNull, WAIT);
            assertEquals(List.of(a.getAbsolutePath(), b.getAbsolutePath()), dropped.get(0));
            List<?> at = (List<?>) dropped.get(1);
            assertEquals(30, num(at.get(0)), 0.01);
            assertEquals(40, num(at.get(1)), 0.01);
        }
    }
}
