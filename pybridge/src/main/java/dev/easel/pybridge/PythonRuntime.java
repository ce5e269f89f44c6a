package dev.easel.pybridge;

import dev.easel.pybridge.ffi.CPython;
import dev.easel.pybridge.ffi.PyInterpreterConfig;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

import static dev.easel.pybridge.ffi.pylifecycle_h.Py_GetVersion;
import static dev.easel.pybridge.ffi.pystate_h.PyInterpreterState_Main;

/**
 * The one embedded CPython of this process: loads it, starts it, makes sub-interpreters, and shuts
 * it down through a gate.
 *
 * <h2>Threads</h2>
 * Every call of the safe API is safe from any platform thread. CPython is initialised and
 * finalised on a dedicated thread, {@code easel-python-main}, so that the thread CPython calls
 * "main" lives exactly as long as Python does.
 *
 * <h2>Shutdown</h2>
 * {@link #close()} is a gate, not a race (what PEP 788 adds to CPython 3.15, done here for every
 * version): it refuses new attaches ({@link PythonClosedException}), asks code still running in
 * attached threads to stop ({@code SystemExit} raised in those threads, Java threads inside
 * {@code detached} sections interrupted), waits a bounded time for attachments to drain, ends the
 * sub-interpreters and finalizes the main one, all within 2 × the drain timeout (see
 * {@link #close()}). If a thread does not leave in time, Python is not finalized under it (its
 * atexit handlers still run and stdout/stderr are flushed when the GIL is free); either way
 * nothing calls into Python afterwards. A JVM shutdown hook closes the runtime on exit, Ctrl-C and
 * SIGTERM.
 *
 * <p>One runtime per process: CPython cannot be loaded twice, nor started again once finalized.
 */
public final class PythonRuntime implements AutoCloseable {
    private static final Object START_LOCK = new Object();
    /** The one runtime (CPython is a process-wide singleton). */
    private static volatile PythonRuntime instance;

    private final RuntimeState state;
    private final PythonMain pythonMain;
    private final Attaching attaching;
    private final SubInterpreters subs;
    private final PythonVersion version;
    private final boolean freeThreaded;
    private final Interpreter main;
    private volatile ShutdownResult shutdownResult;
    private volatile PythonInfo info;

    private PythonRuntime(PythonInstallation installation, Duration drainTimeout) {
        this.state = new RuntimeState(installation, drainTimeout);
        this.pythonMain = new PythonMain(state);
        PythonMain.Started started = pythonMain.start();
        this.version = Versions.parse(CPython.cString(Py_GetVersion()));
        this.freeThreaded = CPython.has("PyUnstable_Module_SetGIL");
        MemorySegment mainInterp = PyInterpreterState_Main();
        this.main = new Interpreter(this, mainInterp, true, 0);
        state.main = main;
        state.interpreters.put(mainInterp.address(), main);
        started.slot().adopt(main, started.tstate());
        this.attaching = new Attaching(state);
        this.subs = new SubInterpreters(state, attaching, (p, id) -> new Interpreter(this, p, false, id));
        try (Attachment a = main.attach()) {
            Errors.prepare(main);
        } catch (IllegalStateException notHere) {
            // Started from a thread that may not attach (a virtual thread): looked up on first use.
        }
    }


    /**
     * Adds to the process environment, now, the variables a later start may set ({@code PYTHONUSERBASE}), so
     * that the start only replaces or removes them. Call it first thing in {@code main} when Python will start
     * beside other native code that reads the environment (a GUI toolkit starting): adding a variable there
     * can crash that code's {@code getenv} ({@link ProcessEnv}). Without it a start is just as correct.
     */
    public static void reserveEnvironment() {
        ProcessEnv.reserve("PYTHONUSERBASE", BundledUserSite.userBase().toString());
    }

    /** Starts the one runtime with the Python {@link PythonLocator#locate(String) chosen} by {@code choice} (null: default order). */
    public static PythonRuntime start(String choice) {
        return start(PythonLocator.locate(choice));
    }

    /** Starts the one runtime with {@code installation}; 5 s for threads to leave at shutdown. */
    public static PythonRuntime start(PythonInstallation installation) {
        return start(installation, Duration.ofSeconds(5));
    }

