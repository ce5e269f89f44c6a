package dev.easel.pybridge;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static dev.easel.pybridge.ChildMain.check;
import static dev.easel.pybridge.ChildMain.fail;

/**
 * Misuse and edge cases that used to crash or hang the JVM, one scenario per child JVM. Run by
 * {@link GuardsTest}: {@code GuardsMain <scenario> [seed]}.
 */
public final class GuardsMain {
    private static PythonRuntime rt;
    private static Interpreter main;

    private GuardsMain() {}

    /** A loop that starts and joins threads for ever: the parent of a thread being started is ambiguous on 3.11. */
    static final String STARTER = """
            import threading
            def _body():
                pass
            def starter():
                while True:
                    t = threading.Thread(target=_body)
                    t.start()
                    t.join()
            """;

    public static void main(String[] args) throws Exception {
        String scenario = args[0];
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        rt = ChildMain.start(Duration.ofSeconds(5));
        main = rt.main();
        System.out.println("scenario " + scenario + " seed " + seed + " on Python " + rt.version());
        switch (scenario) {
            case "start-vs-interrupt" -> startVsInterrupt(new Random(seed));
            case "start-vs-close" -> startVsClose(new Random(seed));
            case "detached-misuse" -> detachedMisuse();
            case "deep-recursion" -> deepRecursion();
            case "small-items" -> smallItems();
            default -> fail("unknown scenario " + scenario);
        }
        ChildMain.finish("scenario " + scenario + " done");
    }

    private static String stackOf(Thread t) {
        StringBuilder sb = new StringBuilder();
        for (StackTraceElement e : t.getStackTrace()) {
            sb.append("\n\tat ").append(e);
        }
        return sb.toString();
    }

