package dev.easel.app;

import dev.easel.app.runs.WindowAction;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
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
 * Sketch menu): F11 full screen, read back by the sketch; Ctrl+R reloads the code; F3 the overlay.
 * The sketch sees none of them.
 */
@Timeout(90)
class WindowKeysTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        FxWindowTest.dir = dir;
        FxWindowTest.startFx();
    }

    @Test
    void f11TogglesFullScreenCtrlRReloadsAndTheSketchSeesNeitherKey() throws Exception {
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
                // JavaFX's headless platform sizes a full-screen window to the screen but keeps its
                // place, and its blit then writes past the screen's buffer: start at the corner.
                w.stage().setX(0);
                w.stage().setY(0);
                w.surface().requestFocus();
                return null;
            });
            FxWindowTest.robot.push(KeyCode.F11);
            awaitFact("fullscreen", Boolean.TRUE::equals, WAIT);
            assertTrue(onFx(() -> w.stage().isFullScreen()));
            FxWindowTest.robot.push(KeyCode.F11);
            awaitFact("fullscreen", Boolean.FALSE::equals, WAIT);

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
                    "the sketch saw Control, then a; never F11 or R");
        }
    }
}
