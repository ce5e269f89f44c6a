package dev.easel.canvas.host.loop;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Frame statistics in fixed memory: mean exact, p95 within its 1 % bucket, the recent ring in order. */
class CanvasStatsTest {
    @Test
    void meanAndP95MatchTheExactFiguresAndRecentKeepsTheLastFrames() {
        CanvasStats s = new CanvasStats();
        assertEquals(0, s.p95DrawMs());
        assertEquals(0, s.recent()[0].length);
        Random r = new Random(7);
        int n = 100_000;
        double[] all = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double ms = Math.exp(r.nextGaussian()) * 3; // log-normal: a long tail, like real frames
            all[i] = ms;
            sum += ms;
            s.frame(ms, i * 1000L);
        }
        assertEquals(sum / n, s.meanDrawMs(), 1e-9);
        java.util.Arrays.sort(all);
        double exact = all[(int) Math.ceil(n * 0.95) - 1];
        assertEquals(exact, s.p95DrawMs(), exact * 0.011, "p95 within one 1 % bucket");
        double[][] recent = s.recent();
        assertEquals(CanvasStats.RECENT, recent[0].length);
        assertEquals((n - 1) * 1000L / 1e6, recent[1][CanvasStats.RECENT - 1], 1e-12, "newest last");
        assertEquals((n - CanvasStats.RECENT) * 1000L / 1e6, recent[1][0], 1e-12, "oldest first");
        s.frame(0, 0);
        s.frame(1e9, 0); // out of range either way: counted at the ends, no exception
        assertEquals(n + 2, s.frames());
    }
}
