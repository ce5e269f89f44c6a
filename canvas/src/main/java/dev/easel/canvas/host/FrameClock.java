package dev.easel.canvas.host;

/**
 * The time of a canvas: frame deadlines at the target rate, {@code time} and {@code dt} as the
 * sketch sees them (the rate achieved is counted where frames are shown: {@link CanvasStats}). Headless clocks run on simulated time: frame
 * n is at n/fps seconds, however fast it is drawn, so animations come out the same every run.
 */
final class FrameClock {
    private final double fps;
    private final boolean simulated;
    private long start = -1;
    private long last;
    private long nextDeadline;
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

    /** The rate a headless (simulated) canvas reports as {@code fps_actual}: its target. */
    double simulatedFps() {
        return fps > 0 ? fps : 60;
    }

    /** Marks the start of a frame; returns {time, dt} for it. */
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
        return new double[]{time, dt};
    }
}
