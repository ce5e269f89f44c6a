package dev.easel.pybridge;

import dev.easel.pybridge.ffi.ObjectHeader;
import dev.easel.pybridge.ffi.Py_buffer;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.Callable;

import static dev.easel.pybridge.ffi.constants_h.Py_False;
import static dev.easel.pybridge.ffi.constants_h.Py_None;
import static dev.easel.pybridge.ffi.constants_h.Py_True;
import static dev.easel.pybridge.ffi.floatobject_h.PyFloat_AsDouble;
import static dev.easel.pybridge.ffi.longobject_h.PyLong_AsDouble_raw;
import static dev.easel.pybridge.ffi.longobject_h.PyLong_AsLongLong;
import static dev.easel.pybridge.ffi.object_h.*;
import static dev.easel.pybridge.ffi.pyerrors_h.*;
import static dev.easel.pybridge.ffi.tupleobject_h.PyTuple_GetItem;
import static dev.easel.pybridge.ffi.tupleobject_h.PyTuple_Size;

/**
 * The arguments of one call of a Java built-in, read in place (borrowed from the caller's frame;
 * nothing is copied until asked for). Valid only during the call, on its thread. Arguments passed
 * by keyword are bound to the position of the parameter of that name, so the body reads every
 * argument by position; a parameter left out is absent ({@link #isNone}).
 *
 * <p>A positional call allocates nothing in Java: each thread keeps one {@code Arguments} per
 * nesting depth of built-in calls and the next call at that depth reuses it. Keep the values
 * read, not this object: kept past its call it throws when read, but only until a later call at
 * the same depth on the same thread takes it over (it then holds that call's arguments).
 *
 * <p>Accessors raise {@code TypeError} naming the function and the parameter, as CPython's own
 * built-ins do: {@code fill_rect() argument 'w' must be a number, not str}.
 */
public final class Arguments {
    // Set anew by each call that takes this object over (begin): no object is made per call.
    private Interpreter interp;
    private final ThreadSlot slot;
    private BuiltinModule.Entry function;
    /** The address of the caller's {@code PyObject *const *args}. */
    private long base;
    private int n;
    /** With keywords: the argument at each position (0 = left out); null for a positional call. */
    private long[] bound;
    /** The arguments of the built-in this call nests in on the same thread, or null. */
    Arguments outer;
    /**
     * The thread that may read the arguments now, or null when none may: set by
     * {@link ThreadSlot#moved()} (the thread attached to {@link #interp}, or nobody while it is in a
     * detached section or attached elsewhere) and cleared when the call ends. One field compared
     * with the current thread per accessor covers every case the guard must catch.
     */
    private Thread readableOn;

    /** One of {@code slot}'s: see {@link ThreadSlot#argumentsAt}. */
    Arguments(ThreadSlot slot) {
        this.slot = slot;
    }

    /**
     * Takes this object over for a call of {@code function} with the caller's {@code args} (an
     * address) and {@code kwnames} (an address, 0 for none), nested in the call whose arguments
     * are {@code outer} (the slot's at the depth below, or null). Caller: the trampoline, on the
     * slot's thread, with this object not in use (its depth is the call's). The chain is linked
     * by depth, not from {@link ThreadSlot#args}: a call whose {@link #end} was cut short (a stack
     * overflow) cannot make this object its own outer.
     */
    void begin(Interpreter interp, BuiltinModule.Entry function, long args, int n, long kwnames, Arguments outer) {
        long[] slots = kwnames == 0 ? null : bind(function, args, n, MemorySegment.ofAddress(kwnames));
        this.interp = interp;
        this.function = function;
        this.base = args;
        this.bound = slots;
        if (slots == null) { // a positional call: nothing to bind
            this.n = n;
        } else {
            int last = slots.length;
            while (last > 0 && slots[last - 1] == 0) {
                last--;
            }
            this.n = last;
        }
        // Linked last: binding keywords may throw, and then there is no call to end.
        this.outer = outer;
        this.readableOn = slot.thread; // made by the trampoline, attached to interp
        slot.args = this;
    }

    /** Positional arguments then keyword ones (CPython's vectorcall layout) placed by parameter name. */
    private static long[] bind(BuiltinModule.Entry f, long base, int nargs, MemorySegment kwnames) {
        int nkw = (int) PyTuple_Size(kwnames);
        long[] slots = new long[Math.max(nargs, f.params().length)];
        for (int i = 0; i < nargs; i++) {
            slots[i] = ObjectHeader.pointerAt(base + 8L * i);
        }
        String[] keywords = f.keywords();
        for (int k = 0; k < nkw; k++) {
            String name = Conversions.strOf(PyTuple_GetItem(kwnames, k));
            int at = -1;
            for (int j = 0; j < keywords.length; j++) {
                if (name != null && name.equals(keywords[j])) {
                    at = j;
                    break;
                }
            }
            if (at < 0) {
                throw PythonException.typeError(f.name() + "() got an unexpected keyword argument '" + name + "'");
            }
            if (slots[at] != 0) {
                throw PythonException.typeError(f.name() + "() got multiple values for argument '" + name + "'");
            }
            slots[at] = ObjectHeader.pointerAt(base + 8L * (nargs + k));
        }
        return slots;
    }

