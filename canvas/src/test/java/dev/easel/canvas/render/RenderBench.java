package dev.easel.canvas.render;

import dev.easel.canvas.Colors;
import dev.easel.canvas.DisplayList;
import dev.easel.canvas.NumType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Measures the drawing core and prints one JSON object: recording cost per call, replay frame rates
 * of each renderer for the "10,000 random lines per frame at 800×600" figure of ARCHITECTURE.md, and
 * batched recording throughput. No Python involved. Test code (it measures the test-only
 * {@link FxRenderer} too): a developer's tool, not part of {@code easel bench}.
 *
 * <p>Run with the JavaFX headless platform and software pipeline, e.g.
 * {@code java --enable-native-access=ALL-UNNAMED -Dglass.platform=Headless -Dprism.order=sw
 * -Djava.awt.headless=true -cp TEST-CLASSPATH dev.easel.canvas.render.RenderBench [seconds-per-figure]}.
 * Compare figures only within one run: CPU speed drifts between runs.
 */
public final class RenderBench {
    private static final int W = 800;
    private static final int H = 600;
    private static final int LINES = 10_000;
    private static final int BATCH_SEGMENTS = 1_000_000;

    /** Measuring time per figure, in seconds (best of three slices of a third each). */
    private final double seconds;
    private final Map<String, Object> out = new LinkedHashMap<>();
    private final double[][] frames = new double[8][];
    private final int[][] colours = new int[8][];

    private RenderBench(double seconds) {
        this.seconds = seconds;
        Random r = new Random(1);
        for (int f = 0; f < frames.length; f++) {
            double[] xy = new double[LINES * 4];
            int[] c = new int[LINES];
            for (int i = 0; i < LINES; i++) {
                xy[4 * i] = r.nextDouble() * W;
                xy[4 * i + 1] = r.nextDouble() * H;
                xy[4 * i + 2] = r.nextDouble() * W;
                xy[4 * i + 3] = r.nextDouble() * H;
                c[i] = 0xFF000000 | r.nextInt(0x1000000);
            }
            frames[f] = xy;
            colours[f] = c;
        }
    }

