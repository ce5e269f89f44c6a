package dev.easel.pybridge;

import java.lang.foreign.MemorySegment;
import java.util.IdentityHashMap;
import java.util.Map;

import static dev.easel.pybridge.ffi.pystate_h.PyThreadState_New;
import static dev.easel.pybridge.ffi.pythread_h.PyThread_get_thread_ident;

/**
 * What one platform thread knows of its own attachment: which interpreter's thread state is
 * current, how deeply attach calls nest, and the thread states it keeps (one per interpreter,
 * made on first use and reused: a cold thread state costs microseconds, a warm attach nanoseconds).
 *
 * <p>Only the owning thread touches {@link #current} and {@link #depth}. The map of thread states is
 * also read by the thread that closes an interpreter, so it is guarded by this object's lock.
 */
final class ThreadSlot {
    final Thread thread;
    /** The interpreter whose thread state is current on this thread, or null. */
    Interpreter current;
    /** Nesting of attach on {@link #current}; 0 when not attached. */
    int depth;
    /** The thread state current on this thread (ours for {@link #current}, or Python's own in an upcall). */
    MemorySegment currentTstate;
    /** Whether the current thread state was made current by Python itself (an upcall), not by us. */
    boolean assumed;
    /**
     * How many {@code detached} sections this thread is inside (shutdown interrupts such threads).
     * Written under {@link #detachLock}, so that a check-then-interrupt cannot straddle a leave.
     */
    volatile int detachedDepth;
    /** Makes {@link #interruptIfDetached} and {@link #leaveDetached} exclusive. */
    private final Object detachLock = new Object();
    /** Whether {@link #interruptIfDetached} interrupted the section this thread is in (under {@link #detachLock}). */
    private boolean sectionInterrupted;

    /** Whether {@code Interpreter.interrupt} raised in this thread: withdrawn when it detaches. */
    volatile boolean interruptPending;

    /**
     * The arguments of the innermost Java built-in running on this thread (each links to the one it
     * nests in), or null. Only this thread touches it.
     */
    Arguments args;

    /**
     * The {@link Arguments} of the built-in calls on this thread, one per nesting depth, made at the
     * first call at that depth and reused by every later one: a call allocates nothing.
     */
    private Arguments[] argumentsByDepth = new Arguments[4];

    /** How many Java built-ins are running nested on this thread (see {@link PythonThreads}). */
    int upcallDepth;
    /** How many may: what this thread's stack holds. */
    final int upcallLimit;

    /** Why this thread must never attach (the JavaFX thread), or null. */
    volatile String forbidden;
    /** CPython's ident of this OS thread ({@code PyThread_get_thread_ident}), 0 until known. */
    volatile long ident;
    /** For a thread of Python's calling built-ins: the interpreter it was registered with. */
    Interpreter upcallInterpreter;

    /**
     * The thread state CPython's {@code PyGILState} binding of this OS thread points to: the one the
     * bridge last made current here (3.12+ rebinds at every activation). Written by this thread
     * right after each activation; read by a closer deciding whether it may delete a state.
     */
    volatile MemorySegment bound;
    /** Set when {@link #orphans} is not empty: checked at each attach. */
    volatile boolean hasOrphans;

    private final Map<Interpreter, MemorySegment> tstates = new IdentityHashMap<>(4);
    /** States of closed sub-interpreters that this live thread must delete itself (they were its binding). */
    private final Map<Interpreter, MemorySegment> orphans = new IdentityHashMap<>(2);
    // One-entry cache for the common case of a thread that attaches to one interpreter.
    private Interpreter lastInterp;
    private MemorySegment lastTstate;

    ThreadSlot(Thread thread) {
        this.thread = thread;
        this.upcallLimit = PythonThreads.upcallLimit();
    }

    /**
     * This thread's thread state for {@code interp} if it has one already, else null (then
     * {@link #tstateFor} makes one). Caller: this thread.
     */
    MemorySegment known(Interpreter interp) {
        if (lastInterp == interp) {
            return lastTstate;
        }
        MemorySegment ts = peek(interp);
        if (ts != null) {
            lastInterp = interp;
            lastTstate = ts;
        }
        return ts;
    }

    /** This thread's thread state for {@code interp}, made on first use. Caller: this thread. */
    MemorySegment tstateFor(Interpreter interp) {
        if (lastInterp == interp) {
            return lastTstate;
        }
        if (ident == 0) {
            ident = PyThread_get_thread_ident();
        }
        MemorySegment ts;
        synchronized (this) {
            ts = tstates.get(interp);
            if (ts == null) {
                ts = PyThreadState_New(interp.pointer());
                if (ts.equals(MemorySegment.NULL)) {
                    throw new IllegalStateException("CPython could not make a thread state for " + interp
                            + " on " + thread.getName() + " (out of memory, or the interpreter is being finalized)");
                }
                tstates.put(interp, ts);
                interp.register(this);
            }
        }
        lastInterp = interp;
        lastTstate = ts;
        return ts;
    }

