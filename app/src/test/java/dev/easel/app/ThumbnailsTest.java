package dev.easel.app;

import dev.easel.app.runs.Thumbnails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The launcher's example pictures: rendered by a real headless {@code easel run}, cached by place and content. */
@Timeout(300)
class ThumbnailsTest {
    /** Reads its background colour from a file beside it: the same text draws differently elsewhere. */
    private static final String SKETCH = """
            import os, easel
            HERE = os.path.dirname(os.path.abspath(__file__))

            class Beside(easel.Canvas):
                size = (40, 30)
                def setup(self):
                    with open(os.path.join(HERE, "colour.txt")) as f:
                        self.colour = f.read().strip()
                def on_draw(self, g):
                    g.clear(self.colour)

            Beside().show()
            """;

    @Test
    void theSameSketchElsewhereIsRenderedAgainAndAFailedRunIsNotCached(@TempDir Path dir) throws Exception {
        Path here = Files.createDirectories(dir.resolve("here"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(here.resolve("sketch.py"), SKETCH);
        Files.writeString(here.resolve("colour.txt"), "#00ff00");
        Files.writeString(elsewhere.resolve("sketch.py"), SKETCH); // no colour.txt beside it: setup fails

        try (Thumbnails thumbnails = new Thumbnails(dir.resolve("cache"), "test", LauncherCommand::easel)) {
            Path good = thumbnails.of(here.resolve("sketch.py")).get(200, TimeUnit.SECONDS);
            assertEquals(0xff00ff00, centre(good), "the colour read beside the sketch");
            assertTrue(thumbnails.cached(here.resolve("sketch.py")));

            assertFalse(thumbnails.cached(elsewhere.resolve("sketch.py")),
                    "the same text in another folder is another picture (it reads files beside it)");
            Path failed = thumbnails.of(elsewhere.resolve("sketch.py")).get(200, TimeUnit.SECONDS);
            assertNotEquals(good, failed);
            assertNotEquals(0xff00ff00, centre(failed), "the failed run's own picture, not the other folder's");
            assertFalse(thumbnails.cached(elsewhere.resolve("sketch.py")),
                    "a run that ended with an error is shown but rendered again at the next start");

            Files.writeString(elsewhere.resolve("colour.txt"), "#0000ff");
            Path fixed = thumbnails.of(elsewhere.resolve("sketch.py")).get(200, TimeUnit.SECONDS);
            assertEquals(0xff0000ff, centre(fixed), "once the file is there, the real picture");
            assertTrue(thumbnails.cached(elsewhere.resolve("sketch.py")));
        }
    }

    private static int centre(Path png) throws Exception {
        BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        return img.getRGB(img.getWidth() / 2, img.getHeight() / 4);
    }
}