    /**
     * Exact float objects are read in place and exact ints by a plain downcall (not critical:
     * an int too large allocates an OverflowError, and allocating can run a collection and
     * {@code __del__}, which may call Java); see {@link ObjectHeader}.
     */
    private static final class Fast {
        static final boolean ON = ObjectHeader.available();
        static final long FLOAT = dev.easel.pybridge.ffi.CPython.data("PyFloat_Type").address();
        static final long INT = dev.easel.pybridge.ffi.CPython.data("PyLong_Type").address();
    }

    /** The interpreter of the caller. */
    public Interpreter interpreter() {
        return interp;
    }

    /** How many arguments were passed: with keywords, one more than the last position given. */
    public int size() {
        return n;
    }

    /** The built-in's name, for messages. */
    public String functionName() {
        return function.name();
    }

    /** Checks the argument count: {@code TypeError} like CPython's otherwise. */
    public Arguments expect(int min, int max) {
        if (bound != null) {
            for (int i = 0; i < Math.min(min, bound.length); i++) {
                if (bound[i] == 0) {
                    throw PythonException.typeError(function.name() + "() missing required argument "
                            + paramName(i) + " (pos " + (i + 1) + ")");
                }
            }
        }
        if (n < min || n > max) {
            String count = min == max ? "exactly " + min : max == Integer.MAX_VALUE ? "at least " + min
                    : "from " + min + " to " + max;
            throw PythonException.typeError(function.name() + "() takes " + count + " argument"
                    + (min == 1 && (min == max || max == Integer.MAX_VALUE) ? "" : "s") + " (" + n + " given)");
        }
        return this;
    }

    /** {@link #expect(int, int)} with one count. */
    public Arguments expect(int count) {
        return expect(count, count);
    }

    /** Follows its thread's attachment: readable only while attached to {@link #interp}. Caller: its thread. */
    void follow(Interpreter current) {
        readableOn = current == interp ? slot.thread : null;
    }

    /** The call has returned: unreadable from now on. Caller: the trampoline, on the call's thread. */
    void end() {
        readableOn = null;
        slot.args = outer;
        outer = null;
        bound = null;
    }

    private long address(int i) {
        if (readableOn != Thread.currentThread()) {
            // Read inside a detached section (no GIL), under another attachment, on another thread
            // or after the call: never touch the objects.
            throw unreadable();
        }
        if (i < 0 || i >= n || (bound != null && bound[i] == 0)) {
            throw PythonException.typeError(function.name() + "() missing argument " + paramName(i));
        }
        return bound == null ? ObjectHeader.pointerAt(base + 8L * i) : bound[i];
    }

    private IllegalStateException unreadable() {
        if (Thread.currentThread() != slot.thread) {
            return new IllegalStateException("the arguments of " + function.name() + "() are valid only on the thread of the call");
        }
        if (!isLive()) {
            return new IllegalStateException("the arguments of " + function.name() + "() are valid only during the call");
        }
        return Attachment.notCurrent(slot, interp);
    }

    /** Whether this call is still running (its arguments are in its thread's chain). Caller: its thread. */
    private boolean isLive() {
        for (Arguments a = slot.args; a != null; a = a.outer) {
            if (a == this) {
                return true;
            }
        }
        return false;
    }

    MemorySegment raw(int i) {
        return MemorySegment.ofAddress(address(i));
    }

    private String paramName(int i) {
        String[] names = function.params();
        return i < names.length ? "'" + names[i] + "'" : String.valueOf(i + 1);
    }

    /** A TypeError for argument {@code i}: "{@code f() argument 'x' must be <expected>, not <type>}". */
    public PythonException wrongType(int i, String expected) {
        return PythonException.typeError(function.name() + "() argument " + paramName(i) + " must be "
                + expected + ", not " + typeNameOf(raw(i)));
    }

    /** A ValueError for argument {@code i} with {@code detail}. */
    public PythonException badValue(int i, String detail) {
        return PythonException.valueError(function.name() + "() argument " + paramName(i) + ": " + detail);
    }

    static String typeNameOf(MemorySegment o) {
        MemorySegment t = PyObject_Type(o);
        try {
            MemorySegment name;
            try (Arena a = Arena.ofConfined()) {
                name = PyObject_GetAttrString(t, a.allocateFrom("__name__"));
            }
            if (name.equals(MemorySegment.NULL)) {
                PyErr_Clear();
                return "?";
            }
            try {
                return Conversions.strOf(name);
            } finally {
                Py_DecRef(name);
            }
        } finally {
            Py_DecRef(t);
        }
    }

