package dev.easel.app;

import dev.easel.pybridge.PythonInstallation;
import dev.easel.pybridge.PythonLocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code easel bench bridge|draw|scale|runaway|reload|app|startup}: prints one JSON object per line. */
@Command(name = "bench", description = "Measure Easel and print JSON, one object per line.%n"
        + "  bridge: attach/detach, calls both ways, and parallel sub-interpreters, per Python found%n"
        + "  draw:   drawing calls, batched recording, 10k lines per frame shown in a window (1x, 2x), first frame%n"
        + "  scale:  several canvases, shared vs isolated%n"
        + "  runaway: what an endless loop in one isolated canvas costs the others%n"
        + "  reload: live reload latency, file saved to first new frame (reload_ms)%n"
        + "  app:    the launcher's open time and the console's throughput%n"
        + "  startup: where a start goes, launch to first frame of a one-rect sketch (median of --runs), "
        + "in a window and headless", mixinStandardHelpOptions = true)
final class BenchCommand implements Callable<Integer> {
    /**
     * The benchmarks live in their own jar (the bench module), not in the app's, pybridge's or canvas'
     * jars: this command runs each in a child JVM by class name, with the class path of this one.
     */
    static final String BENCH_JAR = "easel-bench.jar";

    /** Each benchmark's main class, in the bench module's jar. */
    static final java.util.Map<String, String> MAIN_CLASSES = java.util.Map.of(
            "bridge", "dev.easel.pybridge.bench.BridgeBench",
            "draw", "dev.easel.canvas.bench.DrawBench",
            "scale", "dev.easel.canvas.bench.ScaleBench",
            "runaway", "dev.easel.canvas.bench.RunawayBench",
            "reload", "dev.easel.canvas.bench.ReloadBench",
            "app", "dev.easel.app.AppBench",
            "startup", "dev.easel.app.StartupBench");

    @Parameters(index = "0", description = "bridge, draw, scale, runaway, reload, app or startup")
    String which;

    @Option(names = "--python", description = "one Python (path or version) instead of every Python found "
            + "(bridge: all; scale: 3.12+; draw: the default)")
    String python;

    @Option(names = "--quick", description = "fewer rounds: rough figures, fast")
    boolean quick;

    @Option(names = "--runs", description = "startup: runs measured, after one warm-up (default ${DEFAULT-VALUE})",
            defaultValue = "5")
    int runs;

    @Option(names = "--renderer", paramLabel = "auto|raster|gl", description = "draw: the renderer whose figures "
            + "(render_*, and the window's fps_10k_lines) are measured, reported as renderer and gl_renderer (default ${DEFAULT-VALUE})", defaultValue = "raster")
    String renderer;

    @Option(names = "--console-only", description = "app: the console's throughput figures alone (~40 s; "
            + "EASEL_BENCH_TRACE=1 says why each late pulse was late)")
    boolean consoleOnly;

    @Option(names = "--headless", description = "startup: headless figures only (no display needed)")
    boolean headless;

    @Option(names = "--launcher", description = "startup: dev (./easel), java (the JVM directly) or the path of an "
            + "easel executable (default ${DEFAULT-VALUE})", defaultValue = "dev")
    String launcher;

    @Override
    public Integer call() throws Exception {
        if (consoleOnly && !which.equals("app")) {
            System.err.println("easel bench: --console-only is for 'easel bench app'");
            return 2;
        }
        String mainClass = MAIN_CLASSES.get(which);
        if (mainClass == null) {
            System.err.println("easel bench: unknown benchmark '" + which + "' (bridge, draw, scale, runaway, reload, app or startup)");
            return 2;
        }
        if (ClassLoader.getSystemResource(mainClass.replace('.', '/') + ".class") == null) {
            System.err.println("easel bench: the benchmarks are not on the class path (" + BENCH_JAR
                    + ", built by the bench module: ./mvnw -B package -DskipTests)");
            return 2;
        }
        if (which.equals("startup")) {
            // It only starts and times other processes: its own JVM's start is not measured.
            List<String> args = new ArrayList<>(List.of(launcher, String.valueOf(runs)));
            if (headless) {
                args.add("--headless");
            }
            return new ProcessBuilder(ChildJava.command(mainClass, args)).inheritIO().start().waitFor();
        }
        try {
            dev.easel.canvas.RendererChoice.parse(renderer);
        } catch (IllegalArgumentException e) {
            System.err.println("easel bench: --" + e.getMessage());
            return 2;
        }
        List<String> choices = new ArrayList<>();
        if (python != null) {
            choices.add(python);
        } else if (which.equals("bridge")) {
            for (PythonInstallation i : PythonLocator.findAll()) {
                choices.add(i.library().toString());
            }
        } else if (which.equals("scale")) {
            // Where isolation exists (3.12+); a free-threaded build adds its own mode.
            for (PythonInstallation i : PythonLocator.findAll()) {
                if (i.version().minor() >= 12 || i.freeThreaded()) {
                    choices.add(i.library().toString());
                }
            }
            if (choices.isEmpty()) {
                choices.add(null);
            }
        } else {
            choices.add(null);
        }
        if ((which.equals("app") || which.equals("draw")) && Displays.missing()) {
            System.setProperty("glass.platform", "Headless"); // passed on to the child JVM
            System.setProperty("prism.order", "sw");
        }
        int worst = 0;
        Long firstFrame = which.equals("draw") ? measureFirstFrame() : null;
        for (String choice : choices) {
            List<String> args = new ArrayList<>();
            if (firstFrame != null) {
                args.add("--first-frame-ms");
                args.add(String.valueOf(firstFrame));
            }
            if (choice != null) {
                args.add("--python");
                args.add(choice);
            }
            if (quick) {
                args.add("--quick");
            }
            if (consoleOnly) {
                args.add("--console-only");
            }
            if (which.equals("draw")) {
                worst = Math.max(worst, drawWithWindow(args));
                continue;
            }
            // One JVM per Python: CPython starts once per process.
            Process p = new ProcessBuilder(ChildJava.command(mainClass, args)).inheritIO().start();
            worst = Math.max(worst, p.waitFor());
        }
        return worst == 0 ? 0 : 1;
    }

