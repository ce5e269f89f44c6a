package dev.easel.app.capture;

import org.jcodec.api.awt.AWTFrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Recordings decoded back: the frame count, and each frame's colours where they were drawn. */
class RecordingTest {
    @TempDir
    Path dir;

    static final Color[] COLOURS = {Color.RED, Color.GREEN, Color.BLUE, Color.WHITE, Color.BLACK, Color.YELLOW};

    /** Frame i: the left half COLOURS[i % n], the right half black. */
    static BufferedImage frame(int i, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, w, h);
        g.setColor(COLOURS[i % COLOURS.length]);
        g.fillRect(0, 0, w / 2, h);
        g.dispose();
        return img;
    }

    static void assertNear(Color want, int argb, int tolerance, String what) {
        Color got = new Color(argb);
        assertTrue(Math.abs(want.getRed() - got.getRed()) <= tolerance
                && Math.abs(want.getGreen() - got.getGreen()) <= tolerance
                && Math.abs(want.getBlue() - got.getBlue()) <= tolerance, what + ": want " + want + ", got " + got);
    }

    private Path record(String name, int frames, int w, int h) throws Exception {
        Path target = dir.resolve(name);
        Recorder r = new Recorder(Recording.to(target, 30), "test");
        for (int i = 0; i < frames; i++) {
            assertTrue(r.offer(frame(i, w, h)));
        }
        assertEquals(frames, r.finish().get(120, TimeUnit.SECONDS));
        assertFalse(r.offer(frame(0, w, h)), "nothing added after finish");
        return target;
    }

    @ParameterizedTest
    @ValueSource(ints = {160, 101})
    void mp4DecodesToTheFramesRecorded(int width) throws Exception {
        int h = width == 101 ? 75 : 120; // odd sizes are padded
        Path mp4 = record("out.mp4", 12, width, h);
        List<BufferedImage> back = new ArrayList<>();
        try (var ch = NIOUtils.readableChannel(mp4.toFile())) {
            AWTFrameGrab grab = AWTFrameGrab.createAWTFrameGrab(ch);
            for (BufferedImage f; (f = grab.getFrame()) != null; ) {
                back.add(f);
            }
        }
        assertEquals(12, back.size());
        assertEquals(width + (width & 1), back.getFirst().getWidth());
        for (int i = 0; i < back.size(); i++) {
            BufferedImage f = back.get(i);
            assertNear(COLOURS[i % COLOURS.length], f.getRGB(width / 4, h / 2), 40, "frame " + i + " left");
            assertNear(Color.BLACK, f.getRGB(3 * width / 4, h / 2), 40, "frame " + i + " right");
        }
    }

    @Test
    void gifLoopsThroughTheFramesRecorded() throws Exception {
        Path gif = record("out.gif", 8, 90, 60);
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(8, reader.getNumImages(true));
            for (int i = 0; i < 8; i++) {
                BufferedImage f = reader.read(i);
                assertNear(COLOURS[i % COLOURS.length], f.getRGB(20, 30), 8, "frame " + i);
            }
            String meta = new String(Files.readAllBytes(gif), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(meta.contains("NETSCAPE2.0"), "loops");
        }
    }

    @Test
    void anythingElseIsAFolderOfNumberedPngs() throws Exception {
        Path out = record("frames", 5, 40, 30);
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("frame-00000.png", "frame-00001.png", "frame-00002.png", "frame-00003.png",
                    "frame-00004.png"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertNear(Color.BLUE, ImageIO.read(out.resolve("frame-00002.png").toFile()).getRGB(5, 5), 0, "frame 2");
        Files.writeString(dir.resolve("a-file"), "x");
        assertThrows(IllegalArgumentException.class, () -> Recording.to(dir.resolve("a-file"), 30));
        assertThrows(IllegalArgumentException.class, () -> Recording.to(dir.resolve("x.gif"), 0));
    }

    @Test
    void aVideoRefusesAResizeMidwayAndSaysWhy() throws Exception {
        Recorder r = new Recorder(Recording.to(dir.resolve("resized.mp4"), 30), "test");
        r.offer(frame(0, 64, 48));
        r.offer(frame(1, 80, 48));
        var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> r.finish().get(60, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("resized"), e.getCause().getMessage());
    }

    /** A file is written under a temporary name: nothing at the target until it is complete, nothing if aborted. */
    @ParameterizedTest
    @ValueSource(strings = {"partial.mp4", "partial.gif", "partial-frames"})
    void aRecordingIsAtItsTargetOnlyWhenCompleteAndNowhereIfAborted(String name) throws Exception {
        Path target = dir.resolve(name);
        boolean folder = !name.contains(".");
        try (Recording r = Recording.to(target, 30)) {
            r.add(frame(0, 32, 24));
            r.add(frame(1, 32, 24));
            if (!folder) {
                assertFalse(Files.exists(target), "not at the target while being written");
            }
            r.abort();
        } catch (IOException | RuntimeException closedAfterAbort) {
            // close after abort may complain: the file is gone either way
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> left = files.map(p -> p.getFileName().toString()).toList();
            assertEquals(folder ? List.of(name) : List.of(), left, "nothing left but the folder asked for");
        }
        if (folder) {
            try (Stream<Path> files = Files.list(target)) {
                assertEquals(0, files.count(), "the aborted recording's frames are deleted");
            }
        }
    }
}
