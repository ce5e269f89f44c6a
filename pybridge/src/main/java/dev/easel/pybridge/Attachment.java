package dev.easel.pybridge;

import java.util.concurrent.Callable;

/**
 * Being attached: this thread's thread state of one interpreter is current and holds its GIL.
 *
 * <p>Obtained from {@link Interpreter#attach()} in a try-with-resources block and closed on the same
 * thread; attach nests and is counted, and an attachment releases only what it took (pyo3's guard
 * that remembers whether it acquired or merely assumed). While it is open, the calls on it run
 * without attaching again; {@link #detached} releases the GIL around blocking work.
 *
 * <pre>{@code
 * try (var py = interp.attach()) {
 *     PyObject math = py.importModule("math");
 *     double pi = math.getAttr("pi").toDouble();
 * }
 * }</pre>
 *
 * <h2>Threads</h2>
 * An attachment belongs to the thread that made it: closing it elsewhere throws
 * {@link IllegalStateException}, as does closing attachments out of nesting order.
 */
public final class Attachment implements AutoCloseable {
    enum Kind { ACQUIRED, REENTERED }

    private final Interpreter interp;
    private final ThreadSlot slot;
    private final Kind kind;
    private final int depthAtOpen;
    /** For ACQUIRED over another interpreter's attachment: that one, restored on close. */
    private final Interpreter previous;
    private final java.lang.foreign.MemorySegment previousTstate;
    private final int previousDepth;
    private final boolean previousAssumed;
    private boolean closed;

    Attachment(Interpreter interp, ThreadSlot slot, Kind kind, Interpreter previous,
               java.lang.foreign.MemorySegment previousTstate, int previousDepth, boolean previousAssumed) {
        this.interp = interp;
        this.slot = slot;
        this.kind = kind;
        this.depthAtOpen = slot.depth;
        this.previous = previous;
        this.previousTstate = previousTstate;
        this.previousDepth = previousDepth;
        this.previousAssumed = previousAssumed;
    }

    /** The interpreter this attachment is to. */
    public Interpreter interpreter() {
        return interp;
    }

    /** Whether this attachment took the GIL itself (rather than nesting in an outer one). */
    public boolean acquired() {
        return kind == Kind.ACQUIRED;
    }

    /** Runs {@code work} with the GIL released (like {@code Py_BEGIN_ALLOW_THREADS}), then attaches again. */
    public <T> T detached(Callable<T> work) throws Exception {
        checkOpenHere();
        return interp.runtime().detached(slot, work);
    }

    /** {@link #detached(Callable)} for work that returns nothing and throws nothing checked. */
    public void detached(Runnable work) {
        checkOpenHere();
        try {
            interp.runtime().detached(slot, () -> {
                work.run();
                return null;
            });
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Imports a module: {@code import name}. */
    public PyObject importModule(String name) {
        checkOpenHere();
        return Ops.importModule(interp, name);
    }

    /** A new globals dict with {@code __builtins__}, for {@link #exec} and {@link #eval}. */
    public PyObject newGlobals() {
        checkOpenHere();
        return Ops.newGlobals(interp);
    }

    /** Runs statements in {@code globals} (a dict), as if from a file named {@code filename}. */
    public void exec(String code, PyObject globals, String filename) {
        checkOpenHere();
        Ops.run(interp, code, globals, filename, false).close();
    }

    /** {@link #exec(String, PyObject, String)} with the file name {@code "<string>"}. */
    public void exec(String code, PyObject globals) {
        exec(code, globals, "<string>");
    }

    /** Evaluates an expression in {@code globals}. */
    public PyObject eval(String expression, PyObject globals) {
        checkOpenHere();
        return Ops.run(interp, expression, globals, "<string>", true);
    }

    /** Converts a Java value to a new Python object (see {@link PyObject#of}). */
    public PyObject toPython(Object value) {
        checkOpenHere();
        return new PyObject(interp, Conversions.toPython(interp, value));
    }

    /** The module {@code builtins}. */
    public PyObject builtins() {
        return importModule("builtins");
    }

    void checkOpenHere() {
        if (closed) {
            throw new IllegalStateException("this attachment is closed");
        }
        if (Thread.currentThread() != slot.thread) {
            throw new IllegalStateException("an attachment belongs to the thread that made it ("
                    + slot.thread.getName() + "), not " + Thread.currentThread().getName());
        }
        if (slot.current != interp) {
            throw notCurrent(slot, interp);
        }
    }

    /**
     * Used while its thread is not attached to its interpreter: inside its own {@code detached}
     * section (Python would run without the GIL: a crash), or under an attachment to another
     * interpreter (Python would run in the wrong one).
     */
    static IllegalStateException notCurrent(ThreadSlot slot, Interpreter interp) {
        if (slot.current == null && slot.detachedDepth > 0) {
            return new IllegalStateException("this attachment to " + interp + " is used inside its own detached(...) "
                    + "section, where the GIL is released: attach again inside the section (interp.attach()), "
                    + "or call Python after it returns");
        }
        return new IllegalStateException("this attachment to " + interp + " is used while the thread is attached to "
                + (slot.current == null ? "nothing" : slot.current.toString()) + ": use the innermost attachment");
    }

    /** Leaves: releases the GIL if this attachment took it. Idempotent on its own thread. */
    @Override
    public void close() {
        if (Thread.currentThread() != slot.thread) {
            throw new IllegalStateException("an attachment must be closed on the thread that made it ("
                    + slot.thread.getName() + "), not on " + Thread.currentThread().getName());
        }
        if (closed) {
            return;
        }
        if (slot.current != interp && slot.current == null && slot.detachedDepth > 0) {
            throw new IllegalStateException("an attachment cannot be closed inside its own detached(...) section");
        }
        if (slot.current != interp || slot.depth != depthAtOpen) {
            throw new IllegalStateException("attachments closed out of order: close the innermost first");
        }
        closed = true;
        if (kind == Kind.REENTERED) {
            slot.depth--;
            return;
        }
        interp.runtime().release(slot, interp, previous, previousTstate, previousDepth, previousAssumed);
    }
}
