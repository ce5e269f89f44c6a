package dev.easel.app;

import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.loop.CanvasStats;
import javafx.animation.AnimationTimer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.util.ArrayDeque;
import java.util.Locale;

/**
 * The performance overlay (F3): frames shown, drawn and dropped per second, {@code on_draw} ms,
 * attach-wait ms (GIL contention), raster ms and upload ms (FX-thread CPU time) per frame, frames
 * shown and dropped in all, and a chart of the last
 * {@link CanvasStats#RECENT} frames' {@code on_draw} times (a line at the frame budget). Drawn by
 * the app, on the FX thread, in a node above the canvas' picture: never by Python, never into
 * {@code snapshot()}. Reads the canvas' statistics once per pulse while shown.
 */
final class FxPerfOverlay {
    private static final double W = 260, H = 132, CHART_H = 48;

    private final CanvasHost host;
    private final Canvas node = new Canvas(W, H);
    private final ArrayDeque<long[]> samples = new ArrayDeque<>(); // {nanoTime, shown, drawn, dropped}
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            paint(now);
        }
    };
    private final UploadClock uploads;
    private double lastRenderMs;
    private long lastRenderFrames;
    private double rasterMs;

    /** The FX thread's upload time, counted by the window. */
    interface UploadClock {
        /** {total ns spent uploading, uploads}. */
        long[] uploads();
    }

    FxPerfOverlay(CanvasHost host, Pane parent, UploadClock uploads) {
        this.host = host;
        this.uploads = uploads;
        node.setMouseTransparent(true);
        node.setVisible(false);
        node.setId("easel-perf-overlay");
        node.relocate(8, 8);
        parent.getChildren().add(node);
    }

    /** F3. FX thread. */
    void toggle() {
        boolean on = !node.isVisible();
        node.setVisible(on);
        samples.clear();
        if (on) {
            timer.start();
        } else {
            timer.stop();
        }
    }

    boolean showing() {
        return node.isVisible();
    }

    /** What the overlay says now (tests). */
    String text;

    private long lastUploadNanos, lastUploads;
    private double uploadMs;

    private void paint(long now) {
        CanvasStats s = host.stats();
        long shown = s.framesShown(), drawn = s.frames(), dropped = s.framesDropped();
        samples.addLast(new long[]{now, shown, drawn, dropped});
        while (samples.size() > 2 && now - samples.peekFirst()[0] > 1_000_000_000L) {
            samples.removeFirst();
        }
        long[] first = samples.peekFirst();
        double secs = Math.max(1e-9, (now - first[0]) / 1e9);
        double shownPs = (shown - first[1]) / secs, drawnPs = (drawn - first[2]) / secs,
                droppedPs = (dropped - first[3]) / secs;
        double[][] recent = s.recent();
        double draw = mean(recent[0], 60), wait = mean(recent[1], 60);
        double renderMs = s.renderMs();
        if (drawn > lastRenderFrames) {
            rasterMs = (renderMs - lastRenderMs) / (drawn - lastRenderFrames);
            lastRenderMs = renderMs;
            lastRenderFrames = drawn;
        }
        long[] up = uploads.uploads();
        if (up[1] > lastUploads) {
            uploadMs = (up[0] - lastUploadNanos) / 1e6 / (up[1] - lastUploads);
            lastUploadNanos = up[0];
            lastUploads = up[1];
        }
        text = String.format(Locale.ROOT, "shown %.0f/s  drawn %.0f/s  dropped %.0f/s%n"
                        + "on_draw %.2f ms   attach wait %.2f ms%nraster %.2f ms   upload %.2f ms%n"
                        + "frames shown %d  dropped %d",
                shownPs, drawnPs, droppedPs, draw, wait, rasterMs, uploadMs, shown, dropped);

        GraphicsContext g = node.getGraphicsContext2D();
        g.clearRect(0, 0, W, H);
        g.setFill(Color.rgb(0, 0, 0, 0.72));
        g.fillRoundRect(0, 0, W, H, 10, 10);
        g.setFill(Color.WHITE);
        g.setFont(Font.font("monospace", 11));
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            g.fillText(lines[i], 8, 16 + i * 15);
        }
        // The chart: each frame's on_draw ms, scaled so the frame budget sits at half height.
        double fps = host.fps() > 0 ? host.fps() : 60;
        double budget = 1000 / fps;
        double x0 = 8, y0 = H - 8, cw = W - 16;
        double[] d = recent[0];
        double bar = cw / CanvasStats.RECENT;
        for (int i = 0; i < d.length; i++) {
            double h = Math.min(CHART_H, d[i] / budget * CHART_H / 2);
            g.setFill(d[i] > budget ? Color.rgb(255, 99, 71) : Color.rgb(6, 214, 160));
            g.fillRect(x0 + (CanvasStats.RECENT - d.length + i) * bar, y0 - h, Math.max(1, bar - 0.3), h);
        }
        g.setStroke(Color.rgb(255, 255, 255, 0.6));
        g.strokeLine(x0, y0 - CHART_H / 2, x0 + cw, y0 - CHART_H / 2);
        g.setFill(Color.rgb(255, 255, 255, 0.7));
        g.setFont(Font.font("monospace", 9));
        g.fillText(String.format(Locale.ROOT, "%.1f ms", budget), x0 + cw - 42, y0 - CHART_H / 2 - 3);
    }

    private static double mean(double[] v, int last) {
        int n = Math.min(last, v.length);
        double s = 0;
        for (int i = v.length - n; i < v.length; i++) {
            s += v[i];
        }
        return n == 0 ? 0 : s / n;
    }

    /** Stops the timer (the window closes). */
    void dispose() {
        timer.stop();
    }
}
