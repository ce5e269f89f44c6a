package dev.easel.pybridge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/** {@link PyObject} and {@link Attachment} operations on real objects, and owned-reference release. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ObjectsTest {
    private final Interpreter main = TestPython.main();

    @Test
    void importModuleAndAttributes() {
        try (PyObject math = main.importModule("math"); PyObject pi = math.getAttr("pi")) {
            assertEquals(Math.PI, pi.toDouble());
            assertTrue(math.hasAttr("sqrt"));
            assertFalse(math.hasAttr("no_such_function"));
            assertEquals("module", math.typeName());
            try (PyObject r = math.callMethod("sqrt", 16)) {
                assertEquals(4.0, r.toJava());
            }
        }
        PythonException e = assertThrows(PythonException.class, () -> main.importModule("no_such_module_easel"));
        assertEquals("ModuleNotFoundError", e.pythonType());
        assertTrue(e.pythonMessage().contains("no_such_module_easel"), e.pythonMessage());
    }

    @Test
    void getSetHasAttr() {
        try (Attachment py = main.attach(); PyObject g = py.newGlobals()) {
            py.exec("class Box:\n    pass\nbox = Box()\n", g);
            try (PyObject box = g.getItem("box")) {
                assertFalse(box.hasAttr("width"));
                box.setAttr("width", 640);
                box.setAttr("title", "hello");
                box.setAttr("items", List.of(1, 2));
                assertTrue(box.hasAttr("width"));
                try (PyObject w = box.getAttr("width"); PyObject t = box.getAttr("title")) {
                    assertEquals(640L, w.toJava());
                    assertEquals("hello", t.toJava());
                }
                // Python sees what Java set.
                assertEquals(643L, py.eval("box.width + len(box.title) - 2", g).toJava());
                PythonException e = assertThrows(PythonException.class, () -> box.getAttr("height"));
                assertEquals("AttributeError", e.pythonType());
                assertTrue(e.pythonMessage().contains("height"), e.pythonMessage());
            }
            // setAttr on something that refuses.
            try (PyObject one = py.toPython(1)) {
                PythonException e = assertThrows(PythonException.class, () -> one.setAttr("x", 1));
                assertEquals("AttributeError", e.pythonType());
            }
        }
    }

    @Test
    void callCallKwCallMethod() {
        try (Attachment py = main.attach(); PyObject g = py.newGlobals()) {
            py.exec("""
                    def f(a, b=10, *, c=100):
                        return [a, b, c]
                    """, g);
            try (PyObject f = g.getItem("f")) {
                assertTrue(f.isCallable());
                try (PyObject r = f.call(1)) {
                    assertEquals(List.of(1L, 10L, 100L), r.toJava());
                }
                try (PyObject r = f.call(1, 2)) {
                    assertEquals(List.of(1L, 2L, 100L), r.toJava());
                }
                Map<String, Object> kw = new LinkedHashMap<>();
                kw.put("c", "see");
                kw.put("b", 3.5);
                try (PyObject r = f.callKw(List.of(7), kw)) {
                    assertEquals(List.of(7L, 3.5, "see"), r.toJava());
                }
                try (PyObject r = f.callKw(List.of(), Map.of("a", 0))) {
                    assertEquals(List.of(0L, 10L, 100L), r.toJava());
                }
                PythonException e = assertThrows(PythonException.class, () -> f.callKw(List.of(1), Map.of("nope", 1)));
                assertEquals("TypeError", e.pythonType());
                assertTrue(e.pythonMessage().contains("nope"), e.pythonMessage());
                PythonException e2 = assertThrows(PythonException.class, () -> f.call());
                assertEquals("TypeError", e2.pythonType());
            }
            try (PyObject s = py.toPython("a,b,c"); PyObject parts = s.callMethod("split", ",");
                 PyObject upper = s.callMethod("upper")) {
                assertEquals(List.of("a", "b", "c"), parts.toJava());
                assertEquals("A,B,C", upper.toJava());
            }
            try (PyObject one = py.toPython(1)) {
                assertFalse(one.isCallable());
                assertEquals("TypeError", assertThrows(PythonException.class, () -> one.call()).pythonType());
            }
        }
    }

    @Test
    void items() {
        try (Attachment py = main.attach(); PyObject g = py.newGlobals()) {
            try (PyObject d = py.eval("{'a': 1, 'b': [2]}", g)) {
                try (PyObject a = d.getItem("a")) {
                    assertEquals(1L, a.toJava());
                }
                d.setItem("c", 3);
                d.setItem(4, "four");
                assertEquals(4, d.len());
                d.delItem("a");
                assertEquals(3, d.len());
                PythonException e = assertThrows(PythonException.class, () -> d.getItem("a"));
                assertEquals("KeyError", e.pythonType());
                assertEquals("KeyError", assertThrows(PythonException.class, () -> d.delItem("zz")).pythonType());
                Map<?, ?> m = (Map<?, ?>) d.toJava();
                assertEquals(List.of("b", "c", 4L), new ArrayList<>(m.keySet()));
                List<PyObject> keys = d.items();
                try {
                    assertEquals(List.of("b", "c", 4L), keys.stream().map(PyObject::toJava).toList());
                } finally {
                    keys.forEach(PyObject::close);
                }
            }
            try (PyObject l = py.eval("[10, 20, 30]", g)) {
                try (PyObject x = l.getItem(-1)) {
                    assertEquals(30L, x.toJava());
                }
                l.setItem(0, "ten");
                l.delItem(1);
                assertEquals(List.of("ten", 30L), l.toJava());
                assertEquals("IndexError", assertThrows(PythonException.class, () -> l.getItem(5)).pythonType());
            }
            try (PyObject gen = py.eval("(i * i for i in range(5))", g)) {
                List<PyObject> squares = gen.items();
                assertEquals(List.of(0L, 1L, 4L, 9L, 16L), squares.stream().map(PyObject::toJava).toList());
                squares.forEach(PyObject::close);
                assertEquals(List.of(), gen.items(), "a generator is exhausted after one pass");
            }
            py.exec("""
                    def broken():
                        yield 1
                        raise ValueError("broken iterator")
                    """, g);
            try (PyObject it = py.eval("broken()", g)) {
                PythonException e = assertThrows(PythonException.class, it::items);
                assertEquals("ValueError", e.pythonType());
            }
            try (PyObject one = py.toPython(1)) {
                assertEquals("TypeError", assertThrows(PythonException.class, one::len).pythonType());
                assertEquals("TypeError", assertThrows(PythonException.class, one::items).pythonType());
            }
        }
    }

    @Test
    void reprStrTypeNameIsTrue() {
        try (Attachment py = main.attach(); PyObject g = py.newGlobals()) {
            try (PyObject s = py.toPython("it's")) {
                assertEquals("\"it's\"", s.repr());
                assertEquals("it's", s.str());
                assertEquals("str", s.typeName());
                assertEquals("it's", s.toStringValue());
            }
            try (PyObject p = py.eval("__import__('pathlib').PurePosixPath('/a/b')", g)) {
                assertEquals("PurePosixPath('/a/b')", p.repr());
                assertEquals("/a/b", p.str());
                assertEquals("/a/b", p.toStringValue());
                assertTrue(p.typeName().endsWith("PurePosixPath"), p.typeName());
                assertTrue(p.typeName().startsWith("pathlib"), p.typeName());
                assertTrue(p.toString().contains("PurePosixPath"), p.toString());
            }
            py.exec("class Nested:\n    class Inner:\n        pass\n", g);
            try (PyObject inner = py.eval("Nested.Inner()", g)) {
                assertEquals("__easel__.Nested.Inner", inner.typeName());
            }
            for (String falsy : List.of("0", "''", "[]", "{}", "None", "0.0", "False")) {
                try (PyObject o = py.eval(falsy, g)) {
                    assertFalse(o.isTrue(), falsy);
                }
            }
            for (String truthy : List.of("1", "'x'", "[0]", "True", "object()")) {
                try (PyObject o = py.eval(truthy, g)) {
                    assertTrue(o.isTrue(), truthy);
                }
            }
            try (PyObject none = py.eval("None", g); PyObject zero = py.eval("0", g)) {
                assertTrue(none.isNone());
                assertFalse(zero.isNone());
            }
            py.exec("class Bad:\n    def __bool__(self):\n        raise RuntimeError('no truth')\n", g);
            try (PyObject bad = py.eval("Bad()", g)) {
                PythonException e = assertThrows(PythonException.class, bad::isTrue);
                assertEquals("RuntimeError", e.pythonType());
                assertEquals("no truth", e.pythonMessage());
            }
            try (PyObject n = py.toPython(5); PyObject f = py.toPython(2.5)) {
                assertEquals(5L, n.toLong());
                assertEquals(5.0, n.toDouble());
                assertEquals(2.5, f.toDouble());
                assertThrows(ClassCastException.class, f::toLong);
            }
        }
    }

    @Test
    void execAndEvalWithGlobals() {
        try (Attachment py = main.attach(); PyObject g = py.newGlobals(); PyObject other = py.newGlobals()) {
            py.exec("x = 6\ndef times(y):\n    return x * y\n", g);
            assertEquals(42L, py.eval("times(7)", g).toJava());
            g.setItem("x", 10);
            assertEquals(70L, py.eval("times(7)", g).toJava(), "a function sees its globals as Java changed them");
            assertEquals("NameError", assertThrows(PythonException.class, () -> py.eval("x", other)).pythonType());
            assertEquals("__easel__", py.eval("__name__", g).toJava());
            assertEquals(3L, py.eval("len([1, 2, 3])", g).toJava(), "builtins are available");
            // eval takes an expression only.
            assertEquals("SyntaxError", assertThrows(PythonException.class, () -> py.eval("y = 1", g)).pythonType());
        }
        // The Interpreter shortcuts attach by themselves.
        try (PyObject g = main.newGlobals()) {
            main.exec("z = [i for i in range(4)]", g);
            assertEquals(List.of(0L, 1L, 2L, 3L), main.evalToJava("z", g));
        }
        assertEquals(2L, main.evalToJava("1 + 1"));
    }

    @Test
    void closeIsIdempotentAndUseAfterCloseFails() {
        PyObject o;
        try (Attachment py = main.attach()) {
            o = py.toPython(List.of(1, 2, 3));
            PyObject same = o.newReference();
            o.close();
            o.close(); // idempotent
            assertThrows(IllegalStateException.class, o::len);
            assertThrows(IllegalStateException.class, () -> o.getAttr("append"));
            assertThrows(IllegalStateException.class, o::toJava);
            assertThrows(IllegalStateException.class, () -> py.toPython(o), "a closed object cannot be passed to Python");
            assertEquals("PyObject[closed]", o.toString());
            // The other reference still holds the object.
            assertEquals(List.of(1L, 2L, 3L), same.toJava());
            same.close();
        }
        // Closing without being attached is fine too (queued release), and still idempotent.
        PyObject p = main.call(a -> a.toPython("x"));
        assertFalse(TestPython.runtime().isAttached());
        p.close();
        p.close();
        assertThrows(IllegalStateException.class, p::str);
        // Closing an attachment twice on its thread is harmless; using it after close fails.
        Attachment a = main.attach();
        a.close();
        a.close();
        assertThrows(IllegalStateException.class, () -> a.importModule("sys"));
        assertFalse(TestPython.runtime().isAttached());
    }

    @Test
    void objectsAreUsableFromOtherThreads() {
        PyObject list = main.call(a -> a.toPython(new ArrayList<>(List.of(1))));
        try (list) {
            Bounded.run("objects-user", 4, Duration.ofSeconds(20), i -> {
                for (int k = 0; k < 100; k++) {
                    try (PyObject r = list.callMethod("append", i)) {
                        assertTrue(r.isNone());
                    }
                }
            });
            assertEquals(401, list.len());
        }
    }

    /**
     * PyObjects dropped without close(), collected by the cleaner on its own (unattached) thread:
     * their references are queued and released at the next attachment, so Python frees them.
     */
    @Test
    void droppedObjectsAreReleasedLater() throws Exception {
        PyObject g = main.newGlobals();
        main.exec("""
                import weakref
                freed = [0]
                class Payload:
                    def __init__(self):
                        self.data = list(range(2000))
                    def __del__(self):
                        freed[0] += 1
                live = weakref.WeakSet()
                def make():
                    p = Payload()
                    live.add(p)
                    return p
                """, g);
        int n = Bounded.scaled(2000, 500);
        PyObject make = g.getItem("make");
        // Made on another thread, dropped there, never closed: only the cleaner can release them.
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread maker = Thread.ofPlatform().name("objects-maker").start(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    make.call(); // result dropped unclosed
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        assertTrue(Bounded.join(maker, Duration.ofSeconds(30)), "maker finished");
        assertNull(failure.get());
        long liveBefore = (Long) main.evalToJava("len(live)", g);
        assertTrue(liveBefore > 0, "the Java references keep the objects alive until collected: " + liveBefore);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long freed = 0;
        while (System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
            // Attaching drains the queue of releases; Python then runs __del__.
            freed = (Long) main.evalToJava("freed[0]", g);
            if (freed >= n * 9L / 10) {
                break;
            }
        }
        System.out.println("dropped PyObjects released: " + freed + " of " + n + " (alive before GC: " + liveBefore + ")");
        assertTrue(freed >= n * 9L / 10, "at least 90% of " + n + " dropped objects freed, got " + freed);
        make.close();
        g.close();
    }
}
