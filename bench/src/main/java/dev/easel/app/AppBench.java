package dev.easel.app;

import dev.easel.app.launcher.ConsoleWindow;
import dev.easel.app.launcher.LauncherWindow;
import dev.easel.app.runs.ConsoleLines;
import dev.easel.app.runs.Settings;
import dev.easel.app.runs.SketchRun;
import dev.easel.app.runs.Thumbnails;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.prefs.Preferences;

/**
 * {@code easel bench app}: the desktop app's figures, one JSON object. {@code launcher_open_ms}:
 * launcher built and shown to its first pulse with the gallery laid out (thumbnails cached);
 * {@code console_lines_per_s}: the highest rate tried (50k to 800k lines/s, from a thread printing
 * evenly, one new string a line as the console's reader makes them: {@link #frameLine}) that a console
 * showed with no line dropped and no pulse missed (a gap over 2.5 pulse
 * periods that begins inside the 3-s measurement); {@code console_lines_per_s_fx_kept_up}: the
 * highest with no line dropped and the console's FX work a pulse (animation timers to the end of
 * layout, {@code fx_pulse_ms_p95}) under one pulse period; with the figures of each rate: pulses
 * missed, how many of them overlapped a garbage collection
 * ({@code missed_in_gc}: docs/desktop-app.md), and how long the new
 * console took to show its first screenful ({@code first_fill_ms}: before the measurement, see
 * {@link #FIRST_FILL}); the window's drawing figures ({@link WindowBench}:
 * {@code fps_10k_lines}, {@code fps_10k_lines_hidpi2}, {@code upload_ms}, ...); the cost of
 * recording a window ({@link RecordingBench}); and live reload's latency, sketch saved to the first
 * frame of the new code ({@code reload_ms}, {@code reload_ms_p95}: a shared canvas, as
 * {@code easel bench reload} measures it).
 */