    /**
     * Starts the one runtime.
     *
     * @param drainTimeout how long {@link #close()} waits for attached threads to leave; close()
     *                     returns within twice this (the same bound for a sub-interpreter's close)
     * @throws IllegalStateException if a runtime was already started in this process (even if
     *                               closed: CPython cannot be started twice)
     */
    public static PythonRuntime start(PythonInstallation installation, Duration drainTimeout) {
        synchronized (START_LOCK) {
            if (instance != null) {
                throw new IllegalStateException("a Python runtime was already started in this process ("
                        + instance.state.installation.library() + "); CPython cannot be started twice");
            }
            PythonRuntime rt = new PythonRuntime(installation, drainTimeout);
            instance = rt;
            try {
                Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("easel-python-shutdown")
                        .unstarted(rt::close));
            } catch (IllegalStateException alreadyShuttingDown) {
                // The JVM is exiting already; the caller's close() will do.
            }
            return rt;
        }
    }

    /** The runtime, or null: for the upcall trampoline, which must not allocate. */
    static PythonRuntime instance() {
        return instance;
    }

    /** The runtime started in this process, if any. */
    public static Optional<PythonRuntime> current() {
        return Optional.ofNullable(instance);
    }

    /** What Python this is. */
    public PythonInfo info() {
        PythonInfo i = info;
        if (i == null) {
            boolean gil = !freeThreaded || Boolean.TRUE.equals(main.evalToJava(
                    "__import__('sys')._is_gil_enabled()"));
            String sysVersion = (String) main.evalToJava("__import__('sys').version");
            i = new PythonInfo(version, sysVersion, freeThreaded, gil, supportsSubInterpreters(),
                    state.installation.library(), state.installation.home(), state.installation.executable(),
                    state.installation.origin());
            info = i;
        }
        return i;
    }

    /** The Python version running. */
    public PythonVersion version() {
        return version;
    }

    /** Whether this is a free-threaded build ({@code Py_GIL_DISABLED}). */
    public boolean isFreeThreaded() {
        return freeThreaded;
    }

    /** Whether own-GIL sub-interpreters can be made (CPython 3.12+). */
    public boolean supportsSubInterpreters() {
        return version.isAtLeast(3, 12) && PyInterpreterConfig.has_Py_NewInterpreterFromConfig();
    }

    /** The main interpreter. */
    public Interpreter main() {
        return main;
    }

    /** Whether {@link #close()} has begun. */
    public boolean isClosing() {
        return state.closing;
    }

    /** Whether {@link #close()} has finished. */
    public boolean isClosed() {
        return state.closed;
    }

    /** How the last {@link #close()} went, or empty before it. */
    public Optional<ShutdownResult> shutdownResult() {
        return Optional.ofNullable(shutdownResult);
    }

    /**
     * Forbids the calling thread ever to attach: every later attach on it throws
     * {@link IllegalStateException} with {@code reason}. For threads that must never wait for a
     * GIL, such as a GUI toolkit's event thread.
     */
    public void forbidAttachOnCurrentThread(String reason) {
        slot().forbidden = Objects.requireNonNull(reason);
    }

    /** Whether the calling thread is attached to any interpreter of this runtime. */
    public boolean isAttached() {
        return slot().current != null;
    }

    /** The interpreter the calling thread is attached to, if any. */
    public Optional<Interpreter> attachedInterpreter() {
        return Optional.ofNullable(slot().current);
    }

    /**
     * Makes a sub-interpreter with its own GIL (PEP 684): isolated modules, truly parallel with the
     * others. Usable from any thread; the caller stays attached to whatever it was attached to.
     *
     * @throws UnsupportedOperationException below CPython 3.12
     */
    public Interpreter newSubInterpreter() {
        if (!supportsSubInterpreters()) {
            throw new UnsupportedOperationException("sub-interpreters with their own GIL need CPython 3.12 or "
                    + "newer; this is " + version);
        }
        return subs.make();
    }

    // ------------------------------------------------ for the package: see Attaching, SubInterpreters

    ThreadSlot slot() {
        return state.slot();
    }

    Attachment acquire(Interpreter interp, boolean bypassGate) {
        return attaching.acquire(interp, bypassGate);
    }

    void release(ThreadSlot slot, Interpreter interp, Interpreter prev, MemorySegment prevTs, int prevDepth,
                 boolean prevAssumed) {
        attaching.release(slot, interp, prev, prevTs, prevDepth, prevAssumed);
    }

    <T> T detached(ThreadSlot slot, Callable<T> work) throws Exception {
        return attaching.detached(slot, work);
    }

    boolean enterUpcall(ThreadSlot slot, long ts) {
        return attaching.enterUpcall(slot, ts);
    }

    void leaveUpcall(ThreadSlot slot, Interpreter prev, MemorySegment prevTs, int prevDepth, boolean prevAssumed) {
        attaching.leaveUpcall(slot, prev, prevTs, prevDepth, prevAssumed);
    }

    boolean interrupt(Interpreter interp, Thread thread) {
        return subs.interrupt(interp, thread);
    }

    void closeSubInterpreter(Interpreter interp) {
        subs.closeSubInterpreter(interp);
    }

    /** Closed sub-interpreters waiting for live threads to delete their states before they end. */
    Collection<Interpreter> awaitingEnd() {
        return state.awaitingEnd();
    }

    // ---------------------------------------------------------------- shutdown

    /**
     * Shuts Python down through the gate (see the class doc). Idempotent; safe from any platform
     * thread that is not attached.
     *
     * <p>Returns within 2 × the drain timeout (10 s by default), whatever Python does: one drain
     * timeout to stop and drain every interpreter (asking threads to stop never waits for a GIL
     * here), one more shared by joining Python's threads, ending the sub-interpreters and
     * finalizing, each run on a thread this one stops waiting for at the deadline. (A
     * sub-interpreter's close running on another thread at that moment finishes first, within
     * its own bound.)
     *
     * @throws IllegalStateException when called by a thread attached to Python (it would wait for itself)
     */
    @Override
    public void close() {
        if (Thread.currentThread().isVirtual() && !state.closed) {
            // Closing attaches (to ask threads to stop), which a virtual thread cannot.
            PythonThreads.onPlatformThread("easel-python-close", () -> {
                close();
                return null;
            });
            return;
        }
        if (!state.closed && slot().current != null) {
            throw new IllegalStateException("the Python runtime cannot be closed from a thread attached to it");
        }
        synchronized (this) {
            if (state.closed) {
                return;
            }
            long t0 = System.nanoTime();
            // One bound for all of it: drainTimeout to stop and drain every interpreter, then
            // drainTimeout more to join Python's threads, end the sub-interpreters and finalize.
            long drained = t0 + state.drainTimeout.toNanos();
            long deadline = drained + state.drainTimeout.toNanos();
            state.closing = true;
            List<Interpreter> all = new ArrayList<>(state.interpreters.values());
            List<String> stuck = Draining.drain(all, drained);
            boolean finalized = false;
            if (stuck.isEmpty()) {
                // Read again: a sub-interpreter being made when the gate shut was waited for by the drain.
                for (Interpreter i : new ArrayList<>(state.interpreters.values())) {
                    if (!i.isMain() && stuck.isEmpty()) {
                        // Locked like Interpreter.close(): a close of it in progress on another thread
                        // finishes first (never two Py_EndInterpreter of one interpreter).
                        synchronized (i) {
                            try {
                                SubInterpreters.awaitRunningEnd(i, deadline);
                            } catch (IllegalStateException e) {
                                stuck = List.of(e.getMessage());
                                continue;
                            }
                            if (i.ended) {
                                continue;
                            }
                            try {
                                if (i.closed) {
                                    // Waiting for live threads to delete their states: none will
                                    // attach again, so its orphans go now.
                                    subs.settleWithin(i, deadline);
                                } else {
                                    subs.endWithin(i, deadline);
                                }
                            } catch (IllegalStateException e) {
                                stuck = List.of(e.getMessage());
                            }
                        }
                    }
                }
                if (stuck.isEmpty()) {
                    // Py_FinalizeEx with a sub-interpreter left ends it under whatever still uses it
                    // ("remaining subinterpreters", then a SIGSEGV): never. Each was ended above, so
                    // one left is a bug; Python is then left unfinalized, which close() reports.
                    List<String> left = state.interpreters.values().stream()
                            .filter(i -> !i.isMain()).map(i -> i + " was not ended").toList();
                    stuck = left;
                }
                if (stuck.isEmpty()) {
                    try {
                        Draining.beginEnding(main, deadline);
                    } catch (IllegalStateException e) {
                        stuck = List.of(e.getMessage());
                    }
                }
                if (stuck.isEmpty()) {
                    stuck = pythonMain.finalizeBy(deadline);
                    finalized = stuck.isEmpty();
                }
            }
            if (!finalized && !pythonMain.asked()) {
                // Not finalizing: still run atexit handlers and flush stdout/stderr, on easel-python-main
                // (within the deadline: a thread may hold the GIL for ever).
                pythonMain.salvage(deadline);
            }
            state.closed = true;
            shutdownResult = new ShutdownResult(finalized, List.copyOf(stuck), Duration.ofNanos(System.nanoTime() - t0));
            if (!finalized) {
                String where = pythonMain.leftWhere();
                System.err.println("easel: Python was not finalized (left as is, never called again): " + stuck
                        + (where == null ? "" : "; threads left: " + where));
            }
        }
    }
}
