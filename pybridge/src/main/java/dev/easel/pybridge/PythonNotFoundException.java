package dev.easel.pybridge;

import java.io.Serial;
import java.util.List;

/**
 * Thrown by {@link PythonLocator} when no usable Python was found, or when the Python the user chose
 * ({@code --python}, {@code EASEL_PYTHON}) cannot be used.
 *
 * <p>The message lists every candidate that was tried and why each was rejected, then says how to
 * choose a Python, for example:
 * <pre>
 * No usable Python for --python 3.10:
 *   - /root/.pyenv/versions/3.10.13/bin/python3.10 (pyenv 3.10.13): 3.10.13 is older than 3.11, the oldest Easel supports
 * Choose a Python with --python PATH|VERSION ... or set EASEL_PYTHON=PATH|VERSION ...
 * </pre>
 */
public final class PythonNotFoundException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** How to choose a Python: the last paragraph of every message. */
    static final String HOW_TO_CHOOSE = """
            Choose a Python with --python PATH|VERSION on the command line, or set EASEL_PYTHON=PATH|VERSION: \
            PATH is a python executable or a libpython shared library (libpython3.X.so), VERSION is for example \
            3.12 or 3.13t (searched in pyenv, the system library folders and PATH), and "bundled" selects the \
            CPython 3.14 that ships with Easel. Easel supports CPython 3.11 to 3.14, built with --enable-shared.""";

    /** Every candidate tried, with the reason it was rejected. Immutable (an unmodifiable list, serializable). */
    @SuppressWarnings("serial")
    private final List<String> tried;

    /**
     * Creates the exception.
     *
     * @param summary what was looked for, for example {@code "No usable Python for --python 3.10"}
     * @param tried   every candidate tried, each as {@code "candidate: reason it was rejected"}
     */
    public PythonNotFoundException(String summary, List<String> tried) {
        super(message(summary, tried));
        this.tried = List.copyOf(tried);
    }

    /**
     * Every candidate that was tried, each with the reason it was rejected, in the order tried.
     *
     * @return an immutable list of {@code "candidate: reason"} lines, empty if nothing was found to try
     */
    public List<String> tried() {
        return tried;
    }

    private static String message(String summary, List<String> tried) {
        StringBuilder sb = new StringBuilder(summary);
        if (tried.isEmpty()) {
            sb.append(": no candidate found.");
        } else {
            sb.append(':');
            for (String t : tried) {
                sb.append("\n  - ").append(t);
            }
        }
        return sb.append('\n').append(HOW_TO_CHOOSE).toString();
    }
}
