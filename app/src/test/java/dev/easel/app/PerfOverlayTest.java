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
                    + "attach wait \\d+\\.\\d\\d ms.*raster \\d+\\.\\d\\d ms.*upload \\d+\\.\\d\\d ms.*"
                    + "frames shown [1-9]\\d*  dropped \\d+"), text);
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

    @Test
    void windowShortcutsSaveTheShownFrameAndClose() throws Exception {
        java.nio.file.Path shots = dir.resolve("captures");
        System.setProperty("easel.captures", shots.toString());
        try (FxWindowTest.Run r = new FxWindowTest.Run("shortcuts", """
                import easel, sys
                T = sys._easel_test
                class Keys(easel.Canvas):
                    size = (120, 80)
                    fps = 30
                    def on_key_press(self, e):
                        T.setdefault("keys", []).append(e.key)
                    def on_draw(self, g):
                        g.clear("#204060")
                        T["fullscreen"] = self.fullscreen
                    def on_close(self):
                        T["closed"] = True
                Keys().show()
                """)) {
            FxCanvasWindow w = r.window(0);
            onFx(() -> {
                w.surface().requestFocus();
                return null;
            });
            FxWindowTest.robot.push(KeyCode.CONTROL, KeyCode.S);
            java.nio.file.Path png = await("a saved frame", () -> {
                try (var files = java.nio.file.Files.list(shots)) {
                    return files.filter(p -> p.getFileName().toString().startsWith("keys-")
                            && p.getFileName().toString().endsWith(".png")).findFirst().orElse(null);
                } catch (java.io.IOException notYet) {
                    return null;
                }
            }, p -> p != null && p.toFile().length() > 0, WAIT);
            await("the PNG complete", () -> {
                try {
                    return dev.easel.canvas.ImageData.load(png).argb(60, 40);
                } catch (java.io.IOException | RuntimeException partial) {
                    return 0;
                }
            }, c -> c == 0xff204060, WAIT);

            // F11 is not pressed here: JavaFX's headless platform throws IndexOutOfBounds from
            // HeadlessWindow.blit when this window goes full screen (FxWindowSettingsTest covers
            // full screen through the sketch's own setting).

            FxWindowTest.robot.push(KeyCode.CONTROL, KeyCode.W);
            awaitFact("closed", Boolean.TRUE::equals, WAIT);
            r.host(0).ended().get(30, java.util.concurrent.TimeUnit.SECONDS);
            Object keys = fact("keys"); // Control itself is a key the sketch sees; S and W are the app's
            assertFalse(keys instanceof List<?> l && (l.contains("s") || l.contains("w")), String.valueOf(keys));
        } finally {
            System.clearProperty("easel.captures");
        }
    }
}
