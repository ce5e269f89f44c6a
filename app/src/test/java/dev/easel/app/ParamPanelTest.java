package dev.easel.app;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.easel.app.FxWindowTest.WAIT;
import static dev.easel.app.FxWindowTest.onFx;
import static dev.easel.app.TestPython.await;
import static dev.easel.app.TestPython.awaitFact;
import static dev.easel.app.TestPython.fact;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The parameter panel (F2) beside a real window on the headless platform, the FX-thread check armed:
 * moving a slider changes what on_draw sees and calls on_param; a value the sketch assigns moves
 * its control; presets are written next to the sketch and read back; the picture never has the panel.
 */
@Timeout(120)
class ParamPanelTest {
    @org.junit.jupiter.api.io.TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        FxWindowTest.startFx();
        FxWindowTest.dir = dir;
    }

    private static final String SKETCH = """
            import easel, sys
            T = sys._easel_test
            class Waves(easel.Canvas):
                size = (160, 100)
                fps = 30
                speed = easel.Slider(0.0, 5.0, 1.0, step=0.1)
                count = easel.Slider(1, 200, 20)
                trails = easel.Toggle(True)
                def on_param(self, name, value):
                    T.setdefault("params", []).append((name, value))
                    if name == "trails":
                        self.count = 150      # set in code: the panel follows
                def on_key_press(self, e):
                    T.setdefault("keys", []).append(e.key)
                def on_draw(self, g):
                    g.clear("#204060")
                    T["speed"] = self.speed
                    T["trails"] = self.trails
                    T["frame"] = self.frame
            Waves().show()
            """;

    private static <T> T fx(java.util.concurrent.Callable<T> c) {
        try {
            return onFx(c);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void press(FxCanvasWindow w, KeyCode code) {
        fx(() -> {
            for (var type : List.of(javafx.scene.input.KeyEvent.KEY_PRESSED, javafx.scene.input.KeyEvent.KEY_RELEASED)) {
                javafx.event.Event.fireEvent(w.surface(), new javafx.scene.input.KeyEvent(type,
                        code == KeyCode.C ? "c" : "", code == KeyCode.C ? "c" : "", code, false, false, false, false));
            }
            return null;
        });
    }

    @Test
    void theSliderDrivesTheSketchAndTheSketchDrivesTheSlider() throws Exception {
        try (FxWindowTest.Run r = new FxWindowTest.Run("waves", SKETCH,
                script -> new FxWindows(new FxWindows.App(script, WindowMemory.NONE, () -> {})))) {
            FxCanvasWindow w = r.window(0);
            await("the panel shown by itself", () -> fx(() -> w.paramPanel.showing()), s -> s, WAIT);
            Slider speed = fx(() -> (Slider) ((HBox) w.paramPanel.control("speed")).getChildren().getFirst());
            Slider count = fx(() -> (Slider) ((HBox) w.paramPanel.control("count")).getChildren().getFirst());
            assertEquals(1.0, fx(speed::getValue));
            fx(() -> {
                speed.setValue(3.14);
                return null;
            });
            awaitFact("speed", v -> Double.valueOf(3.1).equals(v), WAIT);
            assertEquals(List.of(List.of("speed", 3.1)), fact("params"));
            CheckBox trails = fx(() -> (CheckBox) w.paramPanel.control("trails"));
            fx(() -> {
                trails.fire();
                return null;
            });
            awaitFact("trails", Boolean.FALSE::equals, WAIT);

            // Assigned by the sketch (in on_param of trails): the slider follows, not sent back as on_param.
            await("the count slider following the sketch", () -> fx(count::getValue), v -> v == 150.0, WAIT);
            List<?> params = (List<?>) fact("params");
            assertEquals(2, params.size(), params.toString());

            // Presets: next to the sketch, as JSON; loading one is a control change (on_param).
            fx(() -> {
                w.paramPanel.savePreset();
                return null;
            });
            Path preset = dir.resolve("waves.params.json");
            await("the preset saved", () -> fx(w.paramPanel::status), s -> s.startsWith("saved"), WAIT);
            String json = Files.readString(preset);
            assertTrue(json.contains("\"speed\": 3.1") && json.contains("\"count\": 150")
                    && json.contains("\"trails\": false"), json);
            Files.writeString(preset, json.replace("3.1", "0.5"));
            fx(() -> {
                w.paramPanel.loadPreset();
                return null;
            });
            awaitFact("speed", v -> Double.valueOf(0.5).equals(v), WAIT);
            await("the speed slider at the preset's value", () -> fx(speed::getValue), v -> v == 0.5, WAIT);
            assertTrue(((List<?>) fact("params")).contains(List.of("speed", 0.5)), String.valueOf(fact("params")));

            // F2 hides and shows it; the sketch never sees F2 nor has the panel in its picture.
            // Keys are fired at the canvas window's scene: the headless platform's robot types into
            // whichever window it last focused, which may be the panel.
            press(w, KeyCode.F2);
            await("the panel hidden", () -> fx(() -> w.paramPanel.showing()), s -> !s, WAIT);
            press(w, KeyCode.F2);
            await("the panel shown again", () -> fx(() -> w.paramPanel.showing()), s -> s, WAIT);
            press(w, KeyCode.C);
            awaitFact("keys", v -> v instanceof List<?> l && l.contains("c"), WAIT);
            assertEquals(List.of("c"), fact("keys"), "F2 is the app's");
            long f = (Long) fact("frame");
            awaitFact("frame", v -> (Long) v >= f + 2, WAIT);
            int[] size = {r.host(0).snapshot().width(), r.host(0).snapshot().height()};
            assertArrayEquals(new int[]{160, 100}, size, "the canvas keeps its size: the panel is beside it");
            assertEquals(0xff204060, r.host(0).snapshot().argb(155, 50));
        }
    }

    @Test
    void aCanvasWithoutParametersHasNoPanel() throws Exception {
        try (FxWindowTest.Run r = new FxWindowTest.Run("plain", """
                import easel, sys
                class Plain(easel.Canvas):
                    size = (80, 60)
                    def on_draw(self, g):
                        sys._easel_test["frame"] = self.frame
                Plain().show()
                """)) {
            FxCanvasWindow w = r.window(0);
            long f = (Long) awaitFact("frame", v -> (Long) v >= 3, WAIT);
            assertTrue(f >= 3);
            assertFalse(fx(() -> w.paramPanel.showing()));
            Node none = fx(() -> w.paramPanel.control("speed"));
            assertNull(none);
        }
    }

    @Test
    void aReloadThatChangesTheParametersRebuildsThePanel() throws Exception {
        String plain = """
                import easel, sys
                class Morph(easel.Canvas):
                    size = (80, 60)
                    def on_draw(self, g):
                        sys._easel_test["frame"] = self.frame
                Morph().show()
                """;
        try (FxWindowTest.Run r = new FxWindowTest.Run("morph", plain)) {
            FxCanvasWindow w = r.window(0);
            awaitFact("frame", v -> (Long) v >= 2, WAIT);
            assertFalse(fx(() -> w.paramPanel.showing()));
            Path script = dir.resolve("morph.py");
            try (var live = dev.easel.canvas.host.LiveReload.manual(r.session, script)) {
                // A parameter appears: the panel shows itself with its control.
                Files.writeString(script, plain.replace("size = (80, 60)",
                        "size = (80, 60)\n    speed = easel.Slider(0, 10, 4)"));
                live.reloadNow();
                await("the panel shown after the reload", () -> fx(() -> w.paramPanel.showing()), s -> s, WAIT);
                assertNotNull(fx(() -> w.paramPanel.control("speed")));
                assertNull(fx(() -> w.paramPanel.control("trails")));

                // Another reload: a new parameter and a changed range, so new controls.
                Files.writeString(script, plain.replace("size = (80, 60)",
                        "size = (80, 60)\n    speed = easel.Slider(0, 100, 4)\n    trails = easel.Toggle(True)"));
                live.reloadNow();
                await("the new control", () -> fx(() -> w.paramPanel.control("trails")), c -> c != null, WAIT);
                Slider speed = fx(() -> (Slider) ((HBox) w.paramPanel.control("speed")).getChildren().getFirst());
                assertEquals(100.0, fx(speed::getMax), "the slider of the new range");

                // Every parameter taken away: the panel goes.
                Files.writeString(script, plain);
                live.reloadNow();
                await("the panel hidden", () -> fx(() -> w.paramPanel.showing()), s -> !s, WAIT);
            }
        }
    }
}
