package dev.easel.app;

import javafx.scene.input.KeyCode;
import org.jcodec.api.awt.AWTFrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.easel.app.FxWindowTest.WAIT;
import static dev.easel.app.FxWindowTest.onFx;
import static dev.easel.app.TestPython.await;
import static dev.easel.app.TestPython.fact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Record… in a real window (Ctrl+Shift+S): an MP4 next to the sketch with every frame recorded,
 * decoded back; the REC indicator is the app's, never in the picture; closing the window while
 * recording finishes the file.
 */
@Timeout(180)
class RecordWindowTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        FxWindowTest.dir = dir;
        FxWindowTest.startFx();
    }

    static final String SKETCH = """
            import easel, sys
            T = sys._easel_test
            class Filmed(easel.Canvas):
                size = (96, 64)
                fps = 30
                def on_key_press(self, e):
                    T.setdefault("keys", []).append(e.key)
                def on_draw(self, g):
                    g.clear("#20c040")
            Filmed().show()
            """;

    static FxWindowTest.Run run(String name) throws Exception {
        return new FxWindowTest.Run(name, SKETCH, script -> new FxWindows(new FxWindows.App(script, WindowMemory.NONE, () -> {})));
    }

    static void ctrlShiftS(FxCanvasWindow w) throws Exception {
        onFx(() -> {
            w.surface().requestFocus();
            return null;
        });
        FxWindowTest.robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S);
    }

    static List<BufferedImage> decode(Path mp4) throws Exception {
        List<BufferedImage> frames = new ArrayList<>();
        try (var ch = NIOUtils.readableChannel(mp4.toFile())) {
            AWTFrameGrab grab = AWTFrameGrab.createAWTFrameGrab(ch);
            for (BufferedImage f; (f = grab.getFrame()) != null; ) {
                frames.add(f);
            }
        }
        return frames;
    }

    @Test
    void ctrlShiftSRecordsAnMp4NextToTheSketchWithEveryFrame() throws Exception {
        try (FxWindowTest.Run r = run("filmed")) {
            FxCanvasWindow w = r.window(0);
            ctrlShiftS(w);
            String text = await("the REC indicator", () -> {
                try {
                    return onFx(() -> w.recording.indicatorText());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, t -> t != null, WAIT);
            assertTrue(text.matches("\u25CF REC 0:0\\d"), text);
            await("10 frames recorded", () -> w.recording.offered(), n -> n >= 10, WAIT);
            // The indicator sits at the top right (over x 1..88 of 96 here), over the picture, not in it.
            assertTrue(onFx(() -> w.surface().lookup("#easel-rec-indicator").getBoundsInParent().contains(60, 14)),
                    "the indicator covers (60, 14)");
            assertEquals(0xff20c040, r.host(0).snapshot().argb(60, 14));
            ctrlShiftS(w);
            int n = await("the recording finished", () -> w.recording.finished, f -> f != null, WAIT)
                    .get(60, TimeUnit.SECONDS);
            assertFalse(w.recording.recording());
            assertNull(onFx(() -> w.recording.indicatorText()), "the indicator goes with the recording");
            assertTrue(n >= 10, "frames: " + n);
            Path file = w.recording.file;
            assertEquals(dir.toRealPath(), file.getParent().toRealPath(), "next to the sketch");
            assertTrue(file.getFileName().toString().matches("filmed-\\d{8}-\\d{6}\\.mp4"), file.toString());
            List<BufferedImage> frames = decode(file);
            assertEquals(n, frames.size(), "every recorded frame is in the video");
            RecordCliTest.near(new Color(0x20, 0xc0, 0x40), frames.get(0).getRGB(48, 32), "first frame");
            assertEquals(96, frames.get(0).getWidth());
            Object keys = fact("keys"); // Control and Shift are keys the sketch sees; S is the app's
            assertFalse(keys instanceof List<?> l && (l.contains("s") || l.contains("S")), String.valueOf(keys));
        }
    }

    @Test
    void closingTheWindowWhileRecordingFinishesTheFile() throws Exception {
        FxCanvasWindow w;
        try (FxWindowTest.Run r = run("closing")) {
            w = r.window(0);
            ctrlShiftS(w);
            await("5 frames recorded", () -> w.recording.offered(), n -> n >= 5, WAIT);
            FxWindowTest.robot.push(KeyCode.CONTROL, KeyCode.W);
            r.host(0).ended().get(30, TimeUnit.SECONDS);
            // The canvas ended only once the file was complete: a run exiting now keeps a whole video.
            assertNotNull(w.recording.finished);
            assertTrue(w.recording.finished.isDone());
        }
        int n = w.recording.finished.get();
        assertTrue(n >= 5, "frames: " + n);
        assertEquals(n, decode(w.recording.file).size());
    }

    /**
     * Regression: stopped with Ctrl+Shift+S and closed at once, while the encoder still had frames
     * queued, the window did not wait for them (only for a recording under way), and a run exiting
     * then left an MP4 without its index.
     */
    @Test
    void closingRightAfterStoppingStillFinishesTheFile() throws Exception {
        FxCanvasWindow w;
        try (FxWindowTest.Run r = run("stop-then-close")) {
            w = r.window(0);
            ctrlShiftS(w);
            await("5 frames recorded", () -> w.recording.offered(), n -> n >= 5, WAIT);
            ctrlShiftS(w);
            FxWindowTest.robot.push(KeyCode.CONTROL, KeyCode.W);
            r.host(0).ended().get(30, TimeUnit.SECONDS);
            assertNotNull(w.recording.finished);
            assertTrue(w.recording.finished.isDone(), "the file was complete when the canvas ended");
        }
        int n = w.recording.finished.get();
        assertEquals(n, decode(w.recording.file).size());
    }
}
