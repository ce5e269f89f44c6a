package dev.easel.pybridge;

import java.util.Objects;

/**
 * A Python exception, seen from Java: its type, message and formatted traceback.
 *
 * <p>Raised by every bridge call whose Python code raised. Thrown from a Java built-in (see
 * {@link BuiltinModule}), it is raised in Python again: the original exception object when it came
 * from Python, else a new exception of {@link #pythonType()} (a name from {@code builtins}, such as
 * {@code "TypeError"}). Make the latter with {@link #of(String, String)} or the shortcuts.
 */
public class PythonException extends RuntimeException {
    private final String pythonType;
    private final String pythonMessage;
    /** The formatted traceback; null until formatted when fetched inside a built-in (see {@link #pythonTraceback()}). */
    private volatile String traceback;
    /** The original exception object (owned), when it came from Python; re-raised as it was. */
    private final transient PyObject original;
    /** For a traceback formatted on demand: the traceback object as it was when fetched. */
    private final transient PyObject tracebackObject;

    PythonException(String pythonType, String pythonMessage, String traceback, PyObject original) {
        this(pythonType, pythonMessage, traceback == null ? "" : traceback, original, null);
    }

    /** With {@code traceback} null: formatted from {@code original} and {@code tracebackObject} when first asked for. */
    PythonException(String pythonType, String pythonMessage, String traceback, PyObject original, PyObject tracebackObject) {
        super((String) null);
        this.pythonType = Objects.requireNonNull(pythonType);
        this.pythonMessage = pythonMessage == null ? "" : pythonMessage;
        this.traceback = traceback == null && original == null ? "" : traceback;
        this.original = original;
        this.tracebackObject = tracebackObject;
    }

    /** The type, message and traceback. */
    @Override
    public String getMessage() {
        return describe(pythonType, pythonMessage, pythonTraceback());
    }

    private static String describe(String type, String message, String traceback) {
        String head = message == null || message.isEmpty() ? type : type + ": " + message;
        return traceback == null || traceback.isEmpty() ? head : head + "\n" + traceback.stripTrailing();
    }

    /** A new exception to raise in Python as {@code builtins.<type>}, e.g. {@code of("ValueError", "bad")}. */
    public static PythonException of(String type, String message) {
        return new PythonException(type, message, "", null);
    }

    /** {@code TypeError(message)}. */
    public static PythonException typeError(String message) {
        return of("TypeError", message);
    }

    /** {@code ValueError(message)}. */
    public static PythonException valueError(String message) {
        return of("ValueError", message);
    }

    /** {@code RuntimeError(message)}. */
    public static PythonException runtimeError(String message) {
        return of("RuntimeError", message);
    }

    /** The exception's type: its qualified name, module-prefixed unless it is a builtin ({@code "ValueError"}, {@code "json.decoder.JSONDecodeError"}). */
    public String pythonType() {
        return pythonType;
    }

    /** {@code str(exception)}. */
    public String pythonMessage() {
        return pythonMessage;
    }

    /** The traceback as {@code traceback.format_exception} prints it; empty for exceptions made in Java. */
    public String pythonTraceback() {
        String t = traceback;
        if (t == null) {
            // Fetched inside a built-in (most go straight back into Python unread): formatted now,
            // attaching to its interpreter; empty if that is no longer possible.
            t = Errors.formatLater(original, tracebackObject);
            traceback = t;
        }
        return t;
    }

    /** The original Python exception object, when this came from Python. */
    PyObject original() {
        return original;
    }
}
