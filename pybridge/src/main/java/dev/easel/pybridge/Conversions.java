package dev.easel.pybridge;

import dev.easel.pybridge.ffi.ObjectHeader;

import dev.easel.pybridge.ffi.CPython;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.easel.pybridge.ffi.boolobject_h.PyBool_FromLong;
import static dev.easel.pybridge.ffi.bytesobject_h.*;
import static dev.easel.pybridge.ffi.constants_h.Py_None;
import static dev.easel.pybridge.ffi.dictobject_h.*;
import static dev.easel.pybridge.ffi.floatobject_h.*;
import static dev.easel.pybridge.ffi.listobject_h.*;
import static dev.easel.pybridge.ffi.longobject_h.*;
import static dev.easel.pybridge.ffi.object_h.*;
import static dev.easel.pybridge.ffi.pyerrors_h.*;
import static dev.easel.pybridge.ffi.tupleobject_h.*;
import static dev.easel.pybridge.ffi.unicodeobject_h.*;
import static java.lang.foreign.ValueLayout.*;

/**
 * Java values to Python objects and back. Callers are attached.
 *
 * <table>
 *   <caption>Conversions</caption>
 *   <tr><th>Java</th><th>Python</th><th>Java (back)</th></tr>
 *   <tr><td>null</td><td>None</td><td>null</td></tr>
 *   <tr><td>Boolean</td><td>bool</td><td>Boolean</td></tr>
 *   <tr><td>Byte, Short, Integer, Long, BigInteger</td><td>int</td><td>Long, or BigInteger when it does not fit</td></tr>
 *   <tr><td>Float, Double</td><td>float</td><td>Double</td></tr>
 *   <tr><td>String, Character</td><td>str</td><td>String</td></tr>
 *   <tr><td>byte[]</td><td>bytes</td><td>byte[] (bytes and bytearray)</td></tr>
 *   <tr><td>List, other Collection</td><td>list</td><td>ArrayList (list and its subclasses)</td></tr>
 *   <tr><td>Object[]</td><td>tuple</td><td>unmodifiable List (tuple and its subclasses: namedtuples)</td></tr>
 *   <tr><td>Map</td><td>dict</td><td>LinkedHashMap</td></tr>
 *   <tr><td>PyObject</td><td>the object itself</td><td>PyObject, for any other type</td></tr>
 * </table>
 */
final class Conversions {
    private Conversions() {}

    private static final MemorySegment NULL = MemorySegment.NULL;

    /** Static builtin types: one object per process, shared by every interpreter. */
    private static final class Types {
        static final long BOOL = CPython.data("PyBool_Type").address();
        static final long INT = CPython.data("PyLong_Type").address();
        static final long FLOAT = CPython.data("PyFloat_Type").address();
        static final long STR = CPython.data("PyUnicode_Type").address();
        static final long BYTES = CPython.data("PyBytes_Type").address();
        static final long BYTEARRAY = CPython.data("PyByteArray_Type").address();
        static final long LIST = CPython.data("PyList_Type").address();
        static final long TUPLE = CPython.data("PyTuple_Type").address();
        static final long DICT = CPython.data("PyDict_Type").address();
        static final MemorySegment INT_T = CPython.data("PyLong_Type");
        static final MemorySegment FLOAT_T = CPython.data("PyFloat_Type");
        static final MemorySegment STR_T = CPython.data("PyUnicode_Type");
        static final MemorySegment TUPLE_T = CPython.data("PyTuple_Type");
        static final MemorySegment LIST_T = CPython.data("PyList_Type");
    }

    /** The address of {@code type(o)} (no reference kept: builtin types are immortal statics). */
    static long typeAddress(MemorySegment o) {
        MemorySegment t = PyObject_Type(o);
        long a = t.address();
        Py_DecRef(t);
        return a;
    }

    /** A new reference to the Python form of {@code value}. */
    static MemorySegment toPython(Interpreter interp, Object value) {
        MemorySegment r = switch (value) {
            case null -> newNone();
            case PyObject p -> {
                if (p.interpreter() != interp) {
                    throw new IllegalArgumentException("a Python object of " + p.interpreter()
                            + " cannot be used in " + interp + ": objects do not cross interpreters");
                }
                yield incref(p.pointer());
            }
            case Boolean b -> PyBool_FromLong(b ? 1 : 0);
            case Integer i -> PyLong_FromLongLong(i);
            case Long l -> PyLong_FromLongLong(l);
            case Short s -> PyLong_FromLongLong(s);
            case Byte b -> PyLong_FromLongLong(b);
            case BigInteger big -> fromBigInteger(big);
            case Double d -> PyFloat_FromDouble(d);
            case Float f -> PyFloat_FromDouble(f);
            case String s -> fromString(s);
            case Character c -> fromString(c.toString());
            case byte[] bytes -> fromBytes(bytes);
            case Object[] array -> fromTuple(interp, Arrays.asList(array));
            case Collection<?> c -> fromList(interp, c);
            case Map<?, ?> m -> fromDict(interp, m);
            default -> throw new IllegalArgumentException("cannot convert a " + value.getClass().getName()
                    + " to Python");
        };
        if (r.equals(NULL)) {
            throw Errors.fetch(interp);
        }
        return r;
    }

