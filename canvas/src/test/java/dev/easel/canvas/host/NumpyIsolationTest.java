package dev.easel.canvas.host;

import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.loop.CanvasStats;
import dev.easel.pybridge.PythonLocator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * numpy does not support sub-interpreters: in an isolated canvas its import is an ImportError that says
 * so and what to do (the top of the message, not under numpy's "your installation is broken" advice),
 * reported like any error of the canvas' setup; the shared canvas beside it draws with numpy.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class NumpyIsolationTest {

    @Test
    void numpyInAnIsolatedCanvasIsAClearImportError() throws Exception {
        Assumptions.assumeTrue(PythonLocator.locate(null).origin().equals("bundled"), "numpy comes with the bundled CPython");
        Sketches.Run r = Sketches.run("""
                import easel

                class Isolated(easel.Canvas):
                    isolated = True
                    size = (10, 10)

                    def setup(self):
                        import numpy

                    def on_draw(self, g):
                        g.fill_rect(0, 0, 10, 10)

                class Shared(easel.Canvas):
                    size = (10, 10)

                    def on_draw(self, g):
                        import numpy as np
                        g.points(np.array([[5.0, 5.0]]), size=10)

                Isolated().show()
                Shared().show()
                """, 3);
        CanvasHost isolated = r.canvas(0);
        List<CanvasStats.Error> errors = isolated.stats().errors();
        assertEquals(1, errors.size(), isolated.slug() + ": one error, in setup: " + errors);
        CanvasStats.Error e = errors.getFirst();
        assertEquals("setup", e.where(), e.toString());
        assertEquals("ImportError", e.type(), e.toString());
        assertTrue(e.message().startsWith("numpy cannot be imported in an isolated canvas"), e.message());
        assertTrue(e.message().contains("isolated = False"), e.message());
        assertFalse(e.message().contains("PLEASE READ"), "not numpy's advice for a broken installation: " + e.message());
        assertTrue(e.traceback().contains("import numpy"), "the traceback shows the sketch's import: " + e.traceback());
        CanvasHost shared = r.canvas(1);
        assertEquals(List.of(), shared.stats().errors());
    }
}
