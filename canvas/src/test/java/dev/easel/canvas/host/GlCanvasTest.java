package dev.easel.canvas.host;

import dev.easel.canvas.ImageData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A canvas with {@code renderer = "gl"} is drawn by OpenGL (Mesa's llvmpipe here; CI installs it),
 * and its picture is what the raster renderer draws; {@code "raster"} stays raster.
 */
class GlCanvasTest {
    private static final String SKETCH = """
            import easel
            class Boxes(easel.Canvas):
                size = (64, 48)
                renderer = "%s"
                def on_draw(self, g):
                    g.clear("#0000ff")
                    g.fill = "#ff0000"
                    g.fill_rect(8, 8, 20, 16)
                    g.fill = "#00ff00"
                    g.fill_circle(44, 30, 8)
            Boxes().show()
            """;

    @Test
    void aGlCanvasIsDrawnByOpenGlAndLooksAsTheRasterOne() throws Exception {
        Sketches.Run gl = Sketches.run(SKETCH.formatted("gl"), 3);
        assertEquals("gl", gl.windows().pixels(gl.canvas(0)).rendererName(), "drawn by OpenGL");
        ImageData glPicture = gl.picture(0);
        Sketches.Run raster = Sketches.run(SKETCH.formatted("raster"), 3);
        assertEquals("raster", raster.windows().pixels(raster.canvas(0)).rendererName());
        ImageData rasterPicture = raster.picture(0);

        assertEquals(0xffff0000, glPicture.argb(18, 16), "the rect, from GL");
        assertEquals(0xff0000ff, glPicture.argb(2, 2), "the background, from GL");
        assertTrue(Sketches.near(glPicture.argb(44, 30), 0, 255, 0, 2), Sketches.hex(glPicture.argb(44, 30)));
        int off = 0;
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                int a = glPicture.argb(x, y), b = rasterPicture.argb(x, y);
                if (!Sketches.near(a, (b >> 16) & 255, (b >> 8) & 255, b & 255, 64)) {
                    off++;
                }
            }
        }
        assertTrue(off <= 10, off + " pixels differ by more than 64 from the raster picture (antialiased edges only)");
    }

    /** A canvas that never clears keeps what it drew across a resize, drawn by GL as by raster. */
    @Test
    void aGlCanvasThatNeverClearsKeepsItsPictureAcrossAResize() throws Exception {
        String sketch = """
                import easel
                class Trail(easel.Canvas):
                    size = (64, 48)
                    background = None
                    renderer = "%s"
                    def on_draw(self, g):
                        if self.frame == 0:
                            g.fill = "#ff0000"
                            g.fill_rect(4, 4, 16, 16)   # only once: nothing clears it
                        if self.frame == 1:
                            self.size = (96, 64)
                        g.fill = "#0000ff"
                        g.fill_rect(40, 30, 8, 8)
                Trail().show()
                """;
        for (String renderer : new String[]{"raster", "gl"}) {
            Sketches.Run run = Sketches.run(sketch.formatted(renderer), 5);
            ImageData p = run.picture(0);
            assertEquals(renderer, run.windows().pixels(run.canvas(0)).rendererName());
            assertEquals(96, p.width(), renderer + ": resized");
            assertEquals(0xffff0000, p.argb(12, 12), renderer + ": the first frame's rect, kept across the resize");
            assertEquals(0xff0000ff, p.argb(44, 34), renderer + ": every frame's rect");
            assertEquals(0xffffffff, p.argb(80, 50), renderer + ": the new area, white");
        }
    }
}
