package dev.easel.canvas.host.loop;

import dev.easel.canvas.host.view.CanvasView;
import dev.easel.canvas.host.view.Frame;
import dev.easel.canvas.host.view.FrameSaves;
import dev.easel.canvas.host.view.Rasterizer;
import dev.easel.canvas.host.view.ViewContext;
import dev.easel.canvas.host.view.WindowPixels;
import dev.easel.canvas.host.view.WindowSettings;
import dev.easel.canvas.CanvasSpec;
import dev.easel.canvas.Colors;
import dev.easel.canvas.DisplayList;
import dev.easel.canvas.FontSpec;
import dev.easel.canvas.ImageData;
import dev.easel.canvas.InputEvent;
import dev.easel.pybridge.Attachment;
import dev.easel.pybridge.Interpreter;
import dev.easel.pybridge.PyObject;
import dev.easel.pybridge.PythonClosedException;
import dev.easel.pybridge.PythonException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * One Python canvas at run time: its thread, frame clock, event inbox, display lists and statistics.
 *
 * <p>The canvas thread runs a game loop:
 * <pre>
 * setup()                                       attached, once
 * loop:
 *     wait for the frame tick, an event or redraw()   detached: the GIL is free
 *     attach; deliver events; on_draw(g) records a display list; detach
 *     hand the finished list to the view            rendering never holds the GIL
 * </pre>
 * Recording frame N+1 overlaps the showing of frame N. Other threads talk to a host only through
 * its inbox and flags ({@link #post}, {@link #redraw}, {@link #requestClose}); none of them ever
 * waits for the canvas thread while attached.
 */
public final class CanvasHost implements CanvasControl {
    private static final long CLOSE_GRACE_NANOS = 400_000_000L; // closing a window stops its runaway code within 1 s

    private final CanvasOwner owner;
    private final int handle;
    private final CanvasSpec spec;
    /** The canvas' interpreter: the main one, or (isolated) its own, made on the canvas thread. */
    private volatile Interpreter interp;
    private final String slug;
    private PyObject canvas; // owned; released on the canvas thread when it ends
    /** How to make the canvas again in its own interpreter (isolated canvases), else null. */
    private final Recipe recipe;
    private final CanvasThread thread;
    private final ConcurrentLinkedQueue<InputEvent> inbox = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<DisplayList> pool = new ConcurrentLinkedQueue<>();
    private final CanvasStats stats = new CanvasStats();
    private final FrameSaves frameSaves = new FrameSaves();
    private final ViewContext viewContext;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile boolean redrawRequested = true; // the first frame is drawn at once, on demand too
    private volatile boolean closeRequested;   // the window's close button: on_close may keep it open
    private volatile boolean closeForced;      // canvas.close() or the app quitting
    private volatile long closeRequestedAt;
    private volatile Frame lastGood;
    private volatile int width;
    private volatile int height;
    /** The size of the last resize queued (guarded by {@link #inbox}), or the size now. */
    private int queuedWidth;
    private int queuedHeight;
    private volatile CanvasView view;
    /** Held while the view opens: a size asked for before it exists is the size it opens at. */
    private final Object viewLock = new Object();
    private final FrameClock clock;
    private final java.util.concurrent.atomic.AtomicReference<WindowSettings> settings;
    private String lastErrorText;
    private static final long HANDLER_ERROR_HOLD_NANOS = 3_000_000_000L;
    /** A handler's error overlay, kept over the following frames until {@link #heldUntil}. */
    private DisplayList heldOverlay;
    private long heldUntil;
    private int repeatedErrors;

    /** A canvas of {@code owner}'s run, made in {@code interp} (its thread not started yet). */
    public CanvasHost(CanvasOwner owner, int handle, CanvasSpec spec, Interpreter interp, PyObject canvas, String slug) {
        this(owner, handle, spec, interp, canvas, slug, null);
    }

    /** An isolated canvas: made again from {@code recipe} in an interpreter of its own, on its thread. */
    public CanvasHost(CanvasOwner owner, int handle, CanvasSpec spec, Interpreter interp, PyObject canvas, String slug,
               Recipe recipe) {
        this.recipe = recipe;
        this.owner = owner;
        this.handle = handle;
        this.spec = spec;
        this.interp = interp;
        this.canvas = canvas;
        this.slug = slug;
        this.width = spec.width();
        this.height = spec.height();
        this.queuedWidth = width;
        this.queuedHeight = height;
        this.thread = new CanvasThread(this::run, "easel-canvas-" + slug);
        this.viewContext = new ViewContext(backgroundArgb(), spec.background() == null, spec.renderer(), frameSaves,
                stats::rendered, this::width, this::height);
        this.clock = new FrameClock(spec.fps(), !paced());
        this.settings = new java.util.concurrent.atomic.AtomicReference<>(
                new WindowSettings(spec.title(), dev.easel.canvas.CursorShape.DEFAULT, false));
    }

    /** Starts the canvas thread. */
    public void start() {
        thread.start();
    }

    /** The number Python knows this canvas by. */
    public int handle() {
        return handle;
    }

    /** What the canvas class declared. */
    public CanvasSpec spec() {
        return spec;
    }

    /** A file-name-safe, unique name: from the title, else the class name. */
    public String slug() {
        return slug;
    }

    /** The current size in pixels. */
    public int width() {
        return width;
    }

    /** The current size in pixels. */
    public int height() {
        return height;
    }

    /** The canvas thread. */
    public Thread thread() {
        return thread;
    }

    /** Statistics so far. */
    public CanvasStats stats() {
        return stats;
    }

    /** Files {@code save_frame} asked for, written by the view once their frame is rendered. */
    public FrameSaves frameSaves() {
        return frameSaves;
    }

    /** What the pixels that show this canvas are handed of it (they never see the canvas itself). */
    public ViewContext viewContext() {
        return viewContext;
    }

    /** Completes when the canvas has ended (its thread is done). */
    public CompletableFuture<Void> ended() {
        return ended;
    }

    // ------------------------------------------------------------------ from other threads

    /** Queues an input event (FX thread, event scripts); it reaches the handlers before the next on_draw. */
    public void post(InputEvent e) {
        if ("resize".equals(e.type())) {
            int w = (int) e.x(), h = (int) e.y();
            // Compared with the last size queued, not the size applied: (a, b), then back to the
            // current size before a frame took the first, is two resizes.
            synchronized (inbox) {
                if (w <= 0 || h <= 0 || (w == queuedWidth && h == queuedHeight)) {
                    return;
                }
                queuedWidth = w;
                queuedHeight = h;
                inbox.add(e);
            }
        } else {
            inbox.add(e);
        }
        if (onDemand()) {
            redrawRequested = true;
        }
        LockSupport.unpark(thread);
    }

    // ------------------------------------------------------------------ run-time settings (any thread)

    /** The target frame rate now; 0: on demand ({@code fps = None}). */
    public double fps() {
        return clock.fps();
    }

    private boolean onDemand() {
        return clock.fps() == 0;
    }

    /** Changes the frame rate (0: on demand), from the next frame; validated by the caller. */
    public void setFps(double fps) {
        clock.setFps(fps);
        LockSupport.unpark(thread); // a waiting canvas thread takes the new pace now
    }

    /** The title, cursor and full-screen state now. */
    public WindowSettings settings() {
        return settings.get();
    }

    /** Changes title, cursor or full screen and tells the view. */
    public void changeSettings(java.util.function.UnaryOperator<WindowSettings> change) {
        settings.updateAndGet(change);
        CanvasView v = view;
        if (v != null) {
            v.settingsChanged();
        }
    }

    /** Called by the view when the user left or entered full screen (Escape, the window manager). */
    public void fullscreenChanged(boolean fullscreen) {
        settings.updateAndGet(s -> s.withFullscreen(fullscreen));
    }

    /** Asks for a new size: the view resizes (its resize event follows); before it opens, it opens so. */
    public void resizeTo(int w, int h) {
        CanvasView v;
        synchronized (viewLock) {
            v = view;
            if (v == null) {
                width = w;
                height = h;
                synchronized (inbox) {
                    queuedWidth = w;
                    queuedHeight = h;
                }
                return;
            }
        }
        v.resizeTo(w, h);
    }

    /** Asks for a frame soon (on-demand canvases draw only then). Any thread. */
    public void redraw() {
        redrawRequested = true;
        LockSupport.unpark(thread);
    }

    /**
     * The window's close button: {@code on_close} decides. If the canvas is stuck in Python (an
     * endless loop), it is stopped after a grace period: SystemExit is raised in its thread.
     */
    public void requestClose() {
        if (closeRequestedAt == 0) {
            closeRequestedAt = System.nanoTime();
        }
        closeRequested = true;
        LockSupport.unpark(thread);
        owner.watchClose(this);
    }

    /** Closes without asking (canvas.close(), the app quitting). Any thread. */
    public void close() {
        closeForced = true;
        closeRequested = true;
        if (closeRequestedAt == 0) {
            closeRequestedAt = System.nanoTime();
        }
        LockSupport.unpark(thread);
        owner.watchClose(this);
    }

    /** Work for the canvas thread between frames: given its interpreter and canvas object (null once ended). */
    public interface BetweenFrames {
        /** Runs on the canvas thread, not attached (attach to {@code interp} to use {@code canvas}). */
        void run(Interpreter interp, PyObject canvas);
    }

    private final java.util.Queue<BetweenFrames> between = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * Runs {@code work} on the canvas thread before its next frame (the live prompt). Any thread.
     * Once the canvas has ended, {@code work} runs at once on the caller with a null canvas.
     */
    public void betweenFrames(BetweenFrames work) {
        between.add(work);
        LockSupport.unpark(thread);
        if (ended.isDone()) {
            runBetween(null); // ended meanwhile: nobody else will
        }
    }

    private void runBetween(PyObject target) {
        for (BetweenFrames b; (b = between.poll()) != null; ) {
            try {
                b.run(interp, target);
            } catch (PythonClosedException closing) {
                throw closing;
            } catch (RuntimeException e) {
                System.err.println("easel: work between frames of " + slug + " failed: " + e);
            }
        }
    }

    /** Live reload: the sketch's files changed. Any thread; the canvas thread reloads before its next frame. */
    public void reloadRequested() {
        reloadWanted = true;
        redraw();
    }

    /**
     * Restarts the canvas (Ctrl+Shift+R): a new object of its current class, made with the same
     * constructor arguments, whose {@code setup()} runs; Easel's own state (size, frame count,
     * clock, input) carries over. Any thread; it happens before the next frame.
     */
    public void restart() {
        restartWanted = true;
        redraw();
    }

    /** How many times the canvas has been moved onto new code, or restarted (tests wait on it). */
    public long reloads() {
        return reloads;
    }

    public void closeFromPython() {
        close();
    }

    /** Called by the session's watchdog: stops Python code that ignores a close request. */
    public void enforceClose() {
        Interpreter i = interp;
        if (!ended.isDone() && closeRequestedAt != 0 && System.nanoTime() - closeRequestedAt > CLOSE_GRACE_NANOS
                && i != null) {
            closeForced = true;
            thread.stoppedByEasel = true; // its SystemExit is Easel's: neither the sketch quitting nor its error
            try {
                if (i.interrupt(thread)) {
                    System.err.println("easel: stopped " + spec.className() + ": its code was still running 0.4 s "
                            + "after its window was closed");
                }
            } catch (RuntimeException closing) {
                // The interpreter is going away anyway.
            }
        }
    }

    /**
     * The canvas' picture (for {@code snapshot()}): the pixels its view shows, without an error
     * overlay, so frames that draw over earlier ones are all there; else the last good frame alone,
     * or a blank canvas before the first.
     */
    public ImageData snapshot() {
        CanvasView v = view;
        WindowPixels px = v == null ? null : v.pixels();
        ImageData shown = px == null ? null : px.frameImage();
        if (shown != null) {
            return shown;
        }
        Frame f = lastGood;
        if (f != null) {
            f.retain();
        }
        try {
            return Rasterizer.render(f == null ? null : f.list(), null, width, height, backgroundArgb());
        } finally {
            if (f != null) {
                f.release();
            }
        }
    }

    /** The colour the canvas is cleared to (white when the class sets background = None). */
    public int backgroundArgb() {
        return spec.background() == null ? Colors.WHITE : spec.background();
    }

    // ------------------------------------------------------------------ the canvas thread

    private void run() {
        boolean paced = paced();
        FrameClock clock = this.clock;
        try {
            if (recipe != null && !makeIsolated()) {
                return;
            }
            synchronized (viewLock) {
                view = owner.windows().open(this);
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
                if ((closeRequested || owner.quitRequested()) && (!setUp || confirmClose())) {
                    break;
                }
                if (reloadWanted || restartWanted) {
                    setUp = reload(setUp);
                }
                if (!setUp) {
                    showSetupError();
                    if (!paced) {
                        break;
                    }
                    continue;
                }
                runBetween(canvas);
                drawFrame(clock);
                if (!reloadPrepared) {
                    prepareReload();
                }
                if (owner.windows().headless() && stats.frames() >= owner.headlessFrames()) {
                    break;
                }
            }
        } catch (PythonClosedException stopped) {
            // The runtime is shutting down, or the interpreter closing: nothing more to run.
        } catch (Throwable t) {
            System.err.println("easel: canvas " + slug + " failed: " + t);
            t.printStackTrace();
        } finally {
            finish();
        }
    }

    /** Real-time frames: in windows, and headless with live reload on (saves land between frames). */
    private boolean paced() {
        return !owner.windows().headless() || owner.liveReload() != null;
    }

    /**
     * Runs setup() on the canvas object; returns whether the canvas is set up. A failed setup
     * leaves the canvas half made: on_draw and the handlers would only fail on what it did not
     * make, hiding the real cause. Its traceback is shown instead, until a reload or a restart
     * makes a canvas whose setup succeeds.
     */
    private boolean runSetup() {
        boolean setUp = callPython(-1, "setup", () -> {
            canvas.callMethod("_easel_setup", handle).close();
            return null;
        }) || owner.quitRequested(); // SystemExit in setup: quitting, not a failure
        // on_close neither: it would only fail the same way, and cannot keep such a window open.
        onCloseDone = !setUp;
        setupErrorShown = false;
        if (!setUp) {
            System.err.println("easel: " + spec.className() + ".on_draw and its handlers are not called: "
                    + "setup() failed (above)");
        }
        return setUp;
    }

    /** Isolated: a sub-interpreter of its own, the sketch imported again there, the canvas made anew. */
    private boolean makeIsolated() {
        long t0 = System.nanoTime();
        try {
            interp = owner.newInterpreter();
            thread.importingIsolated = true;
            try {
                canvas = Isolation.instantiate(interp, recipe, owner.scriptArgv());
            } finally {
                thread.importingIsolated = false;
            }
            createNanos = System.nanoTime() - t0;
            return true;
        } catch (PythonException e) {
            error(-1, "isolated start", e);
            return false;
        }
    }

    private volatile long createNanos;

    // ------------------------------------------------------------------ live reload (canvas thread)

    private volatile boolean reloadWanted;
    private volatile boolean restartWanted;
    private volatile long reloads;
    /** The version of its interpreter's code this canvas runs. */
    private long codeVersion;
    /** An isolated canvas' own interpreter's code (the shared canvases share the session's). */
    private CodeReload.CodeState ownCode;
    /** Why the newest reload failed (shown over the frames), or null. */
    private String reloadFailure;
    private long failureRecorded;
    private String goneNoted;

    /**
     * Before a frame, detached: brings the canvas onto the newest code (importing it again if this
     * is the first canvas of its interpreter to wake), or restarts it. Returns whether it is set up.
     */
    private boolean reload(boolean setUp) {
        boolean restart = restartWanted;
        restartWanted = false;
        CodeReload live = owner.liveReload();
        if (reloadWanted && live != null) {
            reloadWanted = false; // before the update: a change recorded during it wakes the canvas again
            CodeReload.CodeState code = recipe == null ? live.shared() : ownCode();
            live.update(code, interp, recipe == null ? "__main__" : recipe.module(), thread,
                    recipe == null ? null : "isolated canvas " + slug);
            if (code.version() > codeVersion) {
                codeVersion = code.version();
                reloadFailure = null;
                setUp = moveToNewCode(setUp);
            }
            CodeReload.Failure f = code.failure();
            if (f != null && f.id() != failureRecorded) {
                failureRecorded = f.id();
                stats.error(new CanvasStats.Error(stats.frames(), "reload", f.type(), f.message(), f.traceback()));
                reloadFailure = "reload failed, the last good code keeps running:\n" + f.traceback();
            }
        }
        if (restart) {
            try (Attachment a = interp.attach()) {
                replaceCanvas(SketchCode.restart(a, canvas));
            } catch (PythonException e) {
                error(stats.frames(), "restart", e);
                return setUp;
            }
            reloads++;
            setUp = runSetup();
        }
        setupErrorShown = false; // the next failure shown anew
        return setUp;
    }

    private boolean reloadPrepared;

    /** After the first frame: Easel's reload code made ready, so the first reload is as quick as the next. */
    private void prepareReload() {
        reloadPrepared = true;
        CodeReload live = owner.liveReload();
        if (live != null) {
            try (Attachment a = interp.attach()) {
                SketchCode.relevant(a, List.of(), live.script());
            } catch (PythonException e) {
                error(-1, "reload", e);
            }
        }
    }

    private CodeReload.CodeState ownCode() {
        if (ownCode == null) {
            ownCode = new CodeReload.CodeState();
        }
        return ownCode;
    }

    /** Swaps the canvas' class for the new one (or makes a new object: reset_on_reload, setup never succeeded). */
    private boolean moveToNewCode(boolean setUp) {
        SketchCode.Swap swap;
        try (Attachment a = interp.attach()) {
            swap = SketchCode.swap(a, canvas, !setUp);
        } catch (PythonException e) {
            error(stats.frames(), "reload", e);
            reloadFailure = "reload failed, the last good code keeps running:\n" + lastErrorText;
            return setUp;
        }
        switch (swap) {
            case SketchCode.Swap.Same same -> {
                return setUp;
            }
            case SketchCode.Swap.Gone gone -> {
                if (!gone.qualname().equals(goneNoted)) {
                    goneNoted = gone.qualname();
                    System.err.println("easel: " + gone.qualname() + " is no longer in the reloaded code: its canvas "
                            + "keeps running its last code");
                }
                return setUp;
            }
            case SketchCode.Swap.Swapped swapped -> {
            }
            case SketchCode.Swap.Fresh fresh -> {
                replaceCanvas(fresh.canvas());
                setUp = runSetup();
            }
        }
        goneNoted = null;
        reloads++;
        if (setUp) {
            callPython(stats.frames(), "on_reload", () -> {
                try (Attachment a = interp.attach()) {
                    SketchCode.onReload(a, canvas);
                }
                return null;
            });
        }
        return setUp;
    }

    private void replaceCanvas(PyObject fresh) {
        PyObject old = canvas;
        canvas = fresh;
        old.close();
    }

    /** How long making the isolated interpreter and the canvas in it took, ns (0 for shared canvases). */
    public long createNanos() {
        return createNanos;
    }

    /** The interpreter the canvas runs in (null until an isolated one is made). */
    public Interpreter interpreter() {
        return interp;
    }

    private void waitForWork(FrameClock clock) {
        while (!closeRequested) {
            runBetween(canvas);
            if (redrawRequested) {
                redrawRequested = false;
                return;
            }
            long now = System.nanoTime();
            if (!onDemand()) {
                long wait = clock.nanosUntilNextFrame(now);
                if (wait <= 0 && viewTakes(now)) {
                    return;
                }
                if (wait <= 0) {
                    wait = 50_000_000L; // until the view takes frames again (viewReady unparks)
                }
                LockSupport.parkNanos(this, Math.min(wait, 50_000_000L));
            } else {
                LockSupport.parkNanos(this, 50_000_000L);
            }
        }
    }

    /** When the view first refused a frame (0: it takes them). Canvas thread. */
    private long viewBusySince;

    /**
     * Whether the view takes a new frame now; a view that kept the canvas waiting a whole second
     * gets one anyway (it may replace one not shown: a stalled display must not stop the canvas).
     */
    private boolean viewTakes(long now) {
        CanvasView v = view;
        if (v == null || v.readyForFrame() || (viewBusySince != 0 && now - viewBusySince > 1_000_000_000L)) {
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
        while (!closeRequested && !owner.quitRequested() && inbox.isEmpty() && !reloadWanted && !restartWanted) {
            runBetween(canvas);
            LockSupport.parkNanos(this, 50_000_000L);
        }
    }

    private boolean setupErrorShown;

    private void showSetupError() {
        boolean resized = false;
        for (InputEvent e; (e = inbox.poll()) != null; ) {
            if ("resize".equals(e.type())) {
                width = (int) e.x();
                height = (int) e.y();
                resized = true;
            }
        }
        if (!setupErrorShown || resized) {
            setupErrorShown = true;
            view.present(null, reloadFailure != null ? reloadOverlay() : errorOverlay(), width, height);
        }
    }

    /** Runs on_close (unless forced); returns whether the canvas should end. */
    private boolean confirmClose() {
        boolean forced = closeForced || owner.quitRequested();
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
        closeRequested = false; // on_close returned False: keep running
        closeRequestedAt = 0;
        return false;
    }

    private boolean onCloseDone;

    private void drawFrame(FrameClock clock) {
        DisplayList l = pool.poll();
        if (l == null) {
            l = new DisplayList();
        }
        l.reset();
        l.background(backgroundArgb());
        if (spec.background() != null) {
            l.clear();
        }
        owner.deliverScripted(this, stats.frames());
        List<InputEvent> events = new ArrayList<>();
        for (InputEvent e; (e = inbox.poll()) != null; ) {
            if ("resize".equals(e.type())) {
                width = (int) e.x();
                height = (int) e.y();
            }
            events.add(e);
        }
        long now = System.nanoTime();
        double[] t = clock.beginFrame(now);
        double fps = owner.windows().headless() ? clock.simulatedFps() : stats.shownPerSecond(now);
        long frameNo = stats.frames();
        thread.recording = l;
        long t0 = System.nanoTime();
        long attachedAt = t0;
        boolean ok = false;
        boolean handlerFailed = false;
        try (Attachment a = interp.attach()) {
            attachedAt = System.nanoTime();
            canvas.callMethod("_easel_begin", frameNo, t[0], t[1], fps, width, height,
                    stats.frames(), stats.framesShown(), stats.framesDropped()).close();
            // One call per event: an exception in one handler is that handler's, and the events
            // behind it are still delivered (keys stays in sync), then on_draw runs.
            for (InputEvent e : events) {
                try {
                    canvas.callMethod("_easel_event", (Object) e.toTuple()).close();
                } catch (PythonException ex) {
                    error(frameNo, "on_" + e.type(), ex);
                    handlerFailed = true;
                    if (owner.quitRequested()) {
                        break;
                    }
                }
            }
            if (!owner.quitRequested()) {
                canvas.callMethod("_easel_draw").close();
                ok = true;
            }
        } catch (PythonException e) {
            error(frameNo, "on_draw", e);
        } finally {
            thread.recording = null;
        }
        if (!ok && owner.quitRequested()) {
            pool.add(l); // the app is quitting: this frame is not drawn, nothing to show
            return;
        }
        stats.frame((System.nanoTime() - attachedAt) / 1e6, attachedAt - t0);
        l.finish();
        Frame f = new Frame(l, pool::add, frameNo);
        CanvasView v = view;
        if (ok) {
            // A handler's error is drawn over the frame, and in a window over the next ones for a
            // few seconds: one frame would be too short to read.
            long shownAt = System.nanoTime();
            if (handlerFailed) {
                heldOverlay = owner.quitRequested() ? null : errorOverlay();
                heldUntil = shownAt + HANDLER_ERROR_HOLD_NANOS;
            } else if (owner.windows().headless() || shownAt - heldUntil > 0) {
                heldOverlay = null;
                lastErrorText = null;
            }
            DisplayList overlay = heldOverlay != null ? heldOverlay : reloadOverlay();
            Frame old = lastGood;
            lastGood = f.retain();
            if (old != null) {
                old.release();
            }
            v.present(f, overlay, width, height); // the view takes the creation reference
        } else if (thread.stoppedByEasel) {
            // Stopped after its window closed: nothing to show, and laying out an error overlay
            // (fonts on first use) would only delay the end.
            f.release();
        } else {
            heldOverlay = null;
            f.release();
            Frame good = lastGood;
            v.present(good == null ? null : good.retain(), errorOverlay(), width, height);
        }
    }

    private interface PyCall {
        Object call();
    }

    /** Runs a callback attached; a Python exception is reported, not thrown. Returns whether it succeeded. */
    private boolean callPython(long frame, String where, PyCall call) {
        try (Attachment a = interp.attach()) {
            call.call();
            return true;
        } catch (PythonException e) {
            error(frame, where, e);
            return false;
        }
    }

    private void error(long frame, String where, PythonException e) {
        if (owner.endedByQuit(e)) {
            return; // the app is quitting under this callback: not the sketch's error
        }
        if (thread.stoppedByEasel && e.pythonType().equals("SystemExit")) {
            return; // Easel stopped the canvas after its window closed (said when it did): not the sketch's error
        }
        String traceback = e.pythonTraceback().isEmpty() ? "" : Tracebacks.script(e);
        stats.error(new CanvasStats.Error(frame, where, e.pythonType(), e.pythonMessage(), traceback));
        String text = traceback.isEmpty() ? e.pythonType() + ": " + e.pythonMessage() : traceback;
        if (!text.equals(lastErrorText)) {
            if (repeatedErrors > 0) {
                System.err.println("easel: (the previous error repeated " + repeatedErrors + " more times)");
            }
            System.err.print("easel: error in " + spec.className() + "." + where
                    + (frame >= 0 ? " (frame " + frame + ")" : "") + ":\n" + text);
            if (!text.endsWith("\n")) {
                System.err.println();
            }
            System.err.flush();
            lastErrorText = text;
            repeatedErrors = 0;
        } else {
            repeatedErrors++;
        }
        owner.noteError();
    }

    /** The last overlay made, and what it shows: an error repeated every frame reuses it. */
    private DisplayList overlayList;
    private String overlayText;
    private int overlayWidth;
    private int overlayHeight;

    /**
     * The traceback drawn over the last good frame: a dark band with monospaced text. The same
     * error at the same size gives the same list, which the view recognises and does not
     * rasterize again (a sketch failing every frame allocated a full-size overlay per frame).
     */
    private DisplayList errorOverlay() {
        return overlay(lastErrorText);
    }

    /** The failure of the newest reload, drawn over the frames the last good code still draws; or null. */
    private DisplayList reloadOverlay() {
        return reloadFailure == null ? null : overlay(reloadFailure);
    }

    private DisplayList overlay(String text) {
        if (overlayList != null && java.util.Objects.equals(overlayText, text) && overlayWidth == width
                && overlayHeight == height) {
            return overlayList;
        }
        overlayText = text;
        overlayWidth = width;
        overlayHeight = height;
        overlayList = newErrorOverlay(text);
        return overlayList;
    }

    private DisplayList newErrorOverlay(String text) {
        DisplayList o = new DisplayList();
        String[] lines = text == null ? new String[]{"error"} : text.split("\n");
        int shown = Math.min(lines.length, 40);
        double lineH = 15;
        double boxH = Math.min(height, 16 + shown * lineH);
        o.fill(Colors.of(20, 0, 0, 0.82));
        o.fillRect(0, height - boxH, width, boxH);
        o.fill(Colors.of(255, 120, 110));
        o.font(FontSpec.parse("12px monospace"));
        o.textBaseline(dev.easel.canvas.TextBaseline.TOP);
        for (int i = 0; i < shown; i++) {
            String line = lines[lines.length - shown + i].replace("\t", "    ");
            o.fillText(line, 8, height - boxH + 8 + i * lineH, Double.NaN);
        }
        return o.finish();
    }

    private volatile boolean ending;

    /** Whether the canvas is ending: its thread is past its last callback but on_close. */
    public boolean isEnding() {
        return ending;
    }

    /** Called by the view: one frame reached the screen (the FX thread, or headless the canvas thread). */
    public void frameShown() {
        stats.shown(System.nanoTime());
    }

    /** Called by the view: it takes frames again ({@link CanvasView#readyForFrame}); the canvas thread wakes. */
    public void viewReady() {
        LockSupport.unpark(thread);
    }

    /** Called by the view: a frame was replaced by a newer one before it was shown. */
    public void frameDropped() {
        stats.dropped();
    }

    private void finish() {
        ending = true;
        try {
            if (!onCloseDone && canvas != null && !interp.isClosed()) {
                callPython(-1, "on_close", () -> {
                    canvas.callMethod("_easel_close").close();
                    return null;
                });
            }
        } catch (PythonClosedException ignored) {
            // Shutting down: on_close cannot run any more.
        }
        try {
            if (canvas != null && !interp.isClosed()) {
                try (Attachment a = interp.attach()) {
                    canvas.setAttr("_easel_handle", null);
                    canvas.close();
                }
            }
        } catch (RuntimeException ignored) {
            // The interpreter is going away with the object.
        }
        canvas = null;
        if (recipe != null && interp != null && !interp.isClosed()) {
            try {
                interp.close();
            } catch (RuntimeException e) {
                System.err.println("easel: could not close the interpreter of " + slug + ": " + e.getMessage());
            }
        }
        CanvasView v = view;
        if (v != null) {
            v.close();
        }
        ended.complete(null);
        runBetween(null); // the prompt's pending work learns the canvas is gone
        owner.ended(this);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CanvasHost[%s %dx%d]", slug, width, height);
    }
}
