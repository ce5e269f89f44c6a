package dev.easel.pybridge;

import dev.easel.pybridge.ffi.CPython;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import static dev.easel.pybridge.ffi.constants_h.PyExc;
import static dev.easel.pybridge.ffi.object_h.*;
import static dev.easel.pybridge.ffi.pyerrors_h.*;
import static dev.easel.pybridge.ffi.unicodeobject_h.PyUnicode_FromStringAndSize;
import static java.lang.foreign.ValueLayout.ADDRESS;

/**
 * Errors across the boundary, both ways, in one place: the Python error indicator becomes a Java
 * exception ({@link #fetch}); a Java exception becomes the Python error indicator ({@link #raise}).
 * Callers must be attached.
 */
final class Errors {
    private Errors() {}

    private static final MemorySegment NULL = MemorySegment.NULL;

    /** Takes the current Python error (clearing it) as a Java exception. */
    static RuntimeException fetch(Interpreter interp) {
        MemorySegment exc = takeRaised();
        if (exc.equals(NULL)) {
            return new PythonException("SystemError", "a C API call failed without setting an exception", "", null);
        }
        String type = typeName(exc);
        String message = strOrFallback(exc);
        PythonException pe;
        if (interp.runtime().slot().upcallDepth > 0) {
            // Inside a built-in the error mostly goes straight back into Python: formatted only if
            // asked for, or an error unwinding N nested calls costs O(N^2) (minutes at N = 1000).
            MemorySegment tb = PyException_GetTraceback(exc);
            pe = new PythonException(type, message, null, new PyObject(interp, exc),
                    tb.equals(NULL) ? null : new PyObject(interp, tb));
        } else {
            pe = new PythonException(type, message, formatTraceback(interp, exc, NULL), new PyObject(interp, exc));
        }
        PythonRuntime rt = interp.runtime();
        if (type.equals("SystemExit") && (rt.isClosing() || interp.closing)) {
            return new PythonClosedException("Python code was stopped: " + (rt.isClosing()
                    ? "the Python runtime is shutting down" : interp + " is closing"), pe);
        }
        return pe;
    }

    /** The raised exception object (new reference), normalized, with its traceback; NULL if none. */
    private static MemorySegment takeRaised() {
        if (has_PyErr_GetRaisedException()) {
            return PyErr_GetRaisedException();
        }
        // 3.11: the (type, value, traceback) triple.
        try (Arena a = Arena.ofConfined()) {
            MemorySegment pt = a.allocate(ADDRESS), pv = a.allocate(ADDRESS), ptb = a.allocate(ADDRESS);
            PyErr_Fetch(pt, pv, ptb);
            if (pt.get(ADDRESS, 0).equals(NULL)) {
                return NULL;
            }
            PyErr_NormalizeException(pt, pv, ptb);
            MemorySegment t = pt.get(ADDRESS, 0), v = pv.get(ADDRESS, 0), tb = ptb.get(ADDRESS, 0);
            if (!tb.equals(NULL) && !v.equals(NULL)) {
                PyException_SetTraceback(v, tb);
            }
            if (!tb.equals(NULL)) {
                Py_DecRef(tb);
            }
            if (v.equals(NULL)) {
                return t; // cannot happen after normalizing; keep the type rather than lose the error
            }
            Py_DecRef(t);
            return v;
        }
    }

    private static String typeName(MemorySegment exc) {
        MemorySegment type = PyObject_Type(exc);
        try {
            String qual = stringAttr(type, "__qualname__");
            String module = stringAttr(type, "__module__");
            if (qual == null) {
                qual = "<unknown exception>";
            }
            return module == null || module.equals("builtins") ? qual : module + "." + qual;
        } finally {
            Py_DecRef(type);
        }
    }

