package dev.easel.canvas.host;

import dev.easel.canvas.InputEvent;
import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.loop.CanvasOwner;
import dev.easel.canvas.host.loop.CanvasThread;
import dev.easel.canvas.host.loop.CodeReload;
import dev.easel.canvas.host.loop.Tracebacks;
import dev.easel.canvas.host.loop.WindowSystem;
import dev.easel.canvas.host.python.Channels;
import dev.easel.canvas.host.python.EaselModule;
import dev.easel.canvas.host.python.ParamStart;
import dev.easel.canvas.host.python.PythonPackage;
import dev.easel.pybridge.Attachment;
import dev.easel.pybridge.BuiltinModule;
import dev.easel.pybridge.Interpreter;
import dev.easel.pybridge.PyObject;
import dev.easel.pybridge.PythonClosedException;
import dev.easel.pybridge.PythonException;
import dev.easel.pybridge.PythonRuntime;
import dev.easel.pybridge.PythonThreads;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of a sketch: the Python runtime, the {@code _easel} built-ins, the script's thread and
 * every canvas it shows. The app makes one and gives it a {@link WindowSystem}.
 *
 * <h2>Threads</h2>
 * The script runs on {@code easel-main}; each canvas on its own thread; the window system's thread
 * (JavaFX) only posts events and shows frames. Session methods are safe from any thread.
 */
public final class Session implements AutoCloseable {
    /** Easel's version, as {@code easel.__version__}. */
    public static final String VERSION = EaselModule.VERSION;

    /**
     * How to run.
     *
     * @param size    a size forced on every canvas (--size), or null
     * @param frames  headless: frames per canvas
     * @param events  headless: input events to deliver, by frame (from --events)
     * @param renderer a renderer forced on every canvas (--renderer), or null
     */
    public record Options(boolean isolateAll, int[] size, int frames, List<ScriptedEvent> events,
                          dev.easel.canvas.RendererChoice renderer) {
        /** Options that leave the renderer to each class. */
        public Options(boolean isolateAll, int[] size, int frames, List<ScriptedEvent> events) {
            this(isolateAll, size, frames, events, null);
        }

        /** Defaults: no overrides, one frame, no events. */
        public static Options defaults() {
            return new Options(false, null, 1, List.of());
        }
    }

    /** An input event for a headless run: delivered before the given frame of the canvas (all when null). */
    public record ScriptedEvent(long frame, String canvas, InputEvent event) {}

