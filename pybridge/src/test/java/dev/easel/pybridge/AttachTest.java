package dev.easel.pybridge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/** Attaching: re-entrancy, ownership by thread, nesting order, virtual threads, detaching (guarantees 1 and 2). */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AttachTest {
    private final PythonRuntime rt = TestPython.runtime();
    private final Interpreter main = rt.main();

    /** Runs {@code work} on a new platform thread and returns what it threw (null if nothing), bounded. */
    private static Throwable onOtherThread(ThrowingRunnable work) {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = Thread.ofPlatform().name("attach-test-other").start(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        assertTrue(Bounded.join(t, Duration.ofSeconds(20)), "the other thread finished");
        return thrown.get();
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Throwable;
    }

    @Test
    void reentrantAttachCounts() {
        assertFalse(rt.isAttached());
        assertEquals(Optional.empty(), rt.attachedInterpreter());
        try (Attachment outer = main.attach()) {
            assertTrue(outer.acquired(), "the outer attachment takes the GIL");
            assertTrue(rt.isAttached());
            assertSame(main, rt.attachedInterpreter().orElseThrow());
            assertSame(main, outer.interpreter());
            try (Attachment inner = main.attach()) {
                assertFalse(inner.acquired(), "a nested attachment only counts");
                try (Attachment innermost = main.attach()) {
                    assertFalse(innermost.acquired());
                    assertEquals(3L, main.evalToJava("3"), "calls inside nest once more and return");
                }
                assertTrue(rt.isAttached(), "still attached after closing a nested attachment");
                assertEquals(1L, inner.eval("1", inner.newGlobals()).toJava());
            }
            assertTrue(rt.isAttached());
            // The safe API entries nest inside an open attachment as well.
            assertEquals(List.of(1L), main.call(a -> {
                assertFalse(a.acquired());
                return main.evalToJava("[1]");
            }));
            assertTrue(rt.isAttached());
        }
        assertFalse(rt.isAttached(), "the outermost close detaches");
        assertEquals(Optional.empty(), rt.attachedInterpreter());
    }

    @Test
    void isAttachedIsPerThread() {
        try (Attachment a = main.attach()) {
            AtomicBoolean otherSees = new AtomicBoolean(true);
            assertNull(onOtherThread(() -> otherSees.set(rt.isAttached())));
            assertFalse(otherSees.get(), "another thread is not attached because this one is");
            assertTrue(rt.isAttached());
        }
    }

    @Test
    void closingOnAnotherThreadFailsAndLeavesTheAttachmentUsable() {
        Attachment a = main.attach();
        try {
            Throwable e = onOtherThread(a::close);
            assertInstanceOf(IllegalStateException.class, e);
            assertTrue(e.getMessage().contains("thread"), e.getMessage());
            Throwable use = onOtherThread(() -> a.importModule("sys"));
            assertInstanceOf(IllegalStateException.class, use, "using it elsewhere fails too");
            // Still attached here, still usable.
            assertTrue(rt.isAttached());
            try (PyObject g = a.newGlobals(); PyObject r = a.eval("2 ** 10", g)) {
                assertEquals(1024L, r.toJava());
            }
        } finally {
            a.close();
        }
        assertFalse(rt.isAttached());
        // And the other thread can attach normally afterwards (the GIL was released properly).
        assertNull(onOtherThread(() -> assertEquals(5L, main.evalToJava("5"))));
    }

    @Test
    void closingOutOfOrderFails() {
        Attachment outer = main.attach();
        Attachment inner = main.attach();
        IllegalStateException e = assertThrows(IllegalStateException.class, outer::close);
        assertTrue(e.getMessage().contains("order"), e.getMessage());
        assertTrue(rt.isAttached());
        assertEquals(7L, main.evalToJava("7"), "still usable after the refused close");
        inner.close();
        outer.close();
        assertFalse(rt.isAttached());
        // After all closes the thread can attach again and the depth starts over.
        try (Attachment again = main.attach()) {
            assertTrue(again.acquired());
        }
    }

    @Test
    void virtualThreadsAreRefused() throws Exception {
        CompletableFuture<Throwable> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (Attachment a = main.attach()) {
                result.complete(null);
            } catch (Throwable t) {
                result.complete(t);
            }
        });
        Throwable t = result.get(20, TimeUnit.SECONDS);
        IllegalStateException e = assertInstanceOf(IllegalStateException.class, t);
        assertFalse(e instanceof PythonClosedException);
        assertTrue(e.getMessage().contains("virtual thread"), e.getMessage());
        assertTrue(e.getMessage().contains("platform thread"), "the message says what to do: " + e.getMessage());

        // Every entry refuses, not just attach().
        CompletableFuture<Throwable> viaEval = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                main.evalToJava("1");
                viaEval.complete(null);
            } catch (Throwable x) {
                viaEval.complete(x);
            }
        });
        assertInstanceOf(IllegalStateException.class, viaEval.get(20, TimeUnit.SECONDS));
        // Nothing was left half-attached: this thread and others still work.
        assertEquals(1L, main.evalToJava("1"));
    }

    @Test
    void detachedReleasesTheGil() throws Exception {
        CountDownLatch aDetached = new CountDownLatch(1);
        CountDownLatch bRan = new CountDownLatch(1);
        AtomicBoolean bRanWhileADetached = new AtomicBoolean();
        AtomicBoolean attachedInside = new AtomicBoolean(true);
        AtomicBoolean attachedAfter = new AtomicBoolean();
        AtomicReference<Throwable> aFailed = new AtomicReference<>();
        Thread a = Thread.ofPlatform().name("detach-A").unstarted(() -> {
            try (Attachment py = main.attach()) {
                py.detached(() -> {
                    attachedInside.set(rt.isAttached());
                    aDetached.countDown();
                    // B can only run Python now if A released the GIL.
                    bRanWhileADetached.set(bRan.await(15, TimeUnit.SECONDS));
                    return null;
                });
                attachedAfter.set(rt.isAttached());
                assertEquals(4L, py.eval("2 + 2", py.newGlobals()).toJava());
            } catch (Throwable t) {
                aFailed.set(t);
            }
        });
        AtomicReference<Object> bResult = new AtomicReference<>();
        Thread b = Thread.ofPlatform().name("detach-B").unstarted(() -> {
            try {
                if (aDetached.await(15, TimeUnit.SECONDS)) {
                    bResult.set(main.evalToJava("sum(range(1000))"));
                    bRan.countDown();
                }
            } catch (InterruptedException ignored) {
                // the asserts below report it
            }
        });
        a.start();
        b.start();
        assertTrue(Bounded.join(a, Duration.ofSeconds(40)), "A finished");
        assertTrue(Bounded.join(b, Duration.ofSeconds(40)), "B finished");
        assertNull(aFailed.get());
        assertEquals(499500L, bResult.get());
        assertTrue(bRanWhileADetached.get(), "B attached and ran Python while A was inside detached()");
        assertFalse(attachedInside.get(), "not attached inside detached()");
        assertTrue(attachedAfter.get(), "attached again after detached()");
    }

    @Test
    void detachedReturnsValuesAndPropagatesExceptions() throws Exception {
        try (Attachment py = main.attach()) {
            assertEquals("value", py.detached(() -> "value"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> py.detached(() -> {
                throw new IllegalArgumentException("from detached work");
            }));
            assertEquals("from detached work", e.getMessage());
            assertTrue(rt.isAttached(), "re-attached after an exception in detached work");
            Exception checked = assertThrows(Exception.class, () -> py.detached((java.util.concurrent.Callable<Object>) () -> {
                throw new java.io.IOException("checked");
            }));
            assertInstanceOf(java.io.IOException.class, checked);
            assertEquals(9L, py.eval("3 * 3", py.newGlobals()).toJava());
            // Nested: attach again inside detached work (a different scope), then come back.
            assertEquals(10L, py.detached(() -> main.evalToJava("10")));
            assertTrue(rt.isAttached());
            try (Attachment inner = main.attach()) {
                assertEquals(11L, inner.detached(() -> 11L), "detached works from a nested attachment too");
            }
        }
        assertFalse(rt.isAttached());
    }

    @Test
    void tryAttach() {
        Optional<Attachment> a = main.tryAttach();
        assertTrue(a.isPresent(), "the main interpreter is open");
        try (Attachment py = a.get()) {
            assertTrue(py.acquired());
            assertTrue(rt.isAttached());
        }
        assertFalse(rt.isAttached());
    }

    @Test
    void tryAttachOnClosedSubInterpreterIsEmpty() {
        TestPython.assumeSubInterpreters();
        Interpreter sub = rt.newSubInterpreter();
        sub.close();
        assertEquals(Optional.empty(), sub.tryAttach());
        assertThrows(PythonClosedException.class, sub::attach);
        assertFalse(rt.isAttached());
    }

    @Test
    void threadStateIsReusedPerThread() {
        try (PyObject g = main.newGlobals()) {
            main.exec("import threading\nlocal = threading.local()\n", g);
            Bounded.run("attach-reuse", 4, Duration.ofSeconds(30), i -> {
                for (int k = 0; k < 50; k++) {
                    try (Attachment py = main.attach()) {
                        Object seen = py.eval("getattr(local, 'who', None)", g).toJava();
                        if (k == 0) {
                            assertNull(seen, "a new thread starts with empty thread-local data");
                            // Not through a shared global: another thread may set it between the
                            // two statements (the GIL can change hands inside exec).
                            py.exec("local.who = 'thread-" + i + "'", g);
                        } else {
                            assertEquals("thread-" + i, seen, "the same thread state is current at every attach");
                        }
                    }
                }
            });
        }
    }

    @Test
    void manyThreadsAttachConcurrently() {
        int threads = 6;
        int rounds = Bounded.scaled(2000, 300);
        try (PyObject g = main.newGlobals()) {
            main.exec("counts = {}\n", g);
            try (PyObject counts = g.getItem("counts")) {
                Bounded.run("attach-many", threads, Duration.ofSeconds(40), i -> {
                    for (int k = 0; k < rounds; k++) {
                        try (Attachment py = main.attach()) {
                            // read-modify-write under the GIL: never loses an update
                            Object prev = counts.toJava() instanceof java.util.Map<?, ?> m ? m.get((long) i) : null;
                            counts.setItem(i, prev == null ? 1L : (Long) prev + 1);
                        }
                    }
                });
                java.util.Map<?, ?> m = (java.util.Map<?, ?>) counts.toJava();
                for (int i = 0; i < threads; i++) {
                    assertEquals((long) rounds, m.get((long) i), "thread " + i);
                }
            }
        }
    }

    @Test
    void closedAttachmentIsRejectedOnUse() {
        Attachment a = main.attach();
        a.close();
        assertThrows(IllegalStateException.class, a::newGlobals);
        assertThrows(IllegalStateException.class, () -> a.detached(() -> { }));
    }
}
