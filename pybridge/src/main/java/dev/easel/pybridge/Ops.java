package dev.easel.pybridge;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.easel.pybridge.ffi.ceval_h.PyEval_GetBuiltins;
import static dev.easel.pybridge.ffi.constants_h.*;
import static dev.easel.pybridge.ffi.dictobject_h.*;
import static dev.easel.pybridge.ffi.import_h.PyImport_ImportModule;
import static dev.easel.pybridge.ffi.object_h.*;
import static dev.easel.pybridge.ffi.pystate_h.PyThreadState_Get_raw;
import static dev.easel.pybridge.ffi.pythonrun_h.*;
import static dev.easel.pybridge.ffi.sysmodule_h.PySys_SetObject;
import static dev.easel.pybridge.ffi.tupleobject_h.*;
import static java.lang.foreign.ValueLayout.ADDRESS;

/** The operations behind the safe API, for callers already attached (the "unchecked" variants). */
final class Ops {
    private Ops() {}

    private static final MemorySegment NULL = MemorySegment.NULL;

    /** A new reference as a {@link PyObject}, or the pending Python error as an exception. */
    static PyObject owned(Interpreter interp, MemorySegment newRef) {
        if (newRef.equals(NULL)) {
            throw Errors.fetch(interp);
        }
        return new PyObject(interp, newRef);
    }

    /** Throws the pending Python error when a C call returned a negative status. */
    static void check(Interpreter interp, int status) {
        if (status < 0) {
            throw Errors.fetch(interp);
        }
    }

    static PyObject importModule(Interpreter interp, String name) {
        try (Arena a = Arena.ofConfined()) {
            return owned(interp, PyImport_ImportModule(a.allocateFrom(name)));
        }
    }

    static PyObject newGlobals(Interpreter interp) {
        MemorySegment d = PyDict_New();
        if (d.equals(NULL)) {
            throw Errors.fetch(interp);
        }
        PyObject g = new PyObject(interp, d);
        try (Arena a = Arena.ofConfined()) {
            check(interp, PyDict_SetItemString(d, a.allocateFrom("__builtins__"), PyEval_GetBuiltins()));
            MemorySegment name = Conversions.fromString("__easel__");
            check(interp, PyDict_SetItemString(d, a.allocateFrom("__name__"), name));
            Py_DecRef(name);
        }
        return g;
    }

