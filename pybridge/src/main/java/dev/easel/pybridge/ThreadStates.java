package dev.easel.pybridge;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.easel.pybridge.ffi.ceval_h.PyEval_RestoreThread;
import static dev.easel.pybridge.ffi.pylifecycle_h.Py_EndInterpreter;
import static dev.easel.pybridge.ffi.pystate_h.*;

/**
 * Deleting thread states without leaving any thread's {@code PyGILState} binding dangling.
 *
 * <p>CPython 3.12+ binds each OS thread (thread-specific storage) to the thread state it last made
 * current; the next state made current on that thread writes into the bound one. Deleting the bound
 * state from another thread leaves the binding pointing at freed memory (a use-after-free at that
 * thread's next attach), and clears the <em>deleting</em> thread's own binding instead. Hence:
 * <ul>
 * <li>a state is deleted by its own thread, or once its thread has ended, or when it is not its
 *     thread's binding ({@link ThreadSlot#bound});</li>
 * <li>a thread deleting others' states does it under a state of its own that it deletes last, so
 *     its binding ends empty, never stale;</li>
 * <li>a sub-interpreter closed while it holds a live thread's binding is closed at once (no attach
 *     gets in) but ended ({@code Py_EndInterpreter}) once that thread has deleted the state itself,
 *     at its next attach anywhere, or has ended (cooperative close). At runtime shutdown nothing
 *     attaches again, so every state may be deleted then.</li>
 * </ul>
 */
final class ThreadStates {
    private ThreadStates() {}

    /** Whether a closer may delete {@code other}'s state {@code ts} now (from another thread). */
    static boolean deletableByOthers(ThreadSlot other, MemorySegment ts) {
        return !other.thread.isAlive() || other.bound != ts;
    }

    /** Clears, then deletes, {@code states}. Caller: attached to their interpreter with a state it deletes afterwards. */
    static void clearAndDelete(List<MemorySegment> states) {
        // Clearing may run Python code (__del__ of thread locals): all of it before any delete can
        // touch this thread's binding.
        for (MemorySegment ts : states) {
            PyThreadState_Clear(ts);
        }
        for (MemorySegment ts : states) {
            PyThreadState_Delete(ts);
        }
    }

    /**
     * Deletes the thread states that ended Java threads left in {@code interp} (about 22 KiB each,
     * never freed by CPython), and settles orphans of ended threads in closed sub-interpreters.
     * Caller: attaching (counted in some interpreter's {@code active}, so nothing is ended meanwhile),
     * no thread state current.
     */
    static void reapDeadThreads(RuntimeState rt, Interpreter interp) {
        List<MemorySegment> dead = null;
        for (ThreadSlot s : interp.slots) {
            // remove() claims the slot: two threads attaching at once never delete one state twice.
            if (!s.thread.isAlive() && interp.slots.remove(s)) {
                MemorySegment ts = s.forget(interp);
                if (ts != null) {
                    if (dead == null) {
                        dead = new ArrayList<>();
                    }
                    dead.add(ts);
                }
            }
        }
        if (dead != null) {
            MemorySegment tmp = PyThreadState_New(interp.pointer());
            PyEval_RestoreThread(tmp);
            clearAndDelete(dead);
            PyThreadState_Clear(tmp);
            PyThreadState_DeleteCurrent(); // releases the GIL
        }
        for (Interpreter x : rt.awaitingEnd()) {
            settleForeign(rt, x, false);
        }
    }

    /**
     * Deletes the calling thread's orphans, on its own thread, and ends each interpreter whose last
     * orphan that was. Caller: about to attach, no thread state current.
     */
    static void settleOwn(RuntimeState rt, ThreadSlot slot) {
        for (Map.Entry<Interpreter, MemorySegment> e : slot.takeOrphans().entrySet()) {
            Interpreter x = e.getKey();
            x.slots.remove(slot);
            PyEval_RestoreThread(e.getValue()); // x's GIL: x is closed, only orphan holders take it
            PyThreadState_Clear(e.getValue());
            // Counted down under x's GIL, so the last one knows every other is deleted. It ends x with
            // a state made before this one goes: an interpreter's list of states must never be empty
            // before it ends (3.12 then reuses its initial state: "thread state already initialized").
            MemorySegment ender = x.orphans.decrementAndGet() == 0 ? PyThreadState_New(x.pointer()) : null;
            PyThreadState_DeleteCurrent(); // its binding was this state: now empty
            slot.bound = null;
            if (ender != null) {
                PyEval_RestoreThread(ender);
                endCurrent(rt, x, ender);
            }
        }
    }

    /**
     * Deletes, from this thread, the orphans in {@code x} of ended threads ({@code all}: of every
     * thread, only at runtime shutdown, when nothing attaches again), and ends {@code x} if none is
     * left. Caller: no thread state current; nothing else ending {@code x}.
     */
    static void settleForeign(RuntimeState rt, Interpreter x, boolean all) {
        List<MemorySegment> states = new ArrayList<>();
        for (ThreadSlot s : x.slots) {
            if (all || !s.thread.isAlive()) {
                MemorySegment o = s.takeOrphan(x);
                if (o != null) {
                    states.add(o);
                    x.slots.remove(s);
                }
            }
        }
        if (states.isEmpty()) {
            return;
        }
        MemorySegment tmp = PyThreadState_New(x.pointer());
        PyEval_RestoreThread(tmp);
        clearAndDelete(states);
        if (x.orphans.addAndGet(-states.size()) == 0) {
            endCurrent(rt, x, tmp);
        } else {
            PyThreadState_Clear(tmp);
            PyThreadState_DeleteCurrent();
        }
    }

    /**
     * Leaves the calling thread with no PyGILState binding, by binding it to a temporary state of
     * {@code x} and deleting that. Caller: no state current; {@code x} new (its GIL is free).
     */
    static void unbind(Interpreter x) {
        MemorySegment tmp = PyThreadState_New(x.pointer());
        PyEval_RestoreThread(tmp);
        PyThreadState_Clear(tmp);
        PyThreadState_DeleteCurrent();
    }

    /** {@code Py_EndInterpreter} with {@code ts}, x's last state, current; leaves no state current. */
    static void endCurrent(RuntimeState rt, Interpreter x, MemorySegment ts) {
        x.cache.forget();
        x.pendingDecrefs.clear(); // objects of an ended interpreter: nothing left to release
        Py_EndInterpreter(ts);
        x.ended = true;
        rt.ended(x);
    }
}
