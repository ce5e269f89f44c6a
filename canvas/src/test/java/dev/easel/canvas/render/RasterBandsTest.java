package dev.easel.canvas.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.canvas.DisplayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The band helpers: every band drawn once per frame, failures reported, no thread left behind. */
class RasterBandsTest {
    private static List<String> threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).filter(n -> n.startsWith(prefix))
                .toList();
    }

    @Test
    void everyBandRunsOncePerFrame() {
        try (RasterBands b = new RasterBands("once", 3)) {
            Random r = new Random(1);
            for (int frame = 0; frame < 3000; frame++) {
                int n = 1 + r.nextInt(8);
                AtomicIntegerArray runs = new AtomicIntegerArray(n);
                assertTrue(b.run(n, runs::incrementAndGet));
                for (int i = 0; i < n; i++) {
                    assertEquals(1, runs.get(i), "frame " + frame + ", band " + i + " of " + n);
                }
            }
        }
    }

    @Test
    void aBandsExceptionIsThrownByTheCallerAfterAllBands() {
        try (RasterBands b = new RasterBands("fail", 1)) {
            for (int rep = 0; rep < 200; rep++) {
                int failing = rep % 4;
                AtomicIntegerArray runs = new AtomicIntegerArray(4);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.run(4, i -> {
                    runs.incrementAndGet(i);
                    if (i == failing) {
                        throw new IllegalArgumentException("band " + i);
                    }
                }));
                assertEquals("band " + failing, e.getMessage());
                for (int i = 0; i < 4; i++) {
                    assertEquals(1, runs.get(i), "every band ran, also after the failure");
                }
                assertTrue(b.run(2, i -> { }), "the helpers still work");
            }
        }
    }

    @Test
    void closingEndsTheHelpersAndLaterFramesRunOnTheCaller() {
        RasterBands b = new RasterBands("closing", 2);
        assertTrue(b.run(3, i -> { }));
        assertEquals(2, threads("easel-bands-closing-").size());
        b.close();
        assertEquals(List.of(), threads("easel-bands-closing-"));
        assertFalse(b.run(3, i -> { }), "closed: the caller draws alone");
        b.close(); // idempotent
    }

    @Test
    void idleHelpersEndAndStartAgain() throws InterruptedException {
        try (RasterBands b = new RasterBands("idle", 1, 50)) {
            assertTrue(b.run(2, i -> { }));
            while (b.liveHelpers() > 0) {
                Thread.onSpinWait(); // polls a condition: the helper ends after 50 ms without work
            }
            AtomicIntegerArray runs = new AtomicIntegerArray(2);
            assertTrue(b.run(2, runs::incrementAndGet));
            assertEquals(1, runs.get(0));
            assertEquals(1, runs.get(1));
        }
    }

    @Test
    void aRendererClosesItsOwnHelpersAndStillRenders() {
        Java2dRenderer r = new Java2dRenderer(400, 300, 1);
        DisplayList big = DirectRasterGoldenTest.tenThousandTranslucent();
        r.render(big);
        List<String> before0 = threads("easel-bands-raster-");
        assertTrue(r.maxBands() == 1 || !before0.isEmpty(), "a big frame started helpers");
        r.close();
        int[] before = r.pixels().clone();
        r.render(big);
        assertEquals(java.util.Arrays.hashCode(before), java.util.Arrays.hashCode(r.pixels()), "same picture in one piece");
        r.close();
    }

    @Test
    void badSettingsAreRefusedClearly() {
        assertEquals(1, RasterBands.parseBands("off", "x", 8));
        assertEquals(1, RasterBands.parseBands("1", "x", 8));
        assertEquals(3, RasterBands.parseBands(" 3 ", "x", 8));
        assertEquals(1, RasterBands.parseBands(null, "x", 8)); // off unless asked
        assertEquals(4, RasterBands.parseBands("auto", "x", 8));
        assertEquals(2, RasterBands.parseBands("auto", "x", 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RasterBands.parseBands("many", "EASEL_RASTER_BANDS", 2));
        assertTrue(e.getMessage().contains("EASEL_RASTER_BANDS='many'"), e.getMessage());
        assertSame(IllegalArgumentException.class, assertThrows(IllegalArgumentException.class,
                () -> RasterBands.parseBands("17", "x", 2)).getClass());
    }
}
