package dev.easel.pybridge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shutdown while threads close their own sub-interpreters: each worker makes a sub-interpreter,
 * runs code in it on its own thread (so its thread state there is its binding and becomes an
 * orphan it deletes itself after the close), closes it, and starts again; the runtime closes at a
 * random moment, now and then with an isolated thread looping for ever in its own sub-interpreter. The gate must never finalize while such a thread is still ending its
 * sub-interpreter ("remaining subinterpreters", then a SIGSEGV in Py_FinalizeEx). Run by
 * {@link StressTest}: {@code SubCloseShutdownMain <seed>}.
 */
public final class SubCloseShutdownMain {
    private SubCloseShutdownMain() {}

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(args[0]);
        Random r = new Random(seed);
        PythonRuntime rt = ChildMain.start(Duration.ofSeconds(5));
        if (!rt.supportsSubInterpreters()) {
            ChildMain.finish("SUB-CLOSE-CHILD skipped: no sub-interpreters before 3.12");
            return;
        }
        AtomicLong closes = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<Interpreter> inUse = new java.util.concurrent.atomic.AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            workers.add(Thread.ofPlatform().name("sub-closer-" + i).daemon(true).start(() -> {
                try {
                    while (true) {
                        Interpreter sub = rt.newSubInterpreter();
                        inUse.set(sub);
                        try {
                            sub.evalToJava("sum(range(100))");
                        } finally {
                            sub.close();
                        }
                        closes.incrementAndGet();
                    }
                } catch (PythonClosedException expected) {
                    // the gate shut: documented
                } catch (Throwable t) {
                    if (!rt.isClosing()) {
                        ChildMain.fail(Thread.currentThread().getName() + " failed before shutdown: " + t);
                    }
                }
            }));
        }
        boolean runaway = r.nextBoolean();
        if (runaway) {
            // An isolated canvas stuck in a loop: it made its interpreter and runs only there, so the
            // gate can stop it only if it knows the thread's id; stopped, it closes what it made.
            workers.add(Thread.ofPlatform().name("isolated-runaway").daemon(true).start(() -> {
                try {
                    Interpreter own = rt.newSubInterpreter();
                    try {
                        try (Attachment py = own.attach(); PyObject g = py.newGlobals()) {
                            py.exec("while True:\n    pass\n", g);
                        }
                    } finally {
                        own.close();
                    }
                } catch (PythonClosedException | PythonException stopped) {
                    if (!rt.isClosing()) {
                        ChildMain.fail("the runaway stopped before shutdown: " + stopped);
                    }
                } catch (Throwable t) {
                    ChildMain.fail("the runaway ended with an undocumented exception: " + t);
                }
            }));
        }
        // Shut the gate the moment a sub-interpreter is marked closed, plus 0-3 ms: while its
        // closer is still deleting its own state there and ending it.
        int cycles = r.nextInt(4);
        while (closes.get() < cycles) {
            Thread.onSpinWait();
        }
        Interpreter watched;
        while ((watched = inUse.get()) == null || !watched.isClosed()) {
            Thread.onSpinWait();
        }
        long delay = r.nextInt(3_000_000);
        long until = System.nanoTime() + delay;
        while (System.nanoTime() - until < 0) {
            Thread.onSpinWait();
        }
        rt.close();
        ShutdownResult result = rt.shutdownResult().orElse(null);
        ChildMain.check(result != null && result.finalized(), "finalized: " + result);
        for (Thread t : workers) {
            ChildMain.joinOrViolation(t, Duration.ofSeconds(15));
        }
        ChildMain.finish("SUB-CLOSE-CHILD seed=" + seed + " closes=" + closes.get() + " runaway=" + runaway + " delay=" + delay / 1000 + "us" + " result=" + result);
    }
}
