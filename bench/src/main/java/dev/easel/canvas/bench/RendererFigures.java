package dev.easel.canvas.bench;

import dev.easel.canvas.Colors;
import dev.easel.canvas.DisplayList;
import dev.easel.canvas.RendererChoice;
import dev.easel.canvas.render.FrameRenderer;
import java.util.Map;
import java.util.Random;

/**
 * {@code easel bench draw --renderer X}: what the chosen renderer costs by itself, display list to
 * premultiplied pixels in memory (GL included its read-back), no Python and no window:
 * {@code renderer} (what drew: "raster" or "gl", after any fallback), {@code gl_renderer} (the GL
 * device, or null), {@code render_10k_lines_fps} and {@code render_10k_lines_hidpi2_fps} (10,000
 * random translucent lines, 800 × 600 at scale 1 and 2), {@code render_100k_points_fps} (100,000
 * 2-pixel points in one batch), {@code render_reference_scene_ms} (every kind of primitive, text
 * and gradients included, per frame).
 */
public final class RendererFigures {
    private RendererFigures() {}

    static void add(Map<String, Object> out, RendererChoice choice, boolean quick) {
        double seconds = quick ? 0.5 : 2;
        try (FrameRenderer r = FrameRenderer.create(choice, 800, 600, 1);
             FrameRenderer hidpi = FrameRenderer.create(choice, 800, 600, 2)) {
            DisplayList[] lines = new DisplayList[4];
            for (int i = 0; i < lines.length; i++) {
                lines[i] = tenThousandLines(i);
            }
            DisplayList points = points();
            DisplayList scene = scene();
            double fps = fps(r, lines, seconds);
            double fps2 = fps(hidpi, lines, seconds);
            double pointsFps = fps(r, new DisplayList[] {points}, seconds);
            double sceneMs = 1000 / fps(r, new DisplayList[] {scene}, seconds);
            out.put("renderer", r.name());
            out.put("gl_renderer", r.glRenderer());
            out.put("render_10k_lines_fps", round1(fps));
            out.put("render_10k_lines_hidpi2_fps", round1(fps2));
            out.put("render_100k_points_fps", round1(pointsFps));
            out.put("render_reference_scene_ms", Math.round(sceneMs * 100) / 100.0);
        }
    }

    /** Frames per second rendering the lists in turn and taking the pixels, after a warm-up. */
    private static double fps(FrameRenderer r, DisplayList[] frames, double seconds) {
        for (int i = 0; i < 5; i++) {
            r.render(frames[i % frames.length]);
            r.pixels();
        }
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        int n = 0;
        do {
            r.render(frames[n % frames.length]);
            r.pixels();
            n++;
        } while (System.nanoTime() < end);
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private static DisplayList tenThousandLines(int seed) {
        Random rng = new Random(seed);
        double[] xy = new double[40_000];
        for (int i = 0; i < xy.length; i += 2) {
            xy[i] = rng.nextDouble() * 800;
            xy[i + 1] = rng.nextDouble() * 600;
        }
        DisplayList l = new DisplayList();
        l.clear(Colors.BLACK);
        l.stroke(Colors.argb(128, 120, 200, 255));
        l.lines(xy, 0, 10_000);
        return l.finish();
    }

    private static DisplayList points() {
        Random rng = new Random(7);
        double[] xy = new double[200_000];
        for (int i = 0; i < xy.length; i += 2) {
            xy[i] = rng.nextDouble() * 800;
            xy[i + 1] = rng.nextDouble() * 600;
        }
        DisplayList l = new DisplayList();
        l.clear(Colors.WHITE);
        l.fill(Colors.argb(200, 20, 60, 160));
        l.points(xy, 0, 100_000, 2);
        return l.finish();
    }

    private static DisplayList scene() {
        DisplayList l = new DisplayList();
        l.clear(Colors.parse("ivory"));
        for (int i = 0; i < 20; i++) {
            double x = 20 + (i % 5) * 150, y = 20 + (i / 5) * 140;
            l.fill(Colors.argb(200, 40 * (i % 6), 90, 200 - 8 * i));
            l.fillRoundRect(x, y, 120, 60, 10);
            l.stroke(Colors.BLACK);
            l.lineWidth(2);
            l.strokeCircle(x + 60, y + 95, 25);
            l.fillGradient(new dev.easel.canvas.Gradient.Linear(x, y, x + 120, y, new dev.easel.canvas.Gradient.Stops(
                    new double[] {0, 0.5, 1}, new int[] {0xFFFF0000, 0xFF00FF00, 0xFF0000FF}), dev.easel.canvas.Gradient.Extend.PAD));
            l.fillRect(x, y + 70, 40, 40);
            l.fill(Colors.BLACK);
            l.fillText("frame " + i, x, y + 130);
        }
        return l.finish();
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
