package dev.easel.canvas.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code renderer = "auto"} decides before and around the GL probe: no EGL is loaded on a
 * Linux machine without a GPU device, and a probe that never returns cannot hold the canvases.
 */
class AutoRendererTest {
    @TempDir
    Path dev;

    @Test
    void linuxWithoutAGpuDeviceFileHasNoHardwareGl() throws IOException {
        assertFalse(AutoRenderer.gpuDevicePossible("Linux", dev));
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/by-path")); // not a device
        assertFalse(AutoRenderer.gpuDevicePossible("Linux", dev));
        Files.createFile(dev.resolve("nvidiactl")); // NVIDIA's control node alone is no GPU
        assertFalse(AutoRenderer.gpuDevicePossible("Linux", dev));
    }

    @Test
    void eachKindOfGpuDeviceFileCounts() throws IOException {
        for (String device : new String[]{"dri/renderD128", "dri/card0", "nvidia0", "dxg"}) {
            Path root = Files.createDirectories(dev.resolve(device.replace('/', '_')));
            Path file = root.resolve(device);
            Files.createDirectories(file.getParent());
            Files.createFile(file);
            assertTrue(AutoRenderer.gpuDevicePossible("Linux", root), device);
        }
    }

    @Test
    void otherSystemsAlwaysProbe() {
        assertTrue(AutoRenderer.gpuDevicePossible("Mac OS X", dev));
        assertTrue(AutoRenderer.gpuDevicePossible("Windows 11", dev));
    }

    @Test
    void aProbeThatNeverReturnsGivesRasterWithWhy() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        AutoRenderer.Decision d = AutoRenderer.decideWithin(() -> {
            entered.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new AutoRenderer.Decision(true, "unreachable");
        }, Duration.ofMillis(200));
        assertTrue(entered.await(30, java.util.concurrent.TimeUnit.SECONDS), "the probe ran");
        assertFalse(d.gl());
        assertTrue(d.why().contains("did not answer"), d.why());
        never.countDown();
    }

    @Test
    void aProbeThatThrowsGivesRasterWithWhy() {
        AutoRenderer.Decision d = AutoRenderer.decideWithin(() -> {
            throw new UnsatisfiedLinkError("libEGL.so.1: cannot open");
        }, Duration.ofSeconds(30));
        assertFalse(d.gl());
        assertTrue(d.why().contains("libEGL.so.1"), d.why());
    }

    @Test
    void aProbeThatAnswersIsTaken() {
        AutoRenderer.Decision yes = new AutoRenderer.Decision(true, "test frame: GL 1 ms, raster 2 ms");
        assertEquals(yes, AutoRenderer.decideWithin(() -> yes, Duration.ofSeconds(30)));
    }

    @Test
    void thisMachineDecidesWithoutEglWhenItHasNoGpuDevice() {
        if (AutoRenderer.gpuDevicePossible(System.getProperty("os.name", ""), Path.of("/dev"))) {
            return; // a GPU may be here: the probe decides (FrameRendererTest covers it)
        }
        AutoRenderer.Decision d = AutoRenderer.decision();
        assertFalse(d.gl());
        assertTrue(d.why().startsWith("no GPU device here"), d.why());
    }
}
