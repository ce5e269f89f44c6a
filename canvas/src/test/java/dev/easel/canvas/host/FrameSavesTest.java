package dev.easel.canvas.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.canvas.host.loop.HeadlessWindows;
import dev.easel.canvas.host.view.FrameSaves;
import dev.easel.canvas.ImageData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** save_frame's numbering, and headless runs writing every K-th frame (easel run --save-every K). */
class FrameSavesTest {

    @Test
    void eachRunOfHashesBecomesTheZeroPaddedFrameNumber() {
        assertEquals("frame-0007.png", FrameSaves.numbered("frame-####.png", 7));
        assertEquals("f-12345.png", FrameSaves.numbered("f-##.png", 12345));
        assertEquals("a7/b007.png", FrameSaves.numbered("a#/b###.png", 7));
        assertEquals("same.png", FrameSaves.numbered("same.png", 3));
    }

    @Test
    void aSequenceNeedsAPositiveIntervalAndAnImageName() {
        Path d = Path.of("out");
        assertThrows(IllegalArgumentException.class, () -> new HeadlessWindows.FrameSequence(0, d, "f-#.png"));
        assertThrows(IllegalArgumentException.class, () -> new HeadlessWindows.FrameSequence(1, d, "f-#.tiff"));
    }

    @Test
    void headlessRunWritesEveryKthFrameWithThatFramesPixels() throws Exception {
        var rt = Sketches.runtime();
        Path dir = Files.createTempDirectory("easel-seq");
        Path script = dir.resolve("sketch.py");
        // Frame n fills the canvas with grey level 10 * n: each file must hold its own frame.
        Files.writeString(script, """
                import easel
                class Seq(easel.Canvas):
                    size = (20, 10)
                    def on_draw(self, g):
                        g.clear((10 * self.frame, 10 * self.frame, 10 * self.frame))
                Seq().show()
                """);
        Path out = dir.resolve("out");
        HeadlessWindows windows = new HeadlessWindows(new HeadlessWindows.FrameSequence(3, out, "{canvas}/f-###.png"));
        Session session = new Session(rt, windows, new Session.Options(false, null, 8, List.of()));
        session.runScript(script, List.of());
        session.awaitEnd();
        session.close();
        String slug = session.canvases().get(0).slug();
        List<String> files;
        try (Stream<Path> s = Files.list(out.resolve(slug))) {
            files = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("f-000.png", "f-003.png", "f-006.png"), files);
        for (int n : new int[] {0, 3, 6}) {
            ImageData img = ImageData.load(out.resolve(slug).resolve(String.format("f-%03d.png", n)));
            int grey = img.argb(5, 5) & 0xFF;
            assertTrue(Math.abs(grey - 10 * n) <= 1, "frame " + n + " has grey " + grey);
        }
        Sketches.deleteQuietly(dir);
    }
}
