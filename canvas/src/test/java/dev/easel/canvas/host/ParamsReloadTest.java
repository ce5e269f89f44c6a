package dev.easel.canvas.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.easel.canvas.host.LiveReloadTest.await;
import static org.junit.jupiter.api.Assertions.*;

/** Live reload keeps parameter values: a value a control set survives the save of new code. */
@Timeout(120)
class ParamsReloadTest {
    private static String sketch(String colour) {
        return """
                import easel, sys
                class Waves(easel.Canvas):
                    size = (40, 30)
                    fps = 30
                    speed = easel.Slider(0.0, 5.0, 1.0, step=0.1)
                    def on_draw(self, g):
                        sys._easel_test["speed"] = self.speed
                        g.clear("%s")
                Waves().show()
                """.formatted(colour);
    }

    @Test
    void aValueSetByAControlSurvivesAReload() throws Exception {
        try (LiveReloadTest.Live l = new LiveReloadTest.Live(sketch("#ff0000"))) {
            l.awaitColour(5, 5, 255, 0, 0);
            ParamControls.set(l.host(), "speed", "3.3");
            await("the new speed", () -> l.fact("speed"), v -> Double.valueOf(3.3).equals(v));
            l.save(sketch("#0000ff"));
            l.awaitColour(5, 5, 0, 0, 255);
            l.awaitFrames(2);
            assertEquals(3.3, l.fact("speed"), "the value survived the reload");
            assertEquals(1, l.host().reloads());
            assertEquals(new ParamControls.Param("speed", "slider", "3.3", java.util.Arrays.asList(0.0, 5.0, 0.1, false)),
                    ParamControls.describe(l.host()).get(30, java.util.concurrent.TimeUnit.SECONDS).getFirst(),
                    "what the panel reads after the reload");
            assertTrue(l.host().stats().errors().isEmpty(), l.host().stats().errors().toString());
        }
    }
}
