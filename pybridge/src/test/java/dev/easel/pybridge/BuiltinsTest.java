package dev.easel.pybridge;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/** Java functions exposed to Python as a module of built-ins. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BuiltinsTest {
    private static Interpreter main;
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final Set<String> COUNTING_THREADS = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger DEPTH = new AtomicInteger();
    private static final AtomicInteger MAX_DEPTH = new AtomicInteger();
    private static volatile CountDownLatch gate = new CountDownLatch(1);
    private static final AtomicBoolean BLOCKED = new AtomicBoolean();

    static final BuiltinModule MODULE = BuiltinModule.builder("_easel_builtins_test")
            .doc("Built-ins for BuiltinsTest.")
            .function("add", "(a, b)", "Adds two numbers.", a -> a.expect(2).doubleAt(0) + a.doubleAt(1))
            .function("fill_rect", "(x, y, w, h)", "Fills a rectangle.", a -> {
                a.expect(4);
                double s = 0;
                for (int i = 0; i < 4; i++) {
                    s += a.doubleAt(i);
                }
                return s;
            })
            .function("repeat", "(text, n)", "Repeats text n times.", a -> a.expect(2).stringAt(0).repeat(a.intAt(1)))
            .function("big", "(n)", "", a -> a.expect(1).longAt(0))
            .function("truth", "(value)", "", a -> a.expect(1).booleanAt(0))
            .function("optional", "(a, b=None)", "", a -> {
                a.expect(1, 2);
                return a.isNone(1) ? "no b" : "b=" + a.javaAt(1);
            })
            .function("at_least_one", "(first, *rest)", "", a -> a.expect(1, Integer.MAX_VALUE).size())
            .function("gap", "(a, b=None, c=None)", "", a -> a.expect(1, 3).size() + ":" + a.isNone(1) + ":"
                    + (a.isNone(2) ? "-" : a.javaAt(2)))
            .function("echo", "(*values)", "Returns its arguments as a list.", a -> {
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < a.size(); i++) {
                    out.add(a.javaAt(i));
                }
                return out;
            })
            .function("undocumented", a -> "plain")
            .function("returns", "(kind)", "Returns a Java value of the given kind.", a -> switch (a.expect(1).stringAt(0)) {
                case "null" -> null;
                case "boolean" -> true;
                case "int" -> 7;
                case "long" -> Long.MIN_VALUE;
                case "big" -> BigInteger.TWO.pow(100);
                case "double" -> 0.5;
                case "string" -> "text \uD83D\uDE00";
                case "bytes" -> new byte[]{1, 2, 3};
                case "list" -> List.of(1, "two");
                case "tuple" -> new Object[]{1, "two"};
                case "map" -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("b", 1);
                    m.put("a", List.of());
                    yield m;
                }
                case "object" -> a.objectAt(0);
                case "unsupported" -> new Object();
                default -> throw a.badValue(0, "unknown kind");
            })
            .function("count", "()", "Counts calls.", a -> {
                a.expect(0);
                COUNTING_THREADS.add(Thread.currentThread().getName() + "/" + Thread.currentThread().threadId());
                return COUNTER.incrementAndGet();
            })
            .function("buffer_info", "(buffer)", "Describes a buffer.", a -> {
                a.expect(1);
                try (BufferView v = a.bufferAt(0)) {
                    List<Object> shape = new ArrayList<>();
                    for (int i = 0; i < v.ndim(); i++) {
                        shape.add(v.shape(i));
                    }
                    double sum = 0;
                    MemorySegment d = v.data();
                    if (v.format().equals("d")) {
                        for (long i = 0; i < v.byteSize() / 8; i++) {
                            sum += d.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, i);
                        }
                    } else {
                        for (long i = 0; i < v.byteSize(); i++) {
                            sum += d.get(ValueLayout.JAVA_BYTE, i) & 0xFF;
                        }
                    }
                    return List.of(v.format(), v.itemSize(), v.byteSize(), v.ndim(), shape, v.readOnly(), sum);
                }
            })
            .function("buffer_fill", "(buffer, value)", "Fills a writable buffer with a byte value.", a -> {
                a.expect(2);
                int value = a.intAt(1);
                try (BufferView v = a.bufferAt(0)) {
                    if (v.readOnly()) {
                        throw a.badValue(0, "read-only buffer");
                    }
                    v.data().fill((byte) value);
                    return v.byteSize();
                }
            })
            .function("descend", "(fn, n)", "Calls fn(n - 1) from Java.", a -> {
                a.expect(2);
                int d = DEPTH.incrementAndGet();
                MAX_DEPTH.accumulateAndGet(d, Math::max);
                try (PyObject fn = a.objectAt(0); PyObject r = fn.call(a.longAt(1) - 1)) {
                    List<Object> out = new ArrayList<>();
                    out.add("java" + a.longAt(1));
                    out.addAll((List<?>) r.toJava());
                    return out;
                } finally {
                    DEPTH.decrementAndGet();
                }
            })
            .function("nested_attach", "()", "Whether attaching inside a built-in is re-entrant.", a -> {
                try (Attachment inner = a.interpreter().attach()) {
                    return List.of(inner.acquired(), a.interpreter().runtime().isAttached());
                }
            })
            .function("block", "(ms)", "Waits (detached) until release() or ms pass.", a -> {
                long ms = a.expect(1).longAt(0);
                CountDownLatch g = gate;
                return a.detached(() -> {
                    BLOCKED.set(true);
                    return g.await(ms, TimeUnit.MILLISECONDS);
                });
            })
            .function("is_blocked", "()", "", a -> BLOCKED.get())
            .function("release", "()", "", a -> {
                gate.countDown();
                return null;
            })
            .build();

    @BeforeAll
    static void setUp() {
        main = TestPython.main();
        try (PyObject m = MODULE.install(main)) {
            assertEquals("module", m.typeName());
        }
    }

    private static PyObject globals() {
        PyObject g = main.newGlobals();
        main.exec("import _easel_builtins_test as m\n", g);
        return g;
    }

    private static Object eval(String expr) {
        try (PyObject g = globals()) {
            return main.evalToJava(expr, g);
        }
    }

    private static PythonException raises(String expr) {
        return assertThrows(PythonException.class, () -> eval(expr), expr);
    }

    @Test
    void callsAndArgumentConversion() {
        assertEquals(3.5, eval("m.add(1, 2.5)"));
        assertEquals(3.0, eval("m.add(True, 2)"));
        assertEquals(0.75, eval("m.add(__import__('fractions').Fraction(1, 2), 0.25)"), "anything with __float__");
        assertEquals(10.0, eval("m.fill_rect(1, 2, 3, 4)"));
        assertEquals("ababab", eval("m.repeat('ab', 3)"));
        assertEquals("", eval("m.repeat('ab', 0)"));
        assertEquals(Long.MAX_VALUE, eval("m.big(2**63 - 1)"));
        assertEquals(5L, eval("m.big(__import__('enum').IntEnum('E', 'A B C D E').E)"), "anything with __index__");
        assertEquals(true, eval("m.truth([0])"));
        assertEquals(false, eval("m.truth('')"));
        assertEquals(true, eval("m.truth(True)"), "the singletons answer without a call");
        assertEquals(false, eval("m.truth(False)"));
        assertEquals(false, eval("m.truth(None)"));
        assertEquals(true, eval("m.truth(2)"));
        assertEquals("no b", eval("m.optional(1)"));
        assertEquals("no b", eval("m.optional(1, None)"));
        assertEquals("b=x", eval("m.optional(1, 'x')"));
        assertEquals(List.of(), eval("m.echo()"));
        assertEquals(List.of(1L, "s", List.of(2L)), eval("m.echo(1, 's', (2,))"));
        assertEquals(List.of(1L, 2L), eval("m.echo(*range(1, 3))"));
        assertEquals(3L, eval("m.at_least_one(1, 2, 3)"));
        assertEquals("plain", eval("m.undocumented()"));
    }

    @Test
    void argumentCountErrors() {
        PythonException e = raises("m.add(1)");
        assertEquals("TypeError", e.pythonType());
        assertEquals("add() takes exactly 2 arguments (1 given)", e.pythonMessage());
        assertEquals("add() takes exactly 2 arguments (3 given)", raises("m.add(1, 2, 3)").pythonMessage());
        assertEquals("count() takes exactly 0 arguments (1 given)", raises("m.count(1)").pythonMessage());
        assertEquals("big() takes exactly 1 argument (0 given)", raises("m.big()").pythonMessage());
        assertEquals("optional() takes from 1 to 2 arguments (3 given)", raises("m.optional(1, 2, 3)").pythonMessage());
        assertEquals("at_least_one() takes at least 1 argument (0 given)", raises("m.at_least_one()").pythonMessage());
    }

    @Test
    void parametersCanBePassedByName() {
        assertEquals(3.0, eval("m.add(a=1, b=2)"));
        assertEquals(3.0, eval("m.add(1, b=2)"));
        assertEquals(-1.0, eval("m.add(b=-2, a=1)"));
        assertEquals("b=x", eval("m.optional(1, b='x')"));
        assertEquals("b=x", eval("m.optional(b='x', a=1)"));
        assertEquals("no b", eval("m.optional(a=1)"));
        assertEquals(1L, eval("m.at_least_one(first=3)"));
        assertEquals("3:true:7", eval("m.gap(1, c=7)"), "b left out between two given: absent, like None");
        assertEquals("1:true:-", eval("m.gap(a=1)"));
        assertEquals(List.of(), eval("m.echo(**{})"));
    }

    @Test
    void keywordErrorsAreCPythonsOwn() {
        assertEquals("add() got an unexpected keyword argument 'c'", raises("m.add(1, c=2)").pythonMessage());
        assertEquals("add() got multiple values for argument 'a'", raises("m.add(1, a=2)").pythonMessage());
        assertEquals("add() missing required argument 'a' (pos 1)", raises("m.add(b=2)").pythonMessage());
        assertEquals("add() got multiple values for argument 'b'", raises("m.add(1, 2, b=3)").pythonMessage());
        assertEquals("echo() got an unexpected keyword argument 'values'", raises("m.echo(values=1)").pythonMessage());
        assertEquals("at_least_one() got an unexpected keyword argument 'rest'",
                raises("m.at_least_one(1, rest=2)").pythonMessage());
        assertEquals("undocumented() got an unexpected keyword argument 'x'", raises("m.undocumented(x=1)").pythonMessage());
        PythonException e = raises("m.add(a=1, b='x')");
        assertEquals("TypeError", e.pythonType());
        assertEquals("add() argument 'b' must be a number, not str", e.pythonMessage());
    }

    @Test
    void argumentTypeErrorsNameFunctionAndParameter() {
        PythonException e = raises("m.add(1, 'x')");
        assertEquals("TypeError", e.pythonType());
        assertEquals("add() argument 'b' must be a number, not str", e.pythonMessage());
        assertEquals("fill_rect() argument 'w' must be a number, not NoneType",
                raises("m.fill_rect(0, 0, None, 1)").pythonMessage());
        assertEquals("repeat() argument 'text' must be str, not int", raises("m.repeat(1, 2)").pythonMessage());
        assertEquals("repeat() argument 'n' must be an integer, not float", raises("m.repeat('a', 2.5)").pythonMessage());
        PythonException range = raises("m.repeat('a', 2**40)");
        assertEquals("ValueError", range.pythonType());
        assertTrue(range.pythonMessage().startsWith("repeat() argument 'n': integer out of range"), range.pythonMessage());
        PythonException tooBig = raises("m.big(2**70)");
        assertEquals("ValueError", tooBig.pythonType());
        assertEquals("big() argument 'n': integer too large", tooBig.pythonMessage());
        PythonException bool = raises("m.truth(type('B', (), {'__bool__': lambda self: 1 / 0})())");
        assertEquals("ZeroDivisionError", bool.pythonType(), "an error in __bool__ propagates as itself");
        PythonException kind = raises("m.returns('nonsense')");
        assertEquals("ValueError", kind.pythonType());
        assertEquals("returns() argument 'kind': unknown kind", kind.pythonMessage());
        // After all those errors the module still works.
        assertEquals(2.0, eval("m.add(1, 1)"));
    }

    @Test
    void signatureAndDocumentation() {
        try (PyObject g = globals()) {
            main.exec("""
                    import inspect, pydoc
                    sig = str(inspect.signature(m.add))
                    text_sig = m.add.__text_signature__
                    doc = m.add.__doc__
                    help_text = pydoc.render_doc(m.add, renderer=pydoc.plaintext)
                    module_help = pydoc.render_doc(m, renderer=pydoc.plaintext)
                    echo_sig = str(inspect.signature(m.echo))
                    count_sig = str(inspect.signature(m.count))
                    """, g);
            assertEquals("(a, b)", main.evalToJava("sig", g));
            assertEquals("($module, a, b)", main.evalToJava("text_sig", g));
            assertEquals("Adds two numbers.", main.evalToJava("doc", g));
            String help = (String) main.evalToJava("help_text", g);
            assertTrue(help.contains("add(a, b)"), help);
            assertTrue(help.contains("Adds two numbers."), help);
            String moduleHelp = (String) main.evalToJava("module_help", g);
            assertTrue(moduleHelp.contains("Built-ins for BuiltinsTest."), moduleHelp);
            assertTrue(moduleHelp.contains("fill_rect(x, y, w, h)"), moduleHelp);
            assertEquals("(*values)", main.evalToJava("echo_sig", g));
            assertEquals("()", main.evalToJava("count_sig", g));
            assertEquals("add", main.evalToJava("m.add.__name__", g));
            assertEquals("_easel_builtins_test", main.evalToJava("m.add.__module__", g));
            assertEquals("builtin_function_or_method", main.evalToJava("type(m.add).__name__", g));
            assertNull(main.evalToJava("m.undocumented.__text_signature__", g));
            assertEquals(List.of("add", "fill_rect", "repeat"), MODULE.functionNames().subList(0, 3));
        }
    }

    @Test
    void returnConversions() {
        assertNull(eval("m.returns('null')"));
        assertEquals(true, eval("m.returns('boolean')"));
        assertEquals(List.of("int", 7L), eval("[type(x).__name__, x] if (x := m.returns('int')) else None"));
        assertEquals(Long.MIN_VALUE, eval("m.returns('long')"));
        assertEquals(true, eval("m.returns('big') == 2**100"));
        assertEquals(0.5, eval("m.returns('double')"));
        assertEquals(List.of("str", 6L), eval("[type(s).__name__, len(s)] if (s := m.returns('string')) else None"));
        assertEquals("bytes:b'\\x01\\x02\\x03'", eval("(lambda b: type(b).__name__ + ':' + repr(b))(m.returns('bytes'))"));
        assertEquals("list:[1, 'two']", eval("(lambda b: type(b).__name__ + ':' + repr(b))(m.returns('list'))"));
        assertEquals("tuple:(1, 'two')", eval("(lambda b: type(b).__name__ + ':' + repr(b))(m.returns('tuple'))"));
        assertEquals("dict:{'b': 1, 'a': []}", eval("(lambda b: type(b).__name__ + ':' + repr(b))(m.returns('map'))"));
        assertEquals(true, eval("(lambda s: m.returns(s) is s)('object')"), "a PyObject argument comes back as the same object");
        PythonException e = raises("m.returns('unsupported')");
        assertEquals("ValueError", e.pythonType());
        assertTrue(e.pythonMessage().contains("cannot convert"), e.pythonMessage());
        // None is returned with a proper reference: many calls do not wear it out (3.11 aborts otherwise).
        assertEquals(true, eval("all(m.returns('null') is None for _ in range(100000))"));
    }

    @Test
    void buffers() {
        assertEquals(List.of("B", 1L, 3L, 1L, List.of(3L), true, 294.0), eval("m.buffer_info(b'abc')"));
        assertEquals(List.of("B", 1L, 2L, 1L, List.of(2L), false, 3.0), eval("m.buffer_info(bytearray(b'\\x01\\x02'))"));
        assertEquals(List.of("B", 1L, 2L, 1L, List.of(2L), true, 98.0 + 99.0),
                eval("m.buffer_info(memoryview(b'abcd')[1:3])"));
        assertEquals(List.of("d", 8L, 24L, 1L, List.of(3L), false, 7.0),
                eval("m.buffer_info(__import__('array').array('d', [1.5, 2.5, 3.0]))"));
        assertEquals(List.of("B", 1L, 12L, 2L, List.of(3L, 4L), false, 0.0),
                eval("m.buffer_info(memoryview(bytearray(12)).cast('B', (3, 4)))"));
        assertEquals(List.of("B", 1L, 0L, 1L, List.of(0L), true, 0.0), eval("m.buffer_info(b'')"));
        // Writing through a view changes the Python object.
        try (PyObject g = globals()) {
            main.exec("ba = bytearray(5)\nn = m.buffer_fill(ba, 7)\n", g);
            assertArrayEquals(new byte[]{7, 7, 7, 7, 7}, (byte[]) main.evalToJava("ba", g));
            assertEquals(5L, main.evalToJava("n", g));
            // The view was released: the bytearray can be resized again.
            main.exec("ba.extend(b'xy')", g);
            assertEquals(7L, main.evalToJava("len(ba)", g));
        }
        PythonException ro = raises("m.buffer_fill(b'abc', 1)");
        assertEquals("ValueError", ro.pythonType());
        PythonException notBuffer = raises("m.buffer_info(42)");
        assertEquals("TypeError", notBuffer.pythonType());
        assertTrue(notBuffer.pythonMessage().startsWith("buffer_info() argument 'buffer' must be a C-contiguous buffer"),
                notBuffer.pythonMessage());
        PythonException strided = raises("m.buffer_info(memoryview(b'abcdef')[::2])");
        assertEquals("TypeError", strided.pythonType(), "a non-contiguous view is refused, not misread");
    }

    @Test
    void pythonThreadsCallBuiltinsConcurrently() {
        int threads = 8;
        int calls = Bounded.scaled(2000, 500);
        long before = COUNTER.get();
        COUNTING_THREADS.clear();
        try (PyObject g = globals()) {
            g.setItem("THREADS", threads);
            g.setItem("CALLS", calls);
            main.exec("""
                    import threading
                    errors = []
                    def work():
                        try:
                            for _ in range(CALLS):
                                m.count()
                        except BaseException as e:
                            errors.append(repr(e))
                    ts = [threading.Thread(target=work) for _ in range(THREADS)]
                    for t in ts:
                        t.start()
                    for t in ts:
                        t.join(40)
                    alive = sum(t.is_alive() for t in ts)
                    """, g);
            assertEquals(0L, main.evalToJava("alive", g), "every Python thread finished");
            assertEquals(List.of(), main.evalToJava("errors", g));
        }
        assertEquals((long) threads * calls, COUNTER.get() - before, "every call reached Java exactly once");
        assertTrue(COUNTING_THREADS.size() >= 2, "calls came from several threads: " + COUNTING_THREADS);
        // The Python threads are gone; this thread is not left attached.
        assertFalse(main.runtime().isAttached());
    }

    @Test
    void builtinCallsBackIntoPython() {
        MAX_DEPTH.set(0);
        try (PyObject g = globals()) {
            main.exec("""
                    def level(n):
                        if n == 0:
                            return ["bottom"]
                        return ["py%d" % n] + m.descend(level, n)
                    """, g);
            try (PyObject level = g.getItem("level"); PyObject r = level.call(3)) {
                // Java -> Python -> Java -> Python -> Java -> Python -> Java -> Python
                assertEquals(List.of("py3", "java3", "py2", "java2", "py1", "java1", "bottom"), r.toJava());
            }
            assertEquals(3, MAX_DEPTH.get(), "three Java built-ins were on the stack at once");
            assertEquals(0, DEPTH.get());
            // From a Python thread as well.
            main.exec("""
                    import threading
                    out = []
                    t = threading.Thread(target=lambda: out.append(level(3)))
                    t.start()
                    t.join(20)
                    """, g);
            assertEquals(List.of(List.of("py3", "java3", "py2", "java2", "py1", "java1", "bottom")),
                    main.evalToJava("out", g));
            // Attaching inside a built-in only nests.
            assertEquals(List.of(false, true), main.evalToJava("m.nested_attach()", g));
            assertEquals(List.of(List.of(false, true)), main.evalToJava("""
                    (lambda r: (lambda t: (t.start(), t.join(20), r)[2])(
                        __import__('threading').Thread(target=lambda: r.append(m.nested_attach()))))([])""", g));
        }
    }

    @Test
    void blockingBuiltinReleasesTheGil() {
        gate = new CountDownLatch(1);
        BLOCKED.set(false);
        try (PyObject g = globals()) {
            long t0 = System.nanoTime();
            main.exec("""
                    import threading, time
                    result = []
                    t = threading.Thread(target=lambda: result.append(m.block(10000)))
                    t.start()
                    deadline = time.monotonic() + 10
                    while not m.is_blocked() and time.monotonic() < deadline:
                        time.sleep(0.001)
                    # The blocked thread is inside Java, detached: this thread runs Python meanwhile.
                    progress = 0
                    for i in range(200000):
                        progress += 1
                    progressed_while_blocked = not result
                    m.release()
                    t.join(15)
                    """, g);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(true, main.evalToJava("progressed_while_blocked", g));
            assertEquals(200000L, main.evalToJava("progress", g));
            assertEquals(List.of(true), main.evalToJava("result", g), "block() was released by release(), not by its timeout");
            assertTrue(ms < 9000, "took " + ms + " ms");
        }
    }
}
