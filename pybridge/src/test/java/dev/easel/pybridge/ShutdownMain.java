package dev.easel.pybridge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static dev.easel.pybridge.ChildMain.check;
import static dev.easel.pybridge.ChildMain.fail;

/**
 * Shutdown scenarios, one per child JVM (CPython starts and finalizes once per process). Run by
 * {@link ShutdownTest}: {@code ShutdownMain <scenario>}. Prints {@code RESULT <ShutdownResult>} and
 * exits 0 when every check held.
 */
public final class ShutdownMain {
    private static final Duration DRAIN = Duration.ofSeconds(2);
    private static PythonRuntime rt;
    private static Interpreter main;

    private ShutdownMain() {}

    public static void main(String[] args) throws Exception {
        String scenario = args[0];
        rt = ChildMain.start(DRAIN);
        main = rt.main();
        System.out.println("scenario " + scenario + " on Python " + rt.version());
        switch (scenario) {
            case "idle" -> idle();
            case "endless-loop" -> endlessLoop();
            case "detached-sleep" -> detachedSleep();
            case "attach-after-close" -> attachAfterClose();
            case "python-thread" -> pythonThread();
            case "swallows" -> swallows();
            case "system-exit" -> systemExit();
            case "sub-interpreters" -> subInterpreters();
            case "gil-held" -> ShutdownStuckScenarios.gilHeld(rt);
            case "blocked-output" -> ShutdownStuckScenarios.blockedOutput(rt);
            case "closer-bound-in-a-sub" -> ShutdownBindingScenario.run(rt);
            case "sub-end-outlives-its-close" -> ShutdownSlowEndScenario.run(rt);
            default -> fail("unknown scenario " + scenario);
        }
        ChildMain.finish("scenario " + scenario + " done");
    }

    private static ShutdownResult closeAndReport() {
        long t0 = System.nanoTime();
        rt.close();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        ShutdownResult r = rt.shutdownResult().orElse(null);
        System.out.println("RESULT " + r + " (close() returned after " + ms + " ms)");
        check(r != null, "a shutdown result after close()");
        check(rt.isClosed(), "isClosed() after close()");
        return r;
    }

