package dev.easel.app;

import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.Session;
import dev.easel.pybridge.PythonRuntime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The cost of recording a window ({@code easel bench app}): an 800×600 canvas drawing 2,000
 * lines a frame, its frames drawn per second for a few seconds without recording, then while the
 * window records an MP4 (Ctrl+Shift+S's path: {@link FxWindowRecording}, Record…'s default
 * answered: every frame), then without again. {@code recording_cost_pct} compares the recording's
 * fps with the mean of the two around it; {@code record_finish_ms}: from the stop to the file
 * complete (the frames the encoder had not reached are encoded then).
 */
final class RecordingBench {
    private static final String SKETCH = """
            import easel, math
            class Lines(easel.Canvas):
                size = (800, 600)
                fps = 60
                def on_draw(self, g):
                    g.clear("#101820")
                    g.stroke = "#f0c040"
                    t = self.frame * 0.02
                    for i in range(2000):
                        a = t + i * 0.003
                        g.line(400, 300, 400 + 380 * math.cos(a * 7), 300 + 280 * math.sin(a * 5))
            Lines().show()
            """;

    private RecordingBench() {}

    /** Measures in {@code rt}, {@code seconds} per phase. FX toolkit started. */
    static Map<String, Object> measure(PythonRuntime rt, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("easel-bench-record");
        Path script = dir.resolve("recording_bench.py");
        Files.writeString(script, SKETCH);
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            FxWindows windows = new FxWindows(new FxWindows.App(script, WindowMemory.NONE, () -> { }));
            Session session = new Session(rt, windows, Session.Options.defaults());
            try {
                session.runScript(script, List.of());
                CanvasHost host = until(() -> session.canvases().isEmpty() ? null : session.canvases().getFirst());
                FxCanvasWindow w = until(() -> windows.windows().get(host));
                until(() -> w.presented > 0 ? Boolean.TRUE : null);
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1)); // warm-up: JIT, first frames
                double before = fps(host, seconds);
                AppBench.onFx(() -> {
                    w.recording.dialog = (owner, suggested) -> java.util.Optional.of(suggested); // Record…'s default
                    w.perform(dev.easel.app.runs.WindowAction.RECORD);
                    return null;
                });
                double recording = fps(host, seconds);
                int offered = AppBench.onFx(() -> w.recording.offered());
                long stopped = System.nanoTime();
                // Every frame is kept: the ones the encoder had not reached are encoded now, then the file closed.
                int written = AppBench.onFx(() -> w.recording.stop()).get(600, TimeUnit.SECONDS);
                long finishMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);
                double after = fps(host, seconds);
                double plain = (before + after) / 2;
                out.put("record_fps_plain", Math.round(plain * 10) / 10.0);
                out.put("record_fps_recording", Math.round(recording * 10) / 10.0);
                out.put("recording_cost_pct", plain > 0 ? Math.round((1 - recording / plain) * 1000) / 10.0 : null);
                out.put("record_frames_offered", offered);
                out.put("record_frames_written", written);
                out.put("record_finish_ms", finishMs);
            } finally {
                session.close();
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
        return out;
    }

    /** Frames drawn per second by {@code host} over {@code seconds}. */
    private static double fps(CanvasHost host, int seconds) {
        int f0 = host.stats().frames();
        long t0 = System.nanoTime();
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(seconds));
        return (host.stats().frames() - f0) / ((System.nanoTime() - t0) / 1e9);
    }

    private static <T> T until(java.util.function.Supplier<T> value) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            T v = value.get();
            if (v != null) {
                return v;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        throw new IllegalStateException("the recording benchmark's canvas did not come up in 60 s");
    }
}
