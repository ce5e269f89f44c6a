package dev.easel.app;

import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.LiveReload;
import dev.easel.canvas.host.Session;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static dev.easel.app.FxWindowTest.WAIT;
import static dev.easel.app.FxWindowTest.onFx;
import static dev.easel.app.TestPython.await;
import static dev.easel.app.TestPython.awaitFact;
import static dev.easel.app.TestPython.fact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live reload in a real window (JavaFX on the headless glass platform): the sketch saved on disk
 * shows its new drawing in the same, still open, window; Ctrl+Shift+R restarts the canvas. The
 * FX thread's ban on Python stays armed throughout.
 */
@Timeout(90)
class LiveReloadWindowTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void startFx() throws Exception {
        FxWindowTest.startFx();
    }

    static String sketch(String colour) {
        return """
                import easel, sys
                T = sys._easel_test
                class Swatch(easel.Canvas):
                    title = "Swatch"
                    size = (200, 120)
                    fps = 30
                    def setup(self):
                        T["setups"] = T.get("setups", 0) + 1
                    def on_key_press(self, e):
                        T.setdefault("keys", []).append(e.key)
                    def on_draw(self, g):
                        g.fill = "%s"
                        g.fill_rect(0, 0, 200, 120)
                Swatch().show()
                """.formatted(colour);
    }

    /** The colour on screen: the window's image, as uploaded by the FX thread. */
    static int shown(FxCanvasWindow w, int x, int y) throws Exception {
        return onFx(() -> {
            Image img = ((ImageView) w.surface().getChildren().getFirst()).getImage();
            return img == null ? 0 : img.getPixelReader().getArgb(x, y) & 0xFFFFFF;
        });
    }

    @Test
    void theWindowStaysOpenAcrossAReloadAndShowsTheNewDrawing() throws Exception {
        TestPython.clearFacts();
        Path script = dir.resolve("swatch.py");
        Files.writeString(script, sketch("#ff0000"));
        FxWindows windows = new FxWindows();
        Session session = new Session(TestPython.runtime(), windows, Session.Options.defaults());
        try (LiveReload live = LiveReload.start(session, script)) {
            session.runScript(script, List.of());
            CanvasHost h = await("the canvas", session::canvases, l -> !l.isEmpty(), WAIT).getFirst();
            FxCanvasWindow w = await("its window", () -> windows.windows().get(h), Objects::nonNull, WAIT);
            await("red on screen", () -> call(() -> shown(w, 50, 50)), c -> c == 0xFF0000, WAIT);
            Stage stage = onFx(w::stage);

            Files.writeString(script, sketch("#0000ff"));
            await("blue on screen", () -> call(() -> shown(w, 50, 50)), c -> c == 0x0000FF, WAIT);
            assertSame(w, windows.windows().get(h), "the same window");
            assertSame(stage, onFx(w::stage));
            assertTrue(onFx(stage::isShowing), "still open");
            assertFalse(h.ended().isDone());
            assertEquals(1L, fact("setups"), "a reload does not run setup() again");
            assertEquals(1, h.reloads());

            // Ctrl+Shift+R: a restart (setup again); the sketch does not get the key.
            onFx(() -> {
                stage.toFront();
                stage.requestFocus();
                w.surface().requestFocus();
                return null;
            });
            FxWindowTest.robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R);
            FxWindowTest.robot.release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
            awaitFact("setups", v -> Long.valueOf(2).equals(v), WAIT);
            FxWindowTest.robot.type(KeyCode.A);
            @SuppressWarnings("unchecked")
            List<String> keys = (List<String>) awaitFact("keys", v -> v instanceof List<?> l && l.contains("a"), WAIT);
            assertFalse(keys.contains("R") || keys.contains("r"), "Ctrl+Shift+R is Easel's: " + keys);
            assertTrue(onFx(stage::isShowing));
            assertTrue(h.stats().errors().isEmpty(), h.stats().errors().toString());
        } finally {
            session.close();
            await("the window to close", () -> windows.windows().isEmpty(), e -> e, WAIT);
        }
    }

    private interface Work<T> {
        T get() throws Exception;
    }

    private static <T> T call(Work<T> w) {
        try {
            return w.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
