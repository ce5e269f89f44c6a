package dev.easel.canvas.render;

import dev.easel.canvas.Colors;
import dev.easel.canvas.DisplayList;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What {@code renderer = "auto"} picks, decided once per process at the first canvas that asks:
 * GL only on a hardware device (never a CPU rasterizer such as Mesa llvmpipe) that draws a test
 * frame (10,000 random lines at 800 × 600, read back) faster than the raster renderer; else raster.
 *
 * <p>On Linux without a GPU device file the answer is raster at once: loading EGL and a CPU
 * rasterizer only to learn that cost half a second of every start, on the first frame's path. The
 * probe itself is bounded: native GL start-up that never returns must not hold every canvas.
 */
final class AutoRenderer {
    /** How long the first canvas waits for the probe; past it, raster (the probe's thread is left). */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

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
        if (!gpuDevicePossible(System.getProperty("os.name", ""), Path.of("/dev"))) {
            return new Decision(false, "no GPU device here (no /dev/dri render node, /dev/nvidia* or /dev/dxg): "
                    + "OpenGL would run on the CPU");
        }
        return decideWithin(AutoRenderer::measure, PROBE_TIMEOUT);
    }

    /**
     * Whether a hardware GL device may be present. On Linux a GPU shows as a device file (DRM render
     * nodes or cards, NVIDIA's own, WSL's {@code dxg}); elsewhere there is no such cheap sign.
     */
    static boolean gpuDevicePossible(String osName, Path dev) {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return true;
        }
        if (Files.exists(dev.resolve("dxg")) || anyEntry(dev, "nvidia[0-9]*")) {
            return true;
        }
        return anyEntry(dev.resolve("dri"), "{renderD,card}*");
    }

    private static boolean anyEntry(Path dir, String glob) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, glob)) {
            return entries.iterator().hasNext();
        } catch (IOException | RuntimeException e) {
            return true; // cannot tell: let the probe find out
        }
    }

    /**
     * Runs {@code probe} on a daemon thread of its own and waits at most {@code timeout}: a GL
     * driver that hangs in its start-up gives raster, with why, instead of a hung canvas.
     */
    static Decision decideWithin(Supplier<Decision> probe, Duration timeout) {
        CompletableFuture<Decision> done = new CompletableFuture<>();
        Thread.ofPlatform().daemon(true).name("easel-gl-probe").start(() -> {
            try {
                done.complete(probe.get());
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Decision(false, "the OpenGL probe did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new Decision(false, "the OpenGL probe failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Decision(false, "interrupted while probing OpenGL");
        }
    }

    private static Decision measure() {
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