    /** Argument {@code i} as a number ({@code float(x)}: float, int, or anything with {@code __float__}/{@code __index__}). */
    public double doubleAt(int i) {
        if (Fast.ON) {
            long a = address(i);
            long type = ObjectHeader.Py_TYPE(a);
            if (type == Fast.FLOAT) {
                return ObjectHeader.floatValue(a);
            }
            if (type == Fast.INT) {
                double d = PyLong_AsDouble_raw(a);
                if (d == -1.0 && !PyErr_Occurred().equals(MemorySegment.NULL)) {
                    throw converted(i, "OverflowError", () -> badValue(i, "int too large to convert to float"));
                }
                return d;
            }
        }
        MemorySegment o = raw(i);
        double d = PyFloat_AsDouble(o);
        if (d == -1.0 && !PyErr_Occurred().equals(MemorySegment.NULL)) {
            throw converted(i, "TypeError", () -> wrongType(i, "a number"));
        }
        return d;
    }

    /** Argument {@code i} as an integer ({@code operator.index(x)}). */
    public long longAt(int i) {
        MemorySegment o = raw(i);
        MemorySegment idx = PyNumber_Index(o);
        if (idx.equals(MemorySegment.NULL)) {
            throw converted(i, "TypeError", () -> wrongType(i, "an integer"));
        }
        try {
            long v = PyLong_AsLongLong(idx);
            if (v == -1 && !PyErr_Occurred().equals(MemorySegment.NULL)) {
                throw converted(i, "OverflowError", () -> badValue(i, "integer too large"));
            }
            return v;
        } finally {
            Py_DecRef(idx);
        }
    }

    /** Argument {@code i} as an int, range-checked. */
    public int intAt(int i) {
        long v = longAt(i);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw badValue(i, "integer out of range: " + v);
        }
        return (int) v;
    }

    /** {@code bool(x)} of argument {@code i}. */
    public boolean booleanAt(int i) {
        long o = address(i);
        // The singletons answer without a call, so no segment is made for one: escape analysis
        // removes it only once C2 has compiled the caller, and a hot drawing call must not
        // allocate before that either (BatchedCallAllocationTest saw 40 bytes a call on a busy CI).
        if (o == Py_True().address()) {
            return true;
        }
        if (o == Py_False().address() || o == Py_None().address()) {
            return false;
        }
        int r = PyObject_IsTrue(MemorySegment.ofAddress(o));
        if (r < 0) {
            throw Errors.fetch(interp);
        }
        return r == 1;
    }

    /** Argument {@code i}, which must be a str. */
    public String stringAt(int i) {
        MemorySegment o = raw(i);
        if (Conversions.typeAddress(o) != StrType.ADDRESS) {
            int is = PyObject_IsInstance(o, StrType.TYPE);
            if (is < 0) {
                throw Errors.fetch(interp); // __instancecheck__ failed: its own error
            }
            if (is == 0) {
                throw wrongType(i, "str");
            }
        }
        return Conversions.strOf(o);
    }

    private static final class StrType {
        static final MemorySegment TYPE = dev.easel.pybridge.ffi.CPython.data("PyUnicode_Type");
        static final long ADDRESS = TYPE.address();
    }

    /**
     * The pending error of a failed conversion of argument {@code i}: when it is of an expected kind
     * ({@code expected}: names joined by '|', such as {@code TypeError}), our clearer message; anything else
     * ({@code MemoryError}, {@code SystemExit} raised by shutdown, an error in {@code __float__})
     * is kept as it is.
     */
    private RuntimeException converted(int i, String expected, java.util.function.Supplier<PythonException> clearer) {
        for (String type : expected.split("\\|")) {
            if (PyErr_ExceptionMatches(dev.easel.pybridge.ffi.constants_h.PyExc(type)) == 1) {
                PyErr_Clear();
                return clearer.get();
            }
        }
        return Errors.fetch(interp);
    }

    /** Whether argument {@code i} is absent (not passed, by position or by name) or None. */
    public boolean isNone(int i) {
        return i >= n || (bound != null && bound[i] == 0) || address(i) == Py_None().address();
    }

    /** Argument {@code i} converted to Java (see {@link PyObject#toJava()}). */
    public Object javaAt(int i) {
        return Conversions.toJava(interp, raw(i));
    }

    /** Argument {@code i} as a new owned reference. */
    public PyObject objectAt(int i) {
        MemorySegment o = raw(i);
        Py_IncRef(o);
        return new PyObject(interp, o);
    }

    /**
     * A C-contiguous view of argument {@code i}'s memory (buffer protocol), with its format. Close
     * it before the built-in returns.
     */
    public BufferView bufferAt(int i) {
        MemorySegment o = raw(i);
        Arena arena = Arena.ofConfined();
        MemorySegment view = arena.allocate(Py_buffer.LAYOUT);
        if (PyObject_GetBuffer(o, view, Py_buffer.PyBUF_C_CONTIGUOUS | Py_buffer.PyBUF_FORMAT) < 0) {
            arena.close();
            throw converted(i, "TypeError|BufferError", () -> wrongType(i,
                    "a C-contiguous buffer (bytes, bytearray, memoryview, array.array or numpy array)"));
        }
        return new BufferView(arena, view);
    }

    /** Runs blocking work with the GIL released (see {@link Attachment#detached(Callable)}). */
    public <T> T detached(Callable<T> work) throws Exception {
        try (Attachment a = interp.attach()) {
            return a.detached(work);
        }
    }
}