    private final PythonRuntime runtime;
    private final WindowSystem windows;
    private final Options options;
    private final BuiltinModule module;
    private final Path packageRoot;
    private final Map<Integer, CanvasHost> hosts = new ConcurrentHashMap<>();
    private final List<CanvasHost> allHosts = new CopyOnWriteArrayList<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final Object lifecycle = new Object();
    private volatile boolean scriptFailed;
    private volatile String scriptError = "";
    private volatile List<String> scriptArgv = List.of();
    private volatile boolean scriptDone = true;
    private volatile boolean closing;
    /** The exit code asked for by easel.quit() or SystemExit, or null. */
    private volatile Integer quitCode;
    private final Channels channels = new Channels();
    private volatile ParamStart paramStart = ParamStart.NONE;
    /** Live reload's canvas side, when the app turned it on, else null; and how to stop its watcher. */
    private volatile CodeReload liveReload;
    private volatile Runnable stopWatching;
    private final CanvasOwner owner = new SessionCanvases(this);
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("easel-close-watchdog").daemon(true).factory());

    /** Prepares the main interpreter: the {@code _easel} module and the {@code easel} package on sys.path. */
    public Session(PythonRuntime runtime, WindowSystem windows, Options options) {
        this.runtime = runtime;
        this.windows = windows;
        this.options = options;
        this.module = EaselModule.build(new SessionBuiltins(this));
        this.packageRoot = PythonPackage.install();
        prepare(runtime.main());
    }

    /** Installs Easel into an interpreter (the main one, or an isolated canvas' own). */
    void prepare(Interpreter interp) {
        try (Attachment a = interp.attach(); PyObject g = a.newGlobals()) {
            // A fresh import binds the package to this session's built-ins (tests run several sessions).
            a.exec("import sys\nfor _n in [n for n in sys.modules if n == 'easel' or n.startswith('easel.')]:\n"
                    + "    del sys.modules[_n]\n", g);
            module.install(a).close();
            try (PyObject sys = a.importModule("sys"); PyObject path = sys.getAttr("path")) {
                path.callMethod("insert", 0, packageRoot.toString()).close();
            }
            // SystemExit in a Python thread ends the app, as it does everywhere else.
            a.exec("import easel._quit\neasel._quit.install_thread_hook()\n", g);
        }
    }

    /** The Python runtime. */
    public PythonRuntime runtime() {
        return runtime;
    }

    WindowSystem windows() {
        return windows;
    }

    Options options() {
        return options;
    }

    /** What canvases of this session are made with: where they report. */
    CanvasOwner canvasOwner() {
        return owner;
    }

    /** Live reload's canvas side, or null when it is off. */
    CodeReload liveCode() {
        return liveReload;
    }

    /** The script's {@code sys.argv}. */
    List<String> scriptArgv() {
        return scriptArgv;
    }

    Channels channels() {
        return channels;
    }

    /** Turns live reload on: {@code code} is what canvases reload from; {@code stop} ends its watching at {@link #close}. */
    void liveReload(CodeReload code, Runnable stop) {
        stopWatching = stop;
        liveReload = code;
    }

    // ------------------------------------------------------------------ the script

    /**
     * Runs {@code script} as {@code __main__} on the thread {@code easel-main} (returns at once).
     * An exception is printed with its traceback and makes {@link #exitCode()} 1.
     */
    public Thread runScript(Path script, List<String> argv) {
        scriptDone = false;
        scriptArgv = new ArrayList<>();
        scriptArgv.add(script.toString());
        scriptArgv.addAll(argv);
        Thread t = PythonThreads.builder().name("easel-main").start(() -> {
            try (Attachment a = runtime.main().attach(); PyObject g = a.newGlobals()) {
                List<Object> args = new ArrayList<>();
                args.add(script.toString());
                args.addAll(argv);
                g.setItem("_script", script.toAbsolutePath().toString());
                g.setItem("_argv", args);
                a.exec("""
                        import os, runpy, sys
                        import easel._quit as _quit  # now: an import while SystemExit is raised could hang
                        sys.argv = list(_argv)
                        sys.path.insert(0, os.path.dirname(_script))
                        try:
                            runpy.run_path(_script, run_name="__main__")
                        except SystemExit as e:
                            _quit.exiting(e)
                        """, g, "<easel>");
            } catch (PythonClosedException stopped) {
                // quitting
            } catch (PythonException e) {
                if (endedByQuit(e)) {
                    return;
                }
                scriptError = Tracebacks.script(e);
                scriptFailed = true;
                System.err.print(scriptError);
                System.err.flush();
            } finally {
                synchronized (lifecycle) {
                    scriptDone = true;
                    lifecycle.notifyAll();
                }
            }
        });
        return t;
    }

    /**
     * Whether {@code e} is only the app quitting under running code: a receiver woken by the
     * channels closing, or the shutdown gate's SystemExit. Not an error of the script's.
     */
    boolean endedByQuit(PythonException e) {
        return (closing || quitCode != null)
                && (e.pythonType().equals("easel.ChannelClosed") || e.pythonType().equals("SystemExit"));
    }

    /**
     * {@code easel.quit(code)}, or SystemExit raised by the sketch's code (attached caller, any
     * thread): records the code and closes every canvas on another thread, since the caller may
     * be a canvas thread that {@link #close()} waits for. The first code wins. A SystemExit that is
     * Easel's own (a stuck canvas stopped, the runtime shutting down) does not quit.
     */
    void quitFromPython(Interpreter interp, int code) {
        if (CanvasThread.reimporting() || runtime.isClosing()
                || (Thread.currentThread() instanceof CanvasThread ct && ct.stoppedByEasel())) {
            return;
        }
        for (CanvasHost h : allHosts) {
            if (!interp.isMain() && h.interpreter() == interp && h.isEnding()) {
                return; // an isolated canvas' interpreter closing stops its Python threads with SystemExit
            }
        }
        synchronized (lifecycle) {
            if (quitCode != null || closing) {
                return;
            }
            quitCode = code;
            lifecycle.notifyAll();
        }
        Thread.ofPlatform().name("easel-quit").daemon(true).start(this::close);
    }

    /** Whether the sketch asked to quit (easel.quit() or SystemExit). */
    public boolean quitRequested() {
        return quitCode != null;
    }

    // ------------------------------------------------------------------ canvases

    /** Adds a canvas made by {@code Canvas.show()}, before its thread starts. */
    void register(int handle, CanvasHost host) {
        synchronized (lifecycle) {
            hosts.put(handle, host);
            allHosts.add(host);
        }
    }

    /** The live canvas with this handle. */
    Optional<CanvasHost> host(int handle) {
        return Optional.ofNullable(hosts.get(handle));
    }

    /** Every canvas shown in this session, ended or not, in the order shown. */
    public List<CanvasHost> canvases() {
        return List.copyOf(allHosts);
    }

    void ended(CanvasHost host) {
        synchronized (lifecycle) {
            hosts.remove(host.handle());
            lifecycle.notifyAll();
        }
    }

    void watchClose(CanvasHost host) {
        if (!host.ended().isDone()) {
            try {
                watchdog.schedule(host::enforceClose, 450, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException sessionClosed) {
                // Another closer already finished close() (easel.quit() and the main thread race to
                // close): the runtime's gate stops what is still running. Found by LifecycleChaosTest.
            }
        }
    }

    /** Sets the parameter values canvases start with ({@code --param}, {@code --params}); before the script runs. */
    public void paramStart(ParamStart start) {
        paramStart = java.util.Objects.requireNonNull(start, "start");
    }

    /** The parameter values canvases start with. */
    public ParamStart paramStart() {
        return paramStart;
    }

    void noteError() {
        errors.incrementAndGet();
    }

    /** Callback errors so far. */
    public int errorCount() {
        return errors.get();
    }

    /** Whether the script itself raised. */
    public boolean scriptFailed() {
        return scriptFailed;
    }

    /** The traceback the script raised, as printed (empty when it did not raise). */
    public String scriptError() {
        return scriptError;
    }

    /** Blocks until every canvas has ended (returns at once when none is open, or when closing). */
    public void awaitAllClosed() throws InterruptedException {
        synchronized (lifecycle) {
            while (!hosts.isEmpty() && !closing) {
                lifecycle.wait(200);
            }
        }
    }

    /** Blocks until the script has finished and every canvas has ended. */
    public void awaitEnd() throws InterruptedException {
        synchronized (lifecycle) {
            while ((!scriptDone || !hosts.isEmpty()) && !closing) {
                lifecycle.wait(200);
            }
        }
    }

    /** Whether the script has finished and no canvas is open. */
    public boolean isIdle() {
        return scriptDone && hosts.isEmpty();
    }

    /**
     * The code of {@code easel.quit()} / SystemExit when it is not 0; else 0 when nothing raised,
     * 1 when the script raised, or (headless) any callback did.
     */
    public int exitCode() {
        Integer q = quitCode;
        if (q != null && q != 0) {
            return q;
        }
        if (scriptFailed) {
            return 1;
        }
        return windows.headless() && errors.get() > 0 ? 1 : 0;
    }

    /**
     * Closes every canvas (on_close runs) and waits a bounded time for their threads; a second
     * caller waits too (the first may be easel.quit()'s thread). Python stays up.
     */
    @Override
    public void close() {
        boolean first;
        synchronized (lifecycle) {
            first = !closing;
            closing = true;
            lifecycle.notifyAll();
        }
        if (first) {
            channels.close(); // wakes receivers, which may be what keeps a canvas busy
            for (CanvasHost h : allHosts) {
                h.close();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        for (CanvasHost h : allHosts) {
            try {
                h.ended().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // A canvas stuck in native code: the runtime's gate deals with it.
            }
        }
        watchdog.shutdownNow();
        Runnable stop = stopWatching;
        if (stop != null) {
            stop.run();
        }
    }

    /** Whether {@link #close()} has begun. */
    public boolean isClosing() {
        return closing;
    }
}
