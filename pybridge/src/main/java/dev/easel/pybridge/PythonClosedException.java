package dev.easel.pybridge;

/**
 * The Python runtime, or the interpreter asked for, is closed or closing.
 *
 * <p>Thrown by attaching once shutdown has begun (the gate is closed), by calls on a closed
 * sub-interpreter, and to code that was running when shutdown asked it to stop. It is never a
 * crash: once this is thrown, nothing more calls into that interpreter.
 */
public class PythonClosedException extends IllegalStateException {
    /** With a message saying what is closed. */
    public PythonClosedException(String message) {
        super(message);
    }

    /** With a message and the Python exception that carried the stop request. */
    public PythonClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
