package dev.easel.pybridge;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.easel.pybridge.ffi.ceval_h.PyEval_RestoreThread;
import static dev.easel.pybridge.ffi.constants_h.PyExc;
import static dev.easel.pybridge.ffi.pystate_h.*;

/**
 * The gate's part of closing: asking the threads attached to interpreters to stop, waiting for
 * them to leave by a deadline, and marking an interpreter as being ended. Never waits for a GIL on
 * the calling thread (stopper threads do the raising), so a thread stuck in a C call cannot hang
 * {@code PythonRuntime.close()} or {@code Interpreter.close()}.
 */
final class Draining {
    private Draining() {
    }

    /**
     * Waits until no thread is attached to {@code interps} or {@code deadline} passes. Threads still
     * attached are asked to stop every 100 ms: Java threads in {@code detached} sections are
     * interrupted here, and SystemExit is raised in the others by one stopper thread per interpreter
     * (raising needs the interpreter's GIL, which a thread stuck in a C call may hold for ever: this
     * thread never waits for it). Returns the names of threads still attached at the deadline.
     */
    static List<String> drain(List<Interpreter> interps, long deadline) {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> stoppers = new ArrayList<>();
        try {
            long nextAsk = 0;
            while (true) {
                boolean busy = false;
                for (Interpreter i : interps) {
                    if (i.active.get() > 0) {
                        busy = true;
                        break;
                    }
                }
                if (!busy) {
                    return List.of();
                }
                long now = System.nanoTime();
                if (now - deadline >= 0) {
                    List<String> stuck = new ArrayList<>();
                    for (Interpreter i : interps) {
                        for (ThreadSlot s : i.slots) {
                            if (s.current == i) {
                                stuck.add(s.thread.getName());
                            }
                        }
                        if (i.active.get() > 0 && stuck.isEmpty()) {
                            stuck.add(i.active.get() + " thread(s) of " + i);
                        }
                    }
                    return stuck;
                }
                if (now - nextAsk >= 0) {
                    for (Interpreter i : interps) {
                        interruptDetached(i);
                    }
                    if (stoppers.isEmpty()) {
                        for (Interpreter i : interps) {
                            stoppers.add(Thread.ofPlatform().daemon(true).name("easel-python-stopper")
                                    .start(() -> stopLoop(i, done)));
                        }
                    }
                    nextAsk = now + TimeUnit.MILLISECONDS.toNanos(100);
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return List.of("interrupted while waiting");
                }
            }
        } finally {
            done.set(true);
            stoppers.forEach(java.util.concurrent.locks.LockSupport::unpark);
        }
    }

    /**
     * Interrupts the Java threads waiting in {@code detached} sections of {@code interp}; never a
     * thread that has left its section (see {@link ThreadSlot#interruptIfDetached}).
     */
    static void interruptDetached(Interpreter interp) {
        for (ThreadSlot s : interp.slots) {
            s.interruptIfDetached();
        }
    }

    /** A stopper thread: raises SystemExit in {@code interp}'s attached threads every 100 ms until {@code done}. */
    private static void stopLoop(Interpreter interp, java.util.concurrent.atomic.AtomicBoolean done) {
        while (!done.get()) {
            askToStop(interp);
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    /**
     * Raises SystemExit in every thread attached to {@code interp} but the caller. Under a temporary
     * thread state, deleted after: a stopper keeps none (its own would outlive it in the interpreter).
     */
    private static void askToStop(Interpreter interp) {
        // Counted like an attach that bypasses the gate: beginEnding waits for it, and refuses it
        // once the interpreter is being ended.
        interp.active.incrementAndGet();
        try {
            if (interp.ending || interp.closed) {
                return;
            }
            // Not sys._current_frames(): it walks the thread states of every interpreter and makes
            // frame objects for threads running under other GILs, in this interpreter's allocator
            // (heap corruption once such a thread frees them: "double free or corruption", seen on
            // 3.14). The threads to stop are those attached to this interpreter, which the slots know.
            MemorySegment tmp = PyThreadState_New(interp.pointer());
            PyEval_RestoreThread(tmp);
            MemorySegment exc = PyExc("SystemExit");
            for (ThreadSlot s : interp.slots) {
                long ident = s.ident;
                // An id that would reach another thread (3.11: one being started carries its
                // parent's) is asked next round.
                if (s.current == interp && ident != 0 && s.thread != Thread.currentThread()
                        && ThreadIds.reaches(interp, ident, s.currentTstate)) {
                    PyThreadState_SetAsyncExc(ident, exc);
                }
            }
            PyThreadState_Clear(tmp);
            PyThreadState_DeleteCurrent();
        } finally {
            interp.active.decrementAndGet();
        }
    }

    /**
     * Marks {@code interp} as being ended and waits until no attach that bypasses the gate (asking
     * threads to stop, {@code Interpreter.interrupt}) is inside it: from now on those are refused,
     * so none can touch it while or after it is ended (a SIGSEGV otherwise).
     */
    static void beginEnding(Interpreter interp, long deadline) {
        interp.ending = true;
        while (interp.active.get() > 0) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(interp + " cannot be ended: still in use by "
                        + interp.active.get() + " thread(s)");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000); // such attaches are short
        }
    }
}
