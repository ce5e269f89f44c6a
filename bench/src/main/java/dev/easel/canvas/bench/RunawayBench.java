package dev.easel.canvas.bench;

import dev.easel.canvas.DisplayList;
import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.view.CanvasView;
import dev.easel.canvas.host.view.Frame;
import dev.easel.canvas.host.Session;
import dev.easel.canvas.host.view.WindowPixels;
import dev.easel.canvas.host.loop.WindowSystem;
import dev.easel.pybridge.PythonRuntime;
import dev.easel.pybridge.bench.BenchArgs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code easel bench runaway}: what an endless loop in one isolated canvas costs the others.
 * Two isolated canvases draw paced at 60 fps (a few milliseconds of Python per frame, like a real
 * sketch) in real time, as in windows (frames rendered, not shown); the run is repeated with a
 * third isolated canvas whose {@code on_draw} never returns. Prints one JSON object:
 * {@code fps_alone}, {@code fps_beside_runaway} (mean per paced canvas), {@code cost_percent}
 * (target: under 10), and {@code close_to_stopped_ms}: from closing the runaway's window to its
 * thread ending (target: under 1,000).
 */
public final class RunawayBench {
    private RunawayBench() {}

    private static final String SKETCH = """
            import easel, sys
            RUNAWAY = sys.argv[1] == "1"

            class Paced(easel.Canvas):
                size = (200, 150)
                fps = 60
                isolated = True
                def on_draw(self, g):
                    s = 0
                    for i in range(20_000):
                        s += i * i % 7
                    g.clear("white")
                    g.fill = "red" if s % 2 else "blue"
                    g.fill_circle(100 + 50 * easel.noise(self.time), 75, 20)

            class Runaway(easel.Canvas):
                size = (200, 150)
                isolated = True
                def on_draw(self, g):
                    while True:
                        pass

            if __name__ == "__main__":
                Paced().show()
                Paced().show()
                if RUNAWAY:
                    Runaway().show()
            """;

    /** Windows without a screen: real-time pacing, frames rendered on the canvas thread. */
    private static final class UnseenWindows implements WindowSystem {
        @Override
        public CanvasView open(CanvasHost host) {
            WindowPixels pixels = new WindowPixels(host.viewContext());
            return new CanvasView() {
                @Override
                public void present(Frame f, DisplayList o, int w, int h) {
                    pixels.render(f, o, w, h, 1.0);
                    host.frameShown();
                }

                @Override
                public void close() {}

                @Override
                public WindowPixels pixels() {
                    return pixels;
                }
            };
        }

        @Override
        public boolean headless() {
            return false;
        }
    }

    /** Usage: {@code RunawayBench [--python CHOICE] [--quick]}. */
    public static void main(String[] argv) throws Exception {
        BenchArgs args = BenchArgs.parse(argv);
        String choice = args.python();
        boolean quick = args.quick();
        PythonRuntime rt = PythonRuntime.start(choice);
        try {
            if (!rt.supportsSubInterpreters()) {
                System.out.println("{\"python\": \"" + rt.version() + "\", \"skipped\": \"isolated canvases need 3.12+\"}");
                return;
            }
            Path script = Files.createTempDirectory("easel-runaway").resolve("runaway.py");
            Files.writeString(script, SKETCH);
            long measureNanos = TimeUnit.SECONDS.toNanos(quick ? 2 : 5);
            measure(rt, script, false, TimeUnit.SECONDS.toNanos(1)); // warm-up: JIT, imports
            double alone = measure(rt, script, false, measureNanos)[0];
            double[] beside = measure(rt, script, true, measureNanos);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("python", rt.version().toString());
            out.put("fps_alone", round(alone));
            out.put("fps_beside_runaway", round(beside[0]));
            out.put("cost_percent", round(100 * (1 - beside[0] / alone)));
            out.put("close_to_stopped_ms", round(beside[1]));
            System.out.println(DrawBench.toJson(out));
        } finally {
            rt.close();
        }
    }

    /** Returns {mean fps of the paced canvases, ms from closing the runaway to its end (or NaN)}. */
    private static double[] measure(PythonRuntime rt, Path script, boolean runaway, long nanos) throws Exception {
        Session s = new Session(rt, new UnseenWindows(), new Session.Options(false, null, 1, List.of()));
        s.runScript(script, List.of(runaway ? "1" : "0"));
        int expected = runaway ? 3 : 2;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (s.canvases().size() < expected || s.canvases().stream().anyMatch(h -> h.stats().frames() < 1
                && !h.spec().className().equals("Runaway"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the canvases did not start");
            }
            LockSupport.parkNanos(1_000_000);
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300)); // settle: the runaway is looping by now
        List<CanvasHost> paced = s.canvases().stream().filter(h -> h.spec().className().equals("Paced")).toList();
        long[] before = paced.stream().mapToLong(h -> h.stats().framesShown()).toArray();
        long t0 = System.nanoTime();
        LockSupport.parkNanos(nanos);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double fps = 0;
        for (int i = 0; i < paced.size(); i++) {
            fps += (paced.get(i).stats().framesShown() - before[i]) / seconds / paced.size();
        }
        double stopMs = Double.NaN;
        for (CanvasHost h : s.canvases()) {
            if (h.spec().className().equals("Runaway")) {
                long c0 = System.nanoTime();
                h.requestClose(); // as the window's close button does
                try {
                    h.ended().get(10, TimeUnit.SECONDS);
                    stopMs = (System.nanoTime() - c0) / 1e6;
                } catch (java.util.concurrent.TimeoutException notStopped) {
                    stopMs = -1; // not stopped within 10 s: a bug (the window close must stop it)
                }
            }
        }
        s.close();
        return new double[] {fps, stopMs};
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
