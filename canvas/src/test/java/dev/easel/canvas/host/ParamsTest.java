package dev.easel.canvas.host;

import dev.easel.canvas.host.python.ParamStart;
import dev.easel.canvas.host.loop.CanvasStats;
import dev.easel.canvas.host.loop.HeadlessWindows;
import dev.easel.canvas.InputEvent;
import dev.easel.pybridge.PythonRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Parameters ({@code easel.Slider}, {@code Toggle}, {@code Choice}, {@code ColorPick}, {@code Text})
 * headless with real CPython: plain values on the instance, checks and normalisation on declaration
 * and assignment, a control's change ({@code param} event) applied on the canvas thread before the
 * next frame with {@code on_param}, start values ({@code --param}, {@code --params}) before setup.
 */
@Timeout(120)
class ParamsTest {
    private static final String DECLARED = """
            import sys, threading, easel
            t = getattr(sys, "_easel_test", {})   # an isolated interpreter has its own sys: facts stay there
            class Waves(easel.Canvas):
                size = (20, 10)
                isolated = ISOLATED
                speed = easel.Slider(0.0, 5.0, 1.0, step=0.1)
                count = easel.Slider(1, 200, 20)
                trails = easel.Toggle(True)
                shape = easel.Choice(["circle", "square"], "circle")
                tint = easel.ColorPick("#3080ff")
                label = easel.Text("hello")
                def setup(self):
                    self.seen = []
                    t["setup"] = (self.speed, self.count, self.trails, self.shape, self.tint.hex(), self.label)
                def on_param(self, name, value):
                    self.seen.append((name, value, threading.current_thread().name == self.thread))
                def on_draw(self, g):
                    self.thread = threading.current_thread().name
                    t["draw%d" % self.frame] = (self.speed, self.count, self.trails, self.shape, self.tint.hex(),
                                                self.label)
                    t["seen"] = list(self.seen)
                    if self.frame == 3:   # checked here too: an isolated canvas' facts are not the test's
                        assert (self.speed, self.trails, self.tint.hex(), self.label) == (2.5, False, "#ff0000", "a=b c")
                        assert [n for n, v, same in self.seen] == ["speed", "trails", "tint", "label"], self.seen
            Waves().show()
            """;

    @Test
    void valuesAreCheckedAndNormalisedOnDeclarationAndAssignment() throws Exception {
        Sketches.Run r = Sketches.run("""
                import sys, easel
                t = sys._easel_test
                class P(easel.Canvas):
                    size = (10, 10)
                    speed = easel.Slider(0.0, 5.0, 1.0, step=0.1)
                    count = easel.Slider(1, 200, 20)
                    free = easel.Slider(0, 1, 0.5)
                    on = easel.Toggle(False)
                    shape = easel.Choice(["circle", "square"], "circle")
                    tint = easel.ColorPick("tomato")
                    label = easel.Text("hi")
                    def setup(self):
                        t["class"] = (type(P.speed).__name__, P.speed.value, P.count.min, P.count.max)
                        t["types"] = (type(self.speed).__name__, type(self.count).__name__, type(self.free).__name__,
                                      type(self.tint).__name__)
                        self.speed = 7
                        a = self.speed
                        self.speed = 0.34
                        b = self.speed
                        self.speed = -1
                        self.count = 3.6
                        t["assigned"] = (a, b, self.speed, self.count)
                        self.tint = (0, 0, 255)
                        self.shape = "square"
                        self.on = True
                        t["more"] = (self.tint.hex(), self.shape, self.on, P.shape.value, P.on.value)
                        errors = []
                        for stmt in ("self.speed = 'fast'", "self.speed = True", "self.speed = float('nan')",
                                     "self.on = 1", "self.shape = 'hexagon'", "self.shape = 3", "self.label = None",
                                     "self.tint = 'notacolour'",
                                     "easel.Slider(0, 5, 6)", "easel.Slider(5, 0, 1)", "easel.Slider(0, 5, 1, step=0)",
                                     "easel.Choice([], 'a')", "easel.Choice(['a', 'b'], 'c')", "easel.Toggle('yes')",
                                     "easel.Text(3)", "easel.ColorPick('nope')"):
                            try:
                                exec(stmt, {"self": self, "easel": easel})
                                errors.append(stmt + ": no error")
                            except (TypeError, ValueError) as e:
                                errors.append(type(e).__name__ + ": " + str(e))
                        t["errors"] = errors
                    def on_draw(self, g):
                        pass
                P().show()
                """, 1);
        assertEquals(List.of("Slider", 1.0, 1L, 200L), r.fact("class"));
        assertEquals(List.of("float", "int", "float", "Color"), r.fact("types"));
        assertEquals(List.of(5.0, 0.3, 0.0, 4L), r.fact("assigned"));
        assertEquals(List.of("#0000ff", "square", true, "circle", false), r.fact("more"));
        List<?> errors = (List<?>) r.fact("errors");
        for (Object e : errors) {
            assertFalse(e.toString().endsWith("no error"), "every bad value raises: " + errors);
        }
        assertTrue(errors.get(0).toString().startsWith("TypeError: P.speed (a slider) must be a number"), errors.toString());
        assertTrue(errors.get(4).toString().contains("must be one of ['circle', 'square'], not 'hexagon'"), errors.toString());
        assertTrue(errors.get(8).toString().startsWith("ValueError: Slider value 6 is not within"), errors.toString());
        assertTrue(r.canvas(0).stats().errors().isEmpty(), r.canvas(0).stats().errors().toString());
    }

