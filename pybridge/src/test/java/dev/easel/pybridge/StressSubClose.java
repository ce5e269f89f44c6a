package dev.easel.pybridge;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stress for closing: sub-interpreters closed by one thread at a random moment while others use them
 * (run in process by {@link StressTest}), and workers for {@link StressShutdownMain} that close
 * sub-interpreters from other threads or block in C at shutdown.
 */
final class StressSubClose {
    private StressSubClose() {}

    /**
     * One round: 1-3 threads use a new sub-interpreter (plain calls, nested in main, endless Python
     * loops), another closes it once a random number of calls was made. Users see results or
     * {@link PythonClosedException}, nothing else; the sub-interpreter ends once its users have
     * attached elsewhere or ended.
     */
    static void round(PythonRuntime rt, Random r) {
        Interpreter sub = rt.newSubInterpreter();
        Interpreter main = rt.main();
        int users = 1 + r.nextInt(3);
        int closeAfter = r.nextInt(60);
        long seed = r.nextLong();
        AtomicInteger calls = new AtomicInteger();
        List<Thread> threads = Bounded.start("sub-user", users + 1, i -> {
            if (i == users) {
                while (calls.get() < closeAfter && !sub.isClosed()) {
                    Thread.onSpinWait();
                }
                sub.close();
                return;
            }
            Random ur = new Random(seed + i);
            try {
                while (true) {
                    switch (ur.nextInt(4)) {
                        case 0 -> check(sub.evalToJava("sum(range(100))"), 4950L);
                        case 1 -> {
                            try (Attachment m = main.attach()) {
                                check(sub.evalToJava("7 * 6"), 42L);
                                check(m.eval("1", m.newGlobals()).toJava(), 1L);
                            }
                        }
                        case 2 -> {
                            try (PyObject g = sub.newGlobals()) {
                                // Ends by itself, or is stopped by the close (SystemExit).
                                sub.exec("n = 0\nwhile n < 20000:\n    n += 1\n", g);
                            }
                        }
                        default -> check(main.evalToJava("3"), 3L);
                    }
                    calls.incrementAndGet();
                }
            } catch (PythonClosedException closed) {
                check(sub.isClosed() || sub.closing, "closed only when the sub-interpreter is: " + closed);
            }
            // This thread's last attach may have been to the sub: attaching elsewhere settles it.
            check(main.evalToJava("5"), 5L);
        });
        Bounded.joinAll(threads, Duration.ofSeconds(60));
        check(sub.isClosed(), "closed");
    }

    /** Work for a worker of {@link StressShutdownMain}: ends only by an exception. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    /**
     * Adds two workers (through {@code add}): one uses a new sub-interpreter, then main; the other
     * closes the sub-interpreter once it was used {@code closeAfter} times (or shutdown began), then
     * uses main. Both end with {@link PythonClosedException} at shutdown.
     */
    static void closedElsewhere(PythonRuntime rt, int closeAfter, java.util.function.BiConsumer<String, Work> add) {
        Interpreter sub = rt.newSubInterpreter();
        Interpreter main = rt.main();
        AtomicInteger uses = new AtomicInteger();
        add.accept("sub-user", () -> {
            try {
                while (true) {
                    check(sub.evalToJava("sum(range(50))"), 1225L);
                    uses.incrementAndGet();
                }
            } catch (PythonClosedException e) {
                if (rt.isClosing()) {
                    throw e;
                }
            }
            while (true) {
                main.evalToJava("1");
            }
        });
        add.accept("sub-closer", () -> {
            while (uses.get() < closeAfter && !rt.isClosing()) {
                Thread.onSpinWait();
            }
            sub.close(); // returns at once when the runtime's shutdown has begun: that ends it
            while (true) {
                main.evalToJava("1");
            }
        });
    }

    /** Starts a non-daemon Python thread blocked in C for ever ({@code Event().wait()}): finalization must be abandoned. */
    static void blockInC(Interpreter main) {
        try (PyObject g = main.newGlobals()) {
            main.exec("""
                    import threading
                    started = threading.Event()
                    def blocked():
                        print("[py-blocked started]", end="")
                        started.set()
                        threading.Event().wait()
                    threading.Thread(target=blocked, name="py-blocked", daemon=False).start()
                    started.wait()
                    """, g);
        }
    }

    private static void check(Object actual, Object expected) {
        if (!expected.equals(actual)) {
            throw new AssertionError("expected " + expected + ", got " + actual);
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
