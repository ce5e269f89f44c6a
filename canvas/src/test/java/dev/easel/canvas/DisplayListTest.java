package dev.easel.canvas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recording: state deltas, merging, discarding, reuse without garbage, batched copies, hand-over rules. */
class DisplayListTest {

    private static List<String> commands(DisplayList l) {
        boolean finished = l.isFinished();
        if (!finished) {
            l.finish();
        }
        List<String> out = new ArrayList<>(List.of(l.dump().split("\n")));
        out.removeIf(String::isEmpty);
        return out;
    }

    @Test
    void stateIsRecordedOnlyWhenItChanges() {
        DisplayList l = new DisplayList();
        l.fill(Colors.BLACK); // the default: nothing to record
        l.lineWidth(1);
        l.lineCap(LineCap.BUTT);
        l.font(FontSpec.DEFAULT);
        l.alpha(1);
        l.blend(BlendMode.SOURCE_OVER);
        l.fill(0xFFFF0000);
        l.fill(0xFFFF0000);
        l.lineWidth(3);
        l.lineWidth(3);
        l.textAlign(TextAlign.CENTER);
        l.textAlign(TextAlign.CENTER);
        l.lineDash(new double[] {4, 2});
        l.lineDash(new double[] {4, 2});
        l.font(FontSpec.parse("16px serif"));
        l.font(FontSpec.parse("16px serif"));
        l.fill(0xFF00FF00);
        assertEquals(List.of("fill #ff0000", "lineWidth 3", "textAlign center", "lineDash [4 2]",
                "font 16px '" + Fonts.serif() + "'", "fill #00ff00"), commands(l));
    }

    @Test
    void stateDeltasFollowSaveAndRestore() {
        DisplayList l = new DisplayList();
        l.fill(0xFFFF0000);
        l.save();
        l.fill(0xFF0000FF);
        l.fillRect(0, 0, 1, 1);
        l.restore();
        l.fill(0xFFFF0000); // already red again after restore: not recorded
        l.fillRect(0, 0, 1, 1);
        assertEquals(List.of("fill #ff0000", "save", "fill #0000ff", "fillRects 1 [0 0 1 1]", "restore",
                "fillRects 1 [0 0 1 1]"), commands(l));
        assertEquals(0xFFFF0000, l.fill());
    }

    @Test
    void noOpsAreDropped() {
        DisplayList l = new DisplayList();
        l.save();
        l.restore(); // save immediately restored
        l.restore(); // nothing saved: ignored, as in HTML
        l.beginPath(); // the path is already empty
        l.closePath();
        l.fillPath();
        l.fillRect(0, 0, 0, 10); // zero area
        l.translate(0, 0);
        l.scale(1, 1);
        l.rotate(0);
        l.fill(Colors.TRANSPARENT);
        l.fillRect(0, 0, 10, 10); // invisible
        l.fillCircle(5, 5, 3);
        l.fillText("x", 0, 0);
        l.alpha(0);
        l.stroke(Colors.BLACK);
        l.line(0, 0, 1, 1); // global alpha 0
        assertEquals(List.of("fill #00000000", "alpha 0"), commands(l));
    }

    @Test
    void consecutiveShapesMergeIntoRuns() {
        DisplayList l = new DisplayList();
        l.line(0, 0, 1, 1);
        l.line(2, 2, 3, 3);
        l.lines(new double[] {4, 4, 5, 5}, 0, 1);
        l.fillRect(0, 0, 1, 1);
        l.fillRect(1, 1, 1, 1);
        l.line(6, 6, 7, 7);
        assertEquals(List.of("lines 3 [0 0 1 1 2 2 3 3 4 4 5 5]", "fillRects 2 [0 0 1 1 1 1 1 1]", "lines 1 [6 6 7 7]"),
                commands(l));
        assertEquals(3, l.commandCount());
    }

    @Test
    void opaqueClearDiscardsEverythingBeforeItButKeepsTheState() {
        DisplayList l = new DisplayList();
        l.fill(0xFFFF0000);
        l.lineWidth(3);
        l.translate(10, 20);
        for (int i = 0; i < 100; i++) {
            l.fillRect(i, i, 5, 5);
            l.line(0, 0, i, i);
        }
        l.clear(0xFFFFFFFF);
        l.fillRect(0, 0, 1, 1);
        assertEquals(List.of("fill #ff0000", "lineWidth 3", "setTransform 1 0 0 1 10 20", "clear #ffffff",
                "fillRects 1 [0 0 1 1]"), commands(l));
    }

