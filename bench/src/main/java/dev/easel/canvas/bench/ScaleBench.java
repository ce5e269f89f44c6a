package dev.easel.canvas.bench;

import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.loop.HeadlessWindows;
import dev.easel.canvas.host.Session;
import dev.easel.pybridge.PythonRuntime;
import dev.easel.pybridge.bench.BenchArgs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code easel bench scale}: 1, 2 and 4 canvases whose {@code on_draw} does fixed CPU-bound
 * pure-Python work, headless, shared (one interpreter, one GIL) and isolated (own-GIL
 * sub-interpreters). One JSON object per line: {@code python}, {@code mode} ({@code shared},
 * {@code isolated}, or {@code free-threaded} for shared canvases on a free-threaded build),
 * {@code canvases}, {@code aggregate_fps}, {@code attach_wait_ms_per_frame}, {@code create_ms}
 * (mean time to make one canvas: for isolated ones, its interpreter and the sketch imported again).
 */
public final class ScaleBench {
    private ScaleBench() {}

    private static final String SKETCH = """
            import easel, sys
            WORK = int(sys.argv[1])
            COUNT = int(sys.argv[2])
            ISOLATED = sys.argv[3] == "1"

            class Busy(easel.Canvas):
                size = (64, 64)
                isolated = ISOLATED
                def on_draw(self, g):
                    s = 0
                    for i in range(WORK):
                        s += i * i % 7
                    g.fill = "red" if s % 2 else "blue"
                    g.fill_rect(0, 0, 10, 10)

            if __name__ == "__main__":
                for _ in range(COUNT):
                    Busy().show()
            """;

    /** Usage: {@code ScaleBench [--python CHOICE] [--quick]}. */
    public static void main(String[] argv) throws Exception {
        BenchArgs args = BenchArgs.parse(argv);
        String choice = args.python();
        boolean quick = args.quick();
        PythonRuntime rt = PythonRuntime.start(choice);
        try {
            Path script = Files.createTempDirectory("easel-scale").resolve("busy.py");
            Files.writeString(script, SKETCH);
            int frames = quick ? 20 : 60;
            int work = quick ? 20_000 : 60_000;
            List<Boolean> modes = rt.supportsSubInterpreters() ? List.of(false, true) : List.of(false);
            run(rt, script, false, 1, frames, work); // warm-up: JIT, imports
            for (boolean isolated : modes) {
                for (int n : List.of(1, 2, 4)) {
                    System.out.println(DrawBench.toJson(run(rt, script, isolated, n, frames, work)));
                }
            }
        } finally {
            rt.close();
        }
    }

    private static Map<String, Object> run(PythonRuntime rt, Path script, boolean isolated, int canvases, int frames,
                                           int work) throws Exception {
        HeadlessWindows windows = new HeadlessWindows();
        Session s = new Session(rt, windows, new Session.Options(false, null, frames, List.of()));
        s.runScript(script, List.of(String.valueOf(work), String.valueOf(canvases), isolated ? "1" : "0"));
        s.awaitEnd();
        s.close();
        if (s.scriptFailed() || s.errorCount() > 0) {
            throw new IllegalStateException("scale sketch failed");
        }
        // Frames per second while all were drawing: from the first frame's end to the last one's,
        // leaving out start-up (measured apart as create_ms).
        int total = 0;
        double wait = 0;
        double create = 0;
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        for (CanvasHost h : s.canvases()) {
            first = Math.min(first, h.stats().firstFrameAt());
            last = Math.max(last, h.stats().lastFrameAt());
            total += h.stats().frames() - 1;
            wait += h.stats().attachWaitMsPerFrame();
            create += h.createNanos() / 1e6;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("python", rt.version().toString());
        out.put("mode", isolated ? "isolated" : rt.isFreeThreaded() ? "free-threaded" : "shared");
        out.put("canvases", canvases);
        out.put("aggregate_fps", Math.round(total / ((last - first) / 1e9) * 10) / 10.0);
        out.put("attach_wait_ms_per_frame", Math.round(wait / canvases * 1000) / 1000.0);
        out.put("create_ms", isolated ? Math.round(create / canvases * 10) / 10.0 : null);
        return out;
    }
}
