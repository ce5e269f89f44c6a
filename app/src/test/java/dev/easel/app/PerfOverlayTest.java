package dev.easel.app;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static dev.easel.app.FxWindowTest.WAIT;
import static dev.easel.app.TestPython.await;
import static dev.easel.app.FxWindowTest.onFx;
import static dev.easel.app.TestPython.awaitFact;
import static dev.easel.app.TestPython.fact;
import static org.junit.jupiter.api.Assertions.*;

/** F3: the app's performance overlay over a real window; the sketch never sees the key nor the overlay. */
@Timeout(120)
class PerfOverlayTest {
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path dir;

    @BeforeAll
    static void start() throws Exception {
        FxWindowTest.startFx();
        FxWindowTest.dir = dir; // its own folder was deleted with FxWindowTest
    }

    @Test
    void f3ShowsLiveFiguresAboveTheCanvasAndNeverInItsPicture() throws Exception {
        try (FxWindowTest.Run r = new FxWindowTest.Run("overlay", """
                import easel, sys
                T = sys._easel_test
                class Busy(easel.Canvas):
                    size = (320, 200)
                    fps = 30
                    def on_key_press(self, e):
                        T.setdefault("keys", []).append(e.key)
                    def on_draw(self, g):
                        g.clear("#336699")
                        s = 0
                        for i in range(20000):
                            s += i
                        T["frame"] = self.frame
                Busy().show()
                """)) {
            FxCanvasWindow w = r.window(0);
            assertFalse(onFx(() -> w.perfOverlay.showing()));
            onFx(() -> {
                w.surface().requestFocus();
                return null;
            });
            FxWindowTest.robot.type(KeyCode.F3);
            await("the overlay", () -> {
                try {
                    return onFx(() -> w.perfOverlay.showing() ? w.perfOverlay.text : null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, t -> t != null && t.contains("drawn") && !t.contains("drawn 0/s"), WAIT);
            String text = onFx(() -> w.perfOverlay.text);
            assertTrue(text.matches("(?s)shown \\d+/s  drawn \\d+/s  dropped \\d+/s.*on_draw \\d+\\.\\d\\d ms.*"
                    + "attach wait \\d+\\.\\d\\d ms.*raster \\d+\\.\\d\\d ms.*upload \\d+\\.\\d\\d ms.*"), text);
            // Frames keep coming, and the picture (snapshot) has no overlay in its corner.
            long f = (Long) fact("frame");
            awaitFact("frame", v -> (Long) v >= f + 5, WAIT);
            int corner = r.host(0).snapshot().argb(20, 20);
            assertEquals(0xff336699, corner, Integer.toHexString(corner));
            FxWindowTest.robot.type(KeyCode.A);
            awaitFact("keys", v -> v instanceof List<?> l && l.contains("a"), WAIT);
            assertEquals(List.of("a"), fact("keys"), "F3 is the app's, not the sketch's");
            FxWindowTest.robot.type(KeyCode.F3);
            await("the overlay hidden", () -> {
                try {
                    return onFx(() -> w.perfOverlay.showing());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, s -> !s, WAIT);
        }
    }
}
