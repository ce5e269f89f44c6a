package dev.easel.canvas.bench;

import dev.easel.canvas.host.loop.HeadlessWindows;
import dev.easel.canvas.host.Session;
import dev.easel.pybridge.PythonRuntime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code easel bench draw}: what drawing from Python costs. Prints one JSON object:
 * {@code python}, {@code python_method_ns} (an empty Python method with 4 arguments: the
 * baseline), {@code line_ns}, {@code fill_rect_ns}, {@code fill_circle_ns} (per call, measured in
 * the same loop shape), {@code line_ns_1k}, {@code line_ns_100k}, {@code line_ns_1m} ({@code g.line}
 * per call when every frame makes 1,000, 100,000 or 1,000,000 calls: total time over total calls
 * of the frames after three warm-up frames (each display list in flight fills its chunks once),
 * each frame recorded into a recycled display list and rendered, as in a sketch, so collector
 * pauses count at every size; flat means the same figure at each count), {@code line_cpu_ns_1k},
 * {@code line_cpu_ns_100k}, {@code line_cpu_ns_1m} (the same calls in CPU time of the canvas
 * thread: unlike the wall-clock figures, not inflated by other processes on a shared machine, but
 * blind to work on other threads such as the collector's; compare them with
 * {@code python_method_cpu_ns}, the empty method in CPU time), {@code batched_segments_per_s}
 * ({@code g.lines} recording 1M segments),
 * {@code fps_10k_lines} (frames per second recording and rendering 10,000 random lines per frame
 * at 800x600 with the default renderer), {@code first_frame_ms} when the caller measured it, and
 * the {@code --renderer}'s own figures ({@link RendererFigures}: {@code renderer}, {@code gl_renderer}, {@code render_*}).
 */
public final class DrawBench {
    private DrawBench() {}

    private static final String CALLS = """
            import easel, sys, time
            from array import array
            N = int(sys.argv[1])
            ROUNDS = int(sys.argv[2])
            res = {}
            def best(key, ns):
                res[key] = min(res.get(key, 1e18), ns)
            class Calls(easel.Canvas):
                size = (800, 600)
                background = None
                def m(self, a, b, c, d):
                    pass
                def on_draw(self, g):
                    if self.frame > 0:
                        return
                    m = self.m
                    line, fill_rect, fill_circle = g.line, g.fill_rect, g.fill_circle
                    r = range(N)
                    for _ in range(ROUNDS):
                        t0 = time.perf_counter_ns()
                        for _ in r: pass
                        empty = time.perf_counter_ns() - t0
                        t0 = time.perf_counter_ns()
                        for _ in r: self.m(1.0, 2.0, 3.0, 4.0)
                        best("python_method_ns", (time.perf_counter_ns() - t0 - empty) / N)
                        c0 = time.thread_time_ns()
                        for _ in r: pass
                        empty_cpu = time.thread_time_ns() - c0
                        c0 = time.thread_time_ns()
                        for _ in r: self.m(1.0, 2.0, 3.0, 4.0)
                        best("python_method_cpu_ns", (time.thread_time_ns() - c0 - empty_cpu) / N)
                        t0 = time.perf_counter_ns()
                        for _ in r: g.line(1.0, 2.0, 3.0, 4.0)
                        best("line_ns", (time.perf_counter_ns() - t0 - empty) / N)
                        t0 = time.perf_counter_ns()
                        for _ in r: g.fill_rect(1.0, 2.0, 3.0, 4.0)
                        best("fill_rect_ns", (time.perf_counter_ns() - t0 - empty) / N)
                        t0 = time.perf_counter_ns()
                        for _ in r: g.fill_circle(1.0, 2.0, 3.0)
                        best("fill_circle_ns", (time.perf_counter_ns() - t0 - empty) / N)
                        g.clear()  # drop what was recorded (an opaque clear discards the list)
                    segs = array("d", [0.5] * 4_000_000)
                    for _ in range(ROUNDS):
                        t0 = time.perf_counter_ns()
                        g.lines(segs)
                        best("batched_s", (time.perf_counter_ns() - t0) / 1e9)
                        g.clear()
                    sys._easel_bench = res
            Calls().show()
            """;

    /** N calls of g.line per frame, timed in each frame after the third; argv: N. */
    private static final String PER_FRAME = """
            import easel, sys, time
            N = int(sys.argv[1])
            per_call = []  # (wall ns, canvas-thread CPU ns) per call, one pair per frame
            class PerFrame(easel.Canvas):
                size = (800, 600)
                background = "white"
                def on_draw(self, g):
                    line = g.line
                    r = range(N)
                    t0 = time.perf_counter_ns()
                    for _ in r: pass
                    empty = time.perf_counter_ns() - t0
                    c0 = time.thread_time_ns()
                    for _ in r: pass
                    empty_cpu = time.thread_time_ns() - c0
                    t0 = time.perf_counter_ns()
                    c0 = time.thread_time_ns()
                    for _ in r: line(1.0, 2.0, 3.0, 4.0)
                    cpu = time.thread_time_ns() - c0
                    if self.frame >= 3:  # warm-up: each display list in flight fills its chunks once
                        per_call.append([(time.perf_counter_ns() - t0 - empty) / N, (cpu - empty_cpu) / N])
                    sys._easel_bench_frames = per_call
            PerFrame().show()
            """;

