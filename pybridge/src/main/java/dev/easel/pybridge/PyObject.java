package dev.easel.pybridge;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.easel.pybridge.ffi.object_h.*;
import static java.lang.foreign.ValueLayout.ADDRESS;

/**
 * An owned reference to a Python object of one interpreter.
 *
 * <p>It holds a strong reference until {@link #close()}d (use try-with-resources) or, failing that,
 * until it becomes unreachable. A reference released on a thread that is not attached to its
 * interpreter (a cleaner, another thread) is queued and released at the next attachment of that
 * interpreter, never by attaching from wherever the release happens.
 *
 * <p>Every method is safe from any platform thread: it attaches as needed (cheaply, if the thread
 * is already attached). Objects never cross interpreters: passing one to another interpreter
 * raises {@link IllegalArgumentException}.
 */
public final class PyObject implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create(
            Thread.ofPlatform().name("easel-pyobject-cleaner").daemon(true).factory());

    private final Interpreter interp;
    private final MemorySegment ptr;
    private final Release release;
    private final Cleaner.Cleanable cleanable;

    /** Takes ownership of a new reference. Caller is attached to {@code interp}. */
    PyObject(Interpreter interp, MemorySegment newReference) {
        this.interp = interp;
        this.ptr = newReference;
        this.release = new Release(interp, newReference);
        this.cleanable = CLEANER.register(this, release);
    }

    /** Releases the reference once, now if attached, else at the interpreter's next attachment. */
    private static final class Release implements Runnable {
        final Interpreter interp;
        final MemorySegment ptr;
        volatile boolean done;

        Release(Interpreter interp, MemorySegment ptr) {
            this.interp = interp;
            this.ptr = ptr;
        }

        @Override
        public void run() {
            done = true;
            if (interp.isClosed()) {
                return; // its interpreter is gone: nothing to release into
            }
            if (interp.runtime().slot().current == interp) {
                Py_DecRef(ptr);
            } else {
                interp.pendingDecrefs.add(ptr);
            }
        }
    }

    /** The interpreter this object lives in. */
    public Interpreter interpreter() {
        return interp;
    }

    MemorySegment pointer() {
        if (release.done) {
            throw new IllegalStateException("this PyObject was closed");
        }
        return ptr;
    }

    /**
     * The pointer with a reference of the operation's own, released with {@link #unhold}: another
     * thread's {@link #close()} cannot free the object while Python code the operation runs has
     * released the GIL. Caller: attached (the GIL keeps a close from slipping in between the check
     * and the incref).
     */
    private MemorySegment hold() {
        MemorySegment p = pointer();
        Py_IncRef(p);
        return p;
    }

    private static void unhold(MemorySegment p) {
        Py_DecRef(p);
    }

    boolean isReleased() {
        return release.done;
    }

    /** Releases the reference (idempotent). */
    @Override
    public void close() {
        cleanable.clean();
    }

    private Attachment attach() {
        return interp.attach();
    }

    /** {@code getattr(self, name)}. */
    public PyObject getAttr(String name) {
        try (Attachment a = attach(); Arena arena = Arena.ofConfined()) {
            MemorySegment p = hold();
            try {
                return Ops.owned(interp, PyObject_GetAttrString(p, arena.allocateFrom(name)));
            } finally {
                unhold(p);
            }
        }
    }

    /** {@code hasattr(self, name)}. */
    public boolean hasAttr(String name) {
        try (Attachment a = attach(); Arena arena = Arena.ofConfined()) {
            MemorySegment p = hold();
            try {
                return PyObject_HasAttrString(p, arena.allocateFrom(name)) == 1;
            } finally {
                unhold(p);
            }
        }
    }

    /** {@code setattr(self, name, value)}, converting {@code value} (see {@link Attachment#toPython}). */
    public void setAttr(String name, Object value) {
        try (Attachment a = attach(); Arena arena = Arena.ofConfined()) {
            MemorySegment v = Conversions.toPython(interp, value);
            try {
                MemorySegment p = hold();
                try {
                    Ops.check(interp, PyObject_SetAttrString(p, arena.allocateFrom(name), v));
                } finally {
                    unhold(p);
                }
            } finally {
                Py_DecRef(v);
            }
        }
    }

    /** {@code self(*args)}, converting each argument. */
    public PyObject call(Object... args) {
        try (Attachment a = attach()) {
            MemorySegment p = hold();
            try {
                return Ops.call(interp, p, args, null);
            } finally {
                unhold(p);
            }
        }
    }

    /** {@code self(*args, **kwargs)}. */
    public PyObject callKw(List<?> args, Map<String, ?> kwargs) {
        try (Attachment a = attach()) {
            MemorySegment p = hold();
            try {
                return Ops.call(interp, p, args.toArray(), kwargs);
            } finally {
                unhold(p);
            }
        }
    }

    /** {@code self.name(*args)}. */
    public PyObject callMethod(String name, Object... args) {
        try (Attachment a = attach(); PyObject m = getAttr(name)) {
            return Ops.call(interp, m.pointer(), args, null);
        }
    }

    /** {@code self[key]}. */
    public PyObject getItem(Object key) {
        try (Attachment a = attach()) {
            MemorySegment k = Conversions.toPython(interp, key);
            try {
                MemorySegment p = hold();
                try {
                    return Ops.owned(interp, PyObject_GetItem(p, k));
                } finally {
                    unhold(p);
                }
            } finally {
                Py_DecRef(k);
            }
        }
    }

    /** {@code self[key] = value}. */
    public void setItem(Object key, Object value) {
        try (Attachment a = attach()) {
            MemorySegment k = Conversions.toPython(interp, key);
            MemorySegment v = MemorySegment.NULL;
            try {
                v = Conversions.toPython(interp, value);
                MemorySegment p = hold();
                try {
                    Ops.check(interp, PyObject_SetItem(p, k, v));
                } finally {
                    unhold(p);
                }
            } finally {
                Py_DecRef(k);
                if (!v.equals(MemorySegment.NULL)) {
                    Py_DecRef(v);
                }
            }
        }
    }

    /** {@code del self[key]}. */
    public void delItem(Object key) {
        try (Attachment a = attach()) {
            MemorySegment k = Conversions.toPython(interp, key);
            try {
                MemorySegment p = hold();
                try {
                    Ops.check(interp, PyObject_DelItem(p, k));
                } finally {
                    unhold(p);
                }
            } finally {
                Py_DecRef(k);
            }
        }
    }

    /** {@code len(self)}. */
    public long len() {
        try (Attachment a = attach()) {
            MemorySegment p = hold();
            long n;
            try {
                n = PyObject_Size(p);
            } finally {
                unhold(p);
            }
            if (n < 0) {
                throw Errors.fetch(interp);
            }
            return n;
        }
    }

    /** The items of an iterable, as owned references. */
    public List<PyObject> items() {
        try (Attachment a = attach()) {
            MemorySegment p = hold();
            MemorySegment it;
            try {
                it = PyObject_GetIter(p); // the iterator holds its own reference
            } finally {
                unhold(p);
            }
            if (it.equals(MemorySegment.NULL)) {
                throw Errors.fetch(interp);
            }
            try {
                List<PyObject> out = new ArrayList<>();
                while (true) {
                    MemorySegment next = PyIter_Next(it);
                    if (next.equals(MemorySegment.NULL)) {
                        if (!dev.easel.pybridge.ffi.pyerrors_h.PyErr_Occurred().equals(MemorySegment.NULL)) {
                            out.forEach(PyObject::close);
                            throw Errors.fetch(interp);
                        }
                        return out;
                    }
                    out.add(new PyObject(interp, next));
                }
            } finally {
                Py_DecRef(it);
            }
        }
    }

    /** {@code repr(self)}. */
    public String repr() {
        try (Attachment a = attach()) {
            MemorySegment p = hold();
            try (PyObject r = Ops.owned(interp, PyObject_Repr(p))) {
                return Conversions.strOf(r.pointer());
            } finally {
                unhold(p);
            }
        }
    }

    /** {@code str(self)}. */
    public String str() {
        try (Attachment a = attach()) {
            MemorySegment p = hold();
            try (PyObject r = Ops.owned(interp, PyObject_Str(p))) {
                return Conversions.strOf(r.pointer());
            } finally {
                unhold(p);
            }
        }
    }

    /** The qualified name of {@code type(self)}, e.g. {@code "int"}, {@code "collections.OrderedDict"}. */
    public String typeName() {
        try (Attachment a = attach(); PyObject t = Ops.owned(interp, PyObject_Type(pointer()));
             PyObject m = t.getAttr("__module__"); PyObject q = t.getAttr("__qualname__")) {
            String module = Conversions.strOf(m.pointer());
            String qual = Conversions.strOf(q.pointer());
            return "builtins".equals(module) ? qual : module + "." + qual;
        }
    }

    /** {@code self is None}. */
    public boolean isNone() {
        return pointer().equals(dev.easel.pybridge.ffi.constants_h.Py_None());
    }

    /** {@code bool(self)}. */
    public boolean isTrue() {
        try (Attachment a = attach()) {
            MemorySegment p = hold();
            int r;
            try {
                r = PyObject_IsTrue(p);
            } finally {
                unhold(p);
            }
            if (r < 0) {
                throw Errors.fetch(interp);
            }
            return r == 1;
        }
    }

    /** Whether {@code callable(self)}. */
    public boolean isCallable() {
        try (Attachment a = attach()) {
            return PyCallable_Check(pointer()) == 1;
        }
    }

    /** Converts to Java as described in {@link Conversions}: null, Boolean, Long/BigInteger, Double, String, byte[], List, Map, or a new PyObject. */
    public Object toJava() {
        try (Attachment a = attach()) {
            MemorySegment p = hold();
            try {
                return Conversions.toJava(interp, p);
            } finally {
                unhold(p);
            }
        }
    }

    /** {@code operator.index(self)} as a long. */
    public long toLong() {
        Object v = toJava();
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof PyObject p) {
            p.close();
        }
        throw new ClassCastException("not an int that fits a long: " + repr());
    }

    /** {@code float(self)}. */
    public double toDouble() {
        try (Attachment a = attach()) {
            MemorySegment p = hold();
            double d;
            try {
                d = dev.easel.pybridge.ffi.floatobject_h.PyFloat_AsDouble(p);
            } finally {
                unhold(p);
            }
            if (d == -1.0 && !dev.easel.pybridge.ffi.pyerrors_h.PyErr_Occurred().equals(MemorySegment.NULL)) {
                throw Errors.fetch(interp);
            }
            return d;
        }
    }

    /** The text of a str, or {@code str(self)} for anything else. */
    public String toStringValue() {
        Object v = toJava();
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof PyObject p) {
            p.close();
        }
        return str();
    }

    /** Another owned reference to the same object. */
    public PyObject newReference() {
        try (Attachment a = attach()) {
            Py_IncRef(pointer());
            return new PyObject(interp, ptr);
        }
    }

    @Override
    public String toString() {
        if (release.done) {
            return "PyObject[closed]";
        }
        if (interp.isClosed()) {
            return "PyObject[interpreter closed]";
        }
        try {
            return "PyObject[" + repr() + "]";
        } catch (RuntimeException e) {
            return "PyObject[" + e.getClass().getSimpleName() + "]";
        }
    }

    static MemorySegment args(Arena arena, MemorySegment... ptrs) {
        MemorySegment a = arena.allocate(ADDRESS, Math.max(1, ptrs.length));
        for (int i = 0; i < ptrs.length; i++) {
            a.setAtIndex(ADDRESS, i, ptrs[i]);
        }
        return a;
    }
}
