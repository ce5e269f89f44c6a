package dev.easel.pybridge;

import java.lang.foreign.MemorySegment;

/**
 * Objects the bridge itself looks up often in one interpreter (owned references), filled lazily
 * under an attachment. Races between threads of a free-threaded build only cost a duplicate
 * lookup, never a wrong value: each field is written once with the same object.
 */
final class InterpreterCache {
    /** {@code traceback.format_exception}. */
    volatile MemorySegment formatException;

    /** Drops the references without decref: used only when the interpreter is ending. */
    void forget() {
        formatException = null;
    }
}
