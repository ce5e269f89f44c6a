package dev.easel.canvas.host.loop;

import dev.easel.canvas.DisplayList;
import dev.easel.canvas.InputEvent;
import dev.easel.canvas.Pace;
import dev.easel.canvas.host.view.CanvasView;
import dev.easel.canvas.host.view.Frame;
import dev.easel.pybridge.Attachment;
import dev.easel.pybridge.PyObject;
import dev.easel.pybridge.PythonClosedException;
import dev.easel.pybridge.PythonException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The body of a canvas thread: the game loop of {@link CanvasHost} (setup, wait, events and
 * {@code on_draw}, the frame handed to the view, on_close, the end). Its state is the canvas
 * thread's alone; what other threads see lives in the host.
 */
final class CanvasLoop {
    private static final long HANDLER_ERROR_HOLD_NANOS = 3_000_000_000L;

    private final CanvasHost host;
    private final CanvasErrors errors;
    private final CanvasReload reloader;
    /** The canvas object: owned; released on the canvas thread when it ends. */
    PyObject canvas;
    /** Whether the traceback of a failed setup is on screen (shown again after a resize). */
    boolean setupErrorShown;
    private boolean onCloseDone;
    /** A handler's error overlay, kept over the following frames until {@link #heldUntil}. */
    private DisplayList heldOverlay;
    private long heldUntil;

    CanvasLoop(CanvasHost host, PyObject canvas) {
        this.host = host;
        this.canvas = canvas;
        this.errors = new CanvasErrors(host.owner, host.thread, host.stats, host.spec.className());
        this.reloader = new CanvasReload(host, this, errors);
    }

    /** The canvas thread's body. */
    void run() {
        boolean paced = host.paced();
        FrameClock clock = host.clock;
        try {
            if (host.recipe != null && !makeIsolated()) {
                return;
            }
            synchronized (host.viewLock) {
                host.view = host.owner.windows().open(host);
            }
            boolean setUp = runSetup();
            while (true) {
                if (paced) {
                    if (setUp) {
                        waitForWork(clock);
                    } else if (setupErrorShown) {
                        waitForInputOrClose();
                    }
                }
                if ((host.closeRequested || host.owner.quitRequested()) && (!setUp || confirmClose())) {
                    break;
                }
                if (host.reloadWanted || host.restartWanted) {
                    setUp = reloader.reload(setUp);
                }
                if (!setUp) {
                    showSetupError();
                    if (!paced) {
                        break;
                    }
                    continue;
                }
                host.runBetween(canvas);
                drawFrame(clock);
                reloader.prepareOnce();
                if (host.owner.windows().headless() && host.stats.frames() >= host.owner.headlessFrames()) {
                    break;
                }
            }
        } catch (PythonClosedException stopped) {
            // The runtime is shutting down, or the interpreter closing: nothing more to run.
        } catch (Throwable t) {
            System.err.println("easel: canvas " + host.slug + " failed: " + t);
            t.printStackTrace();
        } finally {
            finish();
        }
    }

    /**
     * Runs setup() on the canvas object; returns whether the canvas is set up. A failed setup
     * leaves the canvas half made: on_draw and the handlers would only fail on what it did not
     * make, hiding the real cause. Its traceback is shown instead, until a reload or a restart
     * makes a canvas whose setup succeeds.
     */
    boolean runSetup() {
        boolean setUp = callPython(-1, "setup", () -> {
            canvas.callMethod("_easel_setup", host.handle).close();
            return null;
        }) || host.owner.quitRequested(); // SystemExit in setup: quitting, not a failure
        // on_close neither: it would only fail the same way, and cannot keep such a window open.
        onCloseDone = !setUp;
        setupErrorShown = false;
        if (!setUp) {
            System.err.println("easel: " + host.spec.className() + ".on_draw and its handlers are not called: "
                    + "setup() failed (above)");
        }
        return setUp;
    }

    /** Isolated: a sub-interpreter of its own, the sketch imported again there, the canvas made anew. */
    private boolean makeIsolated() {
        long t0 = System.nanoTime();
        try {
            host.interp = host.owner.newInterpreter();
            host.thread.importingIsolated = true;
            try {
                canvas = Isolation.instantiate(host.interp, host.recipe, host.owner.scriptArgv());
            } finally {
                host.thread.importingIsolated = false;
            }
            host.createNanos = System.nanoTime() - t0;
            return true;
        } catch (PythonException e) {
            errors.report(-1, "isolated start", e);
            return false;
        }
    }

