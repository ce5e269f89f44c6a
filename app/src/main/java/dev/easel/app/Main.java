package dev.easel.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/** The {@code easel} command line: {@code run}, {@code doctor}, {@code bench}, {@code pip}; alone, the launcher. */
@Command(name = "easel", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Desktop canvases drawn by Python.%n",
        subcommands = {RunCommand.class, DoctorCommand.class, BenchCommand.class, LauncherCommand.class, PipCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"%nWith no command (and a display), easel opens the launcher.", "%nExamples:",
                "  easel run assets/examples/bounce.py",
                "  easel run sketch.py --headless --frames 60 --out out/", "  easel doctor",
                "  easel bench bridge", "  easel pip install NAME|WHEEL"})
public final class Main implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // The desktop entry's "Open with Easel" (packaging/): easel SKETCH.py runs it.
    @CommandLine.Parameters(arity = "0..1", paramLabel = "SKETCH", description = "a sketch to run: same as 'easel run SKETCH'")
    String sketch;

    /** The JavaFX toolkit started before the command line was parsed, or null (see {@link #main}). */
    private final CompletableFuture<Void> fxEarly;

    Main() {
        this(null);
    }

    private Main(CompletableFuture<Void> fxEarly) {
        this.fxEarly = fxEarly;
    }

    /** Entry point; exits with the command's code (0 ok, 1 the script raised, 2 usage or configuration). */
    public static void main(String[] args) {
        Startup.mark("main");
        // The toolkit may start (a window, the launcher) unless headless or without a display.
        boolean display = !Displays.missing();
        reserveEnvironment(display && !EarlyArgs.headless(args));
        // Easel draws with Java2D off screen and never opens an AWT window. Without this, AWT's X11 toolkit
        // started anyway when a font or image was first used: its own X connection, and GTK's
        // "XSetErrorHandler() called with a GDK error trap pushed" warning in every run's output.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // A sketch in a window: the JavaFX toolkit starts now, on a core the command line's parsing leaves
        // idle (~0.1-0.2 s of picocli on this machine's 2 cores: docs/startup.md), rather than after it.
        CompletableFuture<Void> fx = null;
        if (display && EarlyArgs.windowedRun(args)) {
            Startup.mark("fx starting");
            fx = FxLauncher.startAsync();
        }
        int code = commandLine(fx).execute(args);
        System.exit(code);
    }

    /**
     * Adds, while this is the only thread that may read the environment, the variables that the JavaFX
     * toolkit's start and Python's start will set: later they are replaced in place. Added later, by one
     * while the other reads (the two start side by side), they crashed GTK's start about one run in a
     * few hundred here (glibc's setenv frees the array a getenv walks: {@link dev.easel.pybridge.ProcessEnv}).
     * The values are the ones the toolkit sets (glass: {@code GDK_BACKEND=x11}; its GTK start:
     * {@code IBUS_ENABLE_SYNC_MODE=1}), only when it may start: a headless run's sketch passes no
     * {@code GDK_BACKEND} on to the programs it starts.
     */
    static void reserveEnvironment(boolean toolkit) {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return; // the crash was glibc's, beside GTK: Linux (elsewhere not seen, and ProcessEnv is libc's)
        }
        if (toolkit) {
            dev.easel.pybridge.ProcessEnv.reserve("GDK_BACKEND", "x11");
            dev.easel.pybridge.ProcessEnv.reserve("IBUS_ENABLE_SYNC_MODE", "1");
        }
        dev.easel.pybridge.PythonRuntime.reserveEnvironment();
    }

    /** The configured command line (exit codes: usage errors are 2). */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /** The command line; {@code fxEarly}: the JavaFX toolkit already starting, for {@code run} (or null). */
    static CommandLine commandLine(CompletableFuture<Void> fxEarly) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cl = new CommandLine(new Main(fxEarly), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == RunCommand.class ? cls.cast(new RunCommand(fxEarly)) : defaults.create(cls);
            }
        });
        cl.setExitCodeExceptionMapper(t -> 2);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("easel: " + ex.getMessage());
            c.getErr().println("Try 'easel " + (c.getCommandName().equals("easel") ? "" : c.getCommandName() + " ")
                    + "--help'.");
            return 2;
        });
        return cl;
    }

    @Override
    public Integer call() throws Exception {
        if (sketch != null) {
            return commandLine(fxEarly).execute("run", sketch);
        }
        if (Displays.missing()) {
            spec.commandLine().usage(System.out);
            return 0;
        }
        return new LauncherCommand().call();
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"easel " + version(), "Java " + Runtime.version()};
        }
    }

    static String version() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // fall through to "dev"
        }
        return p.getProperty("version", "dev");
    }
}
