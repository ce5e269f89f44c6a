package dev.easel.app;

import dev.easel.app.runs.WindowAction;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.easel.app.FxWindowTest.WAIT;
import static dev.easel.app.FxWindowTest.onFx;
import static dev.easel.app.TestPython.awaitFact;
import static dev.easel.app.TestPython.fact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app's keys in a canvas window (one list, {@link WindowAction}, shared with the console's
 * Sketch menu): Ctrl+Q ends the whole run through the same QuitRequest as SIGTERM; F11 full
 * screen, read back by the sketch; Ctrl+R reloads the code; F3 the overlay. The sketch sees none
 * of them.
 */
@Timeout(90)
class WindowKeysTest {
    @TempDir
    static Path dir;

    @AfterEach
    void forgetTheHeadlessFullScreenBug() throws Exception {
        FxWindowTest.dropHeadlessFullScreenBlitFailures(); // see there: a test here goes full screen
    }

    @BeforeAll
    static void start() throws Exception {
        FxWindowTest.dir = dir;
        FxWindowTest.startFx();
    }

    @Test
    void ctrlQInOneWindowClosesEveryCanvasOfTheRun() throws Exception {
        QuitRequest quit = new QuitRequest();
        try (FxWindowTest.Run r = new FxWindowTest.Run("quitkey", """
                import easel, sys
                T = sys._easel_test
                class Stubborn(easel.Canvas):
                    size = (120, 80)
                    fps = 30
                    def on_key_press(self, e):
                        T.setdefault("keys", []).append(e.key)
                    def on_draw(self, g):
                        g.clear("#203040")
                    def on_close(self):
                        T["closed-" + self.title] = True
                        return False  # refuses the close button; quitting ends it anyway
                a = Stubborn(); a.title = "a"; a.show()
                b = Stubborn(); b.title = "b"; b.show()
                """, script -> new FxWindows(new FxWindows.App(script, WindowMemory.NONE, quit::request)))) {
            quit.attach(r.session);
            FxCanvasWindow w = r.window(0);
            r.window(1);
            onFx(() -> {
                w.surface().requestFocus();
                return null;
            });
            FxWindowTest.robot.push(KeyCode.CONTROL, KeyCode.Q);
            awaitFact("closed-a", Boolean.TRUE::equals, WAIT);
            awaitFact("closed-b", Boolean.TRUE::equals, WAIT);
            r.host(0).ended().get(30, TimeUnit.SECONDS);
            r.host(1).ended().get(30, TimeUnit.SECONDS);
            r.session.awaitEnd(); // RunCommand's wait ends: the process exits as after SIGTERM
            assertTrue(quit.isRequested());
            Object keys = fact("keys"); // Control is a key the sketch sees; Q is the app's
            assertFalse(keys instanceof List<?> l && (l.contains("q") || l.contains("Q")), String.valueOf(keys));
        }
    }

    @Test
    void ctrlRReloadsF3ShowsTheOverlayF11GoesFullScreenAndTheSketchSeesNoneOfThem() throws Exception {
        AtomicInteger reloads = new AtomicInteger();
        try (FxWindowTest.Run r = new FxWindowTest.Run("winkeys", """
                import easel, sys
                T = sys._easel_test
                class Keys(easel.Canvas):
                    size = (120, 80)
                    fps = 30
                    def on_key_press(self, e):
                        T.setdefault("keys", []).append(e.key)
                    def on_draw(self, g):
                        T["fullscreen"] = self.fullscreen
                        g.clear("#203040")
                Keys().show()
                """, script -> new FxWindows(new FxWindows.App(script, WindowMemory.NONE, () -> {},
                        reloads::incrementAndGet)))) {
            FxCanvasWindow w = r.window(0);
            awaitFact("fullscreen", Boolean.FALSE::equals, WAIT);
            onFx(() -> {
                w.surface().requestFocus();
                return null;
            });
            FxWindowTest.robot.push(KeyCode.CONTROL, KeyCode.R);
            TestPython.await("the reload", reloads::get, n -> n == 1, WAIT);

            // The console's Sketch menu arrives as perform(...): the same actions.
            onFx(() -> {
                w.perform(WindowAction.PERF_OVERLAY);
                return null;
            });
            assertTrue(onFx(() -> w.perfOverlay.showing()));
            onFx(() -> {
                w.perform(WindowAction.PERF_OVERLAY);
                return null;
            });
            assertFalse(onFx(() -> w.perfOverlay.showing()));

            FxWindowTest.robot.push(KeyCode.A); // an ordinary key still reaches the sketch
            awaitFact("keys", k -> k instanceof List<?> l && l.contains("a"), WAIT);
            Object keys = fact("keys");
            assertEquals(List.of("Control", "a"), keys instanceof List<?> l ? l.stream().distinct().toList() : keys,
                    "the sketch saw Control, then a; never R");

            // F11 last, and not back: JavaFX's headless platform blits a window's stale full-screen
            // picture at the place it re-centres the window to on leaving full screen, past the end of
            // its screen buffer (IndexOutOfBoundsException in HeadlessWindow.blit). Leaving full
            // screen is the same call (Stage.setFullScreen) and is checked on a real display by hand.
            FxWindowTest.robot.push(KeyCode.F11);
            awaitFact("fullscreen", Boolean.TRUE::equals, WAIT);
            assertTrue(onFx(() -> w.stage().isFullScreen()));
            assertFalse(((List<?>) fact("keys")).contains("F11"), "F11 is the app's");
        }
    }
}