    void replaceCanvas(PyObject fresh) {
        PyObject old = canvas;
        canvas = fresh;
        old.close();
    }

    private void waitForWork(FrameClock clock) {
        while (!host.closeRequested) {
            host.runBetween(canvas);
            if (host.redrawRequested) {
                host.redrawRequested = false;
                return;
            }
            long now = System.nanoTime();
            if (!host.onDemand()) {
                long wait = clock.nanosUntilNextFrame(now);
                if (wait <= 0 && viewTakes(now)) {
                    return;
                }
                if (wait <= 0) {
                    wait = 50_000_000L; // until the view takes frames again (viewReady unparks)
                }
                LockSupport.parkNanos(host, Math.min(wait, 50_000_000L));
            } else {
                LockSupport.parkNanos(host, 50_000_000L);
            }
        }
    }

    /** When the view first refused a frame (0: it takes them). */
    private long viewBusySince;

    /**
     * Whether the view takes a new frame now; a view that kept the canvas waiting a whole second
     * gets one anyway (it may replace one not shown: a stalled display must not stop the canvas).
     * A canvas with {@code pace = "drawn"} never waits for its view: a frame that replaces one not
     * yet shown is counted as dropped by the view.
     */
    private boolean viewTakes(long now) {
        CanvasView v = host.view;
        if (v == null || host.spec.pace() == Pace.DRAWN || v.readyForFrame() || (viewBusySince != 0 && now - viewBusySince > 1_000_000_000L)) {
            viewBusySince = 0;
            return true;
        }
        if (viewBusySince == 0) {
            viewBusySince = now;
        }
        return false;
    }

    /** After setup failed: no frames, only the traceback over the background (again after a resize). */
    private void waitForInputOrClose() {
        while (!host.closeRequested && !host.owner.quitRequested() && host.inbox.isEmpty() && !host.reloadWanted && !host.restartWanted) {
            host.runBetween(canvas);
            LockSupport.parkNanos(host, 50_000_000L);
        }
    }

    private void showSetupError() {
        boolean resized = false;
        for (InputEvent e; (e = host.inbox.poll()) != null; ) {
            if ("resize".equals(e.type())) {
                host.width = (int) e.x();
                host.height = (int) e.y();
                resized = true;
            }
        }
        if (!setupErrorShown || resized) {
            setupErrorShown = true;
            host.view.present(null, reloader.failed() ? reloader.overlay(host.width, host.height) : errors.errorOverlay(host.width, host.height), host.width, host.height);
        }
    }

    /** Runs on_close (unless forced); returns whether the canvas should end. */
    private boolean confirmClose() {
        boolean forced = host.closeForced || host.owner.quitRequested();
        Boolean[] keep = {false};
        callPython(-1, "on_close", () -> {
            try (PyObject r = canvas.callMethod("_easel_close")) {
                keep[0] = !r.isTrue();
            }
            return null;
        });
        if (forced || !keep[0]) {
            onCloseDone = true;
            return true;
        }
        host.closeRequested = false; // on_close returned False: keep running
        host.closeRequestedAt = 0;
        return false;
    }

