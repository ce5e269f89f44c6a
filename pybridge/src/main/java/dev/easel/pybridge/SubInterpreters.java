package dev.easel.pybridge;

import dev.easel.pybridge.ffi.PyInterpreterConfig;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import static dev.easel.pybridge.ffi.ceval_h.PyEval_SaveThread;
import static dev.easel.pybridge.ffi.pythread_h.PyThread_get_thread_ident;
import static dev.easel.pybridge.ffi.constants_h.PyExc;
import static dev.easel.pybridge.ffi.pystate_h.*;
import static java.lang.foreign.ValueLayout.ADDRESS;

/**
 * Own-GIL sub-interpreters: making them, closing them (from any thread: see {@link ThreadStates}),
 * ending them within a deadline, and {@code Interpreter.interrupt}.
 */
final class SubInterpreters {
    private final RuntimeState rt;
    private final Attaching attaching;
    /** Makes the {@link Interpreter} of a new {@code PyInterpreterState} with its id. */
    private final BiFunction<MemorySegment, Long, Interpreter> newInterpreter;

    SubInterpreters(RuntimeState rt, Attaching attaching, BiFunction<MemorySegment, Long, Interpreter> newInterpreter) {
        this.rt = rt;
        this.attaching = attaching;
        this.newInterpreter = newInterpreter;
    }

    /**
     * Makes a sub-interpreter with its own GIL (PEP 684); the caller stays attached to whatever it
     * was attached to. Caller: {@code PythonRuntime.newSubInterpreter()}, which checks the version.
     */
    Interpreter make() {
        Interpreter main = rt.main;
        if (rt.closing) {
            throw rt.closedError(main);
        }
        ThreadSlot slot = rt.slot();
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
            if (rt.closing) {
                throw rt.closedError(main);
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
            Interpreter sub = newInterpreter.apply(ip, PyInterpreterState_GetID(ip));
            rt.interpreters.put(ip.address(), sub);
            slot.adopt(sub, ts);
            if (slot.ident == 0) {
                // Its own state there came from Py_NewInterpreterFromConfig, not tstateFor: without
                // its id, a thread that runs only in the interpreter it made (an isolated canvas)
                // could not be asked to stop, by Interpreter.interrupt or at shutdown.
                slot.ident = PyThread_get_thread_ident();
            }
            slot.bound = ts;
            slot.current = sub;
            slot.currentTstate = ts;
            try {
                Ops.afterStart(rt.installation);
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
                RuntimeState.activate(slot, prevTs);
                slot.set(prev, prevTs, slot.depth, slot.assumed);
            }
        }
    }

    void closeSubInterpreter(Interpreter interp) {
        ThreadSlot slot = rt.slot();
        if (slot.current == interp) {
            throw new IllegalStateException("cannot close " + interp + " from inside an attachment to it");
        }
        synchronized (interp) {
            if (interp.closed) {
                return;
            }
            if (rt.closing || rt.closed) {
                return; // the runtime's shutdown ends it
            }
            long t0 = System.nanoTime();
            interp.closing = true;
            List<String> stuck = Draining.drain(List.of(interp), t0 + rt.drainTimeout.toNanos());
            if (!stuck.isEmpty()) {
                throw new IllegalStateException(interp + " cannot be closed: threads still in it after "
                        + rt.drainTimeout.toMillis() + " ms: " + stuck);
            }
            endWithin(interp, t0 + 2 * rt.drainTimeout.toNanos());
        }
        if (slot.hasOrphans && slot.current == null) {
            // This thread's own state there, when it was its binding (it used the interpreter last):
            // deleted here, on its thread; if it was the last, the interpreter ends now. Counted as
            // using the runtime, like an attach: shutdown must not finalize while this ends an
            // interpreter (it waits for it, or, once the gate is shut, settles the orphan itself).
            Interpreter main = rt.main;
            main.active.incrementAndGet();
            try {
                if (!rt.closing) {
                    ThreadStates.settleOwn(rt, slot);
                }
            } finally {
                main.active.decrementAndGet();
            }
        }
    }

    /**
     * Ends a drained sub-interpreter on a thread of its own, waiting for it until {@code deadline}
     * (Py_EndInterpreter runs atexit handlers and module teardown: Python code that may not return).
     * The thread is new, so it holds no other state and its PyGILState binding is its own.
     *
     * @throws IllegalStateException if it could not be ended, or not in time (then it is left as is)
     */
    void endWithin(Interpreter interp, long deadline) {
        interp.endRunning = true; // before the thread starts: the caller holds interp's monitor
        onThreadOfItsOwn("end", interp, deadline, () -> {
            try {
                endInterpreter(interp, rt.slot(), deadline);
            } finally {
                interp.endRunning = false;
            }
        });
    }

    /**
     * Waits until an end of {@code interp} left running by a close that stopped waiting for it has
     * finished, or {@code deadline}: shutdown must neither start a second end of it (two
     * Py_EndInterpreter of one interpreter) nor finalize under the first.
     *
     * @throws IllegalStateException if it is still running at the deadline
     */
    static void awaitRunningEnd(Interpreter interp, long deadline) {
        while (interp.endRunning) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(interp + " is still being ended (its atexit handlers or module "
                        + "teardown did not return); left as is");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    /**
     * At shutdown: deletes the states a closed sub-interpreter still holds for other threads and ends
     * it, on a thread of its own. Not on the closing thread: ending another interpreter at shutdown
     * deletes every thread's state there, the closing thread's bound one too, and its next attach
     * would write into that freed state (a SIGSEGV in PyEval_RestoreThread).
     *
     * @throws IllegalStateException if it could not be ended in time (then it is left as is)
     */
    void settleWithin(Interpreter interp, long deadline) {
        onThreadOfItsOwn("settle", interp, deadline, () -> ThreadStates.settleForeign(rt, interp, true));
    }

    private static void onThreadOfItsOwn(String what, Interpreter interp, long deadline, Runnable work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread.ofPlatform().daemon(true).name("easel-python-" + what + "-" + interp.id()).start(() -> {
            try {
                work.run();
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

    /** Ends a drained sub-interpreter. Caller: a thread of its own ({@link #endWithin}), attached nowhere. */
    private void endInterpreter(Interpreter interp, ThreadSlot slot, long deadline) {
        Draining.beginEnding(interp, deadline);
        try {
            MemorySegment own = slot.tstateFor(interp);
            RuntimeState.activate(slot, own);
            // Attached as far as the bridge can tell, up to Py_EndInterpreter (which runs atexit
            // handlers), so that the calls below nest (see pythonMainThread).
            slot.current = interp;
            slot.currentTstate = own;
            slot.depth = 1;
            List<String> alive = Ops.joinPythonThreads(interp, rt.joinTime(deadline));
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
                } else if (rt.closing || ThreadStates.deletableByOthers(other, ts)) {
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
                ThreadStates.endCurrent(rt, interp, own);
            } else {
                rt.awaitEnd(interp);
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
        long ident = target == null ? 0 : target.ident;
        if (target == null || ident == 0 || target == rt.slot()) {
            return false;
        }
        long deadline = System.nanoTime() + rt.drainTimeout.toNanos();
        while (true) {
            try (Attachment a = attaching.acquire(interp, true)) {
                if (target.current != interp) {
                    // Not in this interpreter now: a request queued on its idle thread state would
                    // fire at its next, unrelated attach.
                    return false;
                }
                if (ThreadIds.reaches(interp, ident, target.currentTstate)) {
                    target.interruptPending = true; // cleared (with the request) when it detaches
                    return PyThreadState_SetAsyncExc(ident, PyExc("SystemExit")) > 0;
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
}
