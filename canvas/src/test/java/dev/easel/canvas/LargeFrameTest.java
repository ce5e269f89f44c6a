package dev.easel.canvas;

import dev.easel.canvas.render.Java2dRenderer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Frames of a million scalar calls: recorded without growth copying, chunks reused, pixels right. */
class LargeFrameTest {
    private static final int CALLS = 1_000_000;

    private static void lines(DisplayList l, int frame) {
        for (int i = 0; i < CALLS; i++) {
            l.line(i, frame, i + 0.5, -i);
        }
        l.finish();
    }

    /** Checks every number of every line, in order, and that lines, and only lines, arrive. */
    private static final class LineCheck extends NullSink {
        final int frame;
        int seen;

        LineCheck(int frame) {
            this.frame = frame;
        }

        @Override
        public void lines(double[] d, int off, int count) {
            for (int c = 0; c < count; c++, seen++) {
                int k = off + 4 * c;
                if (d[k] != seen || d[k + 1] != frame || d[k + 2] != seen + 0.5 || d[k + 3] != -seen) {
                    throw new AssertionError("line " + seen + " of frame " + frame + " decoded wrong");
                }
            }
        }
    }

    @Test
    void aMillionLineFrameIsRecordedWithoutCopyingAndLaterFramesReuseTheChunks() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        DisplayList l = new DisplayList();
        long before = threads.getCurrentThreadAllocatedBytes();
        lines(l, 0);
        long firstFrame = threads.getCurrentThreadAllocatedBytes() - before;
        // A growing array allocates twice what it ends with (every doubling copies); chunks once.
        assertTrue(firstFrame < 1.25 * l.capacityBytes(),
                "first 1M-line frame allocated " + firstFrame + " bytes for " + l.capacityBytes() + " kept");
        long allocations = l.allocations();
        long capacity = l.capacityBytes();
        for (int frame = 1; frame <= 4; frame++) {
            l.reset();
            lines(l, frame);
            LineCheck check = new LineCheck(frame);
            l.replay(check);
            assertEquals(CALLS, check.seen);
            assertEquals(allocations, l.allocations(), "frame " + frame + " allocated stream chunks");
            assertEquals(capacity, l.capacityBytes(), "frame " + frame + " changed the capacity");
        }
    }

    @Test
    void aMillionCirclesAndRectsReplayInOrderAcrossChunks() {
        DisplayList l = new DisplayList();
        for (int i = 0; i < CALLS; i++) {
            if (i % 3 == 0) {
                l.fillCircle(i, 1, 2);
            } else {
                l.fillRect(i, 1, 2, 3);
            }
        }
        l.finish();
        int[] seen = new int[1];
        l.replay(new NullSink() {
            @Override
            public void fillCircles(double[] d, int off, int count) {
                for (int c = 0; c < count; c++) {
                    assertEquals(seen[0]++, (int) d[off + 3 * c], "circle out of order");
                }
            }

            @Override
            public void fillRects(double[] d, int off, int count) {
                for (int c = 0; c < count; c++) {
                    assertEquals(seen[0]++, (int) d[off + 4 * c], "rect out of order");
                    assertEquals(3, d[off + 4 * c + 3]);
                }
            }
        });
        assertEquals(CALLS, seen[0]);
    }

    @Test
    void aMillionOnePixelRectsPaintEveryPixelInItsRowsColour() {
        int w = 1000;
        int h = CALLS / w;
        DisplayList l = new DisplayList();
        for (int y = 0; y < h; y++) {
            l.fill(rowColour(y)); // a state change between runs, 1,000 times
            for (int x = 0; x < w; x++) {
                l.fillRect(x, y, 1, 1);
            }
        }
        l.finish();
        Java2dRenderer r = new Java2dRenderer(w, h, 1);
        r.render(l);
        ImageData img = r.snapshot();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int got = img.argb(x, y);
                if (got != rowColour(y)) {
                    throw new AssertionError(String.format("pixel (%d, %d) is %08x, expected %08x", x, y, got, rowColour(y)));
                }
            }
        }
    }

    private static int rowColour(int y) {
        return 0xff000000 | (int) ((y * 2654435761L) & 0xffffff);
    }
}
