package dev.easel.pybridge;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Errors crossing the boundary both ways (guarantee 6). */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ErrorsTest {
    private static Interpreter main;

    /** Built-ins that throw Java exceptions, or relay a Python call. */
    private static final BuiltinModule THROWERS = BuiltinModule.builder("_easel_errors_test")
            .function("illegal_argument", "()", "", a -> {
                throw new IllegalArgumentException("bad argument value");
            })
            .function("index_out_of_bounds", "()", "", a -> {
                throw new IndexOutOfBoundsException("index 9 out of bounds for length 3");
            })
            .function("type_error", "()", "", a -> {
                throw PythonException.typeError("wanted a str");
            })
            .function("key_error", "()", "", a -> {
                throw PythonException.of("KeyError", "missing");
            })
            .function("unknown_type", "()", "", a -> {
                throw PythonException.of("NoSuchErrorType", "odd");
            })
            .function("illegal_state", "()", "", a -> {
                throw new IllegalStateException("odd state");
            })
            .function("custom", "()", "", a -> {
                throw new CustomFailure();
            })
            .function("unsupported", "()", "", a -> {
                throw new UnsupportedOperationException("not here");
            })
            .function("io", "()", "", a -> {
                throw new IOException("disk gone");
            })
            .function("assertion", "()", "", a -> {
                throw new AssertionError("java assertion");
            })
            .function("interrupted", "()", "", a -> {
                throw new InterruptedException();
            })
            .function("null_message", "()", "", a -> {
                throw new NullPointerException();
            })
            // Calls its argument: a Python exception raised there passes through Java unchanged.
            .function("relay", "(fn, *args)", "Calls fn(*args) from Java.", a -> {
                try (PyObject fn = a.objectAt(0)) {
                    Object[] rest = new Object[a.size() - 1];
                    for (int i = 1; i < a.size(); i++) {
                        rest[i - 1] = a.objectAt(i);
                    }
                    try (PyObject r = fn.call(rest)) {
                        return r.toJava();
                    }
                }
            })
            .build();

    static final class CustomFailure extends RuntimeException {
        CustomFailure() {
            super("custom failure");
        }
    }

    @BeforeAll
    static void setUp() {
        main = TestPython.main();
        THROWERS.install(main).close();
    }

    @Test
    void pythonExceptionCarriesTypeAndMessage() {
        PythonException e = assertThrows(PythonException.class, () -> main.evalToJava("1 / 0"));
        assertEquals("ZeroDivisionError", e.pythonType());
        assertTrue(e.pythonMessage().contains("division"), e.pythonMessage());
        assertTrue(e.getMessage().startsWith("ZeroDivisionError: "), e.getMessage());

        PythonException j = assertThrows(PythonException.class, () -> main.evalToJava("__import__('json').loads('{')"));
        assertEquals("json.decoder.JSONDecodeError", j.pythonType());
        assertTrue(j.pythonMessage().contains("line 1"), j.pythonMessage());

        PythonException k = assertThrows(PythonException.class, () -> main.evalToJava("{}['nope']"));
        assertEquals("KeyError", k.pythonType());
        assertEquals("'nope'", k.pythonMessage());

        // The error indicator is clear afterwards.
        assertEquals(2L, main.evalToJava("1 + 1"));
    }

    @Test
    void tracebackNamesFileAndLine() {
        try (Attachment py = main.attach(); PyObject g = py.newGlobals()) {
            String code = """
                    x = 1

                    def helper():
                        raise ValueError("boom at line 4")

                    def caller():
                        helper()

                    caller()
                    """;
            PythonException e = assertThrows(PythonException.class, () -> py.exec(code, g, "demo.py"));
            assertEquals("ValueError", e.pythonType());
            assertEquals("boom at line 4", e.pythonMessage());
            String tb = e.pythonTraceback();
            assertTrue(tb.startsWith("Traceback (most recent call last):"), tb);
            assertTrue(tb.contains("File \"demo.py\", line 4, in helper"), tb);
            assertTrue(tb.contains("File \"demo.py\", line 7, in caller"), tb);
            assertTrue(tb.contains("File \"demo.py\", line 9"), tb);
            assertTrue(tb.strip().endsWith("ValueError: boom at line 4"), tb);
            assertTrue(e.getMessage().contains("demo.py"), "the Java message includes the traceback");
        }
    }

    @Test
    void syntaxErrors() {
        try (Attachment py = main.attach(); PyObject g = py.newGlobals()) {
            PythonException e = assertThrows(PythonException.class,
                    () -> py.exec("a = 1\ndef broken(:\n    pass\n", g, "bad.py"));
            assertEquals("SyntaxError", e.pythonType());
            assertTrue(e.pythonTraceback().contains("bad.py"), e.pythonTraceback());
            assertTrue(e.pythonTraceback().contains("line 2"), e.pythonTraceback());
            assertTrue(e.pythonMessage().contains("bad.py"), e.pythonMessage());
            PythonException ind = assertThrows(PythonException.class, () -> py.exec("if True:\nx = 1\n", g, "indent.py"));
            assertEquals("IndentationError", ind.pythonType());
            PythonException ev = assertThrows(PythonException.class, () -> py.eval("1 +", g));
            assertEquals("SyntaxError", ev.pythonType());
        }
    }

    @Test
    void exceptionWhoseStrFailsStillArrives() {
        try (Attachment py = main.attach(); PyObject g = py.newGlobals()) {
            py.exec("""
                    class Weird(Exception):
                        def __str__(self):
                            raise RuntimeError("str failed")
                    """, g);
            PythonException e = assertThrows(PythonException.class, () -> py.exec("raise Weird()", g));
            assertEquals("__easel__.Weird", e.pythonType());
            assertNotNull(e.pythonMessage());
            assertEquals(1L, py.eval("1", g).toJava(), "no error left pending");
        }
    }

    /** Calls {@code _easel_errors_test.<name>()} in Python and returns "Type|message" as Python caught it. */
    private static String caught(String function) {
        try (Attachment py = main.attach(); PyObject g = py.newGlobals()) {
            py.exec("""
                    import _easel_errors_test as m
                    def probe(name):
                        try:
                            getattr(m, name)()
                        except BaseException as e:
                            return type(e).__name__ + "|" + str(e)
                        return "no exception"
                    """, g);
            try (PyObject probe = g.getItem("probe"); PyObject r = probe.call(function)) {
                return (String) r.toJava();
            }
        }
    }

    @Test
    void javaExceptionsBecomePythonExceptions() {
        assertEquals("ValueError|bad argument value", caught("illegal_argument"));
        assertEquals("IndexError|index 9 out of bounds for length 3", caught("index_out_of_bounds"));
        assertEquals("TypeError|wanted a str", caught("type_error"));
        assertEquals("KeyError|'missing'", caught("key_error"));
        assertEquals("NotImplementedError|not here", caught("unsupported"));
        assertEquals("KeyboardInterrupt|interrupted", caught("interrupted"));
        String state = caught("illegal_state");
        assertEquals("RuntimeError|java.lang.IllegalStateException: odd state", state);
        String custom = caught("custom");
        assertTrue(custom.startsWith("RuntimeError|"), custom);
        assertTrue(custom.contains(CustomFailure.class.getName()), custom);
        assertTrue(custom.endsWith("custom failure"), custom);
        assertEquals("RuntimeError|java.io.IOException: disk gone", caught("io"));
        assertEquals("RuntimeError|java.lang.AssertionError: java assertion", caught("assertion"));
        assertEquals("RuntimeError|java.lang.NullPointerException", caught("null_message"));
        String unknown = caught("unknown_type");
        assertTrue(unknown.startsWith("RuntimeError|"), "an unknown Python type name falls back: " + unknown);
    }

    @Test
    void javaExceptionThroughPythonBackToJava() {
        // Java -> Python -> Java built-in throws -> Python does not catch -> Java sees the Python form.
        PythonException e = assertThrows(PythonException.class,
                () -> main.evalToJava("__import__('_easel_errors_test').illegal_argument()"));
        assertEquals("ValueError", e.pythonType());
        assertEquals("bad argument value", e.pythonMessage());
    }

    @Test
    void pythonExceptionRelayedThroughJavaKeepsItsIdentity() {
        try (Attachment py = main.attach(); PyObject g = py.newGlobals()) {
            py.exec("""
                    import _easel_errors_test as m
                    class Special(Exception):
                        pass
                    original = None
                    def thrower(tag):
                        global original
                        original = Special(tag)
                        original.marker = tag
                        raise original
                    def check():
                        try:
                            m.relay(thrower, "first")
                        except Special as e:
                            return [e is original, e.marker, type(e).__name__]
                        return ["no exception"]
                    """, g);
            assertEquals(List.of(true, "first", "Special"), py.eval("check()", g).toJava());
            // A non-exception return passes through too.
            assertEquals(6L, py.eval("m.relay(lambda a, b: a * b, 2, 3)", g).toJava());
        }
    }

    @Test
    void nestedCallsKeepOriginalTypeAndFullTraceback() {
        try (Attachment py = main.attach(); PyObject g = py.newGlobals()) {
            py.exec("""
                    class Deep(LookupError):
                        pass
                    def innermost(n):
                        raise Deep("deep failure " + str(n))
                    """, g, "inner.py");
            py.exec("""
                    import _easel_errors_test as m
                    def middle(n):
                        return m.relay(innermost, n)
                    def outer(n):
                        return m.relay(middle, n)
                    """, g, "outer.py");
            try (PyObject outer = g.getItem("outer")) {
                // Java -> outer (Python) -> relay (Java) -> middle (Python) -> relay (Java) -> innermost raises
                PythonException e = assertThrows(PythonException.class, () -> outer.call(5));
                assertEquals("__easel__.Deep", e.pythonType());
                assertEquals("deep failure 5", e.pythonMessage());
                String tb = e.pythonTraceback();
                int outerAt = tb.indexOf("File \"outer.py\", line 5, in outer");
                int middleAt = tb.indexOf("File \"outer.py\", line 3, in middle");
                int innerAt = tb.indexOf("File \"inner.py\", line 4, in innermost");
                assertTrue(outerAt >= 0 && middleAt > outerAt && innerAt > middleAt,
                        "the traceback spans every Python frame, outermost first:\n" + tb);
            }
            // Python code in between can still catch it by its real class.
            py.exec("""
                    def catcher():
                        try:
                            outer(1)
                        except LookupError as e:
                            return type(e).__name__
                    """, g, "catcher.py");
            assertEquals("Deep", py.eval("catcher()", g).toJava());
        }
    }

    @Test
    void pythonExceptionsFromJavaHaveNoTraceback() {
        PythonException e = PythonException.valueError("v");
        assertEquals("ValueError", e.pythonType());
        assertEquals("v", e.pythonMessage());
        assertEquals("", e.pythonTraceback());
        assertEquals("ValueError: v", e.getMessage());
        assertEquals("RuntimeError", PythonException.runtimeError("r").pythonType());
    }
}