    /**
     * Records what this thread is attached to now ({@code interp} with its thread state {@code ts},
     * or nothing), and tells the arguments of its running built-ins. Caller: this thread.
     */
    void set(Interpreter interp, MemorySegment ts, int depth, boolean assumed) {
        current = interp;
        currentTstate = ts;
        this.depth = depth;
        this.assumed = assumed;
        if (args != null) {
            moved();
        }
    }

    /**
     * Tells the arguments of the built-ins running on this thread whether they may be read now:
     * only while the thread is attached to their interpreter. Called after every change of
     * {@link #current} that hands control back to Java code on this thread, so that an argument
     * accessor checks one field instead of the thread and its attachment (see {@link Arguments}).
     */
    void moved() {
        for (Arguments a = args; a != null; a = a.outer) {
            a.follow(current);
        }
    }

    /** The {@link Arguments} for a built-in call at nesting {@code depth} (0 for the outermost). Caller: this thread. */
    Arguments argumentsAt(int depth) {
        Arguments[] all = argumentsByDepth;
        if (depth >= all.length) {
            all = argumentsByDepth = java.util.Arrays.copyOf(all, Math.max(depth + 1, 2 * all.length));
        }
        Arguments a = all[depth];
        if (a == null) {
            a = all[depth] = new Arguments(this);
        }
        return a;
    }

    /** Enters a {@code detached} section. Caller: this thread. */
    void enterDetached() {
        synchronized (detachLock) {
            detachedDepth++;
        }
    }

    /**
     * Leaves a {@code detached} section. An interrupt that {@link #interruptIfDetached} sent for it
     * and that the section's work did not consume is withdrawn: it was meant for the section only,
     * never for the Java code that follows. Caller: this thread.
     */
    void leaveDetached() {
        synchronized (detachLock) {
            detachedDepth--;
            if (sectionInterrupted) {
                sectionInterrupted = false;
                Thread.interrupted();
            }
        }
    }

    /**
     * Interrupts this slot's thread if it is inside a {@code detached} section, checked and done
     * under the lock it leaves the section with: the interrupt never lands after it left.
     */
    void interruptIfDetached() {
        synchronized (detachLock) {
            if (detachedDepth > 0 && thread != Thread.currentThread()) {
                sectionInterrupted = true;
                thread.interrupt();
            }
        }
    }

    /** Takes {@code tstate}, made elsewhere for this thread (at start-up), as this thread's for {@code interp}. */
    synchronized void adopt(Interpreter interp, MemorySegment tstate) {
        tstates.put(interp, tstate);
        interp.register(this);
    }

    /** This slot's thread state for {@code interp}, or null; any thread may ask. */
    synchronized MemorySegment peek(Interpreter interp) {
        return tstates.get(interp);
    }

    /** Moves this slot's state for {@code interp} to its orphans (deleted at this thread's next attach). */
    synchronized void orphan(Interpreter interp, MemorySegment ts) {
        forget(interp);
        orphans.put(interp, ts);
        hasOrphans = true;
    }

    /** Removes and returns every orphan (for this thread to delete). */
    synchronized Map<Interpreter, MemorySegment> takeOrphans() {
        Map<Interpreter, MemorySegment> all = new IdentityHashMap<>(orphans);
        orphans.clear();
        hasOrphans = false;
        return all;
    }

    /** Removes and returns the orphan of {@code interp}, or null (for deleting it elsewhere once this thread ended or the runtime closes). */
    synchronized MemorySegment takeOrphan(Interpreter interp) {
        MemorySegment ts = orphans.remove(interp);
        hasOrphans = !orphans.isEmpty();
        return ts;
    }

    /** Whether {@code ts} is a thread state this slot holds (own or orphan): for tests. */
    synchronized boolean holds(MemorySegment ts) {
        // Not containsValue: an IdentityHashMap compares values by reference, segments by address.
        for (MemorySegment m : tstates.values()) {
            if (m.address() == ts.address()) {
                return true;
            }
        }
        for (MemorySegment m : orphans.values()) {
            if (m.address() == ts.address()) {
                return true;
            }
        }
        return false;
    }

    /** Removes and returns this slot's thread state for {@code interp} (when the interpreter closes). */
    synchronized MemorySegment forget(Interpreter interp) {
        if (lastInterp == interp) {
            lastInterp = null;
            lastTstate = null;
        }
        return tstates.remove(interp);
    }

}
