package dev.easel.app.capture;

import org.jcodec.api.awt.AWTFrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.easel.app.capture.RecordingTest.COLOURS;
import static dev.easel.app.capture.RecordingTest.assertNear;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A live window's recorder: frames copied into a spool (memory, then a temporary file) and encoded
 * behind, in order; every frame kept unless real time; the spool file gone at the end.
 */
class LiveRecorderTest {
    @TempDir
    Path dir;

    /** Frame i as a window's premultiplied pixels: left half COLOURS[i % n], right half black. */
    static int[] pixels(int i, int w, int h) {
        BufferedImage img = RecordingTest.frame(i, w, h);
        return img.getRGB(0, 0, w, h, null, 0, w); // opaque: premultiplied is the same
    }

    @Test
    void theSpoolKeepsOrderAcrossMemoryAndDiskAndReusesItsSlots() throws Exception {
        try (FrameSpool s = new FrameSpool(4, 3, 2, dir, 3L * 4 * 3 * 4)) {
            int[] got = new int[12];
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 5; i++) { // 2 in memory, 3 in file slots
                    int[] f = new int[12];
                    java.util.Arrays.fill(f, round * 100 + i);
                    assertEquals(FrameSpool.Put.TAKEN, s.put(f), "round " + round + " frame " + i);
                }
                assertEquals(FrameSpool.Put.FULL, s.put(new int[12]), "memory and the disk budget are used up");
                for (int i = 0; i < 5; i++) {
                    assertTrue(s.take(got));
                    assertEquals(round * 100 + i, got[0]);
                    assertEquals(round * 100 + i, got[11]);
                }
            }
            s.end();
            assertFalse(s.take(got), "ended and empty");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "the spool file is deleted (on Linux at once: it is never seen)");
        }
    }

    /** A producer and a consumer at random speeds: every frame comes out once, in order, unchanged. */
    @RepeatedTest(20)
    void aRacingProducerAndConsumerLoseNothing(org.junit.jupiter.api.RepetitionInfo rep) throws Exception {
        SplittableRandom rnd = new SplittableRandom(rep.getCurrentRepetition());
        int n = 200;
        try (FrameSpool s = new FrameSpool(16, 8, 1 + rnd.nextInt(4), dir, rnd.nextBoolean() ? 0 : 1L << 20)) {
            List<Integer> seen = new ArrayList<>();
            int[] skipped = {0};
            long seed = rnd.nextLong();
            Thread producer = Thread.ofPlatform().start(() -> {
                SplittableRandom r = new SplittableRandom(seed);
                try {
                    for (int i = 0; i < n; i++) {
                        int[] f = new int[128];
                        java.util.Arrays.fill(f, i);
                        if (s.put(f) != FrameSpool.Put.TAKEN) {
                            skipped[0]++;
                        }
                        if (r.nextInt(4) == 0) {
                            Thread.yield();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    s.end();
                }
            });
            int[] got = new int[128];
            while (s.take(got)) {
                for (int v : got) {
                    assertEquals(got[0], v, "a frame arrives whole");
                }
                seen.add(got[0]);
                if (rnd.nextInt(3) == 0) {
                    Thread.yield();
                }
            }
            producer.join();
            assertEquals(n, seen.size() + skipped[0]);
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i) > seen.get(i - 1), "in order: " + seen);
            }
        }
    }

    private static List<BufferedImage> decode(Path mp4) throws Exception {
        List<BufferedImage> back = new ArrayList<>();
        try (var ch = NIOUtils.readableChannel(mp4.toFile())) {
            AWTFrameGrab grab = AWTFrameGrab.createAWTFrameGrab(ch);
            for (BufferedImage f; (f = grab.getFrame()) != null; ) {
                back.add(f);
            }
        }
        return back;
    }

    @Test
    void everyFrameOfferedIsInTheVideoInOrder() throws Exception {
        Path mp4 = dir.resolve("live.mp4");
        LiveRecorder r = new LiveRecorder(Recording.to(mp4, 30), "test", 64, 48, false, dir);
        int n = 40;
        for (int i = 0; i < n; i++) {
            assertEquals(LiveRecorder.Offer.TAKEN, r.offer(pixels(i, 64, 48)), "frame " + i);
        }
        assertEquals(n, r.finish().get(120, TimeUnit.SECONDS));
        assertEquals(LiveRecorder.Offer.SKIPPED, r.offer(pixels(0, 64, 48)), "nothing after finish");
        List<BufferedImage> back = decode(mp4);
        assertEquals(n, back.size());
        for (int i = 0; i < n; i++) {
            assertNear(COLOURS[i % COLOURS.length], back.get(i).getRGB(16, 24), 40, "frame " + i);
            assertNear(Color.BLACK, back.get(i).getRGB(48, 24), 40, "frame " + i + " right");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("live.mp4"), files.map(p -> p.getFileName().toString()).toList(), "no spool left");
        }
    }

    /** Cancel while frames wait (the encoder held back before it opens the file): nothing left at all. */
    @Test
    void cancelLeavesNoFileAndNoSpool() throws Exception {
        Path mp4 = dir.resolve("cancelled.mp4");
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        LiveRecorder r = new LiveRecorder(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                throw new java.io.IOException(e);
            }
            return Recording.to(mp4, 30);
        }, "test", 64, 48, false, dir);
        for (int i = 0; i < 20; i++) {
            assertEquals(LiveRecorder.Offer.TAKEN, r.offer(pixels(i, 64, 48)), "frame " + i);
        }
        var done = r.finish();
        r.cancel();
        gate.countDown();
        assertThrows(java.util.concurrent.CancellationException.class, () -> done.get(120, TimeUnit.SECONDS));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).toList(), "no video, no spool");
        }
    }

    @Test
    void realTimeSkipsWhatTheEncoderCannotTakeAndWritesTheRest() throws Exception {
        Path gif = dir.resolve("live.gif");
        LiveRecorder r = new LiveRecorder(Recording.to(gif, 30), "test", 200, 150, true, dir);
        int taken = 0, skipped = 0;
        for (int i = 0; i < 60; i++) {
            switch (r.offer(pixels(i, 200, 150))) {
                case TAKEN -> taken++;
                case SKIPPED -> skipped++;
                case FAILED -> fail("the recording failed: " + r.failure());
            }
        }
        assertEquals(60, taken + skipped);
        assertTrue(taken >= 8, "the queue's room at least: " + taken);
        assertEquals(taken, r.finish().get(120, TimeUnit.SECONDS));
    }

    @Test
    void aFrameOfAnotherSizeIsRefusedAndTheRecordingGoesOn() throws Exception {
        Path mp4 = dir.resolve("bad.mp4");
        LiveRecorder r = new LiveRecorder(Recording.to(mp4, 30), "test", 64, 48, false, dir);
        assertThrows(IllegalArgumentException.class, () -> r.offer(new int[10]), "a frame of the wrong size");
        assertEquals(LiveRecorder.Offer.TAKEN, r.offer(pixels(0, 64, 48)));
        assertEquals(1, r.finish().get(60, TimeUnit.SECONDS));
    }
}
