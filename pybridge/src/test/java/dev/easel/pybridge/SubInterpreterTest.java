package dev.easel.pybridge;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/** Own-GIL sub-interpreters (guarantee 4), CPython 3.12+. */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SubInterpreterTest {
    private PythonRuntime rt;
    private Interpreter main;

    static final BuiltinModule MODULE = BuiltinModule.builder("_easel_sub_test")
            .function("where", "()", "The id of the interpreter calling.", a -> a.interpreter().id())
            .function("twice", "(fn)", "Calls fn() twice from Java.", a -> {
                try (PyObject fn = a.objectAt(0); PyObject r1 = fn.call(); PyObject r2 = fn.call()) {
                    return List.of(r1.toJava(), r2.toJava());
                }
            })
            .build();

    @BeforeEach
    void setUp() {
        TestPython.assumeSubInterpreters();
        rt = TestPython.runtime();
        main = rt.main();
    }

    @Test
    void createRunAndClose() {
        Interpreter sub = rt.newSubInterpreter();
        try {
            assertFalse(sub.isMain());
            assertTrue(sub.id() > 0, "id " + sub.id());
            assertFalse(sub.isClosed());
            assertSame(rt, sub.runtime());
            assertEquals(2L, sub.evalToJava("1 + 1"));
            assertEquals(main.evalToJava("__import__('sys').version"), sub.evalToJava("__import__('sys').version"));
            PythonException e = assertThrows(PythonException.class, () -> sub.evalToJava("[][1]"));
            assertEquals("IndexError", e.pythonType());
            assertFalse(rt.isAttached(), "making and using a sub-interpreter leaves this thread as it was");
        } finally {
            sub.close();
        }
        assertTrue(sub.isClosed());
        sub.close(); // idempotent
        assertThrows(PythonClosedException.class, () -> sub.evalToJava("1"));
        assertThrows(IllegalStateException.class, () -> main.close(), "the main interpreter closes with the runtime");
        assertEquals(3L, main.evalToJava("3"), "the main interpreter is unaffected");
    }

    @Test
    void interpretersAreIsolated() {
        Interpreter a = rt.newSubInterpreter();
        Interpreter b = rt.newSubInterpreter();
        try {
            assertNotEquals(a.id(), b.id());
            try (PyObject ga = a.newGlobals()) {
                a.exec("import sys, json\nsys.easel_marker = 'a'\njson.easel_flag = 1\nshared_name = 'only in a'\n", ga);
                assertEquals("a", a.evalToJava("__import__('sys').easel_marker"));
                assertEquals(1L, a.evalToJava("__import__('json').easel_flag"));
            }
            for (Interpreter other : List.of(b, main)) {
                assertEquals(false, other.evalToJava("hasattr(__import__('sys'), 'easel_marker')"), other.toString());
                assertEquals(false, other.evalToJava("hasattr(__import__('json'), 'easel_flag')"), other.toString());
            }
            // Module objects differ per interpreter.
            long idA = (Long) a.evalToJava("id(__import__('sys').modules)");
            long idB = (Long) b.evalToJava("id(__import__('sys').modules)");
            assertNotEquals(idA, idB);
            // A change in main is not seen in the subs either.
            main.exec("import sys\nsys.easel_main_marker = True\n", main.newGlobals());
            assertEquals(false, a.evalToJava("hasattr(__import__('sys'), 'easel_main_marker')"));
            assertEquals(false, b.evalToJava("hasattr(__import__('sys'), 'easel_main_marker')"));
        } finally {
            main.exec("import sys\nif hasattr(sys, 'easel_main_marker'): del sys.easel_main_marker\n", main.newGlobals());
            a.close();
            b.close();
        }
    }

    @Test
    void builtinModuleIsInstalledPerInterpreter() {
        Interpreter a = rt.newSubInterpreter();
        Interpreter b = rt.newSubInterpreter();
        try {
            MODULE.install(a).close();
            assertEquals(a.id(), a.evalToJava("__import__('_easel_sub_test').where()"));
            PythonException missing = assertThrows(PythonException.class,
                    () -> b.evalToJava("__import__('_easel_sub_test')"));
            assertEquals("ModuleNotFoundError", missing.pythonType());
            MODULE.install(b).close();
            MODULE.install(main).close();
            assertEquals(b.id(), b.evalToJava("__import__('_easel_sub_test').where()"));
            assertEquals(0L, main.evalToJava("__import__('_easel_sub_test').where()"));
            // Upcalls from a sub-interpreter's own Python thread know their interpreter too.
            try (PyObject g = a.newGlobals()) {
                a.exec("""
                        import threading, _easel_sub_test as m
                        out = []
                        t = threading.Thread(target=lambda: out.append(m.where()))
                        t.start()
                        t.join(20)
                        back = m.twice(lambda: m.where())
                        """, g);
                assertEquals(List.of(a.id()), a.evalToJava("out", g));
                assertEquals(List.of(a.id(), a.id()), a.evalToJava("back", g));
            }
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void severalJavaThreadsAttachConcurrently() {
        Interpreter sub = rt.newSubInterpreter();
        int threads = 4;
        int rounds = Bounded.scaled(500, 100);
        try (PyObject g = sub.newGlobals()) {
            sub.exec("counts = {}\n", g);
            Bounded.run("sub-attach", threads, Duration.ofSeconds(60), i -> {
                for (int k = 0; k < rounds; k++) {
                    try (Attachment py = sub.attach()) {
                        g.setItem("who", i);
                        // per-thread key: no lost update even if the GIL switches between statements
                        py.exec("counts[who] = counts.get(who, 0) + 1", g);
                    }
                    if (k % 10 == 0) {
                        assertEquals(1L, main.evalToJava("1"), "the same thread also attaches to main");
                    }
                }
            });
            Map<?, ?> counts = (Map<?, ?>) sub.evalToJava("counts", g);
            long total = counts.values().stream().mapToLong(v -> (Long) v).sum();
            // 'who' is a shared global: the key may be another thread's, but every increment lands.
            assertEquals((long) threads * rounds, total);
        } finally {
            sub.close();
        }
    }

    @Test
    void nestedAttachMainSubMainRestores() {
        Interpreter sub = rt.newSubInterpreter();
        try {
            sub.exec("import sys\nsys.easel_where = 'sub'\n", sub.newGlobals());
            main.exec("import sys\nsys.easel_where = 'main'\n", main.newGlobals());
            String where = "__import__('sys').easel_where";
            try (Attachment a = main.attach()) {
                assertTrue(a.acquired());
                assertEquals("main", main.evalToJava(where));
                try (Attachment b = sub.attach()) {
                    assertTrue(b.acquired(), "switching interpreters takes the sub's GIL");
                    assertSame(sub, rt.attachedInterpreter().orElseThrow());
                    assertEquals("sub", b.eval(where, b.newGlobals()).toJava());
                    try (Attachment c = main.attach()) {
                        assertTrue(c.acquired());
                        assertSame(main, rt.attachedInterpreter().orElseThrow());
                        assertEquals("main", c.eval(where, c.newGlobals()).toJava());
                        try (Attachment d = main.attach()) {
                            assertFalse(d.acquired(), "nested in the same interpreter: only counts");
                        }
                        // Closing b now would be out of order.
                        assertThrows(IllegalStateException.class, b::close);
                    }
                    assertSame(sub, rt.attachedInterpreter().orElseThrow(), "the sub attachment is restored");
                    assertEquals("sub", b.eval(where, b.newGlobals()).toJava());
                    assertEquals("main", main.evalToJava(where), "a call on main from inside sub switches and back");
                    assertEquals("sub", sub.evalToJava(where));
                }
                assertSame(main, rt.attachedInterpreter().orElseThrow(), "main is restored");
                assertEquals("main", a.eval(where, a.newGlobals()).toJava());
            }
            assertFalse(rt.isAttached());
        } finally {
            main.exec("import sys\ndel sys.easel_where\n", main.newGlobals());
            sub.close();
        }
    }

    @Test
    void subInterpreterMadeWhileAttachedLeavesAttachmentAsItWas() {
        try (Attachment a = main.attach()) {
            Interpreter sub = rt.newSubInterpreter();
            assertSame(main, rt.attachedInterpreter().orElseThrow());
            assertEquals(4L, sub.evalToJava("2 * 2"));
            assertSame(main, rt.attachedInterpreter().orElseThrow());
            sub.close();
            assertSame(main, rt.attachedInterpreter().orElseThrow());
            assertEquals(5L, a.eval("5", a.newGlobals()).toJava());
        }
    }

    @Test
    void closeDeletesOtherThreadsStatesAndEndsIt() throws Exception {
        Interpreter sub = rt.newSubInterpreter();
        // Finished threads that left thread states behind.
        Bounded.run("sub-visitor", 3, Duration.ofSeconds(30), i -> assertEquals((long) i, sub.evalToJava(String.valueOf(i))));
        // A live, idle thread with a thread state in it.
        CountDownLatch visited = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Throwable> afterClose = new AtomicReference<>();
        Thread idle = Thread.ofPlatform().name("sub-idle").start(() -> {
            sub.evalToJava("'hello'");
            visited.countDown();
            try {
                if (closed.await(30, TimeUnit.SECONDS)) {
                    sub.evalToJava("1");
                }
            } catch (Throwable t) {
                afterClose.set(t);
            }
        });
        assertTrue(visited.await(20, TimeUnit.SECONDS));
        assertEquals(true, sub.evalToJava("len(__import__('threading').enumerate()) >= 1"));
        assertTimeoutPreemptively(Duration.ofSeconds(30), sub::close);
        closed.countDown();
        assertTrue(Bounded.join(idle, Duration.ofSeconds(20)));
        assertInstanceOf(PythonClosedException.class, afterClose.get(), "a later attach from a thread that had a state");
        assertTrue(sub.isClosed());
        assertInstanceOf(PythonClosedException.class, assertThrows(PythonClosedException.class, sub::attach));
        assertTrue(sub.tryAttach().isEmpty());
        assertEquals(6L, main.evalToJava("6"), "the JVM and the main interpreter live on");
    }

    @Test
    void closeStopsCodeRunningInIt() throws Exception {
        Interpreter sub = rt.newSubInterpreter();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        PyObject g = sub.newGlobals();
        Thread looper = Thread.ofPlatform().name("sub-looper").start(() -> {
            try (Attachment py = sub.attach()) {
                py.exec("entered = True\nwhile True:\n    pass\n", g);
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        // Closed once the loop runs (polled: the looper gives the GIL up every few ms).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Boolean.TRUE.equals(sub.evalToJava("'entered' in globals()", g))) {
            assertTrue(System.nanoTime() - deadline < 0, "the loop did not start");
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        assertTimeoutPreemptively(Duration.ofSeconds(30), sub::close);
        Throwable t = outcome.get(20, TimeUnit.SECONDS);
        assertInstanceOf(PythonClosedException.class, t, "the looping thread was stopped: " + t);
        assertTrue(Bounded.join(looper, Duration.ofSeconds(20)));
        assertTrue(sub.isClosed());
    }

    @Test
    void closeStopsPythonThreadsRunningInIt() {
        Interpreter sub = rt.newSubInterpreter();
        try (PyObject g = sub.newGlobals()) {
            sub.exec("""
                    import threading, time
                    def forever():
                        while True:
                            time.sleep(0.01)
                    def swallowing_once():
                        try:
                            while True:
                                time.sleep(0.01)
                        except SystemExit:
                            pass
                        while True:  # caught the first request: the next one ends it
                            time.sleep(0.01)
                    threading.Thread(target=forever, name="sub-forever").start()
                    threading.Thread(target=swallowing_once, name="sub-swallow-once").start()
                    """, g);
            assertEquals(2L, sub.evalToJava("len([t for t in threading.enumerate() if t.name.startswith('sub-')])", g));
        }
        long t0 = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(30), sub::close);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(sub.isClosed(), "Python threads were stopped and the interpreter ended");
        System.out.println("closing a sub-interpreter with two endless Python threads took " + ms + " ms");
    }

    @Test
    void closingFromInsideAnAttachmentFails() {
        Interpreter sub = rt.newSubInterpreter();
        try (Attachment a = sub.attach()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, sub::close);
            assertFalse(e instanceof PythonClosedException);
            assertTrue(e.getMessage().contains("inside"), e.getMessage());
            assertFalse(sub.isClosed());
            assertEquals(1L, a.eval("1", a.newGlobals()).toJava(), "still usable");
        }
        sub.close();
        assertTrue(sub.isClosed());
    }

    @Test
    void objectsDoNotCross() {
        Interpreter sub = rt.newSubInterpreter();
        try (PyObject mainList = main.call(a -> a.toPython(new ArrayList<>(List.of(1, 2))));
             PyObject subLen = sub.call(a -> a.builtins().getAttr("len"));
             PyObject subList = sub.call(a -> a.toPython(new ArrayList<>()))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> subLen.call(mainList));
            assertTrue(e.getMessage().contains("do not cross"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> sub.call(a -> a.toPython(mainList)));
            assertThrows(IllegalArgumentException.class, () -> subList.callMethod("append", mainList));
            assertThrows(IllegalArgumentException.class, () -> mainList.setItem(0, subList));
            assertThrows(IllegalArgumentException.class, () -> sub.call(a -> a.toPython(List.of(1, mainList))),
                    "not inside containers either");
            assertEquals(0L, subList.len(), "nothing was appended");
            // Each object is still usable in its own interpreter, even from inside the other's attachment.
            try (Attachment a = sub.attach()) {
                assertEquals(2L, mainList.len());
                assertSame(sub, rt.attachedInterpreter().orElseThrow());
                try (PyObject r = subLen.call(subList)) {
                    assertEquals(0L, r.toJava());
                }
            }
        } finally {
            sub.close();
        }
    }

    @Test
    void objectsOfAClosedInterpreterAreInert() {
        Interpreter sub = rt.newSubInterpreter();
        PyObject o = sub.call(a -> a.toPython(List.of(1, 2, 3)));
        assertEquals(3L, o.len());
        sub.close();
        assertThrows(PythonClosedException.class, o::len);
        assertEquals("PyObject[interpreter closed]", o.toString());
        o.close(); // nothing to release into: harmless
        o.close();
    }

    @Test
    void virtualThreadCannotMakeOne() throws Exception {
        CompletableFuture<Throwable> r = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                rt.newSubInterpreter().close();
                r.complete(null);
            } catch (Throwable t) {
                r.complete(t);
            }
        });
        assertInstanceOf(IllegalStateException.class, r.get(20, TimeUnit.SECONDS));
    }

    @Test
    void parallelismSanity() {
        int n = Bounded.scaled(3_000_000, 1_000_000);
        String loop = "s = 0\nfor i in range(" + n + "):\n    s += i & 7\n";
        long expected = 0;
        for (int i = 0; i < n; i++) {
            expected += i & 7;
        }
        Interpreter s1 = rt.newSubInterpreter();
        Interpreter s2 = rt.newSubInterpreter();
        try {
            // warm up both (module imports, thread states)
            s1.evalToJava("0");
            s2.evalToJava("0");
            long own = timeTwo(List.of(s1, s2), loop, expected);
            long shared = timeTwo(List.of(main, main), loop, expected);
            System.out.printf("two CPU loops of %,d iterations: own GIL %d ms, shared GIL %d ms, speed-up %.2fx on %d cores%n",
                    n, own, shared, (double) shared / own, Runtime.getRuntime().availableProcessors());
        } finally {
            s1.close();
            s2.close();
        }
    }

    private static long timeTwo(List<Interpreter> interps, String loop, long expected) {
        long t0 = System.nanoTime();
        Bounded.run("cpu-loop", 2, Duration.ofSeconds(60), i -> {
            Interpreter in = interps.get(i);
            try (PyObject g = in.newGlobals()) {
                in.exec(loop, g);
                assertEquals(expected, in.evalToJava("s", g));
            }
        });
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
