package dev.easel.canvas.host.loop;

import dev.easel.canvas.CanvasSpec;
import dev.easel.canvas.Colors;
import dev.easel.canvas.DisplayList;
import dev.easel.canvas.ImageData;
import dev.easel.canvas.InputEvent;
import dev.easel.canvas.host.view.CanvasView;
import dev.easel.canvas.host.view.Frame;
import dev.easel.canvas.host.view.FrameSaves;
import dev.easel.canvas.host.view.Rasterizer;
import dev.easel.canvas.host.view.ViewContext;
import dev.easel.canvas.host.view.WindowPixels;
import dev.easel.canvas.host.view.WindowSettings;
import dev.easel.pybridge.Interpreter;
import dev.easel.pybridge.PyObject;
import dev.easel.pybridge.PythonClosedException;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * One Python canvas at run time: its thread, frame clock, event inbox, display lists and statistics.
 *
 * <p>The canvas thread runs a game loop ({@link CanvasLoop}, whose state is that thread's alone):
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

    final CanvasOwner owner;
    final int handle;
    final CanvasSpec spec;
    /** The canvas' interpreter: the main one, or (isolated) its own, made on the canvas thread. */
    volatile Interpreter interp;
    final String slug;
    /** How to make the canvas again in its own interpreter (isolated canvases), else null. */
    final Recipe recipe;
    final CanvasThread thread;
    final ConcurrentLinkedQueue<InputEvent> inbox = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<DisplayList> pool = new ConcurrentLinkedQueue<>();
    final CanvasStats stats = new CanvasStats();
    private final FrameSaves frameSaves = new FrameSaves();
    private final ViewContext viewContext;
    final CompletableFuture<Void> ended = new CompletableFuture<>();
    volatile boolean redrawRequested = true; // the first frame is drawn at once, on demand too
    volatile boolean closeRequested;   // the window's close button: on_close may keep it open
    volatile boolean closeForced;      // canvas.close() or the app quitting
    volatile long closeRequestedAt;
    volatile Frame lastGood;
    volatile int width;
    volatile int height;
    /** The size of the last resize queued (guarded by {@link #inbox}), or the size now. */
    private int queuedWidth;
    private int queuedHeight;
    volatile CanvasView view;
    /** Held while the view opens: a size asked for before it exists is the size it opens at. */
    final Object viewLock = new Object();
    final FrameClock clock;
    private final java.util.concurrent.atomic.AtomicReference<WindowSettings> settings;
    volatile long createNanos;
    /** Set by any thread, taken by the canvas thread before its next frame. */
    volatile boolean reloadWanted;
    volatile boolean restartWanted;
    volatile long reloads;
    volatile boolean ending;
    /** The canvas thread's side: its loop, and the state only it touches. */
    private final CanvasLoop loop;

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
        this.slug = slug;
        this.width = spec.width();
        this.height = spec.height();
        this.queuedWidth = width;
        this.queuedHeight = height;
        this.thread = new CanvasThread(this::runLoop, "easel-canvas-" + slug);
        this.viewContext = new ViewContext(backgroundArgb(), spec.background() == null, spec.renderer(), frameSaves,
                stats::rendered, this::width, this::height);
        this.clock = new FrameClock(spec.fps(), !paced());
        this.settings = new java.util.concurrent.atomic.AtomicReference<>(
                new WindowSettings(spec.title(), dev.easel.canvas.CursorShape.DEFAULT, false));
        this.loop = new CanvasLoop(this, canvas);
    }

    /** The canvas thread's body (a method, as the loop is made after the thread it runs on). */
    private void runLoop() {
        loop.run();
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

    boolean onDemand() {
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

    void runBetween(PyObject target) {
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

    /** {@code Canvas.close()}: closes without asking. */
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

    /** Real-time frames: in windows, and headless with live reload on (saves land between frames). */
    boolean paced() {
        return !owner.windows().headless() || owner.liveReload() != null;
    }

    /** How long making the isolated interpreter and the canvas in it took, ns (0 for shared canvases). */
    public long createNanos() {
        return createNanos;
    }

    /** The interpreter the canvas runs in (null until an isolated one is made). */
    public Interpreter interpreter() {
        return interp;
    }

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

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CanvasHost[%s %dx%d]", slug, width, height);
    }
}
