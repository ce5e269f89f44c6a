package dev.easel.canvas.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.canvas.DisplayList;
import dev.easel.canvas.ImageData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The GL renderer against the raster renderer on whole scenes: RendererParityTest's reference scene
 * (every primitive, transforms, alpha, dash, clip) and batch scene, and DirectRasterGoldenTest's
 * frames, compared pixel by pixel with a tolerance for antialiasing differences (NanoVG's fringe
 * antialiasing is not Java2D's coverage). The differences are printed (mean, share of far pixels,
 * worst) and the images written to target/render-parity.
 */
class GlParityTest {

    private static void save(String name, ImageData img) throws IOException {
        Path dir = Path.of(System.getProperty("easel.test.reports", "target"), "render-parity");
        Files.createDirectories(dir);
        img.save(dir.resolve(name + ".png"));
    }

    private static void compare(String what, DisplayList scene, int w, int h, double scale, double maxMean,
                                double maxFarShare) throws IOException {
        ImageData raster = Kind.JAVA2D.render(scene, w, h, scale);
        ImageData gl = Kind.GL.render(scene, w, h, scale);
        save(what + "-java2d", raster);
        save(what + "-gl", gl);
        Pixels.Diff d = Pixels.diff(raster, gl);
        System.out.println("GL parity, " + what + ": " + d); // kept in target/surefire-reports/*-output.txt
        assertTrue(d.mean() <= maxMean && d.farShare() <= maxFarShare, what + ": " + d);
    }

    @Test
    void referenceScene() throws IOException {
        compare("reference", RendererParityTest.referenceScene(), 320, 240, 1, 1.0, 0.005);
    }

    @Test
    void referenceSceneAtPixelScale2() throws IOException {
        compare("reference-x2", RendererParityTest.referenceScene(), 320, 240, 2, 1.0, 0.005);
    }

    @Test
    void batchScene() throws IOException {
        compare("batch", RendererParityTest.batchScene(), 320, 240, 1, 3.0, 0.01);
    }

    @Test
    void tenThousandTranslucentLines() throws IOException {
        compare("golden-10k", DirectRasterGoldenTest.tenThousandTranslucent(), 400, 300, 1, 3.0, 0.01);
    }

    @Test
    void mixedLines() throws IOException {
        compare("golden-mixed", DirectRasterGoldenTest.mixedLines(), 400, 300, 1, 3.0, 0.01);
    }

    @Test
    void crowdedTop() throws IOException {
        compare("golden-crowded", DirectRasterGoldenTest.crowdedTop(), 400, 300, 1, 3.0, 0.01);
    }
}