    private static String stringAttr(MemorySegment o, String name) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = PyObject_GetAttrString(o, a.allocateFrom(name));
            if (v.equals(NULL)) {
                PyErr_Clear();
                return null;
            }
            try {
                return Conversions.strOf(v);
            } finally {
                Py_DecRef(v);
            }
        }
    }

    private static String strOrFallback(MemorySegment exc) {
        MemorySegment s = PyObject_Str(exc);
        if (s.equals(NULL)) {
            PyErr_Clear();
            return "<exception str() failed>";
        }
        try {
            String r = Conversions.strOf(s);
            return r == null ? "" : r;
        } finally {
            Py_DecRef(s);
        }
    }

    /**
     * Looks {@code traceback.format_exception} up now, when an interpreter starts (attached caller),
     * so that reporting an error never imports: an error is often reported while shutdown raises
     * {@code SystemExit} in the thread, and an import interrupted that way can leave an import lock
     * held, hanging every later import of that module.
     */
    static void prepare(Interpreter interp) {
        formatExceptionFunction(interp);
        // format_exception itself imports these lazily (carets, wide characters, suggestions, source
        // lines): imported now, none is left for a report made while SystemExit is being raised.
        try (Arena a = Arena.ofConfined()) {
            for (String m : LAZY_TRACEBACK_IMPORTS) {
                MemorySegment mod = dev.easel.pybridge.ffi.import_h.PyImport_ImportModule(a.allocateFrom(m));
                if (mod.equals(NULL)) {
                    PyErr_Clear(); // absent in this version
                } else {
                    Py_DecRef(mod);
                }
            }
        }
    }

    /** The modules {@code traceback} and {@code linecache} import inside functions, 3.11 to 3.14. */
    private static final java.util.List<String> LAZY_TRACEBACK_IMPORTS =
            java.util.List.of("ast", "unicodedata", "tokenize", "_suggestions", "difflib");

    /** {@code traceback.format_exception} of {@code interp} (cached), or NULL. */
    private static MemorySegment formatExceptionFunction(Interpreter interp) {
        MemorySegment fmt = interp.cache.formatException;
        if (fmt == null) {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment mod = dev.easel.pybridge.ffi.import_h.PyImport_ImportModule(a.allocateFrom("traceback"));
                if (mod.equals(NULL)) {
                    PyErr_Clear();
                    return NULL;
                }
                fmt = PyObject_GetAttrString(mod, a.allocateFrom("format_exception"));
                Py_DecRef(mod);
                if (fmt.equals(NULL)) {
                    PyErr_Clear();
                    return NULL;
                }
                interp.cache.formatException = fmt;
            }
        }
        return fmt;
    }

    /**
     * The traceback of {@code exc} as it was when fetched (its traceback then: {@code tb}), for a
     * {@link PythonException} fetched inside a built-in; empty when Python cannot be attached now.
     */
    static String formatLater(PyObject exc, PyObject tb) {
        Interpreter interp = exc.interpreter();
        try (Attachment a = interp.attach()) {
            return formatTraceback(interp, exc.pointer(), tb == null ? NULL : tb.pointer());
        } catch (RuntimeException notNow) {
            return "";
        }
    }

    /** {@code traceback.format_exception(exc)}, or {@code (type(exc), exc, tb)} when {@code tb} is not NULL. */
    private static String formatTraceback(Interpreter interp, MemorySegment exc, MemorySegment tb) {
        MemorySegment fmt = formatExceptionFunction(interp);
        if (fmt.equals(NULL)) {
            return "";
        }
        MemorySegment type = NULL;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment argv = a.allocate(ADDRESS, 3);
            long nargs = 1;
            argv.set(ADDRESS, 0, exc);
            if (!tb.equals(NULL)) {
                // The traceback it had then: Python adds frames to exc's own as it propagates further.
                type = PyObject_Type(exc);
                argv.setAtIndex(ADDRESS, 0, type);
                argv.setAtIndex(ADDRESS, 1, exc);
                argv.setAtIndex(ADDRESS, 2, tb);
                nargs = 3;
            }
            MemorySegment lines = PyObject_Vectorcall(fmt, argv, nargs, NULL);
            if (lines.equals(NULL)) {
                PyErr_Clear();
                return "";
            }
            try {
                Object list = Conversions.toJava(interp, lines);
                StringBuilder sb = new StringBuilder();
                if (list instanceof java.util.List<?> l) {
                    for (Object line : l) {
                        sb.append(line);
                    }
                }
                return sb.toString();
            } finally {
                Py_DecRef(lines);
            }
        } finally {
            if (!type.equals(NULL)) {
                Py_DecRef(type);
            }
        }
    }

    /**
     * Sets the Python error indicator from a Java throwable. Never throws: it runs at the upcall
     * boundary, where a Java exception would abort the JVM.
     */
    static void raise(Interpreter interp, Throwable t) {
        try {
            if (t instanceof PythonException pe && pe.original() != null && pe.original().interpreter() == interp
                    && !pe.original().isReleased()) {
                MemorySegment exc = pe.original().pointer();
                Py_IncRef(exc);
                restore(exc);
                return;
            }
            String type;
            String message;
            switch (t) {
                case PythonException pe -> {
                    type = pe.pythonType();
                    message = pe.pythonMessage();
                }
                case PythonClosedException pc -> {
                    type = "SystemExit";
                    message = pc.getMessage();
                }
                case IllegalArgumentException iae -> {
                    type = "ValueError";
                    message = String.valueOf(iae.getMessage());
                }
                case IndexOutOfBoundsException ioe -> {
                    type = "IndexError";
                    message = String.valueOf(ioe.getMessage());
                }
                case UnsupportedOperationException uoe -> {
                    type = "NotImplementedError";
                    message = String.valueOf(uoe.getMessage());
                }
                case OutOfMemoryError oom -> {
                    type = "MemoryError";
                    message = "Java: " + oom.getMessage();
                }
                case StackOverflowError soe -> {
                    type = "RecursionError";
                    message = "Java stack overflow";
                }
                case InterruptedException ie -> {
                    type = "KeyboardInterrupt";
                    message = "interrupted";
                }
                default -> {
                    type = "RuntimeError";
                    message = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
                }
            }
            MemorySegment excType = CPython.find("PyExc_" + type).isPresent() ? PyExc(type) : PyExc("RuntimeError");
            byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
            try (Arena a = Arena.ofConfined()) {
                MemorySegment buf = a.allocate(utf8.length + 1L);
                MemorySegment.copy(utf8, 0, buf, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, utf8.length);
                MemorySegment msg = PyUnicode_FromStringAndSize(buf, utf8.length);
                if (msg.equals(NULL)) {
                    return; // the decode error is set: better than nothing
                }
                PyErr_SetObject(excType, msg);
                Py_DecRef(msg);
            }
        } catch (Throwable last) {
            try (Arena a = Arena.ofConfined()) {
                PyErr_SetString(PyExc("RuntimeError"), a.allocateFrom("Java error while raising an error"));
            } catch (Throwable ignored) {
                // Nothing else can be done at the boundary.
            }
        }
    }

    private static void restore(MemorySegment exc) {
        if (has_PyErr_SetRaisedException()) {
            PyErr_SetRaisedException(exc);
        } else {
            MemorySegment type = PyObject_Type(exc);
            MemorySegment tb = PyException_GetTraceback(exc);
            PyErr_Restore(type, exc, tb); // steals all three
        }
    }
}
