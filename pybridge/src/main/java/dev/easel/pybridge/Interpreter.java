package dev.easel.pybridge;

import java.lang.foreign.MemorySegment;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One Python interpreter: the main one, or an own-GIL sub-interpreter (PEP 684, 3.12+) with its own
 * modules and its own GIL.
 *
 * <p>Every method is safe from any platform thread: it attaches if the thread is not attached to
 * this interpreter, and detaches when done. To do several things under one attachment, use
 * {@link #attach()} and the methods of {@link Attachment} and {@link PyObject}.
 *
 * <h2>Closing</h2>
 * A sub-interpreter is closed with {@link #close()}, from any thread: new attaches to it fail,
 * attachments drain, its thread states are deleted, then {@code Py_EndInterpreter}; a live thread
 * whose last attach was to it deletes its own state at its next attach, and the interpreter ends
 * then (see docs/pybridge.md). The main interpreter closes with the runtime
 * ({@link PythonRuntime#close()}).
 */
public final class Interpreter implements AutoCloseable {
    private final PythonRuntime runtime;
    private final MemorySegment pointer;
    private final boolean main;
    private final long id;
    /** Outer attachments in progress (the gate's count); closing waits for zero. */
    final AtomicInteger active = new AtomicInteger();
    volatile boolean closing;
    /** Set just before it is ended (Py_EndInterpreter, or Py_FinalizeEx for the main one): no attach at all. */
    volatile boolean ending;
    volatile boolean closed;
    /**
     * An end of this sub-interpreter is running on a thread of its own (a close that stopped waiting
     * for it at its deadline leaves it running): no second one may start meanwhile.
     */
    volatile boolean endRunning;
    /** Whether {@code Py_EndInterpreter} has run: later than {@link #closed} when live threads had to delete their own states first. */
    volatile boolean ended;
    /**
     * Thread states of this closed sub-interpreter that live threads must still delete themselves
     * (plus one while its closer works): the last one to go ends it.
     */
    final AtomicInteger orphans = new AtomicInteger();
    /** Decrefs of objects released while not attached, done at the next attachment. */
    final ConcurrentLinkedQueue<MemorySegment> pendingDecrefs = new ConcurrentLinkedQueue<>();
    /** Thread slots holding a thread state of this interpreter. */
    final Set<ThreadSlot> slots = ConcurrentHashMap.newKeySet();
    /** Per-interpreter cache of objects the bridge uses often (types, modules); see {@link Ops}. */
    final InterpreterCache cache = new InterpreterCache();

    Interpreter(PythonRuntime runtime, MemorySegment pointer, boolean main, long id) {
        this.runtime = runtime;
        this.pointer = pointer;
        this.main = main;
        this.id = id;
    }

    /** The runtime this interpreter belongs to. */
    public PythonRuntime runtime() {
        return runtime;
    }

    /** Whether this is the main interpreter. */
    public boolean isMain() {
        return main;
    }

    /** CPython's id of this interpreter (0 for the main one). */
    public long id() {
        return id;
    }

    /** Whether it has been closed (or its runtime has). */
    public boolean isClosed() {
        return closed || runtime.isClosed();
    }

    MemorySegment pointer() {
        return pointer;
    }

    void register(ThreadSlot slot) {
        slots.add(slot);
    }

    /**
     * Attaches the calling platform thread to this interpreter: makes its thread state current and
     * takes the GIL. Re-entrant: nested calls only count.
     *
     * @throws PythonClosedException if the runtime or this interpreter is closed or closing
     * @throws IllegalStateException on a virtual thread (a thread state is bound to one OS thread)
     */
    public Attachment attach() {
        return runtime.acquire(this, false);
    }

    /** Like {@link #attach()}, but empty instead of throwing when the interpreter is closed or closing. */
    public Optional<Attachment> tryAttach() {
        try {
            return Optional.of(attach());
        } catch (PythonClosedException e) {
            return Optional.empty();
        }
    }

    /** Runs {@code work} attached, and returns its result. */
    public <T> T call(Function<Attachment, T> work) {
        try (Attachment a = attach()) {
            return work.apply(a);
        }
    }

    /** Imports a module (attaching as needed). */
    public PyObject importModule(String name) {
        return call(a -> a.importModule(name));
    }

    /** A new globals dict with {@code __builtins__}. */
    public PyObject newGlobals() {
        return call(Attachment::newGlobals);
    }

    /** Runs statements in {@code globals}. */
    public void exec(String code, PyObject globals) {
        call(a -> {
            a.exec(code, globals);
            return null;
        });
    }

    /** Evaluates an expression in {@code globals} and converts the result to Java ({@link PyObject#toJava()}). */
    public Object evalToJava(String expression, PyObject globals) {
        return call(a -> {
            try (PyObject r = a.eval(expression, globals)) {
                return r.toJava();
            }
        });
    }

    /** Evaluates an expression in a fresh namespace and converts the result to Java. */
    public Object evalToJava(String expression) {
        return call(a -> {
            try (PyObject g = a.newGlobals(); PyObject r = a.eval(expression, g)) {
                return r.toJava();
            }
        });
    }

    /**
     * Asks Python code running in {@code thread} in this interpreter to stop: raises
     * {@code SystemExit} in it at its next bytecode boundary. Returns whether the thread was
     * running Python in this interpreter. Used to stop a runaway callback (an endless loop).
     */
    public boolean interrupt(Thread thread) {
        if (Thread.currentThread().isVirtual()) {
            return PythonThreads.onPlatformThread("easel-python-interrupt", () -> runtime.interrupt(this, thread));
        }
        return runtime.interrupt(this, thread);
    }

    /**
     * Closes this sub-interpreter: refuses new attaches, waits (bounded) for attachments to end,
     * asks threads still running Python in it to stop, deletes its thread states and ends it.
     * A live thread whose last attach was to it deletes its own state at its next attach anywhere
     * (or when it ends): the interpreter's memory is freed then.
     *
     * @throws IllegalStateException for the main interpreter, or when called by a thread attached to it
     */
    @Override
    public void close() {
        if (main) {
            throw new IllegalStateException("the main interpreter closes with the runtime: call PythonRuntime.close()");
        }
        if (Thread.currentThread().isVirtual()) {
            PythonThreads.onPlatformThread("easel-python-close", () -> {
                runtime.closeSubInterpreter(this);
                return null;
            });
            return;
        }
        runtime.closeSubInterpreter(this);
    }

    @Override
    public String toString() {
        return main ? "Interpreter[main]" : "Interpreter[" + id + "]";
    }
}