    @Test
    void aControlsChangeReachesTheNextFrameAndOnParamOnTheCanvasThread() throws Exception {
        controlChanges(false);
    }

    @Test
    void anIsolatedCanvasTakesControlChangesToo() throws Exception {
        assumeTrue(Sketches.runtime().supportsSubInterpreters(), "isolated canvases need 3.12+");
        controlChanges(true);
    }

    private static void controlChanges(boolean isolated) throws Exception {
        Sketches.Run r = Sketches.run(DECLARED.replace("ISOLATED", isolated ? "True" : "False"), 4, List.of(
                new Session.ScriptedEvent(2, null, InputEvent.param("speed", "2.46")),
                new Session.ScriptedEvent(2, null, InputEvent.param("trails", "false")),
                new Session.ScriptedEvent(3, null, InputEvent.param("tint", "#ff0000")),
                new Session.ScriptedEvent(3, null, InputEvent.param("label", "a=b c"))));
        assertTrue(r.canvas(0).stats().errors().isEmpty(), r.canvas(0).stats().errors().toString());
        assertEquals(4, r.canvas(0).stats().frames());
        if (isolated) {
            return; // its facts live in the isolated interpreter's own sys
        }
        assertEquals(List.of(1.0, 20L, true, "circle", "#3080ff", "hello"), r.fact("draw1"));
        assertEquals(List.of(2.5, 20L, false, "circle", "#3080ff", "hello"), r.fact("draw2"));
        assertEquals(List.of(2.5, 20L, false, "circle", "#ff0000", "a=b c"), r.fact("draw3"));
        List<?> seen = (List<?>) r.fact("seen");
        assertEquals(4, seen.size(), seen.toString());
        assertEquals(List.of("speed", 2.5, true), seen.get(0));
        assertEquals(List.of("trails", false, true), seen.get(1));
        assertEquals("label", ((List<?>) seen.get(3)).get(0));
        assertTrue(r.canvas(0).stats().errors().isEmpty(), r.canvas(0).stats().errors().toString());
    }

