package dev.easel.pybridge;

import dev.easel.pybridge.ffi.CPython;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.easel.pybridge.ffi.ceval_h.PyEval_RestoreThread;
import static dev.easel.pybridge.ffi.ceval_h.PyEval_SaveThread;
import static dev.easel.pybridge.ffi.pylifecycle_h.*;

/**
 * {@code easel-python-main}, the thread CPython calls "main": it loads and initialises CPython,
 * then waits until the gate asks it to finalize (or, when Python is left unfinalized, only to run
 * the atexit handlers and flush what can be: {@link LastWords}). It lives exactly as long as Python.
 */
final class PythonMain {
    /** What easel-python-main hands back once CPython runs: its slot and the main thread state. */
    record Started(ThreadSlot slot, MemorySegment tstate) {}

    private final RuntimeState rt;
    private final CountDownLatch finalizeRequested = new CountDownLatch(1);
    private final CompletableFuture<Boolean> finalizeDone = new CompletableFuture<>();
    private volatile List<String> stuckAtFinalize = List.of();
    /** Set before finalizeRequested when Python is left unfinalized: easel-python-main only runs {@link LastWords}. */
    private volatile boolean salvageOnly;
    /** Where the threads were that Python was left under (one line), or null. */
    private volatile String leftWhere;
    /** When close() stops waiting for finalization (System.nanoTime()); set before finalizeRequested. */
    private volatile long finalizeDeadline;

    PythonMain(RuntimeState rt) {
        this.rt = rt;
    }

    /**
     * Starts easel-python-main and waits until CPython runs there (or failed to start).
     *
     * @throws IllegalStateException (or the error of the start) when CPython could not be started
     */
    Started start() {
        CompletableFuture<Started> ready = new CompletableFuture<>();
        PythonThreads.builder().name("easel-python-main").daemon(true).unstarted(() -> run(ready)).start();
        try {
            return ready.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
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
    }

    /**
     * Has easel-python-main join Python's threads and finalize, waiting for it until {@code deadline}.
     * Returns what was left running (empty: finalized).
     */
    List<String> finalizeBy(long deadline) {
        finalizeDeadline = deadline;
        finalizeRequested.countDown();
        try {
            finalizeDone.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return stuckAtFinalize;
        } catch (TimeoutException e) {
            return List.of("finalization did not complete in time (an atexit handler or a __del__ did not return)");
        } catch (Exception e) {
            return List.of("finalization did not complete: " + e);
        }
    }

    /** Whether {@link #finalizeBy} or {@link #salvage} has been asked (either runs once). */
    boolean asked() {
        return finalizeRequested.getCount() == 0;
    }

    /**
     * Python is left unfinalized: has easel-python-main still run the atexit handlers and flush
     * stdout/stderr, waiting for it until {@code deadline} (a thread may hold the GIL for ever).
     */
    void salvage(long deadline) {
        salvageOnly = true;
        finalizeDeadline = deadline;
        finalizeRequested.countDown();
        try {
            finalizeDone.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (Exception e) {
            // The GIL was not free in time: nothing more can be saved.
        }
    }

    /** Where the threads were that Python was left under (one line), or null. */
    String leftWhere() {
        return leftWhere;
    }

    private void run(CompletableFuture<Started> ready) {
        MemorySegment tstate;
        try {
            InitPaths.beforeLoad(rt.installation); // no PYTHONHOME for a venv's pyvenv.cfg to decide; PYTHONUSERBASE
            // A user's PYTHONPATH stays; these would change how CPython starts inside a JVM.
            ProcessEnv.put("PYTHONSTARTUP", null);
            CPython.load(rt.installation.library());
            String v = CPython.cString(Py_GetVersion());
            PythonVersion pv = Versions.parse(v);
            if (!pv.isAtLeast(3, 11)) {
                throw new IllegalStateException("Python " + pv + " at " + rt.installation.library()
                        + " is older than 3.11, the oldest Easel supports");
            }
            if (Py_IsInitialized() == 0) {
                InitPaths.beforeInitialize(rt.installation); // the program name: sys.executable while site runs
                Py_InitializeEx(0); // 0: no Python signal handlers inside the JVM
            }
            Ops.afterStart(rt.installation);
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
        ready.complete(new Started(rt.slot(), tstate));
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
            ThreadSlot own = rt.slot();
            Interpreter main = rt.main;
            own.current = main;
            own.currentTstate = tstate;
            own.depth = 1;
            try {
                List<String> alive = salvageOnly ? List.of("(not finalizing)")
                        : Ops.joinPythonThreads(main, rt.joinTime(finalizeDeadline));
                if (alive.isEmpty()) {
                    // atexit handlers run here, on this thread: marked attached, their calls of Java
                    // built-ins nest instead of meeting the closed gate.
                    Py_FinalizeEx(); // non-zero only when flushing buffered output failed
                    ok = true;
                } else {
                    // Left unfinalized (a thread blocked in C cannot be stopped), but the GIL is free:
                    // nothing the program wrote or registered is lost.
                    LastWords.say(main);
                    leftWhere = LastWords.where(main, rt.interpreters.size() == 1, main.slots);
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
}
