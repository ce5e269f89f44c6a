package dev.easel.canvas.host;

import dev.easel.canvas.CanvasSpec;
import dev.easel.canvas.host.loop.CanvasControl;
import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.loop.CanvasThread;
import dev.easel.canvas.host.loop.Recipe;
import dev.easel.canvas.host.python.CanvasSpecs;
import dev.easel.canvas.host.python.Channels;
import dev.easel.canvas.host.python.ParamStart;
import dev.easel.canvas.host.python.SketchRun;
import dev.easel.canvas.host.python.WindowBuiltins;
import dev.easel.canvas.host.view.WindowSettings;
import dev.easel.pybridge.Interpreter;
import dev.easel.pybridge.PyObject;
import dev.easel.pybridge.PythonException;
import dev.easel.pybridge.PythonInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the {@code _easel} built-ins may ask of a session ({@link SketchRun}): showing a canvas
 * (the class read, the canvas made and started), finding one, channels, quitting, waiting. Runs on
 * whichever Python thread calls a built-in.
 */
final class SessionBuiltins implements SketchRun {
    private final Session session;
    private final Set<String> slugs = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextHandle = new AtomicInteger(1);

    SessionBuiltins(Session session) {
        this.session = session;
    }

    /** Called by {@code Canvas.show()} (attached): reads the class, starts the canvas thread. */
    @Override
    public int show(PyObject canvas) {
        if (session.isClosing()) {
            canvas.close();
            // Quitting (easel.quit(), SystemExit, Ctrl+Q, the last window closed): the code still
            // making canvases stops as quietly as the running ones do. An error here turned a
            // quit's exit code 0 into 1 (found by LifecycleChaosTest, seed 607305).
            throw PythonException.of("SystemExit", "easel is shutting down: no new canvases");
        }
        if (CanvasThread.reimporting()) {
            // The sketch's top level runs again in an isolated canvas' interpreter: its show() calls
            // were for the script, which made those canvases already.
            canvas.close();
            return 0;
        }
        CanvasSpec spec;
        try (PyObject cls = canvas.getAttr("__class__")) {
            spec = CanvasSpecs.read(cls, canvas, session.options().size(), session.options().isolateAll(),
                    session.options().renderer());
        }
        WindowSettings settings = WindowBuiltins.initial(spec, canvas);
        int handle = nextHandle.getAndIncrement();
        CanvasHost host;
        if (spec.isolated()) {
            if (!session.runtime().supportsSubInterpreters()) {
                canvas.close();
                throw PythonException.runtimeError(spec.className() + " is isolated, and isolated canvases need "
                        + "CPython 3.12 or newer (own-GIL sub-interpreters); this is " + session.runtime().version()
                        + ". Run with --python 3.12 (or newer, or the bundled 3.14), or set isolated = False.");
            }
            Recipe recipe;
            try (canvas; PyObject r = canvas.callMethod("_easel_recipe")) {
                List<?> parts = (List<?>) r.toJava();
                recipe = new Recipe((String) parts.get(0), (String) parts.get(1), (String) parts.get(2),
                        (byte[]) parts.get(3));
            }
            host = new CanvasHost(session.canvasOwner(), handle, spec, null, null, uniqueSlug(spec), recipe);
        } else {
            host = new CanvasHost(session.canvasOwner(), handle, spec, canvas.interpreter(), canvas, uniqueSlug(spec));
        }
        host.changeSettings(s -> settings); // before its thread starts: the first frame sees them
        session.register(handle, host);
        host.start();
        return handle;
    }

    private String uniqueSlug(CanvasSpec spec) {
        String base = spec.title().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = spec.className().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        }
        if (base.isEmpty()) {
            base = "canvas";
        }
        String s = base;
        for (int n = 2; !slugs.add(s); n++) {
            s = base + "-" + n;
        }
        return s;
    }

    @Override
    public Optional<CanvasControl> canvas(int handle) {
        return session.host(handle).map(h -> h);
    }

    @Override
    public Channels channels() {
        return session.channels();
    }

    @Override
    public void quit(Interpreter interp, int code) {
        session.quitFromPython(interp, code);
    }

    @Override
    public Map<String, Object> pythonInfo(Interpreter interp) {
        PythonInfo info = session.runtime().info();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", info.version().toString());
        m.put("build", info.freeThreaded() ? "free-threaded" : "gil");
        m.put("gil_enabled", info.gilEnabled());
        m.put("isolation_available", info.subinterpreters());
        m.put("isolated", !interp.isMain());
        // How the calling code runs next to other canvases.
        m.put("mode", !interp.isMain() ? "isolated" : info.freeThreaded() && !info.gilEnabled() ? "free-threaded" : "shared");
        m.put("library", info.library().toString());
        return m;
    }

    @Override
    public void awaitAllClosed() throws InterruptedException {
        session.awaitAllClosed();
    }

    @Override
    public ParamStart paramStart() {
        return session.paramStart();
    }
}
