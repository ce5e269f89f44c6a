package dev.easel.canvas.host;

import static dev.easel.canvas.host.Sketches.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The {@code renderer} class attribute: read when a canvas is shown, checked like the other class attributes. */
class RendererAttributeTest {

    @Test
    void badRenderersRaiseAtShowAndGoodOnesRun() throws Exception {
        var r = run("""
                import easel, sys
                out = {}
                class Vulkan(easel.Canvas):
                    renderer = "vulkan"
                class Number(easel.Canvas):
                    renderer = 3
                for name, cls in [("vulkan", Vulkan), ("number", Number)]:
                    try:
                        cls().show()
                        out[name] = "no error"
                    except (TypeError, ValueError) as e:
                        out[name] = type(e).__name__ + ": " + str(e)
                out["default"] = easel.Canvas.renderer
                sys._easel_test.update(out)
                class Raster(easel.Canvas):
                    renderer = "raster"
                    size = (20, 20)
                    def on_draw(self, g):
                        g.clear("red")
                Raster().show()
                """, 1);
        assertEquals("ValueError: Vulkan.renderer must be 'auto', 'raster' or 'gl', not 'vulkan'", r.fact("vulkan"));
        assertEquals("TypeError: Number.renderer must be 'auto', 'raster' or 'gl', not 3", r.fact("number"));
        assertEquals("auto", r.fact("default"));
    }
}
