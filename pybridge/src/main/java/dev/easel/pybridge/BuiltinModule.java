package dev.easel.pybridge;

import dev.easel.pybridge.ffi.CPython;
import dev.easel.pybridge.ffi.PyMethodDef;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static dev.easel.pybridge.ffi.constants_h.Py_MOD_GIL_NOT_USED;
import static dev.easel.pybridge.ffi.dictobject_h.PyDict_SetItemString;
import static dev.easel.pybridge.ffi.import_h.PyImport_GetModuleDict;
import static dev.easel.pybridge.ffi.moduleobject_h.*;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A module of built-in functions implemented in Java, declared once and installed in any number
 * of interpreters.
 *
 * <pre>{@code
 * BuiltinModule m = BuiltinModule.builder("_demo")
 *     .function("add", "(a, b)", "Adds two numbers.", args -> args.expect(2).doubleAt(0) + args.doubleAt(1))
 *     .build();
 * try (var py = interp.attach()) { m.install(py); }
 * // Python: import _demo; _demo.add(1, 2) == 3.0
 * }</pre>
 *
 * <p>Each function is a {@code METH_FASTCALL | METH_KEYWORDS} upcall: arguments are read in place,
 * no tuple or dict is built. Parameters named in the signature may also be passed by keyword
 * ({@link Arguments} binds them to their positions). Every call goes through one trampoline that catches everything: a Java exception becomes
 * a Python exception and nothing escapes into C (an exception escaping an upcall would abort the
 * JVM). On a free-threaded build the module declares that it does not need the GIL.
 */
