package dev.easel.canvas.bench;

import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.loop.HeadlessWindows;
import dev.easel.canvas.host.LiveReload;
import dev.easel.canvas.host.Session;
import dev.easel.pybridge.PythonRuntime;
import dev.easel.pybridge.bench.BenchArgs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code easel bench reload}: live reload latency, from the sketch file saved to the first frame
 * of the new code shown (its pixels in the canvas' picture), with the watcher, its debounce, the
 * import and the swap in between. A 60 fps canvas, headless (paced on real time, as a watched
 * session is). One JSON object per mode (shared; isolated where the Python has sub-interpreters):
 * {@code reload_ms} (median), {@code reload_ms_p95}, {@code reload_ms_max}, {@code saves}.
 */
public final class ReloadBench {
    private ReloadBench() {}

    private static final String SKETCH = """
            import easel
            COLOUR = "%s"
            class Swatch(easel.Canvas):
                size = (160, 120)
                fps = 60
                isolated = %s
                def setup(self):
                    self.n = 0
                def on_draw(self, g):
                    self.n += 1
                    g.fill = COLOUR
                    g.fill_rect(0, 0, 160, 120)

            if __name__ == "__main__":
                Swatch().show()
            """;

    private static final String[] COLOURS = {"#ff0000", "#00ff00", "#0000ff", "#ffff00", "#00ffff", "#ff00ff"};

    /** Usage: {@code ReloadBench [--python CHOICE] [--quick]}. */
    public static void main(String[] argv) throws Exception {
        BenchArgs args = BenchArgs.parse(argv);
        String choice = args.python();
        boolean quick = args.quick();
        PythonRuntime rt = PythonRuntime.start(choice);
        try {
            List<Boolean> modes = rt.supportsSubInterpreters() ? List.of(false, true) : List.of(false);
            for (boolean isolated : modes) {
                System.out.println(DrawBench.toJson(run(rt, isolated, quick ? 5 : 20)));
            }
        } finally {
            rt.close();
        }
    }

    /**
     * Saves the sketch {@code saves} times with a new colour and returns the figures (keys above, with
     * {@code bench}, {@code python} and {@code mode}); {@code isolated}: the canvas in its own
     * sub-interpreter. Also part of {@code easel bench app}.
     */
    public static Map<String, Object> run(PythonRuntime rt, boolean isolated, int saves) throws Exception {
        Path dir = Files.createTempDirectory("easel-reload-bench");
        Path script = dir.resolve("swatch.py");
        String py = isolated ? "True" : "False";
        Files.writeString(script, SKETCH.formatted(COLOURS[0], py));
        Session s = new Session(rt, new HeadlessWindows(), new Session.Options(false, null, Integer.MAX_VALUE, List.of()));
        List<Double> ms = new ArrayList<>();
        try (LiveReload live = LiveReload.start(s, script)) {
            s.runScript(script, List.of());
            CanvasHost h = until(() -> s.canvases().isEmpty() ? null : s.canvases().getFirst());
            until(() -> h.stats().frames() > 0 && argb(h) == rgb(COLOURS[0]) ? true : null);
            for (int i = 1; i <= saves; i++) {
                String c = COLOURS[i % COLOURS.length];
                int want = rgb(c);
                long t0 = System.nanoTime();
                Files.writeString(script, SKETCH.formatted(c, py));
                until(() -> argb(h) == want ? true : null);
                ms.add((System.nanoTime() - t0) / 1e6);
                long settled = h.stats().frames() + 3; // a few frames of the new code before the next save
                until(() -> h.stats().frames() >= settled ? true : null);
            }
            if (s.errorCount() > 0) {
                throw new IllegalStateException("the reload bench sketch failed");
            }
        } finally {
            s.close();
        }
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bench", "reload");
        out.put("python", rt.version().toString());
        out.put("mode", isolated ? "isolated" : "shared");
        out.put("saves", saves);
        out.put("reload_ms", round(sorted.get(sorted.size() / 2)));
        out.put("reload_ms_p95", round(sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.95) - 1))));
        out.put("reload_ms_max", round(sorted.getLast()));
        out.put("reload_ms_first", round(ms.getFirst()));
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static int argb(CanvasHost h) {
        return h.snapshot().argb(80, 60) | 0xFF000000;
    }

    private static int rgb(String hex) {
        return 0xFF000000 | Integer.parseInt(hex.substring(1), 16);
    }

    private static <T> T until(java.util.function.Supplier<T> v) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        T r;
        while ((r = v.get()) == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the reload bench timed out");
            }
            LockSupport.parkNanos(200_000);
        }
        return r;
    }
}
