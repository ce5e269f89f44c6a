package dev.easel.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code easel bench startup}: where a start goes, for a one-rect sketch, as the median of N runs
 * of a launcher ({@code ./easel}, or this JVM's own command line). Each run is a new process with
 * {@code EASEL_TRACE_STARTUP=1}: the child prints the wall-clock time of each milestone, and this
 * process subtracts the time it launched it (so {@code jvm_to_main_ms} includes the launcher script).
 *
 * <p>Durations: {@code jvm_to_main_ms} launch to {@code main}; {@code fx_toolkit_ms} the JavaFX
 * toolkit's start (0 headless; it runs while Python starts); {@code python_init_ms} Python located
 * and started; {@code sketch_import_ms} the sketch's code run up to its first {@code show()};
 * {@code first_frame_ms} launch to the first frame painted in the window (headless: rendered).
 * {@code since_launch_ms} has the medians of the milestones themselves, from the launch.
 * Beside each line, one for {@code python one_rect.py} with the easel package outside Easel
 * ({@link PythonShimBench}): {@code shim_exec_ms} launch to the hand-over, {@code shim_extra_ms}
 * its first frame's median minus the launcher's.
 */
final class StartupBench {
    static final String SKETCH = """
            import easel

            class OneRect(easel.Canvas):
                size = (320, 240)

                def on_draw(self, g):
                    g.fill = "tomato"
                    g.fill_rect(40, 40, 160, 100)

            OneRect().show()
            """;
    private static final Pattern LINE = Pattern.compile("^easel startup: -?\\d+ ms (.+) at (\\d+)$", Pattern.MULTILINE);
    private static final long TIMEOUT_S = 120;

    /** The milestones, in the order they must come (fx_started: windows only). */
    static final List<String> MILESTONES = List.of("main", "python_started", "fx_started", "script_started",
            "sketch_imported", "first_frame");

    private final List<String> launcher;
    private final Path work;
    private final Map<String, String> env;
    private final boolean viaPython;

    /** {@code launcher}: the command before {@code run SKETCH ...}. */
    StartupBench(List<String> launcher, Path work) {
        this(launcher, work, Map.of(), false);
    }

    /**
     * With {@code viaPython}, {@code launcher} is a python and a run is {@code python SKETCH} (Easel's
     * options in {@code EASEL_RUN_OPTIONS}: {@link PythonShimBench}); {@code env} is added to each run's.
     */
    StartupBench(List<String> launcher, Path work, Map<String, String> env, boolean viaPython) {
        this.launcher = launcher;
        this.work = work;
        this.env = env;
        this.viaPython = viaPython;
    }

    /** One JSON object: the medians of {@code runs} runs (after one unmeasured warm-up run). */
    String measure(boolean window, int runs, String launcherName) throws IOException, InterruptedException {
        Path sketch = sketch();
        once(sketch, window); // warm-up: the dev launcher's build check and class-data archive, the page cache
        List<Map<String, Long>> all = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            all.add(once(sketch, window));
        }
        return json(all, window, runs, launcherName, Map.of());
    }

    /** The one-rect sketch, written into the work folder. */
    Path sketch() throws IOException {
        Path sketch = work.resolve("one_rect.py");
        Files.writeString(sketch, SKETCH);
        return sketch;
    }

    /** One JSON object: the medians of {@code all}, then {@code extra} figures. */
    static String json(List<Map<String, Long>> all, boolean window, int runs, String launcherName, Map<String, Long> extra) {
        StringBuilder json = new StringBuilder("{\"bench\": \"startup\", \"launcher\": \"")
                .append(launcherName.replace("\\", "\\\\").replace("\"", "\\\"")).append("\", \"mode\": \"")
                .append(window ? "window" : "headless").append("\", \"runs\": ").append(runs);
        Map<String, Long> since = new LinkedHashMap<>();
        for (String k : all.getFirst().keySet()) {
            long m = median(all.stream().mapToLong(r -> r.get(k)).toArray());
            if (k.startsWith("at:")) {
                since.put(k.substring(3), m);
            } else {
                json.append(", \"").append(k).append("\": ").append(m);
            }
        }
        extra.forEach((k, v) -> json.append(", \"").append(k).append("\": ").append(v));
        json.append(", \"since_launch_ms\": {");
        since.forEach((k, v) -> json.append(json.charAt(json.length() - 1) == '{' ? "" : ", ")
                .append('"').append(k).append("\": ").append(v));
        return json.append("}}").toString();
    }

    /** One run: durations and milestones (keys "at:NAME"), ms. */
    Map<String, Long> once(Path sketch, boolean window) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(launcher);
        List<String> options = window ? List.of() : List.of("--headless", "--out", work.resolve("out").toString());
        if (viaPython) {
            cmd.add(sketch.toString());
        } else {
            cmd.addAll(List.of("run", sketch.toString()));
            cmd.addAll(options);
        }
        Path err = Files.createTempFile(work, "run-", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
        pb.environment().putAll(env);
        if (viaPython) {
            pb.environment().put("EASEL_RUN_OPTIONS", String.join(" ", options.stream()
                    .map(o -> "'" + o.replace("'", "'\\''") + "'").toList()));
        }
        pb.environment().put("EASEL_TRACE_STARTUP", "1");
        // Set by a jpackage launcher for its children: another launcher that sees it acts as plain java
        // ("main class run"). The bench run from an installed app times a user's start of it.
        pb.environment().remove("_JPACKAGE_LAUNCHER");
        if (window) {
            pb.environment().put("EASEL_BENCH_FIRST_FRAME", "1"); // the child ends at its first frame painted
        }
        long launched = System.currentTimeMillis();
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IOException("easel bench startup: a run took over " + TIMEOUT_S + " s (killed)\n$ "
                    + String.join(" ", cmd) + "\n" + Files.readString(err));
        }
        String stderr = Files.readString(err);
        Files.delete(err);
        Map<String, Long> at = new LinkedHashMap<>();
        Matcher m = LINE.matcher(stderr);
        while (m.find()) {
            at.putIfAbsent(m.group(1).strip(), Long.parseLong(m.group(2)) - launched);
        }
        String first = window ? "first frame painted" : "first frame rendered";
        for (String k : List.of("main", "python starting", "python started", "script started", "sketch imported", first)) {
            if (!at.containsKey(k)) {
                throw new IOException("easel bench startup: the run (exit " + p.exitValue() + ") did not report '" + k
                        + "'\n$ " + String.join(" ", cmd) + "\n" + stderr);
            }
        }
        if (viaPython && !at.containsKey("python shim exec")) {
            throw new IOException("easel bench startup: python did not hand the sketch to Easel\n$ "
                    + String.join(" ", cmd) + "\n" + stderr);
        }
        if (window && !at.containsKey("fx toolkit started")) {
            throw new IOException("easel bench startup: the run did not report 'fx toolkit started'\n" + stderr);
        }
        Map<String, Long> r = new LinkedHashMap<>();
        if (viaPython) {
            r.put("shim_exec_ms", at.get("python shim exec")); // python started, easel imported, launcher found
        }
        r.put("jvm_to_main_ms", at.get("main"));
        r.put("fx_toolkit_ms", window ? at.get("fx toolkit started") - at.get("fx starting") : 0);
        r.put("python_init_ms", at.get("python started") - at.get("python starting"));
        r.put("sketch_import_ms", at.get("sketch imported") - at.get("script started"));
        r.put("first_frame_ms", at.get(first));
        r.put("at:main", at.get("main"));
        r.put("at:python_started", at.get("python started"));
        if (window) {
            r.put("at:fx_started", at.get("fx toolkit started"));
        }
        r.put("at:script_started", at.get("script started"));
        r.put("at:sketch_imported", at.get("sketch imported"));
        r.put("at:first_frame", at.get(first));
        return r;
    }

    /**
     * For {@code easel bench startup}: prints one JSON line per mode (window, then headless; only
     * headless with {@code headlessOnly}); returns the exit code. {@code launcher}: {@code dev}
     * ({@code ./easel}), {@code java} (this JVM's command line) or the path of an {@code easel} executable.
     */
    static int run(String launcher, int runs, boolean headlessOnly) throws IOException, InterruptedException {
        if (runs < 1) {
            System.err.println("easel bench startup: --runs must be at least 1");
            return 2;
        }
        List<String> cmd;
        if (launcher.equals("java")) {
            cmd = ChildJava.command("dev.easel.app.Main", List.of());
        } else {
            Path exe = launcher.equals("dev") ? Path.of(System.getProperty("easel.root", "."), "easel") : Path.of(launcher);
            if (!Files.isExecutable(exe)) {
                System.err.println("easel bench startup: no launcher at " + exe.toAbsolutePath()
                        + " (run the bench through ./easel, or pass --launcher java or --launcher PATH)");
                return 2;
            }
            cmd = List.of(exe.toAbsolutePath().toString());
        }
        if (!headlessOnly && Displays.missing()) {
            System.err.println("easel bench startup: the window figures need a display, and there is none (DISPLAY is "
                    + "not set): run it under xvfb-run (xvfb-run -a ./easel bench startup), or pass --headless");
            return 2;
        }
        Path work = Files.createTempDirectory("easel-startup-");
        try {
            StartupBench bench = new StartupBench(cmd, work);
            PythonShimBench shim = PythonShimBench.prepare(cmd, work);
            if (shim == null) {
                if (!headlessOnly) {
                    System.out.println(bench.measure(true, runs, launcher));
                }
                System.out.println(bench.measure(false, runs, launcher));
            } else {
                // python sketch.py beside it, runs interleaved (a busy machine slows both alike).
                if (!headlessOnly) {
                    shim.measure(bench, true, runs, launcher).forEach(System.out::println);
                }
                shim.measure(bench, false, runs, launcher).forEach(System.out::println);
            }
            return 0;
        } catch (IOException e) {
            System.err.println(e.getMessage());
            return 1;
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Usage: {@code StartupBench LAUNCHER RUNS [--headless]}: {@code easel bench startup} runs it in a child JVM. */
    public static void main(String[] args) throws IOException, InterruptedException {
        System.exit(run(args[0], Integer.parseInt(args[1]), args.length > 2 && args[2].equals("--headless")));
    }

    static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
