package dev.easel.pybridge;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.easel.pybridge.ChildMain.check;

/**
 * Shutdown scenarios with threads that cannot be stopped (run by {@link ShutdownMain} in a child
 * JVM): close() must still return, within its documented bound, and lose nothing it can save.
 */
final class ShutdownStuckScenarios {
    private ShutdownStuckScenarios() {}

    /** Released at the end, so that the holders return (the JVM exits either way). */
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    private static volatile CountDownLatch HELD;

    /** A built-in that blocks without releasing the GIL: a long C call as far as Python can tell. */
    private static final BuiltinModule HOLD = BuiltinModule.builder("_easel_hold")
            .function("hold", "()", "Blocks, holding the GIL, until the test releases it.", a -> {
                try {
                    HELD.countDown();
                    RELEASE.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            })
            .build();

    /** Starts a thread that calls hold() in {@code interp}; returns once it holds the GIL there. */
    private static Thread holder(String name, Interpreter interp) throws InterruptedException {
        HELD = new CountDownLatch(1);
        HOLD.install(interp).close();
        Thread t = Thread.ofPlatform().name(name).daemon(true).start(() -> {
            try {
                interp.exec("import _easel_hold\n_easel_hold.hold()\n", interp.newGlobals());
            } catch (RuntimeException e) {
                System.out.println(name + " ended with " + e);
            }
        });
        check(HELD.await(20, TimeUnit.SECONDS), name + " holds the GIL");
        return t;
    }

    /**
     * A thread stuck holding the GIL: closing its sub-interpreter, then the runtime, returns (before,
     * asking it to stop waited for that GIL: close() and the shutdown hook hung for ever).
     */
    static void gilHeld(PythonRuntime rt) throws Exception {
        Duration drain = Duration.ofSeconds(2);
        if (rt.supportsSubInterpreters()) {
            Interpreter sub = rt.newSubInterpreter();
            holder("sub-holder", sub);
            long t0 = System.nanoTime();
            try {
                sub.close();
                ChildMain.fail("closing a sub-interpreter whose GIL is held for ever succeeded");
            } catch (IllegalStateException e) {
                System.out.println("sub close gave up after " + (System.nanoTime() - t0) / 1_000_000 + " ms: " + e.getMessage());
                check(e.getMessage().contains("sub-holder"), "names the stuck thread: " + e.getMessage());
            }
        }
        holder("main-holder", rt.main());
        long t0 = System.nanoTime();
        rt.close();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        ShutdownResult r = rt.shutdownResult().orElseThrow();
        System.out.println("RESULT " + r + " (close() returned after " + ms + " ms; documented bound "
                + 2 * drain.toMillis() + " ms)");
        check(!r.finalized(), "not finalized under a thread holding the GIL");
        check(r.stuck().toString().contains("main-holder"), "names the stuck thread: " + r.stuck());
        RELEASE.countDown();
    }

    /**
     * A Python thread blocked in C ({@code Event().wait()}) after printing without a newline: Python
     * is left unfinalized, yet its buffered output and the atexit handlers' appear (before, they were
     * lost), and one line says where the thread was left.
     */
    static void blockedOutput(PythonRuntime rt) {
        try (PyObject g = rt.main().newGlobals()) {
            rt.main().exec("""
                    import atexit, threading
                    started = threading.Event()
                    def waiter():
                        print("[partial output of a blocked thread]", end="")
                        started.set()
                        threading.Event().wait()
                    atexit.register(lambda: print("[atexit handler ran]", end=""))
                    # daemon=False: made from a Java-attached thread it would be a daemon, not waited for
                    threading.Thread(target=waiter, name="py-waiter", daemon=False).start()
                    started.wait()
                    """, g);
        }
        rt.close();
        ShutdownResult r = rt.shutdownResult().orElseThrow();
        System.out.println("RESULT " + r);
        check(!r.finalized(), "not finalized under a thread blocked in C");
        check(r.stuck().toString().contains("py-waiter"), "names the blocked thread: " + r.stuck());
    }
}