    @Test
    void clearThatCannotCoverEverythingDiscardsNothing() {
        DisplayList translucent = new DisplayList();
        translucent.fillRect(0, 0, 1, 1);
        translucent.clear(0x80FFFFFF);
        assertEquals(2, translucent.commandCount());

        DisplayList saved = new DisplayList();
        saved.fillRect(0, 0, 1, 1);
        saved.save();
        saved.clear(Colors.WHITE);
        assertEquals(3, saved.commandCount());

        DisplayList clipped = new DisplayList();
        clipped.rect(0, 0, 5, 5);
        clipped.clip();
        clipped.fillRect(0, 0, 1, 1);
        clipped.clear(Colors.WHITE);
        assertEquals(4, clipped.commandCount());

        DisplayList pathOpen = new DisplayList();
        pathOpen.moveTo(0, 0);
        pathOpen.lineTo(5, 5);
        pathOpen.clear(Colors.WHITE);
        pathOpen.strokePath();
        assertEquals(4, pathOpen.commandCount());
    }

    @Test
    void clearWithoutColourUsesTheBackground() {
        DisplayList l = new DisplayList();
        l.background(0xFF112233);
        l.clear();
        assertEquals(List.of("clear #112233"), commands(l));
    }

    /** Records a typical busy frame: every kind of command, 10,000 lines. */
    private static void frame(DisplayList l, double[] xy, String text, ImageData img, byte[] rgba, FontSpec font) {
        l.reset();
        l.clear(Colors.WHITE);
        for (int i = 0; i < 10_000; i++) {
            if (i % 100 == 0) {
                l.stroke(0xFF000000 | i);
            }
            l.line(xy[i % 64], xy[(i + 1) % 64], xy[(i + 2) % 64], xy[(i + 3) % 64]);
        }
        l.fill(0xFFFF0000);
        l.fillCircle(1, 2, 3);
        l.save();
        l.translate(4, 5);
        l.rotate(0.5);
        l.font(font);
        l.fillText(text, 1, 2);
        l.lineDash(xy, 0, 2);
        l.beginPath();
        l.moveTo(1, 2);
        l.bezierTo(1, 2, 3, 4, 5, 6);
        l.arc(1, 2, 3, 0, 1, false);
        l.fillPath();
        l.drawImage(img, 0, 0, 10, 10);
        l.putPixels(rgba, 0, 4, 4, 0, 0);
        l.restore();
        l.polyline(xy, 0, 32);
        l.finish();
    }

