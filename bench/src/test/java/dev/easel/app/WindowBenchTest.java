package dev.easel.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window figures of {@code easel bench draw}/{@code app} come out, and their CPU shares add up. */
@Timeout(120)
class WindowBenchTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void startFx() throws Exception {
        FxWindowTest.dir = dir;
        FxWindowTest.startFx();
    }

    @Test
    void theFiguresOfAShortRunAddUp() throws Exception {
        Map<String, Object> out = WindowBench.measure(TestPython.runtime(), 1);
        for (String key : new String[]{"fps_10k_lines", "fps_10k_lines_hidpi2", "upload_ms", "upload_ms_hidpi2",
                "cpu_ms_per_shown", "cpu_ms_per_shown_hidpi2", "prism_ms", "prism_ms_hidpi2", "drawn_per_shown"}) {
            assertTrue(out.containsKey(key), key + " in " + out);
        }
        for (String scale : new String[]{"", "_hidpi2"}) {
            double fps = number(out, "fps_10k_lines" + scale);
            double cpu = number(out, "cpu_ms_per_shown" + scale);
            double prism = number(out, "prism_ms" + scale);
            assertTrue(fps > 0, "frames were shown: " + out);
            // JavaFX's render thread draws every shown frame into the window, and is part of the process.
            assertTrue(prism > 0, "the render thread's share is measured: " + out);
            assertTrue(cpu > prism, "the process's CPU includes the render thread's: " + out);
            // 10,000 lines rasterized per shown frame cost far more than one upload on the FX thread.
            assertTrue(cpu > number(out, "upload_ms" + scale), "the whole includes the FX thread's swap: " + out);
        }
        assertEquals("\"raster\"", out.get("window_renderer"));
    }

    private static double number(Map<String, Object> out, String key) {
        return Double.parseDouble(String.valueOf(out.get(key)));
    }
}