    /** Entry point; the optional argument is the measuring time per figure in seconds (default 3). */
    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        RenderBench b = new RenderBench(seconds);
        b.out.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name")));
        b.recording();
        b.batched();
        b.java2d();
        b.javafx();
        System.out.println(json(b.out, ""));
        Platform.exit();
        System.exit(0);
    }

    // ---------------------------------------------------------------------------------------------

    private void record(DisplayList l, int frame, boolean colourPerLine) {
        double[] xy = frames[frame % frames.length];
        int[] c = colours[frame % frames.length];
        l.reset();
        l.clear(Colors.WHITE);
        l.stroke(Colors.BLACK);
        for (int i = 0, k = 0; i < LINES; i++, k += 4) {
            if (colourPerLine) {
                l.stroke(c[i]);
            }
            l.line(xy[k], xy[k + 1], xy[k + 2], xy[k + 3]);
        }
        l.finish();
    }

    private void recording() {
        DisplayList l = new DisplayList();
        for (boolean colourPerLine : new boolean[] {false, true}) {
            for (int f = 0; f < 300; f++) {
                record(l, f, colourPerLine); // warm-up: JIT and stream sizes
            }
            long capacity = l.capacityBytes();
            double ns = Double.MAX_VALUE;
            for (int slice = 0; slice < 3; slice++) {
                long t0 = System.nanoTime();
                int n = 0;
                while (System.nanoTime() - t0 < seconds * 1e9 / 6) {
                    record(l, n++, colourPerLine);
                }
                ns = Math.min(ns, (System.nanoTime() - t0) / (double) n / LINES);
            }
            String key = colourPerLine ? "record_line_and_stroke_ns" : "record_line_ns";
            out.put(key, round(ns, 2));
            if (!colourPerLine) {
                out.put("record_frame_us", round(ns * LINES / 1000, 1));
                out.put("display_list_bytes_per_line", round(l.sizeBytes() / (double) LINES, 1));
                out.put("display_list_capacity_stable", l.capacityBytes() == capacity);
            }
        }
    }

    private void batched() {
        try (Arena arena = Arena.ofConfined()) {
            Random r = new Random(2);
            long n = BATCH_SEGMENTS * 4L;
            MemorySegment f64 = arena.allocate(ValueLayout.JAVA_DOUBLE, n);
            MemorySegment f32 = arena.allocate(ValueLayout.JAVA_FLOAT, n);
            for (long i = 0; i < n; i++) {
                double v = r.nextDouble() * W;
                f64.setAtIndex(ValueLayout.JAVA_DOUBLE, i, v);
                f32.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) v);
            }
            DisplayList l = new DisplayList();
            for (NumType type : NumType.values()) {
                MemorySegment seg = type == NumType.FLOAT64 ? f64 : f32;
                for (int i = 0; i < 30; i++) {
                    l.reset();
                    l.lines(seg, n, type);
                    l.finish();
                }
                double perSecond = 0;
                for (int slice = 0; slice < 3; slice++) {
                    long t0 = System.nanoTime();
                    int iters = 0;
                    while (System.nanoTime() - t0 < seconds * 1e9 / 6) {
                        l.reset();
                        l.lines(seg, n, type);
                        l.finish();
                        iters++;
                    }
                    perSecond = Math.max(perSecond, iters * (double) BATCH_SEGMENTS / ((System.nanoTime() - t0) / 1e9));
                }
                out.put("batched_lines_" + type.name().toLowerCase(Locale.ROOT) + "_segments_per_s",
                        Math.round(perSecond));
            }
        }
    }

    /**
     * Frames per second of {@code frame}: at least {@code warm} frames and one second of warm-up (JIT),
     * then three slices of {@code seconds / 3}; the best slice is reported, since on a shared machine
     * the slow slices measure other processes, not this code.
     */
    private static double fps(Runnable frame, int warm, double seconds) {
        long w0 = System.nanoTime();
        for (int i = 0; i < warm || System.nanoTime() - w0 < 1e9; i++) {
            frame.run();
        }
        double best = 0;
        for (int slice = 0; slice < 3; slice++) {
            long t0 = System.nanoTime();
            int n = 0;
            do {
                frame.run();
                n++;
            } while (System.nanoTime() - t0 < seconds / 3 * 1e9);
            best = Math.max(best, n / ((System.nanoTime() - t0) / 1e9));
        }
        return best;
    }

    /** Frames per second over {@code frames} frames after one warm-up frame: for the slow variants. */
    private static double fpsQuick(Runnable frame, int frames) {
        frame.run();
        long t0 = System.nanoTime();
        for (int i = 0; i < frames; i++) {
            frame.run();
        }
        return frames / ((System.nanoTime() - t0) / 1e9);
    }

    private void java2d() throws Exception {
        DisplayList one = new DisplayList();
        record(one, 0, false);
        DisplayList perLine = new DisplayList();
        record(perLine, 0, true);

        Java2dRenderer r = new Java2dRenderer(W, H, 1);
        out.put("java2d_direct_fps", round(fps(() -> r.render(one), 30, seconds), 1));
        out.put("java2d_direct_colour_per_line_fps", round(fps(() -> r.render(perLine), 30, seconds), 1));
        Java2dRenderer hidpi = new Java2dRenderer(W, H, 2);
        out.put("java2d_direct_scale2_fps", round(fps(() -> hidpi.render(one), 10, seconds), 1));
        r.setDirectRasterization(false);
        out.put("java2d_marlin_fps", round(fpsQuick(() -> r.render(one), 5), 2));
        r.setDirectRasterization(true);
        out.put("java2d_marlin_single_path_fps", round(marlinSinglePath(), 2));
        r.setParallel(false);
        out.put("java2d_direct_one_thread_fps", round(fps(() -> r.render(one), 10, seconds), 1));
        r.setParallel(true);
        out.put("reference_java2d_aliased_lines_fps", round(aliasedReference(), 1));

        // Two canvases rendering at once, each on its own thread (as two canvas threads would).
        int threads = 2;
        List<Thread> ts = new ArrayList<>();
        double[] each = new double[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            Java2dRenderer own = new Java2dRenderer(W, H, 1);
            ts.add(Thread.ofPlatform().start(() -> each[id] = fps(() -> own.render(one), 30, seconds)));
        }
        for (Thread t : ts) {
            t.join();
        }
        out.put("java2d_direct_two_canvases_total_fps", round(each[0] + each[1], 1));

        // Making a Java2D frame visible: copy its premultiplied pixels into a JavaFX image on the FX thread.
        startFx();
        r.render(one);
        double uploadFps = onFx(() -> {
            WritableImage target = new WritableImage(W, H);
            PixelFormat<java.nio.IntBuffer> pre = PixelFormat.getIntArgbPreInstance();
            return fps(() -> target.getPixelWriter().setPixels(0, 0, W, H, pre, r.pixels(), 0, W), 20, seconds / 2);
        });
        double renderMs = 1000 / (double) out.get("java2d_direct_fps");
        out.put("java2d_upload_to_fx_ms", round(1000 / uploadFps, 3));
        out.put("java2d_direct_visible_fps", round(1000 / (renderMs + 1000 / uploadFps), 1));
    }

    /**
     * The same 10,000 lines drawn by Java2D's native aliased line loop (what pygame's draw.line does):
     * a yardstick measured in the same run, since this machine's speed drifts with load.
     */
    private double aliasedReference() {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(W, H, java.awt.image.BufferedImage.TYPE_INT_ARGB_PRE);
        double[] xy = frames[0];
        return fps(() -> {
            java.awt.Graphics2D g = img.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, W, H);
            g.setColor(java.awt.Color.BLACK);
            for (int i = 0, k = 0; i < LINES; i++, k += 4) {
                g.drawLine((int) xy[k], (int) xy[k + 1], (int) xy[k + 2], (int) xy[k + 3]);
            }
            g.dispose();
        }, 20, seconds);
    }

    /** Investigation: all 10,000 lines as one Java2D path, one antialiased draw call. */
    private double marlinSinglePath() {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(W, H, java.awt.image.BufferedImage.TYPE_INT_ARGB_PRE);
        double[] xy = frames[0];
        return fpsQuick(() -> {
            java.awt.Graphics2D g = img.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(java.awt.RenderingHints.KEY_STROKE_CONTROL, java.awt.RenderingHints.VALUE_STROKE_PURE);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, W, H);
            g.setColor(java.awt.Color.BLACK);
            java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double(java.awt.geom.Path2D.WIND_NON_ZERO, LINES * 2);
            for (int i = 0, k = 0; i < LINES; i++, k += 4) {
                p.moveTo(xy[k], xy[k + 1]);
                p.lineTo(xy[k + 2], xy[k + 3]);
            }
            g.draw(p);
            g.dispose();
        }, 2);
    }

    private void javafx() throws Exception {
        startFx();
        DisplayList one = new DisplayList();
        record(one, 0, false);
        Map<String, Object> fx = onFx(() -> {
            Map<String, Object> m = new LinkedHashMap<>();
            Canvas canvas = new Canvas(W, H);
            FxRenderer r = new FxRenderer(canvas.getGraphicsContext2D(), 1);
            WritableImage into = new WritableImage(W, H);
            SnapshotParameters p = new SnapshotParameters();
            // A snapshot is what makes the buffered GraphicsContext commands become pixels.
            m.put("fx_replay_and_snapshot_fps", round(fpsQuick(() -> {
                r.render(one);
                canvas.snapshot(p, into);
            }, 4), 2));
            // Investigation: the same lines batched as one JavaFX path, and JavaFX's own batched call,
            // strokePolyline (10,000 connected points: a different picture, the same amount of ink).
            double[] xy = frames[0];
            var gc = canvas.getGraphicsContext2D();
            m.put("fx_single_path_fps", round(fpsQuick(() -> {
                gc.setFill(javafx.scene.paint.Color.WHITE);
                gc.fillRect(0, 0, W, H);
                gc.beginPath();
                for (int i = 0, k = 0; i < LINES; i++, k += 4) {
                    gc.moveTo(xy[k], xy[k + 1]);
                    gc.lineTo(xy[k + 2], xy[k + 3]);
                }
                gc.stroke();
                canvas.snapshot(p, into);
            }, 3), 2));
            double[] xs = new double[LINES];
            double[] ys = new double[LINES];
            for (int i = 0; i < LINES; i++) {
                xs[i] = xy[4 * i];
                ys[i] = xy[4 * i + 1];
            }
            m.put("fx_stroke_polyline_fps", round(fpsQuick(() -> {
                gc.setFill(javafx.scene.paint.Color.WHITE);
                gc.fillRect(0, 0, W, H);
                gc.strokePolyline(xs, ys, LINES);
                canvas.snapshot(p, into);
            }, 3), 2));
            long t0 = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                r.render(one);
            }
            m.put("fx_replay_only_ms", round((System.nanoTime() - t0) / 5e6, 2));
            canvas.snapshot(p, into); // Drain the buffered commands before the next figure.
            return m;
        });
        out.putAll(fx);
    }

    // ---------------------------------------------------------------------------------------------

    private static void startFx() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyStarted) {
            // Fine.
        }
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(10, TimeUnit.MINUTES);
    }

    private static double round(double v, int digits) {
        double k = Math.pow(10, digits);
        return Math.round(v * k) / k;
    }

    private static String json(Object v, String indent) {
        if (v instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(indent).append("  \"").append(e.getKey()).append("\": ").append(json(e.getValue(), indent + "  "))
                        .append(++i < m.size() ? ",\n" : "\n");
            }
            return b.append(indent).append('}').toString();
        }
        if (v instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return String.valueOf(v);
    }
}