final class AppBench {
    private AppBench() {}

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        FxLauncher.startAsync().get(60, TimeUnit.SECONDS);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("launcher_open_ms", launcherOpenMs());
        console(50_000, 1); // warm-up: JIT, the list's skin, CSS
        int best = 0;
        int keptUp = 0;
        StringBuilder rates = new StringBuilder("{");
        for (int rate : new int[]{50_000, 100_000, 200_000, 400_000, 800_000}) {
            long[] r = console(rate, quick ? 1 : 3);
            rates.append(rates.length() > 1 ? ", " : "").append('"').append(rate).append("\": {\"shown_per_s\": ")
                    .append(r[0]).append(", \"dropped\": ").append(r[1]).append(", \"missed_pulses\": ").append(r[2])
                    .append(", \"missed_in_gc\": ").append(r[3]).append(", \"first_fill_ms\": ").append(r[4])
                    .append(String.format(Locale.ROOT, ", \"fx_pulse_ms_median\": %.1f, \"fx_pulse_ms_p95\": %.1f",
                            r[5] / 1e6, r[6] / 1e6)).append('}');
            if (r[1] == 0 && r[2] == 0) {
                best = rate;
            }
            if (r[1] == 0 && r[6] < PULSE_NANOS) {
                keptUp = rate;
            }
        }
        out.put("console_lines_per_s", best);
        out.put("console_lines_per_s_fx_kept_up", keptUp);
        if (List.of(args).contains("--console-only")) { // the console's figures alone (EASEL_BENCH_TRACE=1 says why pulses were missed)
            System.out.println(rates.append('}'));
            FxLauncher.exit();
            System.exit(0);
        }
        try (dev.easel.pybridge.PythonRuntime rt = dev.easel.pybridge.PythonRuntime.start(python(args))) {
            out.putAll(WindowBench.measure(rt, quick ? 2 : 5));
            out.putAll(RecordingBench.measure(rt, quick ? 2 : 4)); // one CPython per process: the same runtime
            // Live reload, sketch saved -> first frame of the new code (easel bench reload: both modes, p95, max).
            var reload = dev.easel.canvas.bench.ReloadBench.run(rt, false, quick ? 5 : 20);
            out.put("reload_ms", reload.get("reload_ms"));
            out.put("reload_ms_p95", reload.get("reload_ms_p95"));
        }
        StringBuilder json = new StringBuilder("{");
        for (var e : out.entrySet()) {
            json.append(json.length() > 1 ? ", " : "").append('"').append(e.getKey()).append("\": ").append(e.getValue());
        }
        json.append(", \"console_by_rate\": ").append(rates.append('}')).append('}');
        System.out.println(json);
        FxLauncher.exit();
        System.exit(0);
    }

    private static String python(String[] args) {
        int i = List.of(args).indexOf("--python");
        return i >= 0 && i + 1 < args.length ? args[i + 1] : null;
    }

    private static long launcherOpenMs() throws Exception {
        Path cache = Files.createTempDirectory("easel-bench-thumbs");
        Preferences prefs = Preferences.userRoot().node("dev/easel/bench-" + UUID.randomUUID());
        CompletableFuture<Long> shown = new CompletableFuture<>();
        Thumbnails none = new Thumbnails(cache, "bench", a -> List.of("true"));
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            LauncherWindow w = new LauncherWindow(new LauncherWindow.Config(LauncherCommand.examplesFolder(),
                    new Settings(prefs), none, LauncherCommand::easel, List::of));
            w.show();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    stop();
                    shown.complete((System.nanoTime() - t0) / 1_000_000);
                    w.stage().close();
                }
            }.start();
        });
        long ms = shown.get(60, TimeUnit.SECONDS);
        none.close();
        prefs.removeNode();
        return ms;
    }

    /** One pulse period at 60 Hz: FX work a pulse beyond it delays the next pulse. */
    private static final long PULSE_NANOS = 1_000_000_000L / 60;

    /** Lines shown in a new console before its throughput is measured: more than its list shows. */
    private static final int FIRST_FILL = 200;

    /**
     * {lines shown per second, lines dropped, pulses missed, of which during a garbage collection,
     * ms from the window's first screenful added to shown, FX work a pulse: median and p95 in ns}
     * for a producer at {@code rate} lines/s.
     */
    private static long[] console(int rate, int seconds) throws Exception {
        ConsoleLines lines = new ConsoleLines(100_000);
        Path script = Files.createTempFile("easel-bench", ".py");
        // A stand-in run: `sleep` ends when told; the lines come from a thread here.
        SketchRun run = SketchRun.start(script, List.of("sleep", "600"), lines);
        CompletableFuture<ConsoleWindow> win = new CompletableFuture<>();
        boolean trace = System.getenv("EASEL_BENCH_TRACE") != null;
        long[] lastPulse = {0};
        long[] pulseStart = {0};
        long[] lastWork = {0};
        boolean[] counting = {false};
        long[] countFrom = {Long.MAX_VALUE};
        List<Long> works = new java.util.ArrayList<>();
        List<long[]> gaps = new java.util.ArrayList<>(); // {from, to, work of the pulse before} (nanoTime), FX thread
        AnimationTimer watch = new AnimationTimer() {
            @Override
            public void handle(long now) {
                // Only gaps that begin inside the measurement: one under way at its start is the window's setup.
                if (counting[0] && lastPulse[0] >= countFrom[0] && now - lastPulse[0] > 2.5 * 1e9 / 60) {
                    gaps.add(new long[]{lastPulse[0], now, lastWork[0]});
                }
                lastPulse[0] = now;
                pulseStart[0] = System.nanoTime();
            }
        };
        Platform.runLater(() -> {
            ConsoleWindow c = new ConsoleWindow(run, x -> { });
            // The FX thread's work in a pulse: from the animation timers to the end of layout.
            c.stage().getScene().addPostLayoutPulseListener(() -> {
                lastWork[0] = System.nanoTime() - pulseStart[0];
                if (counting[0]) {
                    works.add(lastWork[0]);
                }
            });
            c.stage().show();
            watch.start();
            win.complete(c);
        });
        ConsoleWindow c = win.get(30, TimeUnit.SECONDS);
        // The FX and render threads' stacks when a pulse is late (each sample stops the JVM: not with the figures).
        Thread sampler = System.getenv("EASEL_BENCH_STACKS") != null
                ? StallSampler.start(() -> counting[0] ? pulseStart[0] : 0) : null;
        // The window's first screenful of output, before the measurement: the pulse that first shows more
        // lines than fit makes the list's cells and its scroll bar (CSS, skins), once per console; in a
        // fresh process that code is still interpreted and took one pulse over 2.5 periods (the missed
        // pulse at 50k and 100k lines/s, the first rates measured). It is reported as first_fill_ms.
        long shownBefore = onFx(c::counters)[1];
        for (int i = 0; i < FIRST_FILL; i++) {
            lines.add(ConsoleLines.Stream.OUT, "warming " + i);
        }
        long fillFrom = System.nanoTime();
        while (onFx(c::counters)[1] < shownBefore + FIRST_FILL) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        long firstFillMs = (System.nanoTime() - fillFrom) / 1_000_000;
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500)); // settle
        long[] before = onFx(() -> {
            counting[0] = true;
            countFrom[0] = System.nanoTime();
            return c.counters();
        });
        long t0 = System.nanoTime();
        long t0Uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
        long sent = 0;
        try (GcPauses gc = new GcPauses()) {
            while (System.nanoTime() < end) {
                long due = (long) ((System.nanoTime() - t0) / 1e9 * rate);
                for (; sent < due; sent++) {
                    lines.add(ConsoleLines.Stream.OUT, frameLine(sent));
                }
                LockSupport.parkNanos(200_000);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200)); // the last pulse takes the rest
            long[] after = onFx(() -> {
                counting[0] = false;
                return c.counters();
            });
            double took = (System.nanoTime() - t0) / 1e9;
            onFx(() -> {
                watch.stop();
                c.stage().close();
                return null;
            });
            run.stop();
            if (sampler != null) {
                sampler.interrupt();
            }
            Files.deleteIfExists(script);
            long inGc = 0;
            if (trace) {
                System.err.printf(Locale.ROOT, "bench console %d lines/s: collections in the measurement: %s%n", rate,
                        gc.during(t0, System.nanoTime()).stream().map(x -> String.format(Locale.ROOT, "%s %.3f-%.3f s",
                                x.what(), (x.startNanos() - t0) / 1e9, (x.endNanos() - t0) / 1e9)).toList());
            }
            for (long[] g : gaps) {
                List<GcPauses.Pause> p = gc.during(g[0], g[1]);
                inGc += p.isEmpty() ? 0 : 1;
                if (trace) {
                    System.err.printf(Locale.ROOT, "bench console %d lines/s: pulse missed at %.3f s (the JVM's %.3f s), gap %.1f ms,"
                            + " the pulse before took %.1f ms; collections then: %s%n", rate, (g[0] - t0) / 1e9,
                            (g[0] - t0) / 1e9 + (t0Uptime / 1e3),
                            (g[1] - g[0]) / 1e6, g[2] / 1e6, p.stream().map(x -> String.format(Locale.ROOT,
                                    "%s %.1f ms", x.what(), (x.endNanos() - x.startNanos()) / 1e6)).toList());
                }
            }
            List<Long> w = onFx(() -> works.stream().sorted().toList());
            long median = w.isEmpty() ? 0 : w.get(w.size() / 2);
            long p95 = w.isEmpty() ? 0 : w.get(w.size() * 95 / 100);
            if (trace) {
                System.err.printf(Locale.ROOT, "bench console %d lines/s: FX work a pulse: median %.1f ms, p95 %.1f, max %.1f (%d pulses); load average %.1f%n",
                        rate, median / 1e6, p95 / 1e6, w.getLast() / 1e6, w.size(),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
            return new long[]{Math.round((after[1] - before[1]) / took), lines.dropped(), gaps.size(), inGc, firstFillMs,
                    median, p95};
        }
    }

    /**
     * {@code "frame N: x=X.XXX y=Y.YYY"} (x = N/2, y = N/4), as a sketch's {@code print} would send it: one
     * new string a line, as the console's reader makes from the sketch's output. Not through a
     * {@link java.util.Formatter}, whose ~1 KB of garbage a line is the sketch's process's, not the
     * console's: made here it set off a young collection every 1-2 s at 50,000 lines/s.
     */
    static String frameLine(long n) {
        StringBuilder b = new StringBuilder(40).append("frame ").append(n).append(": x=");
        milli(b, n * 500);
        b.append(" y=");
        milli(b, n * 250);
        return b.toString();
    }

    private static void milli(StringBuilder b, long m) {
        long frac = m % 1000;
        b.append(m / 1000).append('.').append(frac < 100 ? (frac < 10 ? "00" : "0") : "").append(frac);
    }

    /** Runs {@code work} on the FX thread and returns its result (30 s at most). */
    static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }
}