    /** A platform thread that records what ended it. */
    private static Thread worker(String name, AtomicReference<Throwable> outcome, ThrowingRunnable body) {
        return Thread.ofPlatform().name(name).start(() -> {
            try {
                body.run();
                outcome.set(new RuntimeException("returned normally"));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** (a) threads that used Python and are idle (alive or finished): a clean finalization. */
    private static void idle() throws Exception {
        CountDownLatch used = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            threads.add(Thread.ofPlatform().name("idle-" + i).start(() -> {
                main.evalToJava(String.valueOf(n));
                used.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS); // alive, holding a thread state, not attached
                } catch (InterruptedException ignored) {
                    // fine
                }
            }));
        }
        check(used.await(20, TimeUnit.SECONDS), "idle threads used Python");
        main.evalToJava("__import__('json').dumps([1])");
        ShutdownResult r = closeAndReport();
        check(r.finalized(), "finalized with idle threads");
        check(r.stuck().isEmpty(), "nothing stuck");
        check(r.took().toMillis() < 2000, "a quick close: " + r.took());
        rt.close(); // idempotent
        check(rt.shutdownResult().orElseThrow() == r, "a second close() changes nothing");
        release.countDown();
        for (Thread t : threads) {
            ChildMain.joinOrViolation(t, Duration.ofSeconds(10));
        }
    }

    /** (b) a Java thread in an endless Python loop gets PythonClosedException. */
    private static void endlessLoop() throws Exception {
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        PyObject g = main.newGlobals();
        Thread t = worker("looper", outcome, () -> {
            try (Attachment py = main.attach()) {
                py.exec("entered = True\nwhile True:\n    pass\n", g);
            }
        });
        awaitTrue(g, "'entered' in globals()", "the loop started");
        ShutdownResult r = closeAndReport();
        ChildMain.joinOrViolation(t, Duration.ofSeconds(10));
        System.out.println("looper ended with " + outcome.get());
        check(outcome.get() instanceof PythonClosedException, "the looping thread got PythonClosedException: " + outcome.get());
        check(outcome.get() != null && outcome.get().getCause() instanceof PythonException pe
                && pe.pythonType().equals("SystemExit"), "carrying the SystemExit that stopped it");
        check(r.finalized(), "finalized once the loop was stopped");
        check(r.took().compareTo(DRAIN) < 0, "stopped within the drain timeout: " + r.took());
    }

    /** (c) a Java thread sleeping in detached() is interrupted and gets PythonClosedException. */
    private static void detachedSleep() throws Exception {
        CountDownLatch sleeping = new CountDownLatch(1);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread t = worker("sleeper", outcome, () -> {
            try (Attachment py = main.attach()) {
                py.detached(() -> {
                    sleeping.countDown();
                    Thread.sleep(60_000);
                    return null;
                });
            }
        });
        check(sleeping.await(20, TimeUnit.SECONDS), "the sleep started"); // inside detached: interrupted at close
        ShutdownResult r = closeAndReport();
        ChildMain.joinOrViolation(t, Duration.ofSeconds(10));
        System.out.println("sleeper ended with " + outcome.get());
        check(outcome.get() instanceof PythonClosedException, "the sleeper got PythonClosedException: " + outcome.get());
        check(r.finalized(), "finalized");
        check(r.took().compareTo(DRAIN) < 0, "the sleeper left within the drain timeout: " + r.took());
    }

    /** (d) every entry after close throws PythonClosedException; nothing crashes. */
    private static void attachAfterClose() throws Exception {
        PyObject kept = main.call(a -> a.toPython(List.of(1, 2)));
        Interpreter sub = rt.supportsSubInterpreters() ? rt.newSubInterpreter() : null;
        ShutdownResult r = closeAndReport();
        check(r.finalized(), "finalized");
        List<String> seen = new CopyOnWriteArrayList<>();
        Runnable probes = () -> {
            expectClosed("attach", main::attach, seen);
            expectClosed("evalToJava", () -> main.evalToJava("1"), seen);
            expectClosed("importModule", () -> main.importModule("sys"), seen);
            expectClosed("PyObject.len", kept::len, seen);
            expectClosed("PyObject.toJava", kept::toJava, seen);
            check(main.tryAttach().isEmpty(), "tryAttach is empty after close");
            if (sub != null) {
                expectClosed("sub attach", sub::attach, seen);
                expectClosed("newSubInterpreter", rt::newSubInterpreter, seen);
                check(sub.isClosed(), "the sub-interpreter is closed too");
            }
            check(main.isClosed(), "main isClosed");
            check(!rt.isAttached(), "not attached");
        };
        probes.run(); // on the thread that closed
        Thread other = Thread.ofPlatform().name("after-close").start(probes); // on a thread that never attached
        ChildMain.joinOrViolation(other, Duration.ofSeconds(10));
        kept.close(); // harmless: nothing to release into
        kept.close();
        check("PyObject[closed]".equals(kept.toString()) || "PyObject[interpreter closed]".equals(kept.toString()),
                "toString after close: " + kept);
        System.out.println("after close: " + seen.size() + " calls refused with PythonClosedException");
    }

    private static void expectClosed(String what, Runnable call, List<String> seen) {
        try {
            call.run();
            fail(what + " after close did not throw");
        } catch (PythonClosedException e) {
            seen.add(what);
        } catch (Throwable t) {
            fail(what + " after close threw " + t + " instead of PythonClosedException");
        }
    }

    /** (e) a Python threading thread looping forever with sleeps is stopped by the SystemExit shutdown raises. */
    private static void pythonThread() throws Exception {
        PyObject g = main.newGlobals();
        main.exec("""
                import threading, time
                ticks = [0]
                def forever():
                    while True:
                        ticks[0] += 1
                        time.sleep(0.01)
                # daemon=False: a thread made from a Java-attached thread would be a daemon by default
                t = threading.Thread(target=forever, name="py-forever", daemon=False)
                t.start()
                """, g);
        awaitTrue(g, "ticks[0] > 0", "the Python thread runs");
        g.close();
        ShutdownResult r = closeAndReport();
        check(r.finalized(), "finalized: the Python thread was stopped");
        check(r.stuck().isEmpty(), "nothing stuck: " + r.stuck());
    }

    /** (f) code that swallows every exception forever: close gives up after the drain timeout, never finalizes under it. */
    private static void swallows() throws Exception {
        String swallow = """
                import time
                while True:
                    try:
                        entered = True
                        time.sleep(0.01)
                    except BaseException:
                        pass
                """;
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        PyObject g = main.newGlobals();
        Thread t = Thread.ofPlatform().name("swallower").daemon(true).start(() -> {
            try (Attachment py = main.attach()) {
                py.exec(swallow, g);
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        // Closed only once it is inside the try: a SystemExit before it (at the module's start) ends it.
        awaitTrue(g, "'entered' in globals()", "the swallower is inside its loop");
        long t0 = System.nanoTime();
        ShutdownResult r = closeAndReport();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        check(!r.finalized(), "not finalized under a thread that will not leave");
        check(!r.stuck().isEmpty(), "the stuck thread is named");
        check(r.stuck().toString().contains("swallower"), "stuck names the Java thread: " + r.stuck());
        check(ms < DRAIN.toMillis() + 3000, "close() returned within the drain timeout (+ margin): " + ms + " ms");
        check(t.isAlive(), "the swallower is still running (left as it is)");
        // The gate stays shut: no thread gets in.
        try {
            main.evalToJava("1");
            fail("attach after an unfinished close did not throw");
        } catch (PythonClosedException expected) {
            // good
        }
        // main returns and exits 0 while the daemon thread still loops in Python.
    }

    /** Polls {@code expression} in {@code g} until true (bounded: a violation after 20 s). */
    static void awaitTrue(PyObject g, String expression, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Boolean.TRUE.equals(main.evalToJava(expression, g))) {
            if (System.nanoTime() - deadline > 0) {
                fail("not within 20 s: " + what);
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // polling a condition, not timing
        }
    }

    /** (g) System.exit while threads run Python: the shutdown hook closes cleanly, the exit code stays 0. */
    private static void systemExit() throws Exception {
        int workers = 4;
        CountDownLatch running = new CountDownLatch(workers);
        List<AtomicReference<Throwable>> outcomes = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            AtomicReference<Throwable> o = new AtomicReference<>();
            outcomes.add(o);
            int n = i;
            threads.add(Thread.ofPlatform().name("busy-" + i).daemon(true).start(() -> {
                try {
                    boolean first = true;
                    while (true) {
                        if (n == 0) {
                            try (Attachment py = main.attach(); PyObject g = py.newGlobals()) {
                                running.countDown();
                                py.exec("while True:\n    pass\n", g);
                            }
                        } else if (n == 1) {
                            try (Attachment py = main.attach()) {
                                if (first) {
                                    running.countDown();
                                    first = false;
                                }
                                py.detached(() -> {
                                    Thread.sleep(5);
                                    return null;
                                });
                            }
                        } else {
                            main.evalToJava("sum(range(10000))");
                            if (first) {
                                running.countDown();
                                first = false;
                            }
                        }
                    }
                } catch (Throwable t) {
                    o.set(t);
                }
            }));
        }
        check(running.await(20, TimeUnit.SECONDS), "workers running");
        // A hook of ours checks the outcome once the runtime's own hook has closed it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (rt.shutdownResult().isEmpty() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    break;
                }
            }
            ShutdownResult r = rt.shutdownResult().orElse(null);
            System.out.println("RESULT " + r + " (closed by the shutdown hook)");
            boolean ok = r != null && r.finalized();
            for (int i = 0; i < threads.size(); i++) {
                try {
                    threads.get(i).join(5000);
                } catch (InterruptedException ignored) {
                    // go on
                }
                Throwable t = outcomes.get(i).get();
                System.out.println(threads.get(i).getName() + " ended with " + t);
                ok &= !threads.get(i).isAlive() && t instanceof PythonClosedException;
            }
            System.out.println(ok ? "CHILD OK (hook)" : "CHILD FAILED (hook)");
            System.out.flush();
            if (!ok) {
                Runtime.getRuntime().halt(3);
            }
        }, "check-hook"));
        System.out.println("calling System.exit(0) with Python running");
        System.out.flush();
        System.exit(0);
    }

    /** (h) sub-interpreters alive at close are ended before the main interpreter is finalized. */
    private static void subInterpreters() throws Exception {
        Path log = Files.createTempFile("easel-atexit", ".txt");
        // The handlers also call a Java built-in: it must work while the interpreter ends.
        List<String> noted = new CopyOnWriteArrayList<>();
        BuiltinModule note = BuiltinModule.builder("_easel_note")
                .function("note", "(tag)", "", a -> noted.add(a.expect(1).stringAt(0) + "@" + a.interpreter().id()))
                .build();
        String register = "import atexit, _easel_note\n"
                + "def _bye(tag=TAG, path=PATH):\n"
                + "    with open(path, 'a') as f:\n"
                + "        f.write(tag + '\\n')\n"
                + "    _easel_note.note(tag)\n"
                + "atexit.register(_bye)\n";
        note.install(main).close();
        if (!rt.supportsSubInterpreters()) {
            System.out.println("sub-interpreters need 3.12+: scenario reduced to the main interpreter's atexit");
            try (PyObject g = main.newGlobals()) {
                g.setItem("TAG", "main");
                g.setItem("PATH", log.toString());
                main.exec(register, g);
            }
            check(closeAndReport().finalized(), "finalized");
            Files.deleteIfExists(log);
            System.out.println("noted by Java from atexit handlers: " + noted);
            check(noted.equals(List.of("main@0")), "the atexit handler called Java: " + noted);
            return;
        }
        List<Interpreter> subs = List.of(rt.newSubInterpreter(), rt.newSubInterpreter());
        for (Interpreter sub : subs) {
            note.install(sub).close();
            try (PyObject g = sub.newGlobals()) {
                g.setItem("TAG", "sub-" + sub.id());
                g.setItem("PATH", log.toString());
                sub.exec(register, g);
            }
        }
        try (PyObject g = main.newGlobals()) {
            g.setItem("TAG", "main");
            g.setItem("PATH", log.toString());
            main.exec(register, g);
        }
        // Other threads with thread states in the subs: one idle, one looping in Python.
        Thread visitor = Thread.ofPlatform().name("sub-visitor").start(() -> subs.forEach(s -> s.evalToJava("1")));
        ChildMain.joinOrViolation(visitor, Duration.ofSeconds(10));
        CountDownLatch running = new CountDownLatch(1);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread looper = worker("sub-looper", outcome, () -> {
            try (Attachment py = subs.get(1).attach(); PyObject g = py.newGlobals()) {
                running.countDown();
                py.exec("while True:\n    pass\n", g);
            }
        });
        check(running.await(20, TimeUnit.SECONDS), "looper running");
        ShutdownResult r = closeAndReport();
        ChildMain.joinOrViolation(looper, Duration.ofSeconds(10));
        check(outcome.get() instanceof PythonClosedException, "the sub's looper got PythonClosedException: " + outcome.get());
        check(r.finalized(), "finalized");
        for (Interpreter s : subs) {
            check(s.isClosed(), s + " closed");
        }
        List<String> order = Files.readAllLines(log);
        Files.deleteIfExists(log);
        System.out.println("atexit order: " + order);
        check(order.size() == 3, "three atexit handlers ran: " + order);
        check(!order.isEmpty() && order.get(order.size() - 1).equals("main"), "main last: " + order);
        check(order.contains("sub-" + subs.get(0).id()) && order.contains("sub-" + subs.get(1).id()),
                "both subs ended: " + order);
        System.out.println("noted by Java from atexit handlers: " + noted);
        check(noted.size() == 3 && noted.get(2).equals("main@0"), "the atexit handlers called Java, main last: " + noted);
    }
}
