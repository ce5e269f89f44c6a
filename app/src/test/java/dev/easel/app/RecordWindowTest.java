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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.nio.file.Files;

import static dev.easel.app.FxWindowTest.WAIT;
import static dev.easel.app.FxWindowTest.onFx;
import static dev.easel.app.TestPython.await;
import static dev.easel.app.TestPython.fact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Record… in a real window (Ctrl+Shift+S): an MP4 next to the sketch with every frame recorded,
 * decoded back; the REC indicator is the app's, never in the picture; closing the window while
 * the file is encoded does not wait for it, quitting does (or cancels it: nothing left).
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

    /** Record…'s dialog answers with what it suggests (an MP4 next to the sketch, every frame). */
    static void acceptSuggestion(FxCanvasWindow w) throws Exception {
        answer(w, s -> Optional.of(s), new AtomicReference<>());
    }

    /** Record…'s dialog answers with {@code how} (given the suggestion, kept in {@code suggested}). */
    static void answer(FxCanvasWindow w, Function<RecordChoice, Optional<RecordChoice>> how,
                       AtomicReference<RecordChoice> suggested) throws Exception {
        onFx(() -> {
            w.recording.dialog = (owner, s) -> {
                assertTrue(javafx.application.Platform.isFxApplicationThread());
                assertNotNull(owner, "the dialog belongs to the canvas window");
                suggested.set(s);
                return how.apply(s);
            };
            return null;
        });
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
            acceptSuggestion(w);
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

    /** Windows whose run's pending files are {@code writes}. */
    static FxWindowTest.Run run(String name, PendingWrites writes) throws Exception {
        return new FxWindowTest.Run(name, SKETCH, script -> new FxWindows(new FxWindows.App(script, WindowMemory.NONE,
                () -> {}, () -> {}, writes)));
    }

    /** Holds {@code w}'s next recording's encoder back (before it opens the file) until {@code gate} opens. */
    static void holdEncoder(FxCanvasWindow w, CountDownLatch gate) throws Exception {
        onFx(() -> {
            w.recording.openers = o -> () -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    throw new java.io.IOException(e);
                }
                return o.open();
            };
            return null;
        });
    }

    /** The quit dialog's root, or null while none shows. */
    static javafx.scene.Parent finishingDialog() {
        try {
            return onFx(() -> javafx.stage.Window.getWindows().stream()
                    .filter(x -> x.isShowing() && x.getScene() != null
                            && FxFinishingDialog.ID.equals(x.getScene().getRoot().getId()))
                    .map(x -> x.getScene().getRoot()).findFirst().orElse(null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> partials() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
        }
    }

    /**
     * Regression: closing a window while its recording's frames were still being encoded held the
     * canvas thread (and the close) until every frame was encoded, seconds. Now the window goes at
     * once, the encoding goes on, and quitting waits for it with a progress dialog: here the encoder is
     * held back until the window is gone and the dialog shows, then the file is complete.
     */
    @Test
    void closingWhileEncodingClosesAtOnceAndQuitWaitsForTheWholeFile() throws Exception {
        PendingWrites writes = new PendingWrites();
        CountDownLatch gate = new CountDownLatch(1);
        FxCanvasWindow w;
        FxWindows windows;
        try (FxWindowTest.Run r = run("closing", writes)) {
            windows = r.windows;
            w = r.window(0);
            acceptSuggestion(w);
            holdEncoder(w, gate);
            ctrlShiftS(w);
            await("5 frames recorded", () -> w.recording.offered(), n -> n >= 5, WAIT);
            FxWindowTest.robot.push(KeyCode.CONTROL, KeyCode.W);
            r.host(0).ended().get(30, TimeUnit.SECONDS);
            await("the window to go", () -> windows.windows().isEmpty() && !FxWindowTest.Run.showing(w), g -> g, WAIT);
        }
        // The window is gone and not one frame is encoded yet: nothing at the target, the write pending.
        assertFalse(w.recording.finished.isDone());
        assertFalse(Files.exists(w.recording.file), "nothing at the target before the file is complete");
        assertEquals(1, writes.pending().size());
        CompletableFuture<Void> quit = CompletableFuture.runAsync(
                () -> FxFinishingDialog.await(writes, java.time.Duration.ofMinutes(5)),
                t -> Thread.ofPlatform().name("test-quit").start(t));
        javafx.scene.Parent dialog = await("the finishing dialog", RecordWindowTest::finishingDialog,
                d -> d != null, WAIT);
        String text = onFx(() -> ((javafx.scene.control.Label) dialog.lookup("#easel-finishing-text")).getText());
        assertTrue(text.matches("encoding \\d+ frames into closing-\\d{8}-\\d{6}\\.mp4\u2026  0 %"), text);
        assertFalse(quit.isDone(), "quitting waits for the file");
        gate.countDown();
        quit.get(120, TimeUnit.SECONDS);
        int n = w.recording.finished.get();
        assertTrue(n >= 5, "frames: " + n);
        assertEquals(n, decode(w.recording.file).size(), "every frame decodes");
        await("the dialog to close", RecordWindowTest::finishingDialog, d -> d == null, WAIT);
        assertEquals(List.of(), partials(), "no temporary file left");
    }

    /** Quit's Cancel: the encoding is given up and nothing is left at the target, nor beside it. */
    @Test
    void cancellingQuitsWaitLeavesNoFileAtTheTarget() throws Exception {
        PendingWrites writes = new PendingWrites();
        CountDownLatch gate = new CountDownLatch(1);
        FxCanvasWindow w;
        try (FxWindowTest.Run r = run("cancelled", writes)) {
            w = r.window(0);
            acceptSuggestion(w);
            holdEncoder(w, gate);
            ctrlShiftS(w);
            await("5 frames recorded", () -> w.recording.offered(), n -> n >= 5, WAIT);
            ctrlShiftS(w); // stopped: the frames wait for the encoder
            await("the encoding shown over the canvas", () -> {
                try {
                    return onFx(() -> w.recording.indicatorText());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, t -> t != null && t.startsWith("encoding"), WAIT);
        }
        CompletableFuture<Void> quit = CompletableFuture.runAsync(
                () -> FxFinishingDialog.await(writes, java.time.Duration.ofMinutes(5)),
                t -> Thread.ofPlatform().name("test-quit").start(t));
        javafx.scene.Parent dialog = await("the finishing dialog", RecordWindowTest::finishingDialog,
                d -> d != null, WAIT);
        onFx(() -> {
            ((javafx.scene.control.Button) dialog.lookup("#easel-finishing-cancel")).fire();
            return null;
        });
        gate.countDown(); // the encoder opens the file, then sees the cancel
        quit.get(120, TimeUnit.SECONDS);
        ExecutionException e = assertThrows(ExecutionException.class, () -> w.recording.finished.get());
        assertInstanceOf(java.util.concurrent.CancellationException.class, e.getCause());
        assertFalse(Files.exists(w.recording.file), "nothing at the target");
        assertEquals(List.of(), partials(), "nor a temporary file beside it");
        await("the dialog to close", RecordWindowTest::finishingDialog, d -> d == null, WAIT);
    }

    static int recordSome(FxCanvasWindow w, int frames) throws Exception {
        ctrlShiftS(w);
        await(frames + " frames recorded", () -> w.recording.offered(), n -> n >= frames, WAIT);
        await("the REC indicator", () -> {
            try {
                return onFx(() -> w.recording.indicatorText());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, t -> t != null, WAIT);
        ctrlShiftS(w);
        return await("the recording finished", () -> w.recording.finished, f -> f != null, WAIT)
                .get(60, TimeUnit.SECONDS);
    }

    @Test
    void recordAsksWhereAndWritesTheGifChosen() throws Exception {
        try (FxWindowTest.Run r = run("gifted")) {
            FxCanvasWindow w = r.window(0);
            AtomicReference<RecordChoice> suggested = new AtomicReference<>();
            Path gif = dir.resolve("chosen").resolve("clip.gif");
            answer(w, s -> Optional.of(new RecordChoice(gif, false)), suggested);
            int n = recordSome(w, 6);
            RecordChoice s = suggested.get();
            assertTrue(s.target().getFileName().toString().matches("gifted-\\d{8}-\\d{6}\\.mp4"), s.toString());
            assertEquals(dir.toRealPath(), s.target().getParent().toRealPath(), "suggested next to the sketch");
            assertFalse(s.realTime(), "every frame by default");
            assertEquals(gif, w.recording.file);
            assertTrue(n >= 6, "frames: " + n);
            try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
                ImageReader reader = ImageIO.getImageReaders(in).next();
                reader.setInput(in);
                assertEquals(n, reader.getNumImages(true), "every recorded frame is in the GIF");
                BufferedImage first = reader.read(0);
                assertEquals(96, first.getWidth());
                RecordCliTest.near(new Color(0x20, 0xc0, 0x40), first.getRGB(48, 32), "first frame");
            }
        }
    }

    @Test
    void recordIntoAPngFolderAndCancel() throws Exception {
        try (FxWindowTest.Run r = run("pngs")) {
            FxCanvasWindow w = r.window(0);
            AtomicReference<RecordChoice> asked = new AtomicReference<>();
            answer(w, s -> Optional.empty(), asked);
            ctrlShiftS(w);
            await("the dialog asked", asked::get, c -> c != null, WAIT);
            assertFalse(onFx(() -> w.recording.recording()), "cancelled: nothing recorded");
            assertNull(onFx(() -> w.recording.indicatorText()));
            Path folder = dir.resolve("pngs-frames");
            answer(w, s -> Optional.of(RecordDialog.choice(folder, 3)), new AtomicReference<>());
            int n = recordSome(w, 4);
            try (Stream<Path> files = Files.list(folder)) {
                List<Path> pngs = files.sorted().toList();
                assertEquals(n, pngs.size(), "one PNG per frame");
                BufferedImage first = ImageIO.read(pngs.getFirst().toFile());
                assertEquals(0xff20c040, first.getRGB(48, 32), "PNGs are exact");
            }
        }
    }

    @Test
    void theDialogsFiltersMakeTheChoiceAndTheLastOneIsSuggestedNext() throws Exception {
        Path f = dir.resolve("a").resolve("take");
        assertEquals(new RecordChoice(dir.resolve("a/take.mp4"), false), RecordDialog.choice(f, 0));
        assertEquals(new RecordChoice(dir.resolve("a/take.mp4"), true), RecordDialog.choice(f, 1));
        assertEquals(new RecordChoice(dir.resolve("a/take.gif"), false), RecordDialog.choice(dir.resolve("a/take.mp4"), 2));
        assertEquals(new RecordChoice(dir.resolve("a/take"), false), RecordDialog.choice(dir.resolve("a/take.png"), 3));
        for (int i = 0; i < RecordDialog.FILTERS.size(); i++) {
            assertEquals(i, RecordDialog.filterFor(RecordDialog.choice(f, i)), "filter " + i + " round trip");
        }
        java.util.prefs.Preferences node = java.util.prefs.Preferences.userRoot().node("dev/easel/test/recordings-"
                + System.nanoTime());
        try {
            RecordMemory m = new RecordMemory(node);
            Path sketch = dir.resolve("memo.py");
            assertNull(m.recall(sketch));
            m.remember(sketch, new RecordChoice(dir.resolve("clips/one.gif"), false));
            RecordChoice back = m.recall(sketch);
            assertEquals(RecordChoice.Format.GIF, back.format());
            assertEquals(dir.resolve("clips").toAbsolutePath(), back.target().getParent());
            m.remember(sketch, new RecordChoice(dir.resolve("clips/two.mp4"), true));
            assertTrue(new RecordMemory(node).recall(sketch).realTime(), "remembered across instances");
            assertNull(m.recall(dir.resolve("other.py")), "per sketch");
        } finally {
            node.removeNode();
        }
    }

    @Test
    void theWindowSuggestsTheSketchsLastChoice() throws Exception {
        try (FxWindowTest.Run r = run("again")) {
            FxCanvasWindow w = r.window(0);
            java.util.prefs.Preferences node = java.util.prefs.Preferences.userRoot().node("dev/easel/test/recordings-"
                    + System.nanoTime());
            try {
                onFx(() -> {
                    w.recording.memory = new RecordMemory(node);
                    return null;
                });
                Path gif = dir.resolve("again-clips").resolve("first.gif");
                answer(w, s -> Optional.of(new RecordChoice(gif, true)), new AtomicReference<>());
                recordSome(w, 2);
                AtomicReference<RecordChoice> suggested = new AtomicReference<>();
                answer(w, s -> Optional.empty(), suggested);
                ctrlShiftS(w);
                RecordChoice s = await("the second suggestion", suggested::get, c -> c != null, WAIT);
                assertEquals(gif.getParent().toAbsolutePath(), s.target().getParent());
                assertEquals(RecordChoice.Format.GIF, s.format());
                assertTrue(s.realTime());
                assertTrue(s.target().getFileName().toString().matches("again-\\d{8}-\\d{6}\\.gif"), s.toString());
            } finally {
                node.removeNode();
            }
        }
    }
}
