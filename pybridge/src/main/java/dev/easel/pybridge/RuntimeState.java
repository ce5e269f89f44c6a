package dev.easel.pybridge;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static dev.easel.pybridge.ffi.ceval_h.PyEval_RestoreThread;

/**
 * What the parts of the one runtime share: the installation, the interpreters, each thread's
 * {@link ThreadSlot} and whether the gate is shut. {@link PythonRuntime} (the API and the gate),
 * {@link Attaching}, {@link SubInterpreters} and {@link PythonMain} work on it; it knows none of
 * them.
 */
final class RuntimeState {
    final PythonInstallation installation;
    /** How long closing waits for attached threads to leave (the bound of a close is twice this). */
    final Duration drainTimeout;
    /** Every interpreter not yet ended, by the address of its {@code PyInterpreterState}. */
    final Map<Long, Interpreter> interpreters = new ConcurrentHashMap<>();
    /** Closed sub-interpreters waiting for live threads to delete their states before they end. */
    private final Set<Interpreter> awaitingEnd = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<ThreadSlot> slots = ThreadLocal.withInitial(() -> new ThreadSlot(Thread.currentThread()));
    /** The main interpreter: set once CPython runs, before the runtime is published. */
    volatile Interpreter main;
    /** The gate is shut: no attach gets in (set by {@code PythonRuntime.close()}). */
    volatile boolean closing;
    /** {@code PythonRuntime.close()} has finished. */
    volatile boolean closed;

    RuntimeState(PythonInstallation installation, Duration drainTimeout) {
        this.installation = installation;
        this.drainTimeout = drainTimeout;
    }

    /** The calling thread's slot. */
    ThreadSlot slot() {
        return slots.get();
    }

    /** Makes {@code ts}, a state of this thread, current; 3.12+ binds the thread's PyGILState to it. */
    static void activate(ThreadSlot slot, MemorySegment ts) {
        PyEval_RestoreThread(ts);
        slot.bound = ts;
    }

    /** Closed sub-interpreters waiting for live threads to delete their states before they end. */
    Collection<Interpreter> awaitingEnd() {
        return awaitingEnd;
    }

    /** {@code x} waits for live threads to delete their states before it ends. */
    void awaitEnd(Interpreter x) {
        awaitingEnd.add(x);
    }

    /** {@code x} has been ended (Py_EndInterpreter). */
    void ended(Interpreter x) {
        awaitingEnd.remove(x);
        interpreters.remove(x.pointer().address());
    }

    /**
     * How long Python's threads may be waited for when ending must be done by {@code deadline}: all
     * but a quarter of the drain timeout, left for what follows (finalizing, or saving what can be).
     */
    Duration joinTime(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - drainTimeout.toNanos() / 4 - System.nanoTime()));
    }

    PythonClosedException closedError(Interpreter interp) {
        if (closing || closed) {
            return new PythonClosedException("the Python runtime is " + (closed ? "closed" : "shutting down")
                    + ": no new calls into Python are accepted");
        }
        return new PythonClosedException(interp + " is " + (interp.closed ? "closed" : "closing"));
    }
}
