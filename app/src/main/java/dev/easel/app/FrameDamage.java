package dev.easel.app;

import dev.easel.canvas.render.Java2dRenderer;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The rows of a window's frame buffer that changed since that buffer was last on screen: what its
 * {@code PixelBuffer.updateBuffer} reports dirty, so the renderer re-uploads only those. Each frame
 * is compared with the one before it (the rows at the top and at the bottom that are equal are
 * skipped, with vectorized {@link Arrays#mismatch}; the band between them is dirty); a buffer of
 * the ring last shown k frames ago gets the union of the last k bands.
 *
 * <p>Raster thread only.
 */
final class FrameDamage {
    private static final int HISTORY = 8;
    private final int[] top = new int[HISTORY], bottom = new int[HISTORY];
    private long seq;
    /** The frame number each buffer showed last. */
    private final Map<Java2dRenderer, Long> shownAt = new IdentityHashMap<>();
    private Java2dRenderer previous;

    /**
     * {@code next}, newly drawn, goes on screen after the frame shown before: the rows
     * {@code [from, to)} that differ from what it held when it was last shown, or null when all may
     * (a buffer never shown, a new size, too long ago).
     */
    int[] shown(Java2dRenderer next) {
        int w = next.pixelWidth(), h = next.pixelHeight();
        int t = 0, b = h;
        if (previous != null && previous != next && previous.pixelWidth() == w && previous.pixelHeight() == h) {
            int[] a = previous.pixels(), c = next.pixels();
            while (t < h && Arrays.mismatch(a, t * w, t * w + w, c, t * w, t * w + w) < 0) {
                t++;
            }
            while (b > t && Arrays.mismatch(a, (b - 1) * w, b * w, c, (b - 1) * w, b * w) < 0) {
                b--;
            }
        } else {
            shownAt.clear(); // a new size: no buffer holds anything worth keeping
        }
        if (shownAt.size() > 4 * HISTORY) {
            shownAt.clear(); // buffers of old rings of the same size
        }
        seq++;
        top[(int) (seq % HISTORY)] = t;
        bottom[(int) (seq % HISTORY)] = b;
        Long last = shownAt.put(next, seq);
        previous = next;
        if (last == null || seq - last >= HISTORY) {
            return null;
        }
        int from = h, to = 0;
        for (long s = last + 1; s <= seq; s++) {
            int i = (int) (s % HISTORY);
            if (top[i] < bottom[i]) {
                from = Math.min(from, top[i]);
                to = Math.max(to, bottom[i]);
            }
        }
        return from < to ? new int[]{from, to} : new int[]{0, 0};
    }
}