    /** Compiles and runs {@code code} ({@code eval}: an expression, returning its value; else statements). */
    static PyObject run(Interpreter interp, String code, PyObject globals, String filename, boolean eval) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment compiled = Py_CompileString(a.allocateFrom(code), a.allocateFrom(filename),
                    eval ? Py_eval_input : Py_file_input);
            if (compiled.equals(NULL)) {
                throw Errors.fetch(interp);
            }
            try {
                MemorySegment g = globals.pointer();
                return owned(interp, PyEval_EvalCode(compiled, g, g));
            } finally {
                Py_DecRef(compiled);
            }
        }
    }

    /** {@code callable(*args, **kwargs)}: converts the arguments, calls through vectorcall. */
    static PyObject call(Interpreter interp, MemorySegment callable, Object[] args, Map<String, ?> kwargs) {
        int nk = kwargs == null ? 0 : kwargs.size();
        int n = args.length;
        MemorySegment[] refs = new MemorySegment[n + nk];
        MemorySegment kwnames = NULL;
        try (Arena a = Arena.ofConfined()) {
            for (int i = 0; i < n; i++) {
                refs[i] = Conversions.toPython(interp, args[i]);
            }
            if (nk > 0) {
                List<Object> names = new ArrayList<>(nk);
                int j = n;
                for (Map.Entry<String, ?> e : kwargs.entrySet()) {
                    names.add(e.getKey());
                    refs[j++] = Conversions.toPython(interp, e.getValue());
                }
                kwnames = Conversions.toPython(interp, names.toArray());
            }
            MemorySegment argv = a.allocate(ADDRESS, Math.max(1, refs.length));
            for (int i = 0; i < refs.length; i++) {
                argv.setAtIndex(ADDRESS, i, refs[i]);
            }
            return owned(interp, PyObject_Vectorcall(callable, argv, n, kwnames));
        } finally {
            for (MemorySegment r : refs) {
                if (r != null) {
                    Py_DecRef(r);
                }
            }
            if (!kwnames.equals(NULL)) {
                Py_DecRef(kwnames);
            }
        }
    }

    static void drainPendingDecrefs(Interpreter interp) {
        MemorySegment p;
        while ((p = interp.pendingDecrefs.poll()) != null) {
            Py_DecRef(p);
        }
    }

    /** The address of the calling thread's current thread state (no segment made: upcalls ask at every call). */
    static long currentThreadState() {
        return PyThreadState_Get_raw();
    }

    /**
     * What each new interpreter needs once it runs: {@code sys.executable} pointing at the chosen
     * Python (an embedded CPython would guess from the JVM's argv), an {@code argv}.
     */
    static void afterStart(PythonInstallation installation) {
        try (Arena a = Arena.ofConfined()) {
            if (installation.executable().isPresent()) {
                MemorySegment exe = Conversions.fromString(installation.executable().get().toString());
                PySys_SetObject(a.allocateFrom("executable"), exe);
                if (VirtualEnvironment.of(installation).isEmpty()) {
                    // A venv's base executable is the base Python's, which CPython found in pyvenv.cfg.
                    PySys_SetObject(a.allocateFrom("_base_executable"), exe);
                }
                Py_DecRef(exe);
            }
            MemorySegment empty = Conversions.fromString("");
            MemorySegment argv = dev.easel.pybridge.ffi.listobject_h.PyList_New(1);
            dev.easel.pybridge.ffi.listobject_h.PyList_SetItem(argv, 0, empty);
            PySys_SetObject(a.allocateFrom("argv"), argv);
            Py_DecRef(argv);
        }
    }

    private static final String JOIN_THREADS = """
            def _easel_alive():
                import sys
                threading = sys.modules.get("threading")
                if threading is None:
                    return []
                me = threading.current_thread()
                main = threading.main_thread()
                # Dummy threads are threads Python did not start (Java's): not joinable, and
                # not daemons in a sub-interpreter that disallows daemon threads.
                return [t for t in threading.enumerate()
                        if t is not me and t is not main and t.is_alive()
                        and not isinstance(t, threading._DummyThread)]
            def _easel_join(timeout):
                import time
                end = time.monotonic() + timeout
                for t in _easel_alive():
                    t.join(max(0.0, end - time.monotonic()))
                # Only started threads are asked to stop: SystemExit raised in a thread before it
                # sets its _started event leaves the thread that called start() waiting for ever.
                return [(t.ident, t.name, t.daemon, getattr(t, "_started", None) is None or t._started.is_set())
                        for t in _easel_alive()]
            """;

    /**
     * Stops the interpreter's {@code threading} threads before it ends: raises {@code SystemExit}
     * in each (again every 100 ms, for code that catches it once) and joins them for up to
     * {@code timeout}. Finalization would wait for the non-daemon ones without a bound; daemon ones
     * are asked too, so that none is still calling into Java when Python finalizes. Returns the
     * names of non-daemon threads still alive. Caller: attached to {@code interp}, and marked so in
     * its slot.
     */
    static List<String> joinPythonThreads(Interpreter interp, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (PyObject g = newGlobals(interp)) {
            run(interp, JOIN_THREADS, g, "<easel>", false).close();
            try (PyObject fn = g.getItem("_easel_join")) {
                double wait = 0; // the first round only lists them
                while (true) {
                    List<?> alive;
                    try (PyObject r = call(interp, fn.pointer(), new Object[]{wait}, null)) {
                        alive = (List<?>) Conversions.toJava(interp, r.pointer());
                    }
                    if (alive.isEmpty()) {
                        return List.of();
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        List<String> names = new ArrayList<>();
                        for (Object o : alive) {
                            List<?> t = (List<?>) o;
                            if (!Boolean.TRUE.equals(t.get(2))) {
                                names.add(String.valueOf(t.get(1)));
                            }
                        }
                        return names; // daemon threads left: finalization does not wait for them
                    }
                    MemorySegment exc = PyExc("SystemExit");
                    for (Object o : alive) {
                        Object ident = ((List<?>) o).get(0);
                        // An id that would reach another thread (3.11: a child being started
                        // carries its parent's) is asked next round.
                        if (ident instanceof Number n && Boolean.TRUE.equals(((List<?>) o).get(3))
                                && ThreadIds.reaches(interp, n.longValue(), null)) {
                            dev.easel.pybridge.ffi.pystate_h.PyThreadState_SetAsyncExc(n.longValue(), exc);
                        }
                    }
                    wait = Math.min(0.1, left / 1e9);
                }
            }
        } catch (RuntimeException e) {
            dev.easel.pybridge.ffi.pyerrors_h.PyErr_Clear();
            // Not "none": finalizing with threads unaccounted for could wait for them forever.
            return List.of("Python threads could not be joined: " + e);
        }
    }
}