    /** Item 1: interrupt() on a thread looping Thread.start() lands on it, never on the child it starts. */
    private static void startVsInterrupt(Random r) throws Exception {
        int reps = 500;
        PyObject g = main.newGlobals();
        main.exec(STARTER, g);
        AtomicLong stopped = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        Thread starter = PythonThreads.builder().name("starter").daemon(true).start(() -> {
            while (!done.get()) {
                try {
                    main.evalToJava("starter()", g);
                } catch (PythonException e) {
                    if (!e.pythonType().equals("SystemExit")) {
                        fail("starter: " + e);
                        return;
                    }
                    stopped.incrementAndGet();
                }
            }
        });
        int fired = 0;
        for (int rep = 0; rep < reps; rep++) {
            long before = stopped.get();
            LockSupport.parkNanos(r.nextInt(300_000)); // a random moment of the loop
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!main.interrupt(starter)) {
                if (System.nanoTime() > deadline) {
                    fail("interrupt never reached the starter (rep " + rep + ")" + stackOf(starter));
                    break;
                }
                Thread.onSpinWait();
            }
            fired++;
            while (stopped.get() == before && System.nanoTime() < deadline) {
                LockSupport.parkNanos(100_000);
            }
            if (stopped.get() == before) {
                fail("the starter did not stop after interrupt " + rep + " (a thread it was starting took it?)" + stackOf(starter));
                break;
            }
        }
        done.set(true);
        // Asked until it ends: one request can miss it (it may be between two calls of starter(),
        // having read done just before it was set, and not attached at that moment).
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (starter.isAlive() && System.nanoTime() < end) {
            main.interrupt(starter);
            starter.join(10);
        }
        ChildMain.joinOrViolation(starter, Duration.ofSeconds(1));
        check(stopped.get() >= reps, "every interrupt stopped the starter: " + stopped.get() + " of " + fired);
        System.out.println("interrupts: " + fired + " fired, " + stopped.get() + " stopped the starter");
        ShutdownResult res = closeAndReport();
        check(res.finalized(), "finalized: " + res);
    }

    /** Item 1: close() while Java threads and a Python thread start threads in loops: finalized, nothing hangs. */
    private static void startVsClose(Random r) throws Exception {
        PyObject g = main.newGlobals();
        main.exec(STARTER, g);
        main.exec("threading.Thread(target=starter, name='py-starter').start()", g);
        int n = 3; // each stop request has a chance to find its thread starting one
        List<AtomicReference<Throwable>> outcomes = new java.util.ArrayList<>();
        List<Thread> starters = new java.util.ArrayList<>();
        CountDownLatch running = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            outcomes.add(outcome);
            starters.add(PythonThreads.builder().name("starter-" + i).daemon(true).start(() -> {
                try (Attachment py = main.attach()) {
                    running.countDown();
                    py.eval("starter()", g).close();
                } catch (Throwable t) {
                    outcome.set(t);
                }
            }));
        }
        check(running.await(20, TimeUnit.SECONDS), "the starters run");
        LockSupport.parkNanos(r.nextInt(50_000_000)); // a random moment
        ShutdownResult res = closeAndReport();
        check(res.finalized(), "finalized while threads were being started: " + res);
        for (int i = 0; i < n; i++) {
            ChildMain.joinOrViolation(starters.get(i), Duration.ofSeconds(20));
            check(outcomes.get(i).get() instanceof PythonClosedException, "starter " + i + " was stopped: " + outcomes.get(i).get());
        }
    }

    private static ShutdownResult closeAndReport() {
        rt.close();
        ShutdownResult res = rt.shutdownResult().orElseThrow();
        System.out.println("RESULT " + res);
        return res;
    }

    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    /** Expects an IllegalStateException (not PythonClosedException) whose message contains {@code words}. */
    private static void expectMisuse(String what, String words, Body body) {
        try {
            body.run();
            fail(what + ": no exception");
        } catch (PythonClosedException e) {
            fail(what + ": " + e);
        } catch (IllegalStateException e) {
            check(e.getMessage().contains(words), what + ": message '" + e.getMessage() + "' lacks '" + words + "'");
            System.out.println(what + " -> " + e.getMessage());
        } catch (Throwable t) {
            fail(what + ": " + t);
        }
    }

    /** Item 3: an attachment used inside its own detached section, or under another attachment. */
    private static void detachedMisuse() throws Exception {
        try (Attachment py = main.attach(); PyObject g = py.newGlobals()) {
            expectMisuse("exec inside detached", "detached", () -> py.detached(() -> py.exec("x = 1", g)));
            expectMisuse("eval inside detached", "detached", () -> py.detached(() -> py.eval("1", g).close()));
            expectMisuse("importModule inside detached", "detached", () -> py.detached(() -> py.importModule("sys").close()));
            expectMisuse("toPython inside detached", "detached", () -> py.detached(() -> py.toPython(List.of(1)).close()));
            expectMisuse("newGlobals inside detached", "detached", () -> py.detached(() -> py.newGlobals().close()));
            expectMisuse("nested detached", "detached", () -> py.detached(() -> py.detached(() -> { })));
            expectMisuse("close inside detached", "detached", () -> py.detached(py::close));
            // Attaching again inside the section is the way, and the attachment works after it.
            long v = py.detached(() -> (Long) main.evalToJava("6 * 7"));
            check(v == 42, "attach inside detached: " + v);
            py.exec("x = 2", g);
            check(Long.valueOf(2).equals(py.eval("x", g).toJava()), "usable after the misuse");
        }
        // A built-in reading its arguments inside a detached section gets an error, not a crash.
        java.util.concurrent.atomic.AtomicReference<Arguments> kept = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> elsewhere = new java.util.concurrent.atomic.AtomicReference<>();
        BuiltinModule m = BuiltinModule.builder("_guards")
                .function("late", "(x)", "", a -> a.detached(() -> a.doubleAt(0)))
                .function("nested", "()", "", a -> a.detached(() -> a.detached(() -> 1)))
                .function("keep", "(x)", "", a -> {
                    kept.set(a);
                    return a.doubleAt(0);
                })
                .function("other_thread", "(x)", "", a -> {
                    Thread t = Thread.ofPlatform().start(() -> {
                        try {
                            a.doubleAt(0);
                        } catch (Throwable e) {
                            elsewhere.set(e);
                        }
                    });
                    t.join();
                    return null;
                })
                .function("under_sub", "(x)", "", a -> {
                    if (!rt.supportsSubInterpreters()) {
                        return "skipped";
                    }
                    Interpreter s = rt.newSubInterpreter();
                    try (Attachment inner = s.attach()) {
                        expectMisuse("arguments under another interpreter's attachment", "attached to", () -> a.doubleAt(0));
                    } finally {
                        s.close();
                    }
                    return a.doubleAt(0); // readable again once back
                })
                .build();
        try (Attachment py = main.attach(); PyObject g = py.newGlobals()) {
            m.install(py).close();
            py.exec("""
                    import _guards
                    def attempt(f, *a):
                        try:
                            f(*a)
                            return "no error"
                        except RuntimeError as e:
                            return str(e)
                    """, g);
            String late = (String) py.eval("attempt(_guards.late, 1.5)", g).toJava();
            check(late.contains("IllegalStateException") && late.contains("detached"), "arguments inside detached: " + late);
            // Arguments.detached attaches again first: nesting it is allowed.
            Object nested = py.eval("_guards.nested()", g).toJava();
            check(Long.valueOf(1).equals(nested), "nested Arguments.detached: " + nested);
            // Arguments live in the caller's frame: kept past the call, read on another thread or
            // under another interpreter's attachment, they throw instead of reading freed memory.
            py.exec("_guards.keep(2.5)", g);
            expectMisuse("arguments after the call", "during the call", () -> kept.get().doubleAt(0));
            py.exec("_guards.other_thread(2.5)", g);
            check(elsewhere.get() instanceof IllegalStateException ise && ise.getMessage().contains("thread of the call"),
                    "arguments on another thread: " + elsewhere.get());
            Object back = py.eval("_guards.under_sub(3.5)", g).toJava();
            check(back.equals(3.5) || back.equals("skipped"), "arguments after another interpreter's attachment: " + back);
        }
        if (rt.supportsSubInterpreters()) {
            Interpreter sub = rt.newSubInterpreter();
            try (Attachment outer = main.attach(); PyObject g = outer.newGlobals()) {
                try (Attachment inner = sub.attach()) {
                    expectMisuse("outer attachment under another interpreter's", "attached to",
                            () -> outer.exec("y = 1", g));
                }
                outer.exec("y = 1", g);
            }
            sub.close();
        }
        check(Long.valueOf(2).equals(main.evalToJava("1 + 1")), "Python still works");
        ShutdownResult res = closeAndReport();
        check(res.finalized(), "finalized: " + res);
    }

    /** Item 2: Python → Java → Python nested 10,000 deep ends in RecursionError on any thread; the JVM lives. */
    private static void deepRecursion() throws Exception {
        BuiltinModule m = BuiltinModule.builder("_deep")
                .function("down", "(fn, n)", "", a -> {
                    try (PyObject fn = a.objectAt(0); PyObject res = fn.call(a.longAt(1) - 1)) {
                        return res.toJava();
                    }
                })
                .build();
        PyObject g = main.newGlobals();
        m.install(main).close();
        main.exec("""
                import sys, threading, _deep
                def f(n):
                    return 0 if n == 0 else _deep.down(f, n)
                def attempt(n, limit=None):
                    old = sys.getrecursionlimit()
                    if limit:
                        sys.setrecursionlimit(limit)
                    try:
                        f(n)
                        return "no error"
                    except RecursionError:
                        return "RecursionError"
                    finally:
                        sys.setrecursionlimit(old)
                def in_thread(n, limit=None):
                    out = []
                    t = threading.Thread(target=lambda: out.append(attempt(n, limit)))
                    t.start()
                    t.join()
                    return out[0]
                """, g);
        Runnable attempts = () -> {
            String where = Thread.currentThread().getName();
            for (int rep = 0; rep < 2; rep++) {
                check("RecursionError".equals(main.evalToJava("attempt(10000)", g)), where + ": 10000 deep");
                // Python's own limit out of the way: the bridge's limit must hold.
                check("RecursionError".equals(main.evalToJava("attempt(10000, 1000000)", g)), where + ": 10000 deep, no Python limit");
                check(Long.valueOf(0).equals(main.evalToJava("f(20)", g)), where + ": 20 deep works");
            }
        };
        attempts.run(); // the JVM's main thread
        Thread plain = Thread.ofPlatform().name("default-stack").start(attempts);
        ChildMain.joinOrViolation(plain, Duration.ofSeconds(60));
        Thread big = PythonThreads.builder().name("python-stack").start(attempts);
        ChildMain.joinOrViolation(big, Duration.ofSeconds(60));
        check("RecursionError".equals(main.evalToJava("in_thread(10000)", g)), "a Python thread");
        check("RecursionError".equals(main.evalToJava("in_thread(10000, 1000000)", g)), "a Python thread, no Python limit");
        check(Long.valueOf(2).equals(main.evalToJava("1 + 1")), "Python still works");
        ShutdownResult res = closeAndReport();
        check(res.finalized(), "finalized: " + res);
    }

    /** Item 8: the smaller ones that could crash; ends with close() from a virtual thread. */
    private static void smallItems() throws Exception {
        // A collection whose size() disagrees with its iteration (as a concurrently changed one can).
        java.util.Collection<Object> liar = new java.util.AbstractCollection<>() {
            @Override
            public java.util.Iterator<Object> iterator() {
                return List.<Object>of(1).iterator();
            }

            @Override
            public int size() {
                return 3;
            }
        };
        try (Attachment py = main.attach(); PyObject g = py.newGlobals()) {
            g.setItem("L", liar);
            check("[1]".equals(py.eval("repr(L)", g).toJava()), "a list of what the iteration gave");
        }
        // Another interpreter's code run on an attached thread (_interpreters.exec): the upcall
        // belongs to the interpreter of the calling thread state, not to the one the slot holds.
        if (rt.supportsSubInterpreters()) {
            Interpreter sub = rt.newSubInterpreter();
            BuiltinModule m = BuiltinModule.builder("_which")
                    .function("which", "()", "", a -> a.interpreter().id())
                    .build();
            m.install(sub).close();
            try (PyObject g = sub.newGlobals()) {
                sub.exec("import _which\nfrom_sub = _which.which()", g);
                check(Long.valueOf(sub.id()).equals(g.getItem("from_sub").toJava()), "which() in the sub");
            }
            try (Attachment py = main.attach(); PyObject g = py.newGlobals()) {
                g.setItem("SUB", sub.id());
                py.exec("""
                        import sys
                        if sys.version_info >= (3, 13):
                            import _interpreters
                            # Returns None, or what was raised in there.
                            r = _interpreters.exec(SUB, "import _which\\nassert _which.which() == %d" % SUB)
                            result = "ran" if r is None else "failed: %r" % (r,)
                        else:
                            result = "skipped"
                        """, g);
                Object r = g.getItem("result").toJava();
                check("ran".equals(r) || "skipped".equals(r), "the built-in saw the interpreter that ran it: " + r);
                System.out.println("_interpreters.exec in an Easel sub-interpreter: " + r);
            } catch (PythonException e) {
                // Refused by this version for an interpreter it did not make: nothing to check.
                System.out.println("_interpreters.exec refused: " + e.pythonType() + ": " + e.pythonMessage());
                check(!e.pythonType().contains("AssertionError") && !e.pythonMessage().contains("AssertionError"),
                        "the built-in saw the sub-interpreter: " + e);
            }
            sub.close();
        }
        closeRacingAUse(true);
        closeRacingAUse(false);
        // close() from a virtual thread while a platform thread runs Python.
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        CountDownLatch running = new CountDownLatch(1);
        Thread looper = Thread.ofPlatform().name("looper").start(() -> {
            try (Attachment py = main.attach(); PyObject g = py.newGlobals()) {
                running.countDown();
                py.exec("while True:\n    pass\n", g);
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        check(running.await(20, TimeUnit.SECONDS), "the loop runs");
        AtomicReference<Throwable> closeError = new AtomicReference<>();
        Thread v = Thread.ofVirtual().start(() -> {
            try {
                rt.close();
            } catch (Throwable t) {
                closeError.set(t);
            }
        });
        v.join(30_000);
        check(!v.isAlive(), "close() from a virtual thread returned");
        check(closeError.get() == null, "close() from a virtual thread: " + closeError.get());
        ShutdownResult res = rt.shutdownResult().orElse(null);
        System.out.println("RESULT " + res);
        check(res != null && res.finalized(), "finalized: " + res);
        ChildMain.joinOrViolation(looper, Duration.ofSeconds(20));
        check(outcome.get() instanceof PythonClosedException, "the looper was stopped: " + outcome.get());
    }

    /**
     * PyObject.close() on one thread while another thread's operation on it runs Python code that
     * released the GIL ({@code __index__} of the key of {@code list[key]}): the operation holds its
     * own reference, so the list outlives the close until the operation is done.
     */
    private static void closeRacingAUse(boolean closerAttached) throws Exception {
        PyObject g = main.newGlobals();
        main.exec("""
                import threading
                in_index = threading.Event()
                closed = threading.Event()
                class Key:
                    def __index__(self):
                        in_index.set()
                        closed.wait(30)
                        return 0
                target = [str(i) * 3 for i in range(100)]
                key = Key()
                """, g);
        PyObject list = g.getItem("target");
        PyObject key = g.getItem("key");
        main.exec("del target", g); // the PyObject holds the only reference
        AtomicReference<Object> got = new AtomicReference<>();
        Thread user = Thread.ofPlatform().name("user").start(() -> {
            try (PyObject item = list.getItem(key)) {
                got.set(item.toJava());
            } catch (Throwable t) {
                got.set(t);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Boolean.TRUE.equals(main.evalToJava("in_index.is_set()", g)) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        if (closerAttached) {
            try (Attachment py = main.attach()) {
                list.close(); // released now: the user's operation must still hold it
                py.exec("closed.set()", g);
            }
        } else {
            list.close(); // queued, released at this thread's next attach
            main.exec("closed.set()", g);
        }
        ChildMain.joinOrViolation(user, Duration.ofSeconds(30));
        check("000".equals(got.get()), "the item read while another thread closed the list ("
                + (closerAttached ? "attached" : "queued") + "): " + got.get());
        key.close();
        g.close();
    }
}