    /** A new reference to None: the commonest result of a built-in, so without a downcall where possible. */
    static MemorySegment newNone() {
        MemorySegment none = Py_None();
        if (ObjectHeader.available()) {
            ObjectHeader.increfSingleton(none.address());
            return none;
        }
        return incref(none); // free-threaded: None is immortal there too, but Py_IncRef is the documented way
    }

    static MemorySegment incref(MemorySegment o) {
        Py_IncRef(o);
        return o;
    }

    private static MemorySegment fromBigInteger(BigInteger big) {
        if (big.bitLength() < 64) {
            return PyLong_FromLongLong(big.longValue());
        }
        try (Arena a = Arena.ofConfined()) {
            return PyLong_FromString(a.allocateFrom(big.toString(16)), NULL, 16);
        }
    }

    /** Java strings are UTF-16; a lone surrogate (invalid there too) becomes '?', as getBytes does. */
    static MemorySegment fromString(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(Math.max(1, utf8.length));
            MemorySegment.copy(utf8, 0, buf, JAVA_BYTE, 0, utf8.length);
            return PyUnicode_FromStringAndSize(buf, utf8.length);
        }
    }

    private static MemorySegment fromBytes(byte[] bytes) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(Math.max(1, bytes.length));
            MemorySegment.copy(bytes, 0, buf, JAVA_BYTE, 0, bytes.length);
            return PyBytes_FromStringAndSize(buf, bytes.length);
        }
    }

    private static MemorySegment fromList(Interpreter interp, Collection<?> c) {
        // One snapshot: size() and the iteration of a collection changed concurrently can disagree,
        // and a list left with NULL slots crashes whoever reads it.
        Object[] items = c.toArray();
        MemorySegment list = PyList_New(items.length);
        if (list.equals(NULL)) {
            return list;
        }
        int i = 0;
        for (Object o : items) {
            MemorySegment item;
            try {
                item = toPython(interp, o);
            } catch (RuntimeException e) {
                Py_DecRef(list);
                throw e;
            }
            PyList_SetItem(list, i++, item); // steals item
        }
        return list;
    }

    private static MemorySegment fromTuple(Interpreter interp, List<?> items) {
        MemorySegment t = PyTuple_New(items.size());
        if (t.equals(NULL)) {
            return t;
        }
        for (int i = 0; i < items.size(); i++) {
            MemorySegment item;
            try {
                item = toPython(interp, items.get(i));
            } catch (RuntimeException e) {
                Py_DecRef(t);
                throw e;
            }
            PyTuple_SetItem(t, i, item); // steals item
        }
        return t;
    }

    private static MemorySegment fromDict(Interpreter interp, Map<?, ?> m) {
        MemorySegment d = PyDict_New();
        if (d.equals(NULL)) {
            return d;
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            MemorySegment k = NULL, v = NULL;
            try {
                k = toPython(interp, e.getKey());
                v = toPython(interp, e.getValue());
                if (PyDict_SetItem(d, k, v) < 0) {
                    throw Errors.fetch(interp);
                }
            } catch (RuntimeException ex) {
                Py_DecRef(d);
                throw ex;
            } finally {
                if (!k.equals(NULL)) {
                    Py_DecRef(k);
                }
                if (!v.equals(NULL)) {
                    Py_DecRef(v);
                }
            }
        }
        return d;
    }

    /** The Java form of {@code o} (borrowed); objects of other types come back as new {@link PyObject}s. */
    static Object toJava(Interpreter interp, MemorySegment o) {
        if (o.equals(Py_None())) {
            return null;
        }
        long t = typeAddress(o);
        if (t == Types.BOOL) {
            return PyObject_IsTrue(o) == 1;
        } else if (t == Types.INT) {
            return longOf(interp, o);
        } else if (t == Types.FLOAT) {
            return PyFloat_AsDouble(o);
        } else if (t == Types.STR) {
            return strOf(o);
        } else if (t == Types.BYTES) {
            return bytesOf(interp, o);
        } else if (t == Types.BYTEARRAY) {
            return bytesOfByteArray(interp, o);
        } else if (t == Types.LIST) {
            return listOf(interp, o, false);
        } else if (t == Types.TUPLE) {
            return listOf(interp, o, true);
        } else if (t == Types.DICT) {
            return dictOf(interp, o);
        }
        // Subclasses (IntEnum, str enums, numpy scalars that subclass float, namedtuples...) convert like their base.
        if (PyObject_IsInstance(o, Types.INT_T) == 1) {
            return longOf(interp, o);
        }
        if (PyObject_IsInstance(o, Types.FLOAT_T) == 1) {
            return PyFloat_AsDouble(o);
        }
        if (PyObject_IsInstance(o, Types.STR_T) == 1) {
            return strOf(o);
        }
        if (PyObject_IsInstance(o, Types.TUPLE_T) == 1) {
            return listOf(interp, o, true);
        }
        if (PyObject_IsInstance(o, Types.LIST_T) == 1) {
            return listOf(interp, o, false);
        }
        PyErr_Clear();
        return new PyObject(interp, incref(o));
    }

    static Object longOf(Interpreter interp, MemorySegment o) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment overflow = a.allocate(JAVA_INT);
            long v = PyLong_AsLongLongAndOverflow(o, overflow);
            if (overflow.get(JAVA_INT, 0) == 0) {
                if (v == -1 && !PyErr_Occurred().equals(NULL)) {
                    throw Errors.fetch(interp);
                }
                return v;
            }
        }
        MemorySegment s = PyObject_Str(o);
        if (s.equals(NULL)) {
            throw Errors.fetch(interp);
        }
        try {
            return new BigInteger(strOf(s));
        } finally {
            Py_DecRef(s);
        }
    }

    /** The text of a str object; lone surrogates (legal in Python, not in UTF-8) survive. */
    static String strOf(MemorySegment o) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment size = a.allocate(JAVA_LONG);
            MemorySegment p = PyUnicode_AsUTF8AndSize(o, size);
            if (!p.equals(NULL)) {
                long n = size.get(JAVA_LONG, 0);
                byte[] b = p.reinterpret(n).toArray(JAVA_BYTE);
                return new String(b, StandardCharsets.UTF_8);
            }
            PyErr_Clear();
            MemorySegment enc = PyUnicode_AsEncodedString(o, a.allocateFrom("utf-16-le"), a.allocateFrom("surrogatepass"));
            if (enc.equals(NULL)) {
                PyErr_Clear();
                return null;
            }
            try {
                long n = PyBytes_Size(enc);
                byte[] b = PyBytes_AsString(enc).reinterpret(n).toArray(JAVA_BYTE);
                // Not new String(b, UTF_16LE): Java's decoder turns a lone surrogate into U+FFFD.
                char[] units = new char[b.length / 2];
                for (int i = 0; i < units.length; i++) {
                    units[i] = (char) ((b[2 * i] & 0xFF) | (b[2 * i + 1] & 0xFF) << 8);
                }
                return new String(units);
            } finally {
                Py_DecRef(enc);
            }
        }
    }

    private static byte[] bytesOf(Interpreter interp, MemorySegment o) {
        long n = PyBytes_Size(o);
        MemorySegment p = PyBytes_AsString(o);
        if (p.equals(NULL)) {
            throw Errors.fetch(interp);
        }
        return p.reinterpret(n).toArray(JAVA_BYTE);
    }

    private static byte[] bytesOfByteArray(Interpreter interp, MemorySegment o) {
        MemorySegment b = PyBytes_FromObject(interp, o);
        try {
            return bytesOf(interp, b);
        } finally {
            Py_DecRef(b);
        }
    }

    private static MemorySegment PyBytes_FromObject(Interpreter interp, MemorySegment o) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment bytesType = CPython.data("PyBytes_Type");
            MemorySegment argv = a.allocate(ADDRESS, 1);
            argv.set(ADDRESS, 0, o);
            MemorySegment r = PyObject_Vectorcall(bytesType, argv, 1, NULL);
            if (r.equals(NULL)) {
                throw Errors.fetch(interp);
            }
            return r;
        }
    }

    private static List<Object> listOf(Interpreter interp, MemorySegment o, boolean tuple) {
        // A tuple is immutable; a list is read through owned references (free-threaded safety).
        long n = tuple ? PyTuple_Size(o) : PyList_Size(o);
        List<Object> out = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) {
            MemorySegment item;
            if (tuple) {
                item = incref(PyTuple_GetItem(o, i));
            } else if (has_PyList_GetItemRef()) {
                item = PyList_GetItemRef(o, i);
            } else {
                item = PyList_GetItem(o, i);
                if (!item.equals(NULL)) {
                    Py_IncRef(item);
                }
            }
            if (item.equals(NULL)) {
                throw Errors.fetch(interp); // the list shrank under us
            }
            try {
                out.add(toJava(interp, item));
            } finally {
                Py_DecRef(item);
            }
        }
        return tuple ? Collections.unmodifiableList(out) : out;
    }

    private static Map<Object, Object> dictOf(Interpreter interp, MemorySegment o) {
        // Items are taken as one new list: no borrowed references into a dict others may change.
        MemorySegment items = PyDict_Items(o);
        if (items.equals(NULL)) {
            throw Errors.fetch(interp);
        }
        try {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Object pair : listOf(interp, items, false)) {
                List<?> kv = (List<?>) pair;
                out.put(kv.get(0), kv.get(1));
            }
            return out;
        } finally {
            Py_DecRef(items);
        }
    }
}
