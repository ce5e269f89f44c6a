package dev.easel.pybridge;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Java -> Python -> Java round trips through the real interpreter, checking both the Java value
 * that comes back and the Python object in between (its type and value, as Python sees them).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConversionsTest {
    private static Interpreter main;
    private static PyObject g;
    /** {@code describe(x)}: "typename:repr", computed by Python. */
    private static PyObject describe;

    @BeforeAll
    static void setUp() {
        main = TestPython.main();
        try (Attachment py = main.attach()) {
            g = py.newGlobals();
            py.exec("""
                    def describe(x):
                        return type(x).__name__ + ":" + repr(x)
                    """, g);
            describe = g.getItem("describe");
        }
    }

    @AfterAll
    static void tearDown() {
        if (describe != null) {
            describe.close();
            g.close();
        }
    }

    /** Converts to Python, asks Python what it got, converts back. */
    private static Object roundTrip(Object value, String expectedPython) {
        try (Attachment py = main.attach(); PyObject p = py.toPython(value); PyObject d = describe.call(p)) {
            if (expectedPython != null) {
                assertEquals(expectedPython, d.toJava(), "Python's view of " + value);
            }
            return p.toJava();
        }
    }

    private static Object eval(String expression) {
        return main.evalToJava(expression);
    }

    @Test
    void none() {
        assertNull(roundTrip(null, "NoneType:None"));
        assertNull(eval("None"));
    }

    @Test
    void booleans() {
        assertEquals(Boolean.TRUE, roundTrip(true, "bool:True"));
        assertEquals(Boolean.FALSE, roundTrip(false, "bool:False"));
        // A bool is an int subclass in Python, but comes back as a Boolean, not a Long.
        assertInstanceOf(Boolean.class, eval("1 == 1"));
    }

    @Test
    void integers() {
        assertEquals(0L, roundTrip(0, "int:0"));
        assertEquals(42L, roundTrip(42, "int:42"));
        assertEquals(-7L, roundTrip(-7L, "int:-7"));
        assertEquals(-5L, roundTrip((short) -5, "int:-5"));
        assertEquals(12L, roundTrip((byte) 12, "int:12"));
        assertEquals(Long.MAX_VALUE, roundTrip(Long.MAX_VALUE, "int:" + Long.MAX_VALUE));
        assertEquals(Long.MIN_VALUE, roundTrip(Long.MIN_VALUE, "int:" + Long.MIN_VALUE));
        assertEquals((long) Integer.MIN_VALUE, roundTrip(Integer.MIN_VALUE, "int:" + Integer.MIN_VALUE));
        // Small BigIntegers come back as Long.
        assertEquals(5L, roundTrip(BigInteger.valueOf(5), "int:5"));
    }

    @Test
    void bigIntegers() {
        BigInteger big = BigInteger.TWO.pow(200);
        assertEquals(big, roundTrip(big, "int:" + big));
        assertEquals(big.negate(), roundTrip(big.negate(), "int:-" + big));
        BigInteger justOver = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);
        assertEquals(justOver, roundTrip(justOver, "int:" + justOver));
        BigInteger justUnder = BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE);
        assertEquals(justUnder, roundTrip(justUnder, "int:" + justUnder));
        // Python computes it, Java reads it.
        assertEquals(big, eval("2**200"));
        assertEquals(Boolean.TRUE, main.call(a -> {
            try (PyObject gl = a.newGlobals()) {
                gl.setItem("x", big);
                return a.eval("x == 2**200 and type(x) is int", gl).toJava();
            }
        }));
    }

    @Test
    void floats() {
        assertEquals(1.5, roundTrip(1.5, "float:1.5"));
        assertEquals(-0.25, roundTrip(-0.25f, "float:-0.25"));
        assertEquals(Double.MAX_VALUE, roundTrip(Double.MAX_VALUE, null));
        assertEquals(Double.MIN_VALUE, roundTrip(Double.MIN_VALUE, "float:5e-324"));
        assertTrue(Double.isNaN((Double) roundTrip(Double.NaN, "float:nan")));
        assertEquals(Double.POSITIVE_INFINITY, roundTrip(Double.POSITIVE_INFINITY, "float:inf"));
        assertEquals(Double.NEGATIVE_INFINITY, roundTrip(Double.NEGATIVE_INFINITY, "float:-inf"));
        Object negZero = roundTrip(-0.0, "float:-0.0");
        assertEquals(0, Double.compare(-0.0, (Double) negZero), "the sign of -0.0 survives");
        assertTrue(Double.isNaN((Double) eval("float('nan')")));
        assertEquals(Double.POSITIVE_INFINITY, eval("float('inf')"));
    }

    @Test
    void strings() {
        assertEquals("hello", roundTrip("hello", "str:'hello'"));
        assertEquals("", roundTrip("", "str:''"));
        String emoji = "a\uD83D\uDE00b"; // U+1F600 outside the BMP: one code point in Python
        assertEquals(emoji, roundTrip(emoji, "str:'a\uD83D\uDE00b'"));
        assertEquals((Object) 3L, main.call(a -> {
            try (PyObject gl = a.newGlobals()) {
                gl.setItem("s", emoji);
                return a.eval("len(s)", gl).toJava();
            }
        }), "a non-BMP character is one code point in Python");
        assertEquals("\uD83D\uDE00", eval("chr(0x1F600)"));
        assertEquals("grüße, 日本", roundTrip("grüße, 日本", "str:'grüße, 日本'"));
        assertEquals("a\0b", roundTrip("a\0b", "str:'a\\x00b'"));
        assertEquals("x", roundTrip('x', "str:'x'"));
        // A lone surrogate is legal in both languages and survives the trip.
        Object lone = eval("'a\\ud800'");
        assertEquals("[97, 55296]", Arrays.toString(((String) lone).chars().toArray()), "code units of 'a\\ud800'");
    }

    @Test
    void bytesAndByteArrays() {
        byte[] data = {0, 1, 2, (byte) 0xFF, (byte) 0x80, 'a'};
        assertArrayEquals(data, (byte[]) roundTrip(data, "bytes:b'\\x00\\x01\\x02\\xff\\x80a'"));
        assertArrayEquals(new byte[0], (byte[]) roundTrip(new byte[0], "bytes:b''"));
        assertArrayEquals(new byte[]{'a', 'b', 'c'}, (byte[]) eval("bytearray(b'abc')"));
        assertArrayEquals(new byte[0], (byte[]) eval("bytearray()"));
        byte[] big = new byte[100_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        assertArrayEquals(big, (byte[]) roundTrip(big, null));
    }

    @Test
    void lists() {
        List<Object> list = Arrays.asList(1, "two", 3.0, null, true);
        Object back = roundTrip(list, "list:[1, 'two', 3.0, None, True]");
        assertEquals(Arrays.asList(1L, "two", 3.0, null, true), back);
        assertInstanceOf(ArrayList.class, back, "a list comes back modifiable");
        assertEquals(List.of(), roundTrip(List.of(), "list:[]"));
        // Other collections become lists too (in iteration order).
        assertEquals(List.of(3L, 1L, 2L), roundTrip(new LinkedHashSet<>(List.of(3, 1, 2)), "list:[3, 1, 2]"));
    }

    @Test
    void tuples() {
        Object back = roundTrip(new Object[]{1, "a", null}, "tuple:(1, 'a', None)");
        assertEquals(Arrays.asList(1L, "a", null), back);
        List<?> tuple = (List<?>) back;
        assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) tuple).add(2L),
                "a tuple comes back as an unmodifiable List");
        assertEquals(List.of(), roundTrip(new Object[0], "tuple:()"));
        assertEquals(List.of(1L), roundTrip(new Object[]{1}, "tuple:(1,)"));
        List<?> fromPython = (List<?>) eval("(1, (2, 3))");
        assertEquals(List.of(1L, List.of(2L, 3L)), fromPython);
        assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) fromPython.get(1)).clear());
    }

    @Test
    void dictsKeepOrder() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("z", 1);
        m.put("a", 2);
        m.put("m", 3);
        m.put(7, "seven");
        Object back = roundTrip(m, "dict:{'z': 1, 'a': 2, 'm': 3, 7: 'seven'}");
        assertInstanceOf(LinkedHashMap.class, back);
        assertEquals(List.of("z", "a", "m", 7L), new ArrayList<>(((Map<?, ?>) back).keySet()));
        assertEquals(List.of(1L, 2L, 3L, "seven"), new ArrayList<>(((Map<?, ?>) back).values()));
        // Python's insertion order, read by Java.
        Map<?, ?> fromPython = (Map<?, ?>) eval("{k: i for i, k in enumerate('zyxabc')}");
        assertEquals(List.of("z", "y", "x", "a", "b", "c"), new ArrayList<>(fromPython.keySet()));
        assertEquals(Map.of(), roundTrip(Map.of(), "dict:{}"));
    }

    @Test
    void nestedStructures() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("big", BigInteger.TWO.pow(100));
        inner.put("t", new Object[]{"x", List.of(1.5, new byte[]{9})});
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("list", List.of(List.of(1, 2), List.of(), inner));
        outer.put("none", null);
        Object back = roundTrip(outer, null);
        Map<?, ?> b = (Map<?, ?>) back;
        assertNull(b.get("none"));
        assertTrue(b.containsKey("none"));
        List<?> l = (List<?>) b.get("list");
        assertEquals(List.of(1L, 2L), l.get(0));
        assertEquals(List.of(), l.get(1));
        Map<?, ?> in = (Map<?, ?>) l.get(2);
        assertEquals(BigInteger.TWO.pow(100), in.get("big"));
        List<?> t = (List<?>) in.get("t");
        assertEquals("x", t.get(0));
        List<?> deep = (List<?>) t.get(1);
        assertEquals(1.5, deep.get(0));
        assertArrayEquals(new byte[]{9}, (byte[]) deep.get(1));
        // Python sees the same structure.
        assertEquals(Boolean.TRUE, main.call(a -> {
            try (PyObject gl = a.newGlobals()) {
                gl.setItem("v", outer);
                return a.eval("v['list'][2]['t'][1][1] == b'\\x09' and v['list'][2]['big'] == 2**100 "
                        + "and isinstance(v['list'][2]['t'], tuple)", gl).toJava();
            }
        }));
        // Deep nesting built by Python.
        Object deepList = eval("[[[[[[1]]]]]]");
        for (int i = 0; i < 6; i++) {
            deepList = ((List<?>) deepList).get(0);
        }
        assertEquals(1L, deepList);
    }

    @Test
    void subclassesConvertLikeTheirBase() {
        assertEquals(3L, eval("__import__('enum').IntEnum('E', 'A B C').C"));
        assertEquals("v", eval("type('S', (str,), {})('v')"));
        assertEquals(2.5, eval("type('F', (float,), {})(2.5)"));
        assertEquals(List.of(1L, 2.5), eval("__import__('collections').namedtuple('P', 'x y')(1, 2.5)"));
        assertEquals(List.of("a", List.of(1L)), eval("type('T', (tuple,), {})(('a', (1,)))"));
        assertEquals(List.of(3L), eval("type('L', (list,), {})([3])"));
    }

    @Test
    void unsupportedJavaTypeIsRejected() {
        try (Attachment py = main.attach()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> py.toPython(new Object()));
            assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> py.toPython(Thread.currentThread()));
            // Inside a container: rejected as well, and nothing leaks into Python.
            assertThrows(IllegalArgumentException.class, () -> py.toPython(List.of(1, new StringBuilder("x"))));
            assertThrows(IllegalArgumentException.class, () -> py.toPython(Map.of("k", new Object())));
            assertThrows(IllegalArgumentException.class, () -> py.toPython(new Object[]{1, new int[]{1}}));
            // The attachment is still fine.
            try (PyObject p = py.toPython(1)) {
                assertEquals(1L, p.toJava());
            }
        }
    }

    @Test
    void otherTypesComeBackAsPyObject() {
        Object set = eval("{1, 2, 3}");
        PyObject p = assertInstanceOf(PyObject.class, set);
        try (p) {
            assertEquals("set", p.typeName());
            assertEquals(3, p.len());
            // Passing it back gives Python the same object.
            try (Attachment py = main.attach(); PyObject again = py.toPython(p); PyObject d = describe.call(again)) {
                assertEquals("set:{1, 2, 3}", d.toJava());
            }
        }
        try (PyObject od = (PyObject) eval("__import__('collections').OrderedDict(a=1)")) {
            assertEquals("collections.OrderedDict", od.typeName());
        }
        try (PyObject c = (PyObject) eval("3+4j")) {
            assertEquals("complex", c.typeName());
            assertEquals("(3+4j)", c.repr());
        }
        // Inside a list too.
        List<?> l = (List<?>) eval("[1, frozenset()]");
        assertEquals(1L, l.get(0));
        try (PyObject fs = assertInstanceOf(PyObject.class, l.get(1))) {
            assertEquals("frozenset", fs.typeName());
        }
    }
}
