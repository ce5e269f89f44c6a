package dev.easel.pybridge;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static dev.easel.pybridge.ffi.import_h.PyImport_GetModule;
import static dev.easel.pybridge.ffi.object_h.*;
import static dev.easel.pybridge.ffi.pyerrors_h.PyErr_Clear;
import static dev.easel.pybridge.ffi.pystate_h.*;
import static dev.easel.pybridge.ffi.pythread_h.PyThread_get_thread_ident;
import static dev.easel.pybridge.ffi.unicodeobject_h.PyUnicode_FromString;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Whether a stop request by thread id ({@code PyThreadState_SetAsyncExc}) would reach the thread
 * meant.
 *
 * <p>{@code PyThreadState_SetAsyncExc(id)} raises in the first thread state of the interpreter
 * whose {@code thread_id} is {@code id}. On CPython 3.11 a thread started by Python
 * ({@code _thread.start_new_thread}, under {@code threading.Thread.start()}) gets a thread state
 * made by its parent and carrying the <em>parent's</em> id until the child runs; new thread
 * states come first in the list, so a request meant for the parent lands on the child. Raised
 * there before the child sets its {@code _started} event, it leaves the parent waiting in
 * {@code Thread.start()} for ever. 3.12+ set the id in the new thread itself (0 until then).
 *
 * <p>So the bridge never fires while the id is ambiguous, and asks again later.
 */
final class ThreadIds {
    private ThreadIds() {}

    /** {@code offsetof(struct _ts, thread_id)} in 3.11 (Include/cpython/pystate.h, x86-64 and arm64). */
    private static final long THREAD_ID_OFFSET_3_11 = 152;

    /**
     * Whether more than one thread state of {@code interp} may carry {@code ident}. Caller: attached
     * to {@code interp} (the GIL keeps the list from changing under it on 3.11).
     */
    static boolean ambiguous(Interpreter interp, long ident) {
        if (interp.runtime().version().isAtLeast(3, 12)) {
            return false;
        }
        if (threadId(PyThreadState_Get()) != PyThread_get_thread_ident()) {
            // Not the layout expected: fall back on threading's own record of threads being started.
            return threadsInLimbo();
        }
        int n = 0;
        for (MemorySegment ts = PyInterpreterState_ThreadHead(interp.pointer()); !ts.equals(MemorySegment.NULL);
             ts = PyThreadState_Next(ts)) {
            if (threadId(ts) == ident && ++n > 1) {
                return true;
            }
        }
        return false;
    }

    private static long threadId(MemorySegment tstate) {
        return tstate.reinterpret(THREAD_ID_OFFSET_3_11 + 8).get(JAVA_LONG, THREAD_ID_OFFSET_3_11);
    }

    /** Whether {@code threading._limbo} (threads between {@code start()} and running) is non-empty. */
    private static boolean threadsInLimbo() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment name = PyUnicode_FromString(a.allocateFrom("threading"));
            if (name.equals(MemorySegment.NULL)) {
                PyErr_Clear();
                return true;
            }
            MemorySegment threading = PyImport_GetModule(name);
            Py_DecRef(name);
            if (threading.equals(MemorySegment.NULL)) {
                PyErr_Clear();
                return false; // not imported: no thread of threading's is being started
            }
            MemorySegment limbo = PyObject_GetAttrString(threading, a.allocateFrom("_limbo"));
            Py_DecRef(threading);
            if (limbo.equals(MemorySegment.NULL)) {
                PyErr_Clear();
                return false;
            }
            long n = PyObject_Size(limbo);
            Py_DecRef(limbo);
            if (n < 0) {
                PyErr_Clear();
            }
            return n != 0;
        }
    }
}
