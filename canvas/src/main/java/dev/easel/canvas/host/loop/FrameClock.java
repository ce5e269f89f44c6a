package dev.easel.canvas.host.loop;

/**
 * The time of a canvas: frame deadlines at the target rate, {@code time} and {@code dt} as the
 * sketch sees them (the rate achieved is counted where frames are shown: {@link CanvasStats}). Headless clocks run on simulated time: frame
 * n is at n/fps seconds, however fast it is drawn, so animations come out the same every run.
 *
 * <p>The rate may change while the canvas runs ({@code Canvas.fps = 30}, from any thread): the
 * next deadline is then one new period after the last frame, and simulated time goes on from the
 * last frame at the new period.
 */
final class FrameClock {
    private volatile double fps;
    private final boolean simulated;
    private long start = -1;
    private long last;
    private long nextDeadline;
    private long frameNumber;
    /** The rate the deadlines were computed for (canvas thread). */
    private double paced;
    /** Simulated time: the frame and time the current rate started at. */
    private long baseFrame;
    private double baseTime;

    FrameClock(double fps, boolean simulated) {
        this.fps = fps;
        this.paced = fps;
        this.simulated = simulated;
    }

    /** The target rate; 0: on demand. */
    double fps() {
        return fps;
    }

    /** Sets the target rate (0: on demand). Any thread; takes effect at the next wait or frame. */
    void setFps(double fps) {
        this.fps = fps;
    }

    private static double period(double fps) {
        return fps > 0 ? 1.0 / fps : 1.0 / 60;
    }

    /** Canvas thread: deadlines and simulated time follow a rate that changed since the last frame. */
    private void follow() {
        double f = fps;
        if (f == paced) {
            return;
        }
        if (simulated) {
            baseTime = baseTime + (frameNumber - 1 - baseFrame) * period(paced);
            baseFrame = frameNumber - 1;
        } else if (f > 0 && start >= 0) {
            nextDeadline = last + (long) (1e9 / f);
        }
        paced = f;
    }

    /** Nanoseconds to wait before the next frame is due (0: now). Real-time clocks only. */
    long nanosUntilNextFrame(long now) {
        follow();
        if (simulated || paced <= 0 || start < 0) {
            return 0;
        }
        return Math.max(0, nextDeadline - now);
    }

    /** The rate a headless (simulated) canvas reports as {@code fps_actual}: its target. */
    double simulatedFps() {
        double f = fps;
        return f > 0 ? f : 60;
    }

    /** Marks the start of a frame; returns {time, dt} for it. */
    double[] beginFrame(long now) {
        double time, dt;
        if (frameNumber > 0) {
            follow();
        } else {
            paced = fps;
        }
        if (simulated) {
            time = baseTime + (frameNumber - baseFrame) * period(paced);
            dt = frameNumber == 0 ? 0 : period(paced);
        } else {
            if (start < 0) {
                start = now;
                last = now;
                nextDeadline = now;
            }
            time = (now - start) / 1e9;
            dt = (now - last) / 1e9;
            last = now;
            if (paced > 0) {
                long p = (long) (1e9 / paced);
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