public final class BuiltinModule {
    private static final MethodHandle TRAMPOLINE;
    /**
     * {@code METH_FASTCALL | METH_KEYWORDS}: {@code (self, args, nargs, kwnames)}. The pointers are
     * taken and returned as plain addresses (JAVA_LONG: the same registers on every 64-bit ABI),
     * so that the upcall makes no {@code MemorySegment} per call.
     */
    private static final FunctionDescriptor FASTCALL = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG);

    static {
        try {
            TRAMPOLINE = MethodHandles.lookup().findStatic(BuiltinModule.class, "trampoline",
                    MethodType.methodType(long.class, Entry.class, long.class, long.class, long.class, long.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * One function: its name, parameter names (for messages), which of them may be passed by
     * keyword (null where not: after {@code *}, before {@code /}), documentation and body.
     */
    record Entry(String name, String[] params, String[] keywords, String doc, BuiltinFunction body) {}

    private final String name;
    private final String doc;
    private final List<Entry> entries;
    private volatile MemorySegment defs; // made on first install, when libpython is loaded

    private BuiltinModule(String name, String doc, List<Entry> entries) {
        this.name = name;
        this.doc = doc;
        this.entries = List.copyOf(entries);
    }

    /** Starts declaring a module named {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The module's name. */
    public String name() {
        return name;
    }

    /** The names of its functions. */
    public List<String> functionNames() {
        return entries.stream().map(Entry::name).toList();
    }

    /** Declares a {@link BuiltinModule}. */
    public static final class Builder {
        private final String name;
        private String doc = "";
        private final List<Entry> entries = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name);
        }

        /** The module's docstring. */
        public Builder doc(String doc) {
            this.doc = doc;
            return this;
        }

        /**
         * Adds a function.
         *
         * @param name      its Python name
         * @param signature its parameters as Python shows them, e.g. {@code "(x, y, w, h)"}; becomes
         *                  {@code __text_signature__}, and the names appear in argument errors
         * @param doc       its docstring
         * @param body      the Java code
         */
        public Builder function(String name, String signature, String doc, BuiltinFunction body) {
            entries.add(new Entry(name, paramNames(signature), keywordNames(signature),
                    docWithSignature(name, signature, doc), body));
            return this;
        }

        /** Adds a function without a declared signature. */
        public Builder function(String name, BuiltinFunction body) {
            entries.add(new Entry(name, new String[0], new String[0], null, body));
            return this;
        }

        /** The module. */
        public BuiltinModule build() {
            return new BuiltinModule(name, doc, entries);
        }
    }

    static String[] paramNames(String signature) {
        if (signature == null || signature.isBlank()) {
            return new String[0];
        }
        String inner = signature.strip();
        if (inner.startsWith("(") && inner.endsWith(")")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return Arrays.stream(inner.split(","))
                .map(String::strip)
                .map(p -> p.replaceFirst("^\\*+", "").replaceFirst("[=:].*$", "").strip())
                .filter(p -> !p.isEmpty() && !p.equals("/") && !p.equals("$module") && !p.equals("$self"))
                .toArray(String[]::new);
    }

    /**
     * The parameters of {@code signature} in order, each its name when it may be passed by keyword
     * and null when not (positional-only before {@code /}, a {@code *args} and what follows it).
     */
    static String[] keywordNames(String signature) {
        String[] names = paramNames(signature);
        if (signature == null || signature.isBlank()) {
            return names;
        }
        String inner = signature.strip();
        if (inner.startsWith("(") && inner.endsWith(")")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        List<String> raw = Arrays.stream(inner.split(",")).map(String::strip)
                .filter(p -> !p.isEmpty() && !p.equals("$module") && !p.equals("$self")).toList();
        int slash = raw.indexOf("/");
        int i = 0;
        boolean starred = false;
        for (int k = 0; k < raw.size() && i < names.length; k++) {
            String p = raw.get(k);
            if (p.equals("/") || p.equals("*")) {
                starred |= p.equals("*");
                continue;
            }
            starred |= p.startsWith("*");
            if (starred || k < slash) {
                names[i] = null;
            }
            i++;
        }
        return names;
    }

    private static String docWithSignature(String name, String signature, String doc) {
        String d = doc == null ? "" : doc;
        if (signature == null || signature.isBlank()) {
            return d;
        }
        // CPython reads "name(sig)\n--\n\n" at the start of a docstring as __text_signature__.
        String sig = signature.strip();
        String withModule = sig.equals("()") ? "($module)" : "($module, " + sig.substring(1);
        return name + withModule + "\n--\n\n" + d;
    }

    private MemorySegment defs() {
        MemorySegment d = defs;
        if (d == null) {
            synchronized (this) {
                d = defs;
                if (d == null) {
                    // Lives as long as the process: modules in any interpreter point at it.
                    LastResort.init();
                    Arena arena = Arena.global();
                    d = arena.allocate(PyMethodDef.LAYOUT, entries.size() + 1L);
                    for (int i = 0; i < entries.size(); i++) {
                        Entry e = entries.get(i);
                        MemorySegment stub = CPython.upcall(MethodHandles.insertArguments(TRAMPOLINE, 0, e),
                                FASTCALL, arena);
                        PyMethodDef.set(d, i, arena.allocateFrom(e.name()), stub,
                                PyMethodDef.METH_FASTCALL | PyMethodDef.METH_KEYWORDS,
                                e.doc() == null || e.doc().isEmpty() ? MemorySegment.NULL : arena.allocateFrom(e.doc()));
                    }
                    defs = d;
                }
            }
        }
        return d;
    }

    /** Creates the module in the attached interpreter, registers it in {@code sys.modules}, and returns it. */
    public PyObject install(Attachment py) {
        py.checkOpenHere();
        Interpreter interp = py.interpreter();
        MemorySegment methodDefs = defs();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment m = PyModule_New(a.allocateFrom(name));
            PyObject module = Ops.owned(interp, m);
            if (PyModule_AddFunctions(m, methodDefs) < 0) {
                module.close();
                throw Errors.fetch(interp);
            }
            if (has_PyUnstable_Module_SetGIL()) {
                PyUnstable_Module_SetGIL(m, Py_MOD_GIL_NOT_USED);
            }
            if (!doc.isEmpty()) {
                module.setAttr("__doc__", doc);
            }
            Ops.check(interp, PyDict_SetItemString(PyImport_GetModuleDict(), a.allocateFrom(name), m));
            return module;
        }
    }

    /** {@link #install(Attachment)}, attaching as needed. */
    public PyObject install(Interpreter interp) {
        try (Attachment a = interp.attach()) {
            return install(a);
        }
    }

    /**
     * The one boundary between Python's C calls and Java code: nothing may escape it (an exception
     * escaping an upcall aborts the JVM). The interpreter is the one of the calling thread state
     * (Python may run another interpreter's code on an attached thread: {@code _interpreters.exec}).
     * Nesting is counted per thread and limited to what its stack holds ({@link PythonThreads}).
     * What runs after a {@link StackOverflowError} allocates nothing. Neither does a positional
     * call returning None on its warm path: pointers stay addresses, the {@link Arguments} are the
     * thread's for this depth (garbage per call made the cost of a call bimodal, see docs/pybridge.md).
     */
    @SuppressWarnings("unused")
    private static long trampoline(Entry e, long self, long args, long nargs, long kwnames) {
        PythonRuntime rt = PythonRuntime.instance();
        if (rt == null) {
            return 0; // cannot happen: Python runs only inside a runtime
        }
        ThreadSlot slot = null;
        boolean counted = false, assumed = false;
        Interpreter prev = null;
        MemorySegment prevTs = null;
        int prevDepth = 0;
        boolean prevAssumed = false;
        Interpreter interp = null;
        try {
            slot = rt.slot();
            if (slot.upcallDepth >= slot.upcallLimit) {
                return LastResort.raise(LastResort.DEPTH).address();
            }
            slot.upcallDepth++;
            counted = true;
            prev = slot.current;
            prevTs = slot.currentTstate;
            prevDepth = slot.depth;
            prevAssumed = slot.assumed;
            assumed = rt.enterUpcall(slot, Ops.currentThreadState());
            interp = slot.current;
            if (!interp.pendingDecrefs.isEmpty()) {
                Ops.drainPendingDecrefs(interp);
            }
            int at = slot.upcallDepth - 1;
            Arguments arguments = slot.argumentsAt(at);
            arguments.begin(interp, e, args, (int) nargs, kwnames, at == 0 ? null : slot.argumentsAt(at - 1));
            Object result;
            try {
                result = e.body().call(arguments);
            } finally {
                arguments.end(); // the caller's frame, where they live, is not ours after the call
            }
            return result == null ? Conversions.newNone().address() : Conversions.toPython(interp, result).address();
        } catch (StackOverflowError soe) {
            return LastResort.raise(LastResort.STACK).address();
        } catch (Throwable t) {
            try {
                Errors.raise(interp, t);
            } catch (Throwable again) {
                return LastResort.raise(LastResort.STACK).address();
            }
            return 0;
        } finally {
            if (assumed) {
                rt.leaveUpcall(slot, prev, prevTs, prevDepth, prevAssumed);
            }
            if (counted) {
                slot.upcallDepth--;
            }
        }
    }

    /**
     * Raising without allocating in Java: the exception type and messages are looked up once,
     * before any upcall (see {@link #defs()}). If even that fails, NULL without an exception set
     * (Python reports a {@code SystemError}): anything but an exception escaping into C.
     */
    static final class LastResort {
        static final MemorySegment RECURSION_ERROR = dev.easel.pybridge.ffi.constants_h.PyExc("RecursionError");
        static final MemorySegment DEPTH = Arena.global().allocateFrom(
                "maximum recursion depth exceeded in calls between Python and Java built-ins");
        static final MemorySegment STACK = Arena.global().allocateFrom(
                "maximum recursion depth exceeded: the Java stack overflowed in a Java built-in");

        /** Its own handle: a holder class first initialised during a stack overflow would stay broken. */
        static final MethodHandle SET_STRING = CPython.downcall("PyErr_SetString",
                FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));

        static MemorySegment raise(MemorySegment message) {
            try {
                SET_STRING.invokeExact(RECURSION_ERROR, message);
            } catch (Throwable ignored) {
                // NULL without an exception: still no crash.
            }
            return MemorySegment.NULL;
        }

        static void init() {
            // Class initialisation, done here rather than in the first upcall that overflows.
        }
    }
}
