package dev.easel.canvas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ways to an offscreen context, each on its own (-Deasel.gl.context), with Mesa installed (as in CI). */
class GlContextTest {

    private static String with(String context, ThrowingSupplier body) throws Exception {
        System.setProperty("easel.gl.context", context);
        try {
            return body.get();
        } finally {
            System.clearProperty("easel.gl.context");
        }
    }

    private interface ThrowingSupplier {
        String get() throws Exception;
    }

    @Test
    void surfacelessEglNeedsNoDisplay() throws Exception {
        String info = with("surfaceless", GlRenderer::probe);
        assertTrue(info.endsWith("(EGL surfaceless)"), info);
        assertTrue(info.split(" \\| ").length == 3, "vendor | renderer | version: " + info);
    }

    @Test
    void otherWaysWorkOrSayWhyNot() throws Exception {
        for (String way : new String[] {"egl", "glfw"}) {
            try {
                String info = with(way, GlRenderer::probe);
                assertTrue(info.contains("(EGL)") || info.contains("(GLFW hidden window)"), info);
                // Where it works, it renders too.
                String px = with(way, () -> {
                    try (GlRenderer r = GlRenderer.create(8, 8, 1)) {
                        dev.easel.canvas.DisplayList l = new dev.easel.canvas.DisplayList();
                        l.clear(0xFF102030);
                        r.render(l.finish());
                        return Integer.toHexString(r.pixels()[0]);
                    }
                });
                assertEquals("ff102030", px);
            } catch (GlUnavailableException e) {
                assertTrue(e.getMessage().startsWith(way.equals("egl") ? "EGL default display: " : "GLFW hidden window: "),
                        e.getMessage());
            }
        }
    }

    @Test
    void anUnknownWayIsNamed() {
        GlUnavailableException e = assertThrows(GlUnavailableException.class, () -> with("vulkan", GlRenderer::probe));
        assertEquals("easel.gl.context must be surfaceless, egl or glfw, not 'vulkan'", e.getMessage());
    }
}
