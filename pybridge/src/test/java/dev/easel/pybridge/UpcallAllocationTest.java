package dev.easel.pybridge;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A positional call of a Java built-in with number arguments allocates nothing in Java (issue 12,
 * item 3). Garbage per call made the cost of {@code g.line} bimodal: young regions touched for the
 * first time page-fault, which on this machine's kind of VM cost more than the call itself. Bytes
 * counted on the calling thread are deterministic, unlike times: the bound holds compiled or not.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UpcallAllocationTest {
    private static final int CALLS = 100_000;
    /** Bytes per call allowed: what a Python loop of 100,000 calls costs in Java beyond the calls is far less. */
    private static final double BOUND = 8;

    private static Interpreter main;
    private static double sink;

    /** Drawing-like built-ins: several share the trampoline, as {@code _easel}'s do. */
    static final BuiltinModule MODULE = BuiltinModule.builder("_easel_upcall_alloc_test")
            .function("line", "(x1, y1, x2, y2)", "", a -> {
                a.expect(4);
                sink += a.doubleAt(0) + a.doubleAt(1) + a.doubleAt(2) + a.doubleAt(3);
                return null;
            })
            .function("fill_circle", "(x, y, r)", "", a -> {
                a.expect(3, 3);
                sink += a.doubleAt(0) * a.doubleAt(1) - a.doubleAt(2);
                return null;
            })
            .function("maybe", "(x, y=None)", "", a -> {
                a.expect(1, 2);
                sink += a.isNone(1) ? a.doubleAt(0) : a.doubleAt(0) + a.doubleAt(1);
                return null;
            })
            .function("none", "()", "", a -> null)
            .build();

    private static final String LOOPS = """
            import _easel_upcall_alloc_test as m
            def floats(n):
                line = m.line
                for _ in range(n):
                    line(1.0, 2.0, 3.0, 4.0)
            def ints(n):
                line = m.line
                for i in range(n):
                    line(1, 2, 3, 4)
            def mixed(n):
                line, circle, maybe, none = m.line, m.fill_circle, m.maybe, m.none
                for _ in range(n):
                    line(1.0, 2.0, 3.0, 4.0)
                    circle(5.0, 6.0, 7.0)
                    maybe(1.0, None)
                    maybe(2.0)
                    none()
            def empty(n):
                for _ in range(n):
                    pass
            """;

    @BeforeAll
    static void setUp() {
        main = TestPython.main();
        MODULE.install(main).close();
    }

    @Test
    void floatArgumentsAllocateNothing() {
        assertBelowBound("floats", 1);
    }

    @Test
    void smallIntArgumentsAllocateNothing() {
        assertBelowBound("ints", 1);
    }

    @Test
    void severalBuiltinsInOneLoopAllocateNothing() {
        assertBelowBound("mixed", 5);
    }

    /** Runs {@code fn(CALLS)} (making {@code perRound} built-in calls per round) warm, then counts Java bytes per call. */
    private static void assertBelowBound(String fn, int perRound) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (Attachment py = main.attach(); PyObject g = py.newGlobals()) {
            py.exec(LOOPS, g);
            try (PyObject f = g.getItem(fn); PyObject empty = g.getItem("empty")) {
                for (int i = 0; i < 5; i++) { // warm: the bound must hold compiled too, not only interpreted
                    f.call(CALLS).close();
                }
                // What one call from Java into Python costs itself, measured the same way.
                long e0 = threads.getCurrentThreadAllocatedBytes();
                empty.call(CALLS).close();
                long overhead = threads.getCurrentThreadAllocatedBytes() - e0;
                long b0 = threads.getCurrentThreadAllocatedBytes();
                f.call(CALLS).close();
                long bytes = threads.getCurrentThreadAllocatedBytes() - b0 - overhead;
                double perCall = (double) bytes / ((long) CALLS * perRound);
                assertTrue(perCall < BOUND, fn + ": " + perCall + " bytes allocated in Java per built-in call ("
                        + bytes + " bytes for " + (long) CALLS * perRound + " calls); expected < " + BOUND);
            }
        }
    }
}
