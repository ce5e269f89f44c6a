package dev.easel.canvas.host;

/**
 * The time of a canvas: frame deadlines at the target rate, {@code time} and {@code dt} as the
 * sketch sees them, and the rate actually achieved. Headless clocks run on simulated time: frame
 * n is at n/fps seconds, however fast it is drawn, so animations come out the same every run.
 */
final class FrameClock {
    private final double fps;
    private final boolean simulated;
    private long start = -1;
    private long last;
    private long nextDeadline;
    private final long[] recent = new long[128];
    private int recentCount;
    private int recentHead;
    private long frameNumber;

    FrameClock(double fps, boolean simulated) {
        this.fps = fps;
        this.simulated = simulated;
    }

    private double period() {
        return fps > 0 ? 1.0 / fps : 1.0 / 60;
    }

    /** Nanoseconds to wait before the next frame is due (0: now). Real-time clocks only. */
    long nanosUntilNextFrame(long now) {
        if (simulated || fps <= 0 || start < 0) {
            return 0;
        }
        return Math.max(0, nextDeadline - now);
    }

    /** Marks the start of a frame; returns {time, dt, fps_actual} for it. */
    double[] beginFrame(long now) {
        double time, dt;
        if (simulated) {
            time = frameNumber * period();
            dt = frameNumber == 0 ? 0 : period();
        } else {
            if (start < 0) {
                start = now;
                last = now;
                nextDeadline = now;
            }
            time = (now - start) / 1e9;
            dt = (now - last) / 1e9;
            last = now;
            if (fps > 0) {
                long p = (long) (1e9 / fps);
                nextDeadline += p;
                if (now - nextDeadline > p) {
                    nextDeadline = now + p; // fell behind: don't race to catch up
                }
            }
        }
        frameNumber++;
        recent[recentHead] = now;
        recentHead = (recentHead + 1) % recent.length;
        recentCount = Math.min(recentCount + 1, recent.length);
        return new double[]{time, dt, actualFps(now)};
    }

    private double actualFps(long now) {
        if (simulated) {
            return fps > 0 ? fps : 60;
        }
        int n = 0;
        long oldest = now;
        for (int i = 0; i < recentCount; i++) {
            long t = recent[(recentHead - 1 - i + recent.length) % recent.length];
            if (now - t > 1_000_000_000L) {
                break;
            }
            n++;
            oldest = t;
        }
        return n < 2 ? 0 : (n - 1) / ((now - oldest) / 1e9);
    }
}
