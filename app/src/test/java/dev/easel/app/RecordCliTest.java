package dev.easel.app;

import org.jcodec.api.awt.AWTFrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** {@code easel run --headless --record}: a sketch turned into a video in CI, decoded back. */
class RecordCliTest {
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    private Path sketch() throws Exception {
        Path s = dir.resolve("blink.py");
        Files.writeString(s, """
                import easel
                class Blink(easel.Canvas):
                    size = (96, 64)
                    fps = 24
                    def on_draw(self, g):
                        g.clear("red" if self.frame % 2 == 0 else "blue")
                Blink().show()
                """);
        return s;
    }

    static void near(Color want, int argb, String what) {
        Color got = new Color(argb);
        assertTrue(Math.abs(want.getRed() - got.getRed()) < 40 && Math.abs(want.getGreen() - got.getGreen()) < 40
                && Math.abs(want.getBlue() - got.getBlue()) < 40, what + ": want " + want + ", got " + got);
    }

    @Test
    void anMp4HasEveryFrameShown() throws Exception {
        Child.Result r = Child.easel(dir, TIMEOUT, "run", sketch().toString(), "--headless", "--frames", "10",
                "--out", dir.resolve("out").toString(), "--record", dir.resolve("blink.mp4").toString());
        assertEquals(0, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("recorded 10 frames to"), r::describe);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".part")).toList(), "no temporary file left");
        }
        List<BufferedImage> frames = new ArrayList<>();
        try (var ch = NIOUtils.readableChannel(dir.resolve("blink.mp4").toFile())) {
            AWTFrameGrab grab = AWTFrameGrab.createAWTFrameGrab(ch);
            for (BufferedImage f; (f = grab.getFrame()) != null; ) {
                frames.add(f);
            }
        }
        assertEquals(10, frames.size());
        for (int i = 0; i < frames.size(); i++) {
            near(i % 2 == 0 ? Color.RED : Color.BLUE, frames.get(i).getRGB(48, 32), "frame " + i);
        }
    }

    @Test
    void aGifAndAFolderToo() throws Exception {
        Path s = sketch();
        Child.Result gif = Child.easel(dir, TIMEOUT, "run", s.toString(), "--headless", "--frames", "4",
                "--out", dir.resolve("out").toString(), "--record", dir.resolve("blink.gif").toString());
        assertEquals(0, gif.exitCode(), gif::describe);
        try (ImageInputStream in = ImageIO.createImageInputStream(dir.resolve("blink.gif").toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(4, reader.getNumImages(true));
            near(Color.BLUE, reader.read(1).getRGB(10, 10), "gif frame 1");
        }
        Child.Result pngs = Child.easel(dir, TIMEOUT, "run", s.toString(), "--headless", "--frames", "3",
                "--out", dir.resolve("out").toString(), "--record", dir.resolve("frames-{canvas}").toString());
        assertEquals(0, pngs.exitCode(), pngs::describe);
        try (Stream<Path> f = Files.list(dir.resolve("frames-blink"))) {
            assertEquals(3, f.count());
        }
    }

    @Test
    void recordingIsHeadlessOnlyAndNamesItsFormats() throws Exception {
        Path s = sketch();
        Child.Result windowed = Child.easel(dir, TIMEOUT, "run", s.toString(), "--record", "x.mp4");
        assertEquals(2, windowed.exitCode(), windowed::describe);
        assertTrue(windowed.stderr().contains("--record needs --headless"), windowed::describe);
        Child.Result avi = Child.easel(dir, TIMEOUT, "run", s.toString(), "--headless", "--record", "x.avi");
        assertEquals(2, avi.exitCode(), avi::describe);
        assertTrue(avi.stderr().contains(".mp4, a .gif or a folder"), avi::describe);
    }
}
