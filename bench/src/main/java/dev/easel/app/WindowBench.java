package dev.easel.app;

import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.Session;
import dev.easel.pybridge.PythonRuntime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Frames <em>shown</em> in a real window: 10,000 random translucent lines per frame at 800×600, the
 * canvas asking for more frames than a screen shows ({@code fps = 1000}), at render scale 1 and 2
 * (the stage's render scale stands in for a HiDPI screen). Prints one JSON object:
 * {@code fps_10k_lines}, {@code fps_10k_lines_hidpi2} (frames shown per second),
 * {@code upload_ms}, {@code upload_ms_hidpi2} (FX-thread time per shown frame),
 * {@code cpu_ms_per_shown}, {@code cpu_ms_per_shown_hidpi2} (the whole process's CPU time per shown
 * frame: on 2 cores, 2,000 / this bounds the frames shown per second), {@code prism_ms},
 * {@code prism_ms_hidpi2} (of which JavaFX's render thread, which draws the canvas image into the window),
 * {@code drawn_per_shown} (frames recorded per frame shown, pacing: 1 when none is wasted) and
 * {@code frames_dropped}. Run by {@code easel bench draw} and {@code easel bench app} in a child
 * JVM (JavaFX's headless platform when there is no display).
 */
final class WindowBench {
    private WindowBench() {}

    private static final String LINES = """
            import easel, random
            from array import array
            rng = random.Random(3)
            W, H = 800, 600
            FRAMES = [array("d", [v for _ in range(10_000) for v in (rng.random() * W, rng.random() * H,
                                                                      rng.random() * W, rng.random() * H)])
                      for _ in range(4)]
            class TenK(easel.Canvas):
                size = (W, H)
                fps = 1000
                background = "black"
                renderer = "%s"
                def on_draw(self, g):
                    g.stroke = (120, 200, 255, 0.5)
                    g.lines(FRAMES[self.frame %% 4])
            TenK().show()
            """;

    /** Usage: {@code WindowBench [--python CHOICE] [--quick] [--renderer raster|gl|auto]}. */
    public static void main(String[] argv) throws Exception {
        String choice = null;
        boolean quick = false;
        String renderer = "raster";
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--python" -> choice = argv[++i];
                case "--quick" -> quick = true;
                case "--renderer" -> renderer = argv[++i];
                default -> throw new IllegalArgumentException("unknown argument " + argv[i]);
            }
        }
        FxLauncher.startAsync().get(60, TimeUnit.SECONDS);
        Map<String, Object> out;
        try (PythonRuntime rt = PythonRuntime.start(choice)) {
            out = measure(rt, quick ? 2 : 5, renderer);
        }
        StringBuilder json = new StringBuilder("{");
        for (var e : out.entrySet()) {
            json.append(json.length() > 1 ? ", " : "").append('"').append(e.getKey()).append("\": ").append(e.getValue());
        }
        System.out.println(json.append('}'));
        FxLauncher.exit();
        System.exit(0);
    }

    /** The figures, each over {@code seconds} after a second's warm-up. JavaFX must be started. */
    static Map<String, Object> measure(PythonRuntime rt, int seconds) throws Exception {
        return measure(rt, seconds, "raster");
    }

    /** The figures with the canvas drawn by {@code renderer} ("raster", "gl" or "auto"). */
    static Map<String, Object> measure(PythonRuntime rt, int seconds, String renderer) throws Exception {
        Path dir = Files.createTempDirectory("easel-window-bench");
        Path script = dir.resolve("tenk.py");
        Files.writeString(script, LINES.formatted(renderer));
        FxWindows windows = new FxWindows();
        Session s = new Session(rt, windows, Session.Options.defaults());
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            s.runScript(script, List.of());
            CanvasHost h = until(() -> s.canvases().isEmpty() ? null : s.canvases().get(0));
            FxCanvasWindow w = until(() -> windows.windows().get(h));
            until(() -> w.presented > 0 ? Boolean.TRUE : null);
            Figures one = run(h, w, 1.0, seconds);
            Figures two = run(h, w, 2.0, seconds);
            out.put("fps_10k_lines", round(one.fps(), 1));
            out.put("fps_10k_lines_hidpi2", round(two.fps(), 1));
            out.put("upload_ms", round(one.uploadMs(), 3));
            out.put("upload_ms_hidpi2", round(two.uploadMs(), 3));
            out.put("cpu_ms_per_shown", round(one.cpuMs(), 2));
            out.put("cpu_ms_per_shown_hidpi2", round(two.cpuMs(), 2));
            out.put("prism_ms", round(one.prismMs(), 2));
            out.put("prism_ms_hidpi2", round(two.prismMs(), 2));
            out.put("drawn_per_shown", round(one.drawnPerShown(), 2));
            out.put("frames_dropped", h.stats().framesDropped());
            out.put("window_renderer", "\"" + w.pixels().rendererName() + "\"");
        } finally {
            s.close();
            s.awaitEnd();
        }
        return out;
    }

    /**
     * One scale's figures: frames shown per second, the FX thread's CPU ms per shown frame, frames
     * drawn per frame shown, the process's CPU ms per shown frame, and that of JavaFX's render thread.
     */
    private record Figures(double fps, double uploadMs, double drawnPerShown, double cpuMs, double prismMs) {}

    /** JavaFX's render thread (Prism's), which draws the scene and so the canvas image into the window. */
    private static final String PRISM_THREAD = "QuantumRenderer";

    /** {@link Figures} at render scale {@code scale}; with EASEL_BENCH_TRACE set, each thread's share on stderr. */
    private static Figures run(CanvasHost h, FxCanvasWindow w, double scale, int seconds) throws Exception {
        AppBench.onFx(() -> {
            w.stage().setRenderScaleX(scale);
            w.stage().setRenderScaleY(scale);
            return null;
        });
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1)); // the new scale's buffers, the JIT
        long[] u0 = AppBench.onFx(w::uploadStats);
        long shown0 = h.stats().framesShown(), drawn0 = h.stats().frames(), t0 = System.nanoTime();
        ThreadCpu cpu0 = ThreadCpu.now();
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(seconds));
        ThreadCpu cpu1 = ThreadCpu.now();
        long[] u1 = AppBench.onFx(w::uploadStats);
        long shown = h.stats().framesShown() - shown0, drawn = h.stats().frames() - drawn0;
        double took = (System.nanoTime() - t0) / 1e9;
        long uploads = u1[1] - u0[1];
        double perShown = shown == 0 ? 0 : 1e-6 / shown; // ns in all → ms per shown frame
        if (System.getenv("EASEL_BENCH_TRACE") != null) {
            cpu1.byNameSince(cpu0).forEach((name, ns) -> {
                if (ns * perShown >= 0.05) {
                    System.err.printf(Locale.ROOT, "window bench, scale %.0f: %-40s %6.2f CPU ms per shown frame%n",
                            scale, name, ns * perShown);
                }
            });
        }
        return new Figures(shown / took, uploads == 0 ? 0 : (u1[0] - u0[0]) / 1e6 / uploads,
                shown == 0 ? 0 : (double) drawn / shown,
                cpu1.processSince(cpu0) * perShown, cpu1.namedSince(cpu0, PRISM_THREAD) * perShown);
    }

    private static <T> T until(java.util.function.Supplier<T> value) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (T v; System.nanoTime() < end; LockSupport.parkNanos(10_000_000L)) {
            if ((v = value.get()) != null) {
                return v;
            }
        }
        throw new IllegalStateException("the benchmark window did not show a frame within 60 s");
    }

    private static String round(double v, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", v);
    }
}
