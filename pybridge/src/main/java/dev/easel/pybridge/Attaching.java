package dev.easel.pybridge;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.Callable;

import static dev.easel.pybridge.ffi.ceval_h.PyEval_RestoreThread;
import static dev.easel.pybridge.ffi.ceval_h.PyEval_SaveThread;
import static dev.easel.pybridge.ffi.pystate_h.PyThreadState_GetInterpreter;
import static dev.easel.pybridge.ffi.pystate_h.PyThreadState_SetAsyncExc;
import static dev.easel.pybridge.ffi.pythread_h.PyThread_get_thread_ident;

/**
 * Attach bookkeeping: what each thread's {@link ThreadSlot} holds as it attaches, nests, detaches,
 * enters a {@code detached} section or is called back by Python (an upcall), and the gate's check
 * at each of those doors. Every public entry point of the safe API comes through here.
 */
final class Attaching {
    private final RuntimeState rt;

    Attaching(RuntimeState rt) {
        this.rt = rt;
    }

    Attachment acquire(Interpreter interp, boolean bypassGate) {
        ThreadSlot slot = rt.slot();
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
        if (bypassGate ? interp.ending || interp.closed : rt.closing || interp.closing) {
            // Even shutdown's own attaches (asking threads to stop) stay out of an interpreter
            // being ended: see beginEnding.
            interp.active.decrementAndGet();
            throw rt.closedError(interp);
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
                ThreadStates.settleOwn(rt, slot);
            }
            MemorySegment ts = slot.known(interp);
            if (ts == null) {
                // A thread's first attach here: the moment to free what ended threads left (the
                // count of thread states then cannot grow but by live threads).
                ThreadStates.reapDeadThreads(rt, interp);
                ts = slot.tstateFor(interp);
            }
            RuntimeState.activate(slot, ts);
            slot.set(interp, ts, 1, false);
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

    void release(ThreadSlot slot, Interpreter interp, Interpreter prev, MemorySegment prevTs, int prevDepth,
                 boolean prevAssumed) {
        if (slot.interruptPending) {
            // An interrupt that came too late (no Python ran after it): dropped, not left to fire
            // at this thread's next, unrelated attach.
            slot.interruptPending = false;
            PyThreadState_SetAsyncExc(slot.ident, MemorySegment.NULL);
        }
        PyEval_SaveThread();
        slot.set(null, null, 0, slot.assumed);
        interp.active.decrementAndGet();
        if (prev != null) {
            RuntimeState.activate(slot, prevTs);
            slot.set(prev, prevTs, prevDepth, prevAssumed);
        }
    }

    <T> T detached(ThreadSlot slot, Callable<T> work) throws Exception {
        Interpreter interp = slot.current;
        MemorySegment ts = slot.currentTstate;
        int depth = slot.depth;
        boolean assumed = slot.assumed;
        PyEval_SaveThread();
        slot.set(null, null, 0, assumed); // no argument of a built-in may be read without the GIL
        slot.enterDetached();
        try {
            return work.call();
        } catch (InterruptedException e) {
            if (rt.closing || interp.closing) {
                throw rt.closedError(interp);
            }
            throw e;
        } finally {
            slot.leaveDetached();
            RuntimeState.activate(slot, ts);
            slot.set(interp, ts, depth, assumed);
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
    boolean enterUpcall(ThreadSlot slot, long tsAddress) {
        if (slot.current != null && slot.currentTstate.address() == tsAddress) {
            return false; // the warm path: no segment made
        }
        MemorySegment ts = MemorySegment.ofAddress(tsAddress);
        Interpreter interp = rt.interpreters.get(PyThreadState_GetInterpreter(ts).address());
        if (interp == null) {
            throw PythonException.runtimeError("Easel's built-ins were called from an interpreter Easel did not make");
        }
        interp.active.incrementAndGet();
        if (rt.closing || interp.closing) {
            // The gate is shut for Python's own threads too: they must not start Java work (or a
            // detached section) that would end after finalization. Raised in Python as SystemExit.
            interp.active.decrementAndGet();
            throw rt.closedError(interp);
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
        slot.set(interp, ts, 1, true);
        return true;
    }

    /** Ends what {@link #enterUpcall} began, restoring what the slot held before. */
    void leaveUpcall(ThreadSlot slot, Interpreter prev, MemorySegment prevTs, int prevDepth, boolean prevAssumed) {
        Interpreter interp = slot.current;
        slot.set(prev, prevTs, prevDepth, prevAssumed);
        if (interp != null) {
            interp.active.decrementAndGet();
        }
    }
}
