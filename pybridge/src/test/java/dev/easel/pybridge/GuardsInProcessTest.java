package dev.easel.pybridge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 8's smaller items that cannot crash the JVM, in this JVM ({@link GuardsTest} has the others). */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GuardsInProcessTest {
    private static final BuiltinModule MODULE = BuiltinModule.builder("_guards_inproc")
            .function("num", "(x)", "", a -> a.expect(1).doubleAt(0))
            .function("idx", "(x)", "", a -> a.expect(1).longAt(0))
            .function("text", "(x)", "", a -> a.expect(1).stringAt(0))
            .function("tick", "()", "", a -> null)
            .function("pause", "()", "", a -> a.detached(() -> {
                Thread.onSpinWait();
                return null;
            }))
            .build();

    private static PyObject globals() {
        Interpreter main = TestPython.main();
        MODULE.install(main).close();
        PyObject g = main.newGlobals();
        main.exec("""
                import _guards_inproc as m
                class Boom(Exception):
                    pass
                class Bad:
                    def __float__(self):
                        raise Boom("float")
                    def __index__(self):
                        raise Boom("index")
                class Meta(type):
                    def __instancecheck__(cls, obj):
                        raise Boom("instancecheck")
                def err(f, x):
                    try:
                        f(x)
                        return "no error"
                    except BaseException as e:
                        return type(e).__name__ + ": " + str(e)
                """, g);
        return g;
    }

    @Test
    void conversionErrorsOtherThanTheExpectedKeepTheirType() {
        Interpreter main = TestPython.main();
        try (PyObject g = globals()) {
            assertEquals("Boom: float", main.evalToJava("err(m.num, Bad())", g));
            assertEquals("Boom: index", main.evalToJava("err(m.idx, Bad())", g));
            assertTrue(((String) main.evalToJava("err(m.num, 'x')", g)).startsWith("TypeError: num() argument"));
            assertTrue(((String) main.evalToJava("err(m.idx, 1.5)", g)).startsWith("TypeError: idx() argument"));
            assertTrue(((String) main.evalToJava("err(m.num, 10**400)", g)).startsWith("ValueError: num() argument"));
            assertTrue(((String) main.evalToJava("err(m.idx, 10**40)", g)).startsWith("ValueError: idx() argument"));
            assertEquals(3.0, main.evalToJava("m.num(3)", g));
            assertEquals("ok", main.evalToJava("m.text('ok')", g));
        }
    }

    @Test
    void interruptOfAThreadNotInPythonDoesNotFireAtItsNextAttach() throws Exception {
        Interpreter main = TestPython.main();
        CountDownLatch used = new CountDownLatch(1);
        CountDownLatch asked = new CountDownLatch(1);
        AtomicReference<Object> later = new AtomicReference<>();
        Thread idle = Thread.ofPlatform().name("idle-then-busy").start(() -> {
            main.evalToJava("1"); // has a thread state now, and is not attached
            used.countDown();
            try {
                asked.await();
                later.set(main.evalToJava("sum(range(1000))"));
            } catch (Throwable t) {
                later.set(t);
            }
        });
        assertTrue(used.await(30, TimeUnit.SECONDS));
        assertFalse(main.interrupt(idle), "an idle thread is not running Python: nothing to interrupt");
        asked.countDown();
        assertTrue(Bounded.join(idle, Duration.ofSeconds(30)));
        assertEquals(499500L, later.get(), "its next, unrelated call is not stopped");
    }

    /**
     * A thread that made a sub-interpreter and never attached elsewhere (an isolated canvas) is
     * reachable by interrupt(): its ident was unknown, so a runaway isolated canvas could be
     * neither stopped when its window closed nor at shutdown.
     */
    @Test
    void aThreadThatOnlyRanItsOwnSubInterpreterCanBeInterrupted() throws Exception {
        TestPython.assumeSubInterpreters();
        PythonRuntime rt = TestPython.runtime();
        for (int rep = 0; rep < 20; rep++) {
            CountDownLatch looping = new CountDownLatch(1);
            AtomicReference<Interpreter> made = new AtomicReference<>();
            AtomicReference<Object> ending = new AtomicReference<>();
            Thread runaway = Thread.ofPlatform().name("own-sub-runaway").start(() -> {
                Interpreter sub = rt.newSubInterpreter();
                made.set(sub);
                try (Attachment py = sub.attach()) {
                    looping.countDown();
                    py.exec("while True:\n    pass\n", sub.newGlobals());
                    ending.set("returned");
                } catch (Throwable t) {
                    ending.set(t);
                }
            });
            assertTrue(looping.await(30, TimeUnit.SECONDS));
            boolean fired = false;
            for (int i = 0; i < 1000 && !fired && runaway.isAlive(); i++) {
                fired = made.get().interrupt(runaway); // false only before it runs Python
                if (!fired) {
                    Thread.onSpinWait();
                }
            }
            assertTrue(fired, "the stop request reached the thread");
            assertTrue(Bounded.join(runaway, Duration.ofSeconds(30)), "the loop ended");
            assertInstanceOf(PythonException.class, ending.get());
            assertTrue(ending.get().toString().contains("SystemExit"), String.valueOf(ending.get()));
            made.get().close();
        }
    }

    @Test
    void referencesDroppedElsewhereAreReleasedWhileAThreadStaysAttached() throws Exception {
        Interpreter main = TestPython.main();
        for (String wait : new String[]{"m.tick()", "m.pause()"}) {
            try (PyObject g = globals()) {
                main.exec("""
                        import weakref
                        class Thing:
                            pass
                        thing = Thing()
                        ref = weakref.ref(thing)
                        """, g);
                PyObject held = g.getItem("thing");
                main.exec("del thing", g); // the PyObject holds the only reference now
                CountDownLatch looping = new CountDownLatch(1);
                AtomicReference<Object> seen = new AtomicReference<>();
                Thread attached = Thread.ofPlatform().name("stays-attached").start(() -> {
                    try (Attachment py = main.attach()) {
                        looping.countDown();
                        // Polls until the object is gone (bounded: a failure must not hang the test).
                        py.exec("""
                                import time
                                end = time.monotonic() + 60
                                while ref() is not None and time.monotonic() < end:
                                    %s
                                released = ref() is None
                                """.formatted(wait), g);
                        seen.set(py.eval("released", g).toJava());
                    } catch (Throwable t) {
                        seen.set(t);
                    }
                });
                assertTrue(looping.await(30, TimeUnit.SECONDS));
                held.close(); // not attached here: queued for that interpreter
                assertTrue(Bounded.join(attached, Duration.ofSeconds(90)));
                assertEquals(Boolean.TRUE, seen.get(), "released during " + wait + " without a fresh attach");
            }
        }
    }

    /**
     * Shutdown interrupts threads waiting in {@code detached} sections ({@link Draining}); a thread
     * that has just left its section, or that left it without noticing the interrupt, must not
     * carry that interrupt into unrelated Java code. One thread enters and leaves sections (of
     * random lengths, some parking) while another interrupts detached threads as fast as it can.
     */
    @Test
    void interruptsForDetachedSectionsNeverReachCodeOutsideThem() throws Exception {
        Interpreter main = TestPython.main();
        long seed = new java.util.Random().nextLong();
        int reps = 20_000;
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger strays = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger inSection = new java.util.concurrent.atomic.AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = Thread.ofPlatform().name("detached-in-and-out").start(() -> {
            java.util.Random r = new java.util.Random(seed);
            try {
                for (int i = 0; i < reps; i++) {
                    int spin = r.nextInt(200);
                    boolean park = r.nextInt(8) == 0;
                    try (Attachment py = main.attach()) {
                        py.detached(() -> {
                            for (int k = 0; k < spin; k++) {
                                Thread.onSpinWait();
                            }
                            if (park) {
                                java.util.concurrent.locks.LockSupport.parkNanos(1_000); // returns early when interrupted
                            }
                            return null;
                        });
                    } catch (InterruptedException meantForTheSection) {
                        inSection.incrementAndGet();
                    }
                    // Outside every section now: no interrupt may be pending or arrive.
                    for (int k = 0; k < r.nextInt(200); k++) {
                        Thread.onSpinWait();
                    }
                    if (Thread.interrupted()) {
                        strays.incrementAndGet();
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.set(true);
            }
        });
        Thread interrupter = Thread.ofPlatform().name("drainer-like").start(() -> {
            while (!done.get()) {
                Draining.interruptDetached(main);
            }
        });
        assertTrue(Bounded.join(worker, Duration.ofSeconds(100)), "worker finished");
        assertTrue(Bounded.join(interrupter, Duration.ofSeconds(10)));
        assertNull(failure.get(), () -> "worker failed (seed " + seed + "): " + failure.get());
        assertEquals(0, strays.get(), "interrupts found outside detached sections (seed " + seed + "; "
                + inSection.get() + " sections ended by their interrupt)");
    }
}
