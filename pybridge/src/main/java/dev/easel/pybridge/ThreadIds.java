package dev.easel.pybridge;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static dev.easel.pybridge.ffi.import_h.PyImport_GetModule;
import static dev.easel.pybridge.ffi.object_h.*;
import static dev.easel.pybridge.ffi.pyerrors_h.PyErr_Clear;
import static dev.easel.pybridge.ffi.pystate_h.*;
import static dev.easel.pybridge.ffi.pythread_h.PyThread_get_thread_ident;
import static dev.easel.pybridge.ffi.unicodeobject_h.PyUnicode_FromString;
import static java.lang.foreign.ValueLayout.ADDRESS;
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
 * <p>So the bridge fires only when the first thread state with the id is the one meant (and asks
 * again later otherwise). The first, not the only one: a thread that ended without its thread
 * state being deleted can have left an older one with the same id, reused by a newer thread.
 */
final class ThreadIds {
    private ThreadIds() {}

    /** {@code offsetof(struct _ts, thread_id)} in 3.11 (Include/cpython/pystate.h, LP64). */
    private static final long THREAD_ID_OFFSET_3_11 = 152;
    /** {@code offsetof(struct _ts, cframe)}, and {@code offsetof(_PyCFrame, current_frame)}, in 3.11. */
    private static final long CFRAME_OFFSET_3_11 = 56, CURRENT_FRAME_OFFSET_3_11 = 8;

    /**
     * Whether {@code PyThreadState_SetAsyncExc(ident)} would reach the thread meant: its thread
     * state {@code target} when known (a thread the bridge attached, or in an upcall), else (a
     * Python thread) one that is running Python (a thread state made for a child not yet started
     * has no frame). Caller: attached to {@code interp}, whose GIL keeps the list still on 3.11.
     */
    static boolean reaches(Interpreter interp, long ident, MemorySegment target) {
        if (interp.runtime().version().isAtLeast(3, 12)) {
            return true;
        }
        if (threadId(PyThreadState_Get()) != PyThread_get_thread_ident()) {
            // Not the layout expected: fall back on threading's own record of threads being started.
            return !threadsInLimbo();
        }
        for (MemorySegment ts = PyInterpreterState_ThreadHead(interp.pointer()); !ts.equals(MemorySegment.NULL);
             ts = PyThreadState_Next(ts)) {
            if (threadId(ts) == ident) {
                return target != null ? ts.address() == target.address() : hasFrame(ts);
            }
        }
        return false;
    }

    private static long threadId(MemorySegment tstate) {
        return tstate.reinterpret(THREAD_ID_OFFSET_3_11 + 8).get(JAVA_LONG, THREAD_ID_OFFSET_3_11);
    }

    private static boolean hasFrame(MemorySegment tstate) {
        MemorySegment cframe = tstate.reinterpret(CFRAME_OFFSET_3_11 + 8).get(ADDRESS, CFRAME_OFFSET_3_11);
        return !cframe.equals(MemorySegment.NULL)
                && !cframe.reinterpret(CURRENT_FRAME_OFFSET_3_11 + 8).get(ADDRESS, CURRENT_FRAME_OFFSET_3_11)
                        .equals(MemorySegment.NULL);
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