    @Test
    void steadyStateFramesReuseTheStreamsAndAllocateNothing() {
        DisplayList l = new DisplayList();
        double[] xy = new double[64];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = i * 3.5;
        }
        String text = "frame";
        ImageData img = ImageData.fromArgb(new int[16], 4, 4);
        byte[] rgba = new byte[64];
        FontSpec font = FontSpec.parse("14px monospace");
        frame(l, xy, text, img, rgba, font); // warm-up: the streams grow to this frame's size
        long capacity = l.capacityBytes();
        for (int i = 0; i < 200; i++) {
            frame(l, xy, text, img, rgba, font); // also lets the JIT compile the recording paths
        }
        assertEquals(capacity, l.capacityBytes(), "no growth after the warm-up frame");

        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 20; i++) {
            frame(l, xy, text, img, rgba, font);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // 20 frames × ~10,030 calls: anything per call would be hundreds of kilobytes.
        assertTrue(allocated < 16 * 1024, "recording allocated " + allocated + " bytes in 20 frames");
    }

    @Test
    void streamsShrinkAfterABigFrameWhenRecentFramesAreSmall() {
        DisplayList l = new DisplayList();
        for (int i = 0; i < 200_000; i++) {
            l.line(i, i, i, i);
        }
        l.finish();
        long big = l.capacityBytes();
        for (int f = 0; f < 130; f++) {
            l.reset();
            l.line(0, 0, 1, 1);
            l.finish();
        }
        assertTrue(l.capacityBytes() < big / 10, "capacity " + l.capacityBytes() + " after " + big);
    }

    /** A sink recording only the batched numbers it receives. */
    private static final class Capture extends NullSink {
        final List<double[]> runs = new ArrayList<>();
        String kind;

        @Override
        public void lines(double[] xy, int offset, int count) {
            kind = "lines";
            runs.add(java.util.Arrays.copyOfRange(xy, offset, offset + 4 * count));
        }

        @Override
        public void fillRects(double[] d, int offset, int count) {
            kind = "fillRects";
            runs.add(java.util.Arrays.copyOfRange(d, offset, offset + 4 * count));
        }

        @Override
        public void strokeCircles(double[] d, int offset, int count) {
            kind = "strokeCircles";
            runs.add(java.util.Arrays.copyOfRange(d, offset, offset + 3 * count));
        }

        @Override
        public void points(double[] d, int offset, int count, double size) {
            kind = "points " + size;
            runs.add(java.util.Arrays.copyOfRange(d, offset, offset + 2 * count));
        }
    }

    @Test
    void batchedCallsCopyFloat64AndFloat32Segments() {
        double[] values = {1.5, 2.25, 3, 4, -5, 6.125, 7, 8e3};
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment f64 = arena.allocate(ValueLayout.JAVA_DOUBLE, values.length);
            MemorySegment f32 = arena.allocate(ValueLayout.JAVA_FLOAT, values.length);
            // Unaligned too: numpy slices and struct-packed buffers need not be aligned.
            MemorySegment unaligned = arena.allocate(values.length * 8L + 1).asSlice(1);
            for (int i = 0; i < values.length; i++) {
                f64.setAtIndex(ValueLayout.JAVA_DOUBLE, i, values[i]);
                f32.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) values[i]);
                unaligned.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, i, values[i]);
            }
            for (MemorySegment seg : new MemorySegment[] {f64, unaligned}) {
                DisplayList l = new DisplayList();
                l.lines(seg, values.length, NumType.FLOAT64);
                Capture c = new Capture();
                l.finish().replay(c);
                assertEquals("lines", c.kind);
                assertArrayEquals(values, c.runs.get(0));
            }
            DisplayList l = new DisplayList();
            l.line(0, 0, 0, 0);
            l.lines(f32, values.length, NumType.FLOAT32); // merges into the run the line started
            Capture c = new Capture();
            l.finish().replay(c);
            assertEquals(1, c.runs.size());
            double[] expected = new double[12];
            System.arraycopy(values, 0, expected, 4, 8);
            assertArrayEquals(expected, c.runs.get(0));

            DisplayList r = new DisplayList();
            r.rects(f32, 8, NumType.FLOAT32, true);
            Capture rc = new Capture();
            r.finish().replay(rc);
            assertEquals("fillRects", rc.kind);
            assertArrayEquals(values, rc.runs.get(0));

            DisplayList ci = new DisplayList();
            ci.circles(f64, 6, NumType.FLOAT64, false);
            Capture cc = new Capture();
            ci.finish().replay(cc);
            assertEquals("strokeCircles", cc.kind);
            assertArrayEquals(java.util.Arrays.copyOf(values, 6), cc.runs.get(0));

            DisplayList p = new DisplayList();
            p.points(f32, 8, NumType.FLOAT32, 2.5);
            Capture pc = new Capture();
            p.finish().replay(pc);
            assertEquals("points 2.5", pc.kind);
            assertArrayEquals(values, pc.runs.get(0));
        }
    }

    @Test
    void batchedCallsRejectBadBuffers() {
        DisplayList l = new DisplayList();
        MemorySegment seg = MemorySegment.ofArray(new double[8]);
        var e = assertThrows(IllegalArgumentException.class, () -> l.lines(seg, 7, NumType.FLOAT64));
        assertTrue(e.getMessage().contains("x1 y1 x2 y2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> l.lines(seg, 12, NumType.FLOAT64)); // past the end
        assertThrows(IllegalArgumentException.class, () -> l.circles(seg, 4, NumType.FLOAT64, true));
        assertThrows(IllegalArgumentException.class, () -> l.points(seg, 3, NumType.FLOAT64, 1));
        assertThrows(IllegalArgumentException.class, () -> l.points(seg, 4, NumType.FLOAT64, 0));
        assertThrows(IllegalArgumentException.class, () -> l.polyline(seg, 5, NumType.FLOAT64));
        assertEquals(NumType.FLOAT64, NumType.ofFormat("d"));
        assertEquals(NumType.FLOAT32, NumType.ofFormat("=f"));
        assertThrows(IllegalArgumentException.class, () -> NumType.ofFormat("i"));
    }

    @Test
    void putPixelsCopiesTheBytes() {
        byte[] rgba = {1, 2, 3, 4, 5, 6, 7, 8};
        DisplayList l = new DisplayList();
        l.putPixels(rgba, 0, 2, 1, 3, 4);
        rgba[0] = 99;
        byte[][] seen = new byte[1][];
        l.finish().replay(new NullSink() {
            @Override
            public void putPixels(byte[] b, int offset, int width, int height, int x, int y) {
                seen[0] = java.util.Arrays.copyOfRange(b, offset, offset + width * height * 4);
                assertEquals(2, width);
                assertEquals(1, height);
                assertEquals(3, x);
                assertEquals(4, y);
            }
        });
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, seen[0]);
        assertThrows(IllegalArgumentException.class, () -> new DisplayList().putPixels(new byte[7], 0, 2, 1, 0, 0));
    }

    @Test
    void finishedListsAreReadOnlyAndUnfinishedOnesCannotBeReplayed() {
        DisplayList l = new DisplayList();
        assertThrows(IllegalStateException.class, () -> l.replay(new NullSink()));
        l.finish();
        assertTrue(l.isFinished());
        assertThrows(IllegalStateException.class, () -> l.line(0, 0, 1, 1));
        assertThrows(IllegalStateException.class, () -> l.fill(0xFF000000));
        l.reset();
        assertFalse(l.isFinished());
        l.line(0, 0, 1, 1);
    }

    @Test
    void badStateValuesAreRejectedWithTheirName() {
        DisplayList l = new DisplayList();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> l.lineWidth(0)).getMessage().contains("line_width"));
        assertThrows(IllegalArgumentException.class, () -> l.lineWidth(Double.NaN));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> l.alpha(1.5)).getMessage().contains("alpha"));
        assertThrows(IllegalArgumentException.class, () -> l.lineDash(new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class, () -> l.fillCircle(0, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> l.translate(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> l.setTransform(1, 0, 0, Double.POSITIVE_INFINITY, 0, 0));
        assertEquals(0, l.commandCount(), "nothing recorded by failed calls");
    }

    @Test
    void dashPatternsAreNormalisedLikeHtml() {
        DisplayList l = new DisplayList();
        l.lineDash(new double[] {5});
        assertArrayEquals(new double[] {5, 5}, l.lineDash());
        l.lineDash(new double[] {0, 0});
        assertArrayEquals(new double[0], l.lineDash());
        assertEquals(List.of("lineDash [5 5]", "lineDash []"), commands(l));
    }

    @Test
    void arcsRecordAClampedSweep() {
        DisplayList l = new DisplayList();
        l.fillArc(0, 0, 10, 1, 20); // more than a full turn: a full disc
        l.strokeArc(0, 0, 10, 2, 1); // negative sweep: counter-clockwise
        List<String> c = commands(l);
        assertEquals("fillArc 0 0 10 1 6.283", c.get(0));
        assertEquals("strokeArc 0 0 10 2 -1", c.get(1));
    }

    @Test
    void transformIsTracked() {
        DisplayList l = new DisplayList();
        l.translate(10, 0);
        l.scale(2, 2);
        l.rotate(Math.PI / 2);
        double[] t = l.transform();
        assertEquals(0, t[0], 1e-12);
        assertEquals(2, t[1], 1e-12);
        assertEquals(-2, t[2], 1e-12);
        assertEquals(0, t[3], 1e-12);
        assertEquals(10, t[4], 1e-12);
        l.resetTransform();
        l.resetTransform(); // already identity: dropped
        assertEquals(4, l.commandCount());
    }

    @Test
    void measureTextUsesTheCurrentFont() {
        DisplayList l = new DisplayList();
        l.font(FontSpec.parse("20px monospace"));
        TextMetrics one = l.measureText("W");
        TextMetrics two = l.measureText("WW");
        assertEquals(2 * one.width(), two.width(), 0.01, "monospace advances add up");
        assertTrue(one.height() > 15 && one.height() < 30, "height " + one.height());
        assertEquals(0, l.measureText("").width());
    }
}
