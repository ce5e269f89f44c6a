package dev.easel.canvas.host.view;

import dev.easel.canvas.render.Java2dRenderer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ring of buffers a window draws its frames into and shows them from. */
class FrameTargetsTest {
    @Test
    void aRingHasFourBuffersLentOnceEachUntilGivenBack() {
        FrameTargets t = new FrameTargets();
        Java2dRenderer a = t.fresh(10, 8, 1.5);
        assertEquals(15, a.pixelWidth());
        assertEquals(12, a.pixelHeight());
        Java2dRenderer b = t.next(a, false), c = t.next(b, false), d = t.next(c, false);
        assertEquals(4, java.util.Set.of(a, b, c, d).size());
        assertSame(d, t.latest());
        assertFalse(t.hasFree(), "all four lent: shown, on its way off the screen, waiting for the pulse, drawn");
        assertThrows(IllegalStateException.class, () -> t.next(d, false));
        t.release(a);
        assertTrue(t.hasFree());
        assertSame(a, t.next(d, false), "a buffer given back is lent again, not a new one");
    }

    @Test
    void aFrameThatDrawsOverTheLastStartsFromACopyOfIt() {
        FrameTargets t = new FrameTargets();
        Java2dRenderer a = t.fresh(4, 3, 1);
        Arrays.fill(a.pixels(), 0xFF112233);
        Java2dRenderer b = t.next(a, true);
        assertArrayEquals(a.pixels(), b.pixels());
        Arrays.fill(b.pixels(), 0xFF445566);
        Java2dRenderer c = t.next(b, false);
        assertEquals(0, c.pixels()[0], "a frame that clears gets the buffer as it is (here new: transparent)");
    }

    @Test
    void buffersOfAnOldSizeAreDroppedWhenGivenBack() {
        FrameTargets t = new FrameTargets();
        Java2dRenderer old = t.fresh(4, 3, 1);
        Java2dRenderer first = t.fresh(4, 3, 2);
        t.release(old);
        Java2dRenderer b = t.next(first, false), c = t.next(b, false), d = t.next(c, false);
        assertFalse(java.util.Set.of(b, c, d).contains(old));
        assertEquals(8, b.pixelWidth());
        assertFalse(t.hasFree(), "the old buffer did not join the new ring");
    }
}
