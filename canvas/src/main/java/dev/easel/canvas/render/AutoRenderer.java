package dev.easel.canvas.render;

import dev.easel.canvas.Colors;
import dev.easel.canvas.DisplayList;
import java.util.Random;

/**
 * What {@code renderer = "auto"} picks, decided once per process at the first canvas that asks:
 * GL only on a hardware device (never a CPU rasterizer such as Mesa llvmpipe) that draws a test
 * frame (10,000 random lines at 800 × 600, read back) faster than the raster renderer; else raster.
 */
final class AutoRenderer {
    private AutoRenderer() {}

    /** The decision and its reason, for {@code easel doctor}. */
    record Decision(boolean gl, String why) {}

    private static final class Holder {
        static final Decision DECISION = decide();
    }

    static boolean prefersGl() {
        return Holder.DECISION.gl();
    }

    static Decision decision() {
        return Holder.DECISION;
    }

    private static Decision decide() {
        // A bare context first: on a CPU rasterizer the answer is known without building a renderer.
        try (GlContext probe = GlContext.create()) {
            if (probe.info().software()) {
                return new Decision(false, "OpenGL runs on the CPU here: " + probe.info().renderer());
            }
        } catch (GlUnavailableException | RuntimeException | LinkageError e) {
            return new Decision(false, "no OpenGL: " + e.getMessage());
        }
        GlRenderer gl;
        try {
            gl = GlRenderer.create(800, 600, 1);
        } catch (GlUnavailableException | RuntimeException | LinkageError e) {
            return new Decision(false, "no OpenGL: " + e.getMessage());
        }
        try (gl) {
            DisplayList frame = testFrame();
            Java2dRenderer raster = new Java2dRenderer(800, 600, 1);
            long tGl = best(() -> {
                gl.render(frame);
                gl.pixels();
            });
            long tRaster = best(() -> raster.render(frame));
            boolean faster = tGl < tRaster;
            return new Decision(faster, String.format("test frame: GL %.2f ms, raster %.2f ms", tGl / 1e6, tRaster / 1e6));
        } catch (RuntimeException | LinkageError e) {
            return new Decision(false, "OpenGL failed the test frame: " + e.getMessage());
        }
    }

    /** The fastest of five runs after a warm-up, in ns. */
    private static long best(Runnable r) {
        r.run();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            r.run();
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best;
    }

    static DisplayList testFrame() {
        Random r = new Random(1);
        double[] xy = new double[40_000];
        for (int i = 0; i < xy.length; i += 2) {
            xy[i] = r.nextDouble() * 800;
            xy[i + 1] = r.nextDouble() * 600;
        }
        DisplayList l = new DisplayList();
        l.clear(Colors.BLACK);
        l.stroke(Colors.argb(128, 120, 200, 255));
        l.lines(xy, 0, 10_000);
        return l.finish();
    }
}
