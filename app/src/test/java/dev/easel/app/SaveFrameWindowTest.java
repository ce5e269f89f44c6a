package dev.easel.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.canvas.ImageData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** save_frame in a real window (JavaFX's headless glass platform): the window's renderer writes the frame. */
@Timeout(90)
class SaveFrameWindowTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void startFx() throws Exception {
        // FxWindowTest.Run writes its sketches there; FxWindowTest's own folder is gone once it has run.
        FxWindowTest.dir = dir;
        FxWindowTest.startFx();
    }

    @Test
    void saveFrameWritesTheFrameTheWindowShows() throws Exception {
        Path out = dir.resolve("shots");
        try (FxWindowTest.Run r = new FxWindowTest.Run("saveframe", """
                import easel
                class Shot(easel.Canvas):
                    size = (120, 80)
                    fps = None
                    def on_draw(self, g):
                        g.fill = easel.LinearGradient(0, 0, 120, 0, [(0, "red"), (1, "blue")])
                        g.fill_rect(0, 0, 120, 80)
                        if self.frame == 0:
                            self.save_frame(%s)
                Shot().show()
                """.formatted(TestPython.pyQuote(out.resolve("w-##.png").toString())))) {
            r.window(0);
            Path f = out.resolve("w-00.png");
            TestPython.await("the saved frame " + f, () -> Files.isRegularFile(f), ok -> ok, FxWindowTest.WAIT);
            ImageData img = ImageData.load(f);
            int left = img.argb(1, 40);
            int right = img.argb(img.width() - 2, 40);
            assertTrue(Pngs.distance(left, 0xFFFF0000) <= 12, "left end: " + Pngs.hex(left));
            assertTrue(Pngs.distance(right, 0xFF0000FF) <= 12, "right end: " + Pngs.hex(right));
        }
    }
}