    private static final String LINES = """
            import easel, random, sys
            from array import array
            rng = random.Random(3)
            W, H = 800, 600
            FRAMES = [array("d", [v for _ in range(10_000) for v in (rng.random() * W, rng.random() * H,
                                                                      rng.random() * W, rng.random() * H)])
                      for _ in range(4)]
            class TenK(easel.Canvas):
                size = (W, H)
                background = "black"
                def on_draw(self, g):
                    g.stroke = (120, 200, 255, 0.5)
                    g.lines(FRAMES[self.frame % 4])
            TenK().show()
            """;

    /** Usage: {@code DrawBench [--python CHOICE] [--quick] [--first-frame-ms N] [--renderer auto|raster|gl]}. */
    public static void main(String[] argv) throws Exception {
        String choice = null;
        boolean quick = false;
        Double firstFrame = null;
        dev.easel.canvas.RendererChoice renderer = dev.easel.canvas.RendererChoice.RASTER;
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--python" -> choice = argv[++i];
                case "--quick" -> quick = true;
                case "--first-frame-ms" -> firstFrame = Double.parseDouble(argv[++i]);
                case "--renderer" -> renderer = dev.easel.canvas.RendererChoice.parse(argv[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + argv[i]);
            }
        }
        PythonRuntime rt = PythonRuntime.start(choice);
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            out.put("python", rt.version().toString());
            Path dir = Files.createTempDirectory("easel-bench");
            int n = quick ? 200_000 : 1_000_000;
            int rounds = quick ? 3 : 5;
            runSketch(rt, dir.resolve("calls.py"), CALLS, 1, List.of(String.valueOf(n), String.valueOf(rounds)));
            @SuppressWarnings("unchecked")
            Map<String, Object> res = (Map<String, Object>) rt.main().evalToJava("__import__('sys')._easel_bench");
            for (String k : List.of("python_method_ns", "line_ns", "fill_rect_ns", "fill_circle_ns")) {
                out.put(k, round1(((Number) res.get(k)).doubleValue()));
            }
            Map<String, Object> cpu = new LinkedHashMap<>();
            for (int[] nf : new int[][] {{1_000, quick ? 60 : 200}, {100_000, quick ? 8 : 20}, {1_000_000, quick ? 5 : 10}}) {
                runSketch(rt, dir.resolve("per_frame.py"), PER_FRAME, nf[1], List.of(String.valueOf(nf[0])));
                @SuppressWarnings("unchecked")
                List<List<Number>> perCall = (List<List<Number>>) rt.main().evalToJava("__import__('sys')._easel_bench_frames");
                String count = nf[0] == 1_000 ? "1k" : nf[0] == 100_000 ? "100k" : "1m";
                out.put("line_ns_" + count, round1(mean(perCall, 0)));
                cpu.put("line_cpu_ns_" + count, round1(mean(perCall, 1)));
            }
            cpu.put("python_method_cpu_ns", round1(((Number) res.get("python_method_cpu_ns")).doubleValue()));
            out.putAll(cpu);
            out.put("batched_segments_per_s", Math.round(1_000_000 / ((Number) res.get("batched_s")).doubleValue()));
            int frames = quick ? 60 : 240;
            long t0 = System.nanoTime();
            runSketch(rt, dir.resolve("tenk.py"), LINES, frames, List.of());
            double seconds = (System.nanoTime() - t0) / 1e9;
            out.put("fps_10k_lines", round1(frames / seconds));
            out.put("first_frame_ms", firstFrame);
            RendererFigures.add(out, renderer, quick);
        } finally {
            rt.close();
        }
        System.out.println(toJson(out));
    }

    private static void runSketch(PythonRuntime rt, Path file, String source, int frames, List<String> args) throws Exception {
        Files.writeString(file, source);
        HeadlessWindows windows = new HeadlessWindows();
        Session s = new Session(rt, windows, new Session.Options(false, null, frames, List.of()));
        s.runScript(file, args);
        s.awaitEnd();
        s.close();
        if (s.scriptFailed() || s.errorCount() > 0) {
            throw new IllegalStateException("benchmark sketch failed: " + s.canvases().stream()
                    .flatMap(h -> h.stats().errors().stream()).toList());
        }
    }

    private static double mean(List<List<Number>> frames, int column) {
        return frames.stream().mapToDouble(f -> f.get(column).doubleValue()).average().orElseThrow();
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static String toJson(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append('"').append(e.getKey()).append("\": ");
            Object v = e.getValue();
            sb.append(v == null ? "null" : v instanceof Number ? String.format(Locale.ROOT, "%s", v) : "\"" + v + "\"");
        }
        return sb.append('}').toString();
    }
}
