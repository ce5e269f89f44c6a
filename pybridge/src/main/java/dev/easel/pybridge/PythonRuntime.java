package dev.easel.pybridge;

import dev.easel.pybridge.ffi.CPython;
import dev.easel.pybridge.ffi.PyInterpreterConfig;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static dev.easel.pybridge.ffi.ceval_h.PyEval_RestoreThread;
import static dev.easel.pybridge.ffi.ceval_h.PyEval_SaveThread;
import static dev.easel.pybridge.ffi.constants_h.PyExc;
import static dev.easel.pybridge.ffi.pylifecycle_h.*;
import static dev.easel.pybridge.ffi.pystate_h.*;
import static dev.easel.pybridge.ffi.pythread_h.PyThread_get_thread_ident;
import static java.lang.foreign.ValueLayout.ADDRESS;

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

    private final PythonInstallation installation;
    private final PythonVersion version;
    private final boolean freeThreaded;
    private final Duration drainTimeout;
    private final Interpreter main;
    private final Map<Long, Interpreter> interpreters = new ConcurrentHashMap<>();
    private final java.util.Set<Interpreter> awaitingEnd = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<ThreadSlot> slots = ThreadLocal.withInitial(() -> new ThreadSlot(Thread.currentThread()));
    private final AtomicLong upcallCount = new AtomicLong();
    private volatile boolean closing;
    private volatile boolean closed;
    private volatile ShutdownResult shutdownResult;
    private final Thread pythonMain;
    private final CountDownLatch finalizeRequested = new CountDownLatch(1);
    private final CompletableFuture<Boolean> finalizeDone = new CompletableFuture<>();
    private volatile PythonInfo info;

    private PythonRuntime(PythonInstallation installation, Duration drainTimeout) {
        this.installation = installation;
        this.drainTimeout = drainTimeout;
        CompletableFuture<Started> ready = new CompletableFuture<>();
        this.pythonMain = PythonThreads.builder().name("easel-python-main").daemon(true).unstarted(
                () -> pythonMainThread(ready));
        pythonMain.start();
        Started started;
        try {
            started = ready.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } catch (Exception e) {
            throw new IllegalStateException("Python did not start: " + e, e);
        }
        this.version = Versions.parse(CPython.cString(Py_GetVersion()));
        this.freeThreaded = CPython.has("PyUnstable_Module_SetGIL");
        MemorySegment mainInterp = PyInterpreterState_Main();
        this.main = new Interpreter(this, mainInterp, true, 0);
        interpreters.put(mainInterp.address(), main);
        started.slot().adopt(main, started.tstate());
        try (Attachment a = main.attach()) {
            Errors.prepare(main);
        } catch (IllegalStateException notHere) {
            // Started from a thread that may not attach (a virtual thread): looked up on first use.
        }
    }

    /** What easel-python-main hands back once CPython runs: its slot and the main thread state. */
    private record Started(ThreadSlot slot, MemorySegment tstate) {}

    ThreadSlot slot() {
        return slots.get();
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
                        + instance.installation.library() + "); CPython cannot be started twice");
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

    private void pythonMainThread(CompletableFuture<Started> ready) {
        MemorySegment tstate;
        try {
            ProcessEnv.setenv("PYTHONHOME", installation.home().toString());
            // A user's PYTHONPATH stays; these would change how CPython starts inside a JVM.
            ProcessEnv.unsetenv("PYTHONSTARTUP");
            CPython.load(installation.library());
            String v = CPython.cString(Py_GetVersion());
            PythonVersion pv = Versions.parse(v);
            if (!pv.isAtLeast(3, 11)) {
                throw new IllegalStateException("Python " + pv + " at " + installation.library()
                        + " is older than 3.11, the oldest Easel supports");
            }
            if (Py_IsInitialized() == 0) {
                Py_InitializeEx(0); // 0: no Python signal handlers inside the JVM
            }
            Ops.afterStart(installation);
            // threading's "main thread" must be this one, the thread that finalizes: on 3.11/3.12
            // threading._shutdown() in Py_FinalizeEx otherwise waits for the thread state of
            // whichever thread imported threading first (a Java thread), never deleted: a hang.
            try (Arena a = Arena.ofConfined()) {
                MemorySegment threading = dev.easel.pybridge.ffi.import_h.PyImport_ImportModule(a.allocateFrom("threading"));
                if (threading.equals(MemorySegment.NULL)) {
                    dev.easel.pybridge.ffi.pyerrors_h.PyErr_Clear();
                } else {
                    dev.easel.pybridge.ffi.object_h.Py_DecRef(threading);
                }
            }
            tstate = PyEval_SaveThread();
        } catch (Throwable t) {
            ready.completeExceptionally(t);
            return;
        }
        ready.complete(new Started(slot(), tstate));
        // CPython's main thread waits here until shutdown asks it to finalize.
        while (true) {
            try {
                finalizeRequested.await();
                break;
            } catch (InterruptedException ignored) {
                // Only shutdown ends this thread's wait.
            }
        }
        boolean ok = false;
        try {
            PyEval_RestoreThread(tstate);
            // Mark this thread attached, so the bridge's own calls below nest instead of attaching
            // again (an attach here would be refused by the closed gate, or take the GIL twice).
            ThreadSlot own = slot();
            own.current = main;
            own.currentTstate = tstate;
            own.depth = 1;
            try {
                List<String> alive = salvageOnly ? List.of("(not finalizing)")
                        : Ops.joinPythonThreads(main, joinTime(finalizeDeadline));
                if (alive.isEmpty()) {
                    // atexit handlers run here, on this thread: marked attached, their calls of Java
                    // built-ins nest instead of meeting the closed gate.
                    Py_FinalizeEx(); // non-zero only when flushing buffered output failed
                    ok = true;
                } else {
                    // Left unfinalized (a thread blocked in C cannot be stopped), but the GIL is free:
                    // nothing the program wrote or registered is lost.
                    LastWords.say(main);
                    leftWhere = LastWords.where(main, interpreters.size() == 1, main.slots);
                    PyEval_SaveThread();
                    if (!salvageOnly) {
                        stuckAtFinalize = alive;
                    }
                }
            } finally {
                own.current = null;
                own.currentTstate = null;
                own.depth = 0;
            }
        } catch (Throwable t) {
            finalizeDone.completeExceptionally(t);
            return;
        }
        finalizeDone.complete(ok);
    }

    private volatile List<String> stuckAtFinalize = List.of();
    /** Set before finalizeRequested when Python is left unfinalized: easel-python-main only runs {@link LastWords}. */
    private volatile boolean salvageOnly;
    /** Where the threads were that Python was left under (one line), or null. */
    private volatile String leftWhere;
    /** When close() stops waiting for finalization (System.nanoTime()); set before finalizeRequested. */
    private volatile long finalizeDeadline;

    /** What Python this is. */
    public PythonInfo info() {
        PythonInfo i = info;
        if (i == null) {
            boolean gil = !freeThreaded || Boolean.TRUE.equals(main.evalToJava(
                    "__import__('sys')._is_gil_enabled()"));
            String sysVersion = (String) main.evalToJava("__import__('sys').version");
            i = new PythonInfo(version, sysVersion, freeThreaded, gil, supportsSubInterpreters(),
                    installation.library(), installation.home(), installation.executable(), installation.origin());
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
        return closing;
    }

    /** Whether {@link #close()} has finished. */
    public boolean isClosed() {
        return closed;
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
        slot().forbidden = java.util.Objects.requireNonNull(reason);
    }

    /** Whether the calling thread is attached to any interpreter of this runtime. */
    public boolean isAttached() {
        return slot().current != null;
    }

    /** The interpreter the calling thread is attached to, if any. */
    public Optional<Interpreter> attachedInterpreter() {
        return Optional.ofNullable(slot().current);
    }

    // ---------------------------------------------------------------- attaching

    Attachment acquire(Interpreter interp, boolean bypassGate) {
        ThreadSlot slot = slot();
        if (slot.current == interp) {
            slot.depth++;
            return new Attachment(interp, slot, Attachment.Kind.REENTERED, null, null, 0, false);
        }
        if (slot.forbidden != null) {
            throw new IllegalStateException(slot.forbidden);
        }
        if (slot.thread.isVirtual()) {
            throw new IllegalStateException("Python cannot run on a virtual thread: a Python thread state "
                    + "is bound to one OS thread, and a virtual thread can change carrier between calls. "
                    + "Use a platform thread (Thread.ofPlatform()).");
        }
        interp.active.incrementAndGet();
        if (bypassGate ? interp.ending || interp.closed : closing || interp.closing) {
            // Even shutdown's own attaches (asking threads to stop) stay out of an interpreter
            // being ended: see beginEnding.
            interp.active.decrementAndGet();
            throw closedError(interp);
        }
        Interpreter prev = slot.current;
        MemorySegment prevTs = slot.currentTstate;
        int prevDepth = slot.depth;
        boolean prevAssumed = slot.assumed;
        try {
            if (prev != null) {
                PyEval_SaveThread();
            }
            if (slot.hasOrphans) {
                ThreadStates.settleOwn(this, slot);
            }
            MemorySegment ts = slot.known(interp);
            if (ts == null) {
                // A thread's first attach here: the moment to free what ended threads left (the
                // count of thread states then cannot grow but by live threads).
                ThreadStates.reapDeadThreads(this, interp);
                ts = slot.tstateFor(interp);
            }
            activate(slot, ts);
            slot.current = interp;
            slot.currentTstate = ts;
            slot.depth = 1;
            slot.assumed = false;
        } catch (Throwable t) {
            interp.active.decrementAndGet();
            if (prev != null && slot.current == prev) {
                PyEval_RestoreThread(prevTs); // the previous attachment stays usable
            }
            throw t;
        }
        if (!interp.pendingDecrefs.isEmpty()) {
            Ops.drainPendingDecrefs(interp);
        }
        return new Attachment(interp, slot, Attachment.Kind.ACQUIRED, prev, prevTs, prevDepth, prevAssumed);
    }

    /** Makes {@code ts}, a state of this thread, current; 3.12+ binds the thread's PyGILState to it. */
    private static void activate(ThreadSlot slot, MemorySegment ts) {
        PyEval_RestoreThread(ts);
        slot.bound = ts;
    }

    /** Closed sub-interpreters waiting for live threads to delete their states before they end. */
    java.util.Collection<Interpreter> awaitingEnd() {
        return awaitingEnd;
    }

    /** {@code x} has been ended (Py_EndInterpreter). */
    void ended(Interpreter x) {
        awaitingEnd.remove(x);
        interpreters.remove(x.pointer().address());
    }

    void release(ThreadSlot slot, Interpreter interp, Interpreter prev, MemorySegment prevTs, int prevDepth,
                 boolean prevAssumed) {
        if (slot.interruptPending) {
            // An interrupt that came too late (no Python ran after it): dropped, not left to fire
            // at this thread's next, unrelated attach.
            slot.interruptPending = false;
            PyThreadState_SetAsyncExc(slot.ident, MemorySegment.NULL);
        }
        PyEval_SaveThread();
        slot.current = null;
        slot.currentTstate = null;
        slot.depth = 0;
        interp.active.decrementAndGet();
        if (prev != null) {
            activate(slot, prevTs);
            slot.current = prev;
            slot.currentTstate = prevTs;
            slot.depth = prevDepth;
            slot.assumed = prevAssumed;
        }
    }

    <T> T detached(ThreadSlot slot, Callable<T> work) throws Exception {
        Interpreter interp = slot.current;
        MemorySegment ts = slot.currentTstate;
        int depth = slot.depth;
        boolean assumed = slot.assumed;
        PyEval_SaveThread();
        slot.current = null;
        slot.currentTstate = null;
        slot.depth = 0;
        slot.enterDetached();
        try {
            return work.call();
        } catch (InterruptedException e) {
            if (closing || interp.closing) {
                throw closedError(interp);
            }
            throw e;
        } finally {
            slot.leaveDetached();
            activate(slot, ts);
            slot.current = interp;
            slot.currentTstate = ts;
            slot.depth = depth;
            slot.assumed = assumed;
            if (!interp.pendingDecrefs.isEmpty()) {
                Ops.drainPendingDecrefs(interp); // a long section is where objects get dropped elsewhere
            }
        }
    }

    /**
     * Called by the upcall trampoline with the calling thread state {@code ts}: when Python called
     * Java on a thread state that is not the one we made current (a Python {@code threading} thread,
     * or another interpreter's code run on an attached thread), take it as this thread's for the
     * upcall. Returns whether it did (then {@link #leaveUpcall} must follow, with what was before).
     */
    boolean enterUpcall(ThreadSlot slot, MemorySegment ts) {
        if (slot.current != null && slot.currentTstate.address() == ts.address()) {
            return false;
        }
        Interpreter interp = interpreters.get(PyThreadState_GetInterpreter(ts).address());
        if (interp == null) {
            throw PythonException.runtimeError("Easel's built-ins were called from an interpreter Easel did not make");
        }
        interp.active.incrementAndGet();
        if (closing || interp.closing) {
            // The gate is shut for Python's own threads too: they must not start Java work (or a
            // detached section) that would end after finalization. Raised in Python as SystemExit.
            interp.active.decrementAndGet();
            throw closedError(interp);
        }
        if (slot.ident == 0) {
            slot.ident = PyThread_get_thread_ident();
        }
        if (slot.upcallInterpreter != interp) {
            // Known to the interpreter, so that shutdown can ask this thread to stop (and interrupt
            // it in a detached section). Threads of Python that have ended are forgotten then.
            slot.upcallInterpreter = interp;
            interp.slots.removeIf(s -> !s.thread.isAlive() && s.peek(interp) == null);
            interp.register(slot);
        }
        slot.current = interp;
        slot.currentTstate = ts;
        slot.depth = 1;
        slot.assumed = true;
        return true;
    }

    /** Ends what {@link #enterUpcall} began, restoring what the slot held before. */
    void leaveUpcall(ThreadSlot slot, Interpreter prev, MemorySegment prevTs, int prevDepth, boolean prevAssumed) {
        Interpreter interp = slot.current;
        slot.current = prev;
        slot.currentTstate = prevTs;
        slot.depth = prevDepth;
        slot.assumed = prevAssumed;
        if (interp != null) {
            interp.active.decrementAndGet();
        }
    }

    PythonClosedException closedError(Interpreter interp) {
        if (closing || closed) {
            return new PythonClosedException("the Python runtime is " + (closed ? "closed" : "shutting down")
                    + ": no new calls into Python are accepted");
        }
        return new PythonClosedException(interp + " is " + (interp.closed ? "closed" : "closing"));
    }

    // ---------------------------------------------------------------- sub-interpreters

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
        if (closing) {
            throw closedError(main);
        }
        ThreadSlot slot = slot();
        if (slot.thread.isVirtual()) {
            throw new IllegalStateException("Python cannot run on a virtual thread");
        }
        Interpreter prev = slot.current;
        MemorySegment prevTs = slot.currentTstate;
        // Made with no thread state current: every version then leaves exactly the new one current.
        if (prev != null) {
            PyEval_SaveThread();
            slot.current = null;
            slot.currentTstate = null;
        }
        main.active.incrementAndGet(); // counts as using the runtime while it is made
        try (Arena arena = Arena.ofConfined()) {
            if (closing) {
                throw closedError(main);
            }
            MemorySegment out = arena.allocate(ADDRESS);
            MemorySegment status = PyInterpreterConfig.Py_NewInterpreterFromConfig(arena, out,
                    PyInterpreterConfig.isolated(arena));
            if (PyInterpreterConfig.isException(status)) {
                throw new IllegalStateException("Py_NewInterpreterFromConfig failed: "
                        + PyInterpreterConfig.errorMessage(status));
            }
            MemorySegment ts = out.get(ADDRESS, 0);
            MemorySegment ip = PyThreadState_GetInterpreter(ts);
            Interpreter sub = new Interpreter(this, ip, false, PyInterpreterState_GetID(ip));
            interpreters.put(ip.address(), sub);
            slot.adopt(sub, ts);
            slot.bound = ts;
            slot.current = sub;
            slot.currentTstate = ts;
            try {
                Ops.afterStart(installation);
                Errors.prepare(sub);
            } finally {
                PyEval_SaveThread();
                slot.current = null;
                slot.currentTstate = null;
                if (prev == null) {
                    // Else this thread's PyGILState binding stays on its state here, which then
                    // only this thread may delete: a close by another thread would wait for it.
                    ThreadStates.unbind(sub);
                    slot.bound = null;
                }
            }
            return sub;
        } finally {
            main.active.decrementAndGet();
            if (prev != null) {
                activate(slot, prevTs);
                slot.current = prev;
                slot.currentTstate = prevTs;
            }
        }
    }

    void closeSubInterpreter(Interpreter interp) {
        ThreadSlot slot = slot();
        if (slot.current == interp) {
            throw new IllegalStateException("cannot close " + interp + " from inside an attachment to it");
        }
        synchronized (interp) {
            if (interp.closed) {
                return;
            }
            if (closing || closed) {
                return; // the runtime's shutdown ends it
            }
            long t0 = System.nanoTime();
            interp.closing = true;
            List<String> stuck = Draining.drain(List.of(interp), t0 + drainTimeout.toNanos());
            if (!stuck.isEmpty()) {
                throw new IllegalStateException(interp + " cannot be closed: threads still in it after "
                        + drainTimeout.toMillis() + " ms: " + stuck);
            }
            endWithin(interp, t0 + 2 * drainTimeout.toNanos());
        }
        if (slot.hasOrphans && slot.current == null) {
            // This thread's own state there, when it was its binding (it used the interpreter last):
            // deleted here, on its thread; if it was the last, the interpreter ends now.
            ThreadStates.settleOwn(this, slot);
        }
    }

    /**
     * Ends a drained sub-interpreter on a thread of its own, waiting for it until {@code deadline}
     * (Py_EndInterpreter runs atexit handlers and module teardown: Python code that may not return).
     * The thread is new, so it holds no other state and its PyGILState binding is its own.
     *
     * @throws IllegalStateException if it could not be ended, or not in time (then it is left as is)
     */
    private void endWithin(Interpreter interp, long deadline) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread.ofPlatform().daemon(true).name("easel-python-end-" + interp.id()).start(() -> {
            try {
                endInterpreter(interp, slot(), deadline);
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        try {
            done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(interp + " was not ended in time (its atexit handlers or module "
                    + "teardown did not return); left as is");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException(interp + " could not be ended: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ending " + interp);
        }
    }

    /**
     * How long Python's threads may be waited for when ending must be done by {@code deadline}: all
     * but a quarter of the drain timeout, left for what follows (finalizing, or saving what can be).
     */
    private Duration joinTime(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - drainTimeout.toNanos() / 4 - System.nanoTime()));
    }

    /** Ends a drained sub-interpreter. Caller: a thread of its own ({@link #endWithin}), attached nowhere. */
    private void endInterpreter(Interpreter interp, ThreadSlot slot, long deadline) {
        Draining.beginEnding(interp, deadline);
        try {
            MemorySegment own = slot.tstateFor(interp);
            activate(slot, own);
            // Attached as far as the bridge can tell, up to Py_EndInterpreter (which runs atexit
            // handlers), so that the calls below nest (see pythonMainThread).
            slot.current = interp;
            slot.currentTstate = own;
            slot.depth = 1;
            List<String> alive = Ops.joinPythonThreads(interp, joinTime(deadline));
            if (!alive.isEmpty()) {
                LastWords.say(interp);
                PyEval_SaveThread();
                throw new IllegalStateException(interp + " cannot be closed: Python threads still running: " + alive);
            }
            // Other threads' states: deleted here when that is safe (see ThreadStates), else left for
            // their live thread to delete (cooperative), unless the whole runtime is shutting down.
            interp.orphans.set(1); // this closer's own, released below
            List<MemorySegment> now = new ArrayList<>();
            for (ThreadSlot other : interp.slots) {
                if (other == slot) {
                    continue;
                }
                MemorySegment ts = other.peek(interp);
                if (ts == null) {
                    interp.slots.remove(other); // a Python thread's slot: Python deletes its state
                } else if (closing || ThreadStates.deletableByOthers(other, ts)) {
                    other.forget(interp);
                    interp.slots.remove(other);
                    now.add(ts);
                } else {
                    interp.orphans.incrementAndGet();
                    other.orphan(interp, ts);
                }
            }
            ThreadStates.clearAndDelete(now);
            slot.forget(interp);
            interp.slots.remove(slot);
            interp.closed = true;
            if (interp.orphans.get() > 1) {
                // To be ended later by the last of those threads; what ending would run that concerns
                // the program (atexit handlers, flushing) runs now, before any of them can end it.
                LastWords.say(interp);
            }
            if (interp.orphans.decrementAndGet() == 0) {
                ThreadStates.endCurrent(this, interp, own);
            } else {
                awaitingEnd.add(interp);
                PyThreadState_Clear(own);
                PyThreadState_DeleteCurrent();
            }
        } finally {
            slot.current = null;
            slot.currentTstate = null;
            slot.depth = 0;
        }
    }

    boolean interrupt(Interpreter interp, Thread thread) {
        ThreadSlot target = null;
        for (ThreadSlot s : interp.slots) {
            if (s.thread == thread) {
                target = s;
            }
        }
        if (target == null || target.ident == 0 || target == slot()) {
            return false;
        }
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        while (true) {
            try (Attachment a = acquire(interp, true)) {
                if (target.current != interp) {
                    // Not in this interpreter now: a request queued on its idle thread state would
                    // fire at its next, unrelated attach.
                    return false;
                }
                if (ThreadIds.reaches(interp, target.ident, target.currentTstate)) {
                    target.interruptPending = true; // cleared (with the request) when it detaches
                    return PyThreadState_SetAsyncExc(target.ident, PyExc("SystemExit")) > 0;
                }
            } catch (PythonClosedException ending) {
                return false;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            // The target is starting a thread (3.11): asked again once the child has its own id.
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
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
        if (Thread.currentThread().isVirtual() && !closed) {
            // Closing attaches (to ask threads to stop), which a virtual thread cannot.
            PythonThreads.onPlatformThread("easel-python-close", () -> {
                close();
                return null;
            });
            return;
        }
        if (!closed && slot().current != null) {
            throw new IllegalStateException("the Python runtime cannot be closed from a thread attached to it");
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            long t0 = System.nanoTime();
            // One bound for all of it: drainTimeout to stop and drain every interpreter, then
            // drainTimeout more to join Python's threads, end the sub-interpreters and finalize.
            long drained = t0 + drainTimeout.toNanos();
            long deadline = drained + drainTimeout.toNanos();
            closing = true;
            List<Interpreter> all = new ArrayList<>(interpreters.values());
            List<String> stuck = Draining.drain(all, drained);
            boolean finalized = false;
            if (stuck.isEmpty()) {
                // Read again: a sub-interpreter being made when the gate shut was waited for by the drain.
                for (Interpreter i : new ArrayList<>(interpreters.values())) {
                    if (!i.isMain() && stuck.isEmpty()) {
                        // Locked like Interpreter.close(): a close of it in progress on another thread
                        // finishes first (never two Py_EndInterpreter of one interpreter).
                        synchronized (i) {
                            if (i.ended) {
                                continue;
                            }
                            if (i.closed) {
                                // Waiting for live threads to delete their states: none will attach
                                // again, so its orphans go now, from here.
                                ThreadStates.settleForeign(this, i, true);
                                continue;
                            }
                            try {
                                endWithin(i, deadline);
                            } catch (IllegalStateException e) {
                                stuck = List.of(e.getMessage());
                            }
                        }
                    }
                }
                if (stuck.isEmpty()) {
                    try {
                        Draining.beginEnding(main, deadline);
                    } catch (IllegalStateException e) {
                        stuck = List.of(e.getMessage());
                    }
                }
                if (stuck.isEmpty()) {
                    finalizeDeadline = deadline;
                    finalizeRequested.countDown();
                    try {
                        finalizeDone.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                        stuck = stuckAtFinalize;
                        finalized = stuck.isEmpty();
                    } catch (java.util.concurrent.TimeoutException e) {
                        stuck = List.of("finalization did not complete in time (an atexit handler or a __del__ "
                                + "did not return)");
                    } catch (Exception e) {
                        stuck = List.of("finalization did not complete: " + e);
                    }
                }
            }
            if (!finalized && finalizeRequested.getCount() > 0) {
                // Not finalizing: still run atexit handlers and flush stdout/stderr, on easel-python-main
                // (within the deadline: a thread may hold the GIL for ever).
                salvageOnly = true;
                finalizeDeadline = deadline;
                finalizeRequested.countDown();
                try {
                    finalizeDone.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    // The GIL was not free in time: nothing more can be saved.
                }
            }
            closed = true;
            shutdownResult = new ShutdownResult(finalized, List.copyOf(stuck), Duration.ofNanos(System.nanoTime() - t0));
            if (!finalized) {
                String where = leftWhere;
                System.err.println("easel: Python was not finalized (left as is, never called again): " + stuck
                        + (where == null ? "" : "; threads left: " + where));
            }
        }
    }

    PythonInstallation installation() {
        return installation;
    }

    static Path path(String s) {
        return Path.of(s);
    }
}
