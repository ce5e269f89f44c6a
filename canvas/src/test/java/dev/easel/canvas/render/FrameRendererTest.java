package dev.easel.canvas.render;

import static dev.easel.canvas.render.Pixels.assertPixel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.canvas.Colors;
import dev.easel.canvas.DisplayList;
import dev.easel.canvas.ImageData;
import dev.easel.canvas.RendererChoice;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Choosing a renderer, and falling back from GL to raster with one warning, never an exception. */
class FrameRendererTest {

    private static DisplayList rect(int argb, double x) {
        DisplayList l = new DisplayList();
        l.fill(argb);
        l.fillRect(x, 10, 20, 20);
        return l.finish();
    }

    /** Runs {@code body} with System.err captured; returns what it printed. */
    private static String stderrOf(Runnable body) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static int count(String s, String what) {
        return s.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }

    @Test
    void choicesParse() {
        assertEquals(RendererChoice.AUTO, RendererChoice.parse("auto"));
        assertEquals(RendererChoice.GL, RendererChoice.parse("GL"));
        assertEquals(RendererChoice.RASTER, RendererChoice.parse("raster"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RendererChoice.parse("vulkan"));
        assertTrue(e.getMessage().contains("'auto', 'raster' or 'gl'"), e.getMessage());
    }

    @Test
    void glAndRasterDrawTheSamePixels() {
        try (FrameRenderer gl = FrameRenderer.create(RendererChoice.GL, 60, 40, 1);
             FrameRenderer raster = FrameRenderer.create(RendererChoice.RASTER, 60, 40, 1)) {
            assertEquals("gl", gl.name());
            assertNotNull(gl.glRenderer());
            assertEquals("raster", raster.name());
            assertNull(raster.glRenderer());
            for (FrameRenderer r : new FrameRenderer[] {gl, raster}) {
                r.render(rect(0xFFFF0000, 10));
                assertEquals(60 * 40, r.pixels().length);
                assertPixel(r.snapshot(), 20, 20, 0xFFFF0000, "inside");
                assertPixel(r.snapshot(), 50, 35, 0, 0, "transparent outside");
            }
        }
    }

    @Test
    void autoNeverPicksACpuRasterizer() throws GlUnavailableException {
        String device = GlRenderer.probe();
        try (FrameRenderer r = FrameRenderer.create(RendererChoice.AUTO, 40, 40, 1)) {
            if (device.contains("llvmpipe") || device.contains("softpipe")) {
                assertEquals("raster", r.name(), AutoRenderer.decision().why());
            }
            assertNotNull(AutoRenderer.decision().why());
        }
    }

    @Test
    void aContextThatCannotBeMadeFallsBackToRasterWithOneWarning() {
        System.setProperty("easel.gl.fail", "test");
        try {
            FrameRenderer[] r = new FrameRenderer[1];
            String err = stderrOf(() -> {
                r[0] = FrameRenderer.create(RendererChoice.GL, 40, 40, 1);
                r[0].render(rect(0xFF0000FF, 5));
                r[0].render(rect(0xFF0000FF, 5));
            });
            assertEquals("raster", r[0].name());
            assertEquals(1, count(err, "easel: no OpenGL renderer"), err);
            assertTrue(err.contains("-Deasel.gl.fail"), err);
            assertPixel(r[0].snapshot(), 10, 20, 0xFF0000FF, "drawn by the raster renderer");
            assertThrows(GlUnavailableException.class, GlRenderer::probe);
        } finally {
            System.clearProperty("easel.gl.fail");
        }
    }

    @Test
    void aFailureMidwayFallsBackKeepingThePicture() {
        try (FrameRenderer r = FrameRenderer.create(RendererChoice.GL, 60, 40, 1)) {
            assertEquals("gl", r.name());
            r.render(rect(0xFFFF0000, 5)); // no clear: later frames draw over it
            String err = stderrOf(() -> {
                r.failNextGlRender();
                r.render(rect(0xFF00FF00, 35));
                r.render(rect(0xFF00FF00, 35));
            });
            assertEquals("raster", r.name());
            assertEquals(1, count(err, "the OpenGL renderer failed"), err);
            ImageData img = r.snapshot();
            assertPixel(img, 15, 20, 0xFFFF0000, "the frame GL drew is kept");
            assertPixel(img, 45, 20, 0xFF00FF00, "the frame that failed is drawn by raster");
        }
    }

    @Test
    void pixelScaleTwoGivesDevicePixels() {
        Supplier<FrameRenderer> make = () -> FrameRenderer.create(RendererChoice.GL, 30, 20, 2);
        try (FrameRenderer r = make.get()) {
            r.render(rect(0xFFFF0000, 0));
            assertEquals(60, r.pixelWidth());
            assertEquals(40, r.pixelHeight());
            assertPixel(r.snapshot(), 39, 30, 0xFFFF0000, "device pixel inside (logical 19.5, 15)");
            assertPixel(r.snapshot(), 41, 30, 0, 0, "device pixel outside");
        }
    }
}