    @Test
    void aBadValueFromAControlIsOnParamsErrorAndTheCanvasGoesOn() throws Exception {
        Sketches.Run r = Sketches.run(DECLARED.replace("ISOLATED", "False"), 3, List.of(
                new Session.ScriptedEvent(1, null, InputEvent.param("speed", "fast")),
                new Session.ScriptedEvent(1, null, InputEvent.param("nope", "1")),
                new Session.ScriptedEvent(1, null, InputEvent.param("count", "50"))));
        List<CanvasStats.Error> errors = r.canvas(0).stats().errors();
        assertEquals(2, errors.size(), errors.toString());
        assertEquals("on_param", errors.get(0).where());
        assertTrue(errors.get(0).message().contains("Waves.speed is a number from 0.0 to 5.0, not 'fast'"),
                errors.get(0).message());
        assertTrue(errors.get(1).message().contains("Waves has no parameter 'nope' (its parameters: speed, count,"),
                errors.get(1).message());
        assertEquals(List.of(1.0, 50L, true, "circle", "#3080ff", "hello"), r.fact("draw1"));
        assertEquals(3, r.canvas(0).stats().frames());
    }

    @Test
    void startValuesFromTheCommandLineAreSetBeforeSetup() throws Exception {
        Path preset = Files.createTempFile("easel-preset", ".json");
        Files.writeString(preset, "{\"speed\": 3.3, \"shape\": \"square\", \"tint\": \"#00ff00\", \"count\": 7}");
        Run r = runWith(DECLARED.replace("ISOLATED", "False"), ParamStart.parse(
                List.of("count=150", "trails=off", "label=x=y"), preset));
        assertEquals(0, r.code);
        assertEquals(List.of(3.3, 150L, false, "square", "#00ff00", "x=y"), r.run.fact("setup"));
    }

    @Test
    void aBadStartValueIsAUsageErrorListingTheParameters() throws Exception {
        for (String bad : List.of("speedy=1", "speed=fast", "shape=hexagon")) {
            Run r = runWith(DECLARED.replace("ISOLATED", "False"), ParamStart.parse(List.of(bad), null));
            assertEquals(2, r.code, bad);
            assertNull(r.run.fact("setup"), "setup does not run after a bad --param " + bad);
        }
        assertThrows(IllegalArgumentException.class, () -> ParamStart.parse(List.of("speed"), null));
        assertThrows(IllegalArgumentException.class, () -> ParamStart.parse(List.of("=3"), null));
        assertThrows(IllegalArgumentException.class, () -> ParamStart.parse(List.of(), Path.of("/no/such.json")));
    }

    @Test
    void presetsRoundTripThroughJson() throws Exception {
        Sketches.Run r = Sketches.run(DECLARED.replace("ISOLATED", "False").replace("Waves().show()", """
                c = Waves()
                c.speed, c.count, c.tint, c.label = 4.2, 9, "navy", 'quote " and \\\\ back'
                from easel import _params
                import os, tempfile
                path = os.path.join(tempfile.mkdtemp(), "w.params.json")
                _params.save_preset(c, path)
                t["preset"] = _params.preset_texts(c, path)
                c.show()
                """), 1);
        assertEquals(List.of(List.of("speed", "4.2"), List.of("count", "9"), List.of("trails", "true"),
                List.of("shape", "circle"), List.of("tint", "#000080"), List.of("label", "quote \" and \\ back")),
                r.fact("preset"));
    }

    private record Run(Sketches.Run run, int code) {}

    private static Run runWith(String source, ParamStart start) throws Exception {
        PythonRuntime rt = Sketches.runtime();
        rt.main().exec("import sys\nsys._easel_test.clear()\n", rt.main().newGlobals());
        Path dir = Files.createTempDirectory("easel-params");
        Path script = dir.resolve("sketch.py");
        Files.writeString(script, source);
        HeadlessWindows windows = new HeadlessWindows();
        Session session = new Session(rt, windows, new Session.Options(false, null, 1, List.of()));
        session.paramStart(start);
        session.runScript(script, List.of());
        Sketches.awaitEnd(session, Duration.ofSeconds(60));
        session.close();
        return new Run(new Sketches.Run(session, windows, dir.resolve("out")), session.exitCode());
    }

}
