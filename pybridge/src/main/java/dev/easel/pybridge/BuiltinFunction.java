package dev.easel.pybridge;

/**
 * A Java function callable from Python as a built-in (see {@link BuiltinModule}).
 *
 * <p>It runs on the calling Python thread, attached. It returns a Java value converted as
 * {@link PyObject#toJava()} describes in reverse ({@code null} is {@code None}); whatever it throws
 * becomes a Python exception (a {@link PythonException} keeps its Python type).
 */
@FunctionalInterface
public interface BuiltinFunction {
    /** Called with the arguments Python passed (by keyword ones bound to their positions). */
    Object call(Arguments args) throws Exception;
}
