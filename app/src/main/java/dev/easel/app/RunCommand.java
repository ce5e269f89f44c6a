package dev.easel.app;

import dev.easel.canvas.host.HeadlessOutput;
import dev.easel.canvas.host.loop.HeadlessWindows;
import dev.easel.canvas.host.LiveReload;
import dev.easel.canvas.host.ScriptedEvents;
import dev.easel.canvas.host.Session;
import dev.easel.canvas.host.loop.WindowSystem;
import dev.easel.pybridge.PythonInstallation;
import dev.easel.pybridge.PythonLocator;
import dev.easel.pybridge.PythonNotFoundException;
import dev.easel.pybridge.PythonRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** {@code easel run SCRIPT}: runs a sketch in windows, or headless. */
@Command(name = "run", description = "Run a Python sketch.%n"
        + "Exit codes: 0 nothing raised, 1 the script or (headless) a callback raised, 2 usage or configuration "
        + "(no display included); easel.quit(n) and sys.exit(n) exit with n.",
        mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
    /** The JavaFX toolkit already starting ({@link Main#main}), or null: started here. */
    private final CompletableFuture<Void> fxEarly;

    RunCommand() {
        this(null);
    }

    RunCommand(CompletableFuture<Void> fxEarly) {
        this.fxEarly = fxEarly;
    }

    @Parameters(index = "0", description = "the sketch (.py)")
    Path script;

    @Parameters(index = "1..*", description = "arguments for the sketch (sys.argv[1:])")
    List<String> scriptArgs = List.of();

    @Option(names = "--python", description = "a Python executable, libpython, version (3.12) or 'bundled'")
    String python;

    @Option(names = "--isolate", description = "run every canvas in its own sub-interpreter (3.12+)")
    boolean isolate;

    @Option(names = "--size", description = "canvas size for every canvas, WxH (e.g. 800x600)")
    String size;

    @Option(names = "--renderer", paramLabel = "auto|raster|gl", description = "renderer for every canvas, over the "
            + "classes' renderer attribute: auto (GL on a faster hardware GPU, else raster), raster (Java2D) or gl (OpenGL, "
            + "falling back to raster with a warning)")
    String renderer;

    @Option(names = "--headless", description = "no windows: render frames unpaced, write PNGs and stats.json")
    boolean headless;

    @Option(names = "--frames", description = "headless: frames per canvas (default ${DEFAULT-VALUE})", defaultValue = "1")
    int frames;

    @Option(names = "--out", description = "headless: output folder (default ${DEFAULT-VALUE})", defaultValue = "out")
    Path out;

    @Option(names = "--save-every", paramLabel = "K", description = "headless: also write frames 0, K, 2K, ... of "
            + "each canvas as images in the output folder (see --save-as)")
    Integer saveEvery;

    @Option(names = "--save-as", paramLabel = "PATTERN", description = "headless, with --save-every: file names in the "
            + "output folder; {canvas} is the canvas' name, a run of # the zero-padded frame number, the extension the "
            + "format (png, jpg, bmp, gif) (default ${DEFAULT-VALUE})", defaultValue = "{canvas}-#####.png")
    String saveAs;

    @Option(names = "--record", paramLabel = "TARGET", description = "headless: record every frame shown to "
            + "TARGET.mp4 (H.264), TARGET.gif, or a folder of PNGs, at the canvas' fps; {canvas} in TARGET records "
            + "each canvas (its name put there), else the first")
    String record;

    @Option(names = "--events", description = "headless: JSON list of input events, e.g. "
            + "[{\"frame\": 3, \"type\": \"mouse_press\", \"x\": 10, \"y\": 20, \"button\": \"left\"}]")
    Path events;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "a parameter's start value (easel.Slider "
            + "& co.), e.g. speed=2.5 or trails=false; repeatable, applied after --params")
    java.util.List<String> params;

    @Option(names = "--params", paramLabel = "FILE", description = "a preset: JSON of parameter start values "
            + "(as the panel's Save preset writes)")
    Path paramsFile;

    @Option(names = "--watch", negatable = true, description = "live reload: saving the sketch (or a module it "
            + "imports from its folder) moves the running canvases onto the new code; on by default with windows, "
            + "off headless (--watch turns it on: frames are then paced on real time)")
    Boolean watch;

    @Override
    public Integer call() throws Exception {
        // Ctrl-C and SIGTERM go through the shutdown gate from the start: during the first second
        // (Python and JavaFX starting) too, not only once the script runs.
        if (headless) {
            // Fonts and images through AWT must not reach for an X server: DISPLAY may be set
            // to one that is gone, or not be ours (a launcher rendering thumbnails).
            System.setProperty("java.awt.headless", "true");
        }
        QuitRequest quit = new QuitRequest();
        QuitSignals.install(quit::request);
        Startup.mark("run command");
        if (!Files.isRegularFile(script)) {
            System.err.println("easel run: no such script: " + script);
            return 2;
        }
        int[] forcedSize = null;
        if (size != null) {
            String[] wh = size.toLowerCase().split("x", -1);
            try {
                if (wh.length != 2) {
                    throw new IllegalArgumentException("not WxH");
                }
                forcedSize = new int[]{Integer.parseInt(wh[0].strip()), Integer.parseInt(wh[1].strip())};
            } catch (RuntimeException e) {
                System.err.println("easel run: --size must look like 800x600, not '" + size + "'");
                return 2;
            }
            // The limits of a canvas (CanvasSpec): checked here so a bad option is a usage error (2),
            // not an exception blamed on the script's show() (1).
            if (forcedSize[0] < 1 || forcedSize[1] < 1 || forcedSize[0] > 16384 || forcedSize[1] > 16384) {
                System.err.println("easel run: --size must be from 1x1 to 16384x16384, not '" + size + "'");
                return 2;
            }
        }
        if (frames < 1) {
            System.err.println("easel run: --frames must be at least 1");
            return 2;
        }
        dev.easel.canvas.RendererChoice forcedRenderer = null;
        if (renderer != null) {
            try {
                forcedRenderer = dev.easel.canvas.RendererChoice.parse(renderer);
            } catch (IllegalArgumentException e) {
                System.err.println("easel run: --" + e.getMessage());
                return 2;
            }
        }
        dev.easel.canvas.host.python.ParamStart paramStart;
        try {
            paramStart = dev.easel.canvas.host.python.ParamStart.parse(params, paramsFile);
        } catch (IllegalArgumentException e) {
            System.err.println("easel run: " + e.getMessage());
            return 2;
        }
        HeadlessWindows.FrameSequence sequence = null;
        if (saveEvery != null) {
            if (!headless) {
                System.err.println("easel run: --save-every needs --headless (in windows, call self.save_frame(path))");
                return 2;
            }
            try {
                sequence = new HeadlessWindows.FrameSequence(saveEvery, out, saveAs);
            } catch (IllegalArgumentException e) {
                System.err.println("easel run: --save-every/--save-as: " + e.getMessage());
                return 2;
            }
        }
        dev.easel.app.capture.HeadlessRecording recording = null;
        if (record != null) {
            if (!headless) {
                System.err.println("easel run: --record needs --headless (in a window, Ctrl+Shift+S records it)");
                return 2;
            }
            try {
                recording = new dev.easel.app.capture.HeadlessRecording(record);
            } catch (IllegalArgumentException e) {
                System.err.println("easel run: --record: " + e.getMessage());
                return 2;
            }
        }
        if (!headless && Displays.missing()) {
            System.err.println("easel: " + Displays.NO_DISPLAY);
            return 2;
        }
        // JavaFX takes over a second to start: start it while Python starts.
        CompletableFuture<Void> fx;
        if (headless) {
            fx = CompletableFuture.completedFuture(null);
        } else if (fxEarly != null) {
            fx = fxEarly;
        } else {
            Startup.mark("fx starting");
            fx = FxLauncher.startAsync();
        }
        PythonInstallation inst;
        PythonRuntime runtime;
        try {
            Startup.mark("python starting");
            inst = PythonLocator.locate(python);
            Startup.mark("python located");
            runtime = PythonRuntime.start(inst);
            Startup.mark("python started");
        } catch (PythonNotFoundException e) {
            System.err.println("easel: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            System.err.println("easel: cannot start Python: " + e.getMessage());
            return 2;
        }
        if (quit.isRequested()) {
            return quitDuringStart(runtime);
        }
        List<Session.ScriptedEvent> scripted = List.of();
        if (events != null) {
            try {
                scripted = ScriptedEvents.load(runtime, events);
            } catch (IllegalArgumentException e) {
                System.err.println("easel run: " + e.getMessage());
                runtime.close();
                return 2;
            }
        }
        HeadlessWindows headlessWindows = headless ? new HeadlessWindows(sequence, recording) : null;
        WindowSystem windows;
        FxWindows fxWindows = null;
        var reloader = new java.util.concurrent.atomic.AtomicReference<LiveReload>();
        if (headless) {
            windows = headlessWindows;
        } else {
            try {
                fx.join();
            } catch (CompletionException e) {
                // DISPLAY is set but cannot be opened (no X server there, no permission), or no GTK.
                System.err.println("easel: " + Displays.explain(e.getCause() == null ? e : e.getCause()));
                runtime.close();
                return 2;
            }
            Startup.mark("fx started");
            if (quit.isRequested()) {
                return quitDuringStart(runtime);
            }
            FxLauncher.forbidPythonOnFxThread(runtime);
            // Ctrl+Q: as SIGTERM; Ctrl+R: the live reload below, once it exists
            fxWindows = new FxWindows(new FxWindows.App(script, WindowMemory.user(), quit::request, () -> {
                LiveReload l = reloader.get();
                if (l != null) {
                    l.reloadNow();
                }
            }));
            windows = fxWindows;
        }
        if (Startup.TRACE) {
            windows = new TracedWindows(windows); // marks the sketch's first show() and a headless first frame
        }
        Session session = new Session(runtime, windows, new Session.Options(isolate, forcedSize, frames, scripted,
                forcedRenderer));
        session.paramStart(paramStart);
        Thread hook = Thread.ofPlatform().name("easel-quit").unstarted(() -> {
            session.close();
            runtime.close();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        quit.attach(session); // Ctrl-C, SIGTERM: close canvases, then the normal exit path
        Startup.mark("session ready");
        // A launcher's console asks: its prompt, and its Sketch menu's actions on the windows
        PromptServer.startIfWanted(session, System.getenv("EASEL_PROMPT"),
                fxWindows != null ? fxWindows::perform : (host, action) -> false);
        LiveReload live = null;
        if (watch != null ? watch : !headless) {
            try {
                live = LiveReload.start(session, script);
            } catch (java.io.IOException e) {
                System.err.println("easel: live reload is off: cannot watch " + script.toAbsolutePath().getParent()
                        + ": " + e.getMessage());
            }
        }
        if (live == null && !headless) {
            live = LiveReload.manual(session, script); // not watching: Ctrl+R still reloads on request
        }
        reloader.set(live);
        Startup.mark("script started");
        session.runScript(script, scriptArgs);
        session.awaitEnd();
        // Quitting (easel.quit, Ctrl-C) ends the wait at once: let every canvas finish first.
        session.close();
        if (live != null) {
            live.close();
        }
        int code = session.exitCode();
        if (headless) {
            HeadlessOutput.write(session, headlessWindows, out);
            if (recording != null) {
                try {
                    recording.finish().lines().forEach(l -> System.err.println("easel: " + l));
                } catch (java.io.IOException e) {
                    System.err.println("easel: " + e.getMessage());
                    code = Math.max(code, 1);
                }
            }
        } else {
            fxWindows.finishWrites(java.time.Duration.ofMinutes(30)); // a recording still encoding (every frame kept)
        }
        if (!headless && session.scriptFailed() && session.canvases().isEmpty() && !quit.isRequested()
                && FxLauncher.errorWindowWanted(System.getenv())) {
            System.err.println("easel: the error is shown in a window: close it to exit");
            FxLauncher.showErrorAndWait(script, session.scriptError(), quit.requested());
        }
        runtime.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // already shutting down
        }
        if (!headless) {
            FxLauncher.exit();
        }
        return code;
    }

    /** Ctrl-C before the script ran: Python ends through its gate, nothing else has started. */
    private int quitDuringStart(PythonRuntime runtime) {
        runtime.close();
        if (!headless) {
            FxLauncher.exit();
        }
        return 0;
    }
}