    /**
     * {@code bench draw}: the drawing figures (a headless child JVM) with the window's (another,
     * {@link WindowBench}) in one object: {@code fps_10k_lines} is frames shown in a window; the
     * headless rate (recorded and rendered, nothing shown) is {@code fps_10k_lines_headless}.
     */
    private int drawWithWindow(List<String> args) throws Exception {
        List<String> windowArgs = new ArrayList<>(args);
        int ff = windowArgs.indexOf("--first-frame-ms");
        if (ff >= 0) {
            windowArgs.subList(ff, ff + 2).clear();
        }
        windowArgs.addAll(List.of("--renderer", renderer)); // the window's canvas is drawn by the renderer measured
        String window = childJson("dev.easel.app.WindowBench", windowArgs);
        List<String> drawArgs = new ArrayList<>(args);
        drawArgs.addAll(List.of("--renderer", renderer));
        String draw = childJson("dev.easel.canvas.bench.DrawBench", drawArgs);
        if (draw == null) {
            return 1;
        }
        String merged = draw.replace("\"fps_10k_lines\":", "\"fps_10k_lines_headless\":");
        if (window != null && window.length() > 2) {
            merged = merged.substring(0, merged.length() - 1) + ", " + window.substring(1);
        } else {
            System.err.println("easel bench: the window figures could not be measured");
        }
        System.out.println(merged);
        return window == null ? 1 : 0;
    }

    /** Runs {@code mainClass} in a child JVM; its last line that is a JSON object (null if none, or it failed). Its stderr passes through. */
    private static String childJson(String mainClass, List<String> args) throws Exception {
        Process p = new ProcessBuilder(ChildJava.command(mainClass, args))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String json = null;
        for (String line : new String(p.getInputStream().readAllBytes()).split("\n")) {
            if (line.startsWith("{") && line.endsWith("}")) {
                json = line;
            } else if (!line.isBlank()) {
                System.err.println(line);
            }
        }
        return p.waitFor() == 0 ? json : null;
    }

    /**
     * Launch to first frame in a window, ms: a child JVM runs the bounce example with the bundled
     * Python (or --python) and reports when its first frame is painted. Without a display it uses
     * JavaFX's headless platform. Best of 3.
     */
    private Long measureFirstFrame() throws Exception {
        java.nio.file.Path example = java.nio.file.Path.of(System.getProperty("easel.root", "."),
                "assets", "examples", "bounce.py");
        if (!java.nio.file.Files.exists(example)) {
            return null;
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < (quick ? 1 : 3); i++) {
            List<String> args = new ArrayList<>(List.of("run", example.toString()));
            if (python != null) {
                args.add("--python");
                args.add(python);
            }
            List<String> cmd = ChildJava.command("dev.easel.app.Main", args);
            if (System.getenv("DISPLAY") == null) {
                cmd.add(1, "-Dglass.platform=Headless");
                cmd.add(2, "-Dprism.order=sw");
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("EASEL_BENCH_FIRST_FRAME", "1");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("easel-first-frame-ms: (\\d+)").matcher(out);
            if (m.find()) {
                best = Math.min(best, Long.parseLong(m.group(1)));
            }
        }
        return best == Long.MAX_VALUE ? null : best;
    }
}