    private void drawFrame(FrameClock clock) {
        DisplayList l = host.pool.poll();
        if (l == null) {
            l = new DisplayList();
        }
        l.reset();
        l.background(host.backgroundArgb());
        if (host.spec.background() != null) {
            l.clear();
        }
        host.owner.deliverScripted(host, host.stats.frames());
        List<InputEvent> events = new ArrayList<>();
        for (InputEvent e; (e = host.inbox.poll()) != null; ) {
            if ("resize".equals(e.type())) {
                host.width = (int) e.x();
                host.height = (int) e.y();
            }
            events.add(e);
        }
        long now = System.nanoTime();
        double[] t = clock.beginFrame(now);
        double fps = host.owner.windows().headless() ? clock.simulatedFps() : host.stats.shownPerSecond(now);
        long frameNo = host.stats.frames();
        host.thread.recording = l;
        long t0 = System.nanoTime();
        long attachedAt = t0;
        boolean ok = false;
        boolean handlerFailed = false;
        try (Attachment a = host.interp.attach()) {
            attachedAt = System.nanoTime();
            canvas.callMethod("_easel_begin", frameNo, t[0], t[1], fps, host.width, host.height,
                    host.stats.frames(), host.stats.framesShown(), host.stats.framesDropped()).close();
            // One call per event: an exception in one handler is that handler's, and the events
            // behind it are still delivered (keys stays in sync), then on_draw runs.
            for (InputEvent e : events) {
                try {
                    canvas.callMethod("_easel_event", (Object) e.toTuple()).close();
                } catch (PythonException ex) {
                    errors.report(frameNo, "on_" + e.type(), ex);
                    handlerFailed = true;
                    if (host.owner.quitRequested()) {
                        break;
                    }
                }
            }
            if (!host.owner.quitRequested()) {
                canvas.callMethod("_easel_draw").close();
                ok = true;
            }
        } catch (PythonException e) {
            errors.report(frameNo, "on_draw", e);
        } finally {
            host.thread.recording = null;
        }
        if (!ok && host.owner.quitRequested()) {
            host.pool.add(l); // the app is quitting: this frame is not drawn, nothing to show
            return;
        }
        host.stats.frame((System.nanoTime() - attachedAt) / 1e6, attachedAt - t0);
        l.finish();
        Frame f = new Frame(l, host.pool::add, frameNo);
        CanvasView v = host.view;
        if (ok) {
            // A handler's error is drawn over the frame, and in a window over the next ones for a
            // few seconds: one frame would be too short to read.
            long shownAt = System.nanoTime();
            if (handlerFailed) {
                heldOverlay = host.owner.quitRequested() ? null : errors.errorOverlay(host.width, host.height);
                heldUntil = shownAt + HANDLER_ERROR_HOLD_NANOS;
            } else if (host.owner.windows().headless() || shownAt - heldUntil > 0) {
                heldOverlay = null;
                errors.forget();
            }
            DisplayList overlay = heldOverlay != null ? heldOverlay : reloader.overlay(host.width, host.height);
            Frame old = host.lastGood;
            host.lastGood = f.retain();
            if (old != null) {
                old.release();
            }
            v.present(f, overlay, host.width, host.height); // the view takes the creation reference
        } else if (host.thread.stoppedByEasel) {
            // Stopped after its window closed: nothing to show, and laying out an error overlay
            // (fonts on first use) would only delay the end.
            f.release();
        } else {
            heldOverlay = null;
            f.release();
            Frame good = host.lastGood;
            v.present(good == null ? null : good.retain(), errors.errorOverlay(host.width, host.height), host.width, host.height);
        }
    }

    interface PyCall {
        Object call();
    }

    /** Runs a callback attached; a Python exception is reported, not thrown. Returns whether it succeeded. */
    boolean callPython(long frame, String where, PyCall call) {
        try (Attachment a = host.interp.attach()) {
            call.call();
            return true;
        } catch (PythonException e) {
            errors.report(frame, where, e);
            return false;
        }
    }

    private void finish() {
        host.ending = true;
        try {
            if (!onCloseDone && canvas != null && !host.interp.isClosed()) {
                callPython(-1, "on_close", () -> {
                    canvas.callMethod("_easel_close").close();
                    return null;
                });
            }
        } catch (PythonClosedException ignored) {
            // Shutting down: on_close cannot run any more.
        }
        try {
            if (canvas != null && !host.interp.isClosed()) {
                try (Attachment a = host.interp.attach()) {
                    canvas.setAttr("_easel_handle", null);
                    canvas.close();
                }
            }
        } catch (RuntimeException ignored) {
            // The interpreter is going away with the object.
        }
        canvas = null;
        if (host.recipe != null && host.interp != null && !host.interp.isClosed()) {
            try {
                host.interp.close();
            } catch (RuntimeException e) {
                System.err.println("easel: could not close the interpreter of " + host.slug + ": " + e.getMessage());
            }
        }
        CanvasView v = host.view;
        if (v != null) {
            v.close();
        }
        host.ended.complete(null);
        host.runBetween(null); // the prompt's pending work learns the canvas is gone
        host.owner.ended(host);
    }
}
