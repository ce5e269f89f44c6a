package dev.easel.pybridge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One shutdown at a random moment: starts random workers of every kind ({@link StressWorkload}
 * actions in a loop, endless Python loops, long detached sleeps, Python threads calling built-ins
 * or starting threads,
 * sub-interpreters in use), sleeps 0-200 ms, closes the runtime, and checks that every worker ended
 * and that the only exceptions workers saw are the documented ones. Run by {@link StressTest}:
 * {@code StressShutdownMain <seed>}.
 */
public final class StressShutdownMain {
    private StressShutdownMain() {}

    /** How each worker ended, by exception class (or "violation: ..."). */
    private static final Map<String, AtomicLong> OUTCOMES = new ConcurrentHashMap<>();
    private static final AtomicLong LENIENT = new AtomicLong();

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(args[0]);
        Random r = new Random(seed);
        // One child in eight has a thread blocked in C, which no stop request reaches: such a child
        // waits out the whole drain and join time at close (twice the drain timeout, less a quarter),
        // so it gets a shorter drain timeout than the others, whose threads all leave in time.
        boolean blockedInC = blocksInC(seed);
        PythonRuntime rt = ChildMain.start(Duration.ofSeconds(blockedInC ? 2 : 5));
        StressWorkload w = new StressWorkload(rt, "_easel_stress");
        Interpreter main = rt.main();
        boolean subs = rt.supportsSubInterpreters();
        List<Thread> workers = new ArrayList<>();
        List<String> kinds = new ArrayList<>();

        int loopers = 1 + r.nextInt(4);
        for (int i = 0; i < loopers; i++) {
            long s = r.nextLong();
            workers.add(worker("actions-" + i, rt, () -> {
                Random wr = new Random(s);
                while (true) {
                    w.randomAction(wr, subs);
                }
            }));
            kinds.add("actions");
        }
        if (r.nextBoolean()) {
            workers.add(worker("endless-loop", rt, () -> {
                try (Attachment py = main.attach(); PyObject g = py.newGlobals()) {
                    py.exec("while True:\n    pass\n", g);
                }
            }));
            kinds.add("endless");
        }
        if (r.nextBoolean()) {
            workers.add(worker("detached-sleep", rt, () -> {
                try (Attachment py = main.attach()) {
                    py.detached(() -> {
                        Thread.sleep(60_000);
                        return null;
                    });
                }
            }));
            kinds.add("detached-sleep");
        }
        if (r.nextBoolean()) {
            boolean daemon = r.nextBoolean();
            try (PyObject g = main.newGlobals()) {
                g.setItem("DAEMON", daemon);
                main.exec("""
                        import threading, _easel_stress as m
                        def spin():
                            i = 0
                            while True:
                                m.count()
                                i += 1
                                if i % 20 == 0:
                                    m.nap(1)
                        for _ in range(2):
                            threading.Thread(target=spin, daemon=DAEMON).start()
                        """, g);
            }
            kinds.add(daemon ? "py-daemon-threads" : "py-threads");
        }
        if (r.nextInt(3) == 0) {
            // A Python thread starting threads in a loop: on 3.11 its id is ambiguous meanwhile.
            try (PyObject g = main.newGlobals()) {
                main.exec(GuardsMain.STARTER + "threading.Thread(target=starter, daemon=" + (r.nextBoolean() ? "True" : "False")
                        + ").start()\n", g);
            }
            kinds.add("py-starter");
        }
        if (subs && r.nextBoolean()) {
            Interpreter sub = rt.newSubInterpreter();
            PyObject g = w.prepare(sub);
            if (r.nextBoolean()) {
                sub.exec("""
                        def spin():
                            while True:
                                m.count()
                                m.nap(1)
                        threading.Thread(target=spin).start()
                        """, g);
                kinds.add("sub-py-thread");
            }
            long s = r.nextLong();
            workers.add(worker("sub-actions", rt, () -> {
                Random wr = new Random(s);
                while (true) {
                    w.action(sub, g, wr, wr.nextInt(StressWorkload.KINDS));
                }
            }));
            kinds.add("sub-actions");
        }
        if (subs && r.nextBoolean()) {
            long s = r.nextLong();
            workers.add(worker("sub-churn", rt, () -> {
                Random wr = new Random(s);
                while (true) {
                    w.subInterpreter(wr);
                }
            }));
            kinds.add("sub-churn");
        }

        if (subs && r.nextBoolean()) {
            StressSubClose.closedElsewhere(rt, r.nextInt(50), (name, body) -> workers.add(worker(name, rt, body::run)));
            kinds.add("sub-closed-elsewhere");
        }
        if (blockedInC) {
            StressSubClose.blockInC(main);
            kinds.add("py-blocked-in-c");
        }

        int sleep = r.nextInt(201);
        Thread.sleep(sleep);
        long t0 = System.nanoTime();
        rt.close();
        long closeMs = (System.nanoTime() - t0) / 1_000_000;
        ShutdownResult result = rt.shutdownResult().orElse(null);
        if (blockedInC) {
            // Cannot be stopped: Python is left unfinalized (its output flushed), and says so.
            ChildMain.check(result != null && !result.finalized() && result.stuck().toString().contains("py-blocked"),
                    "left unfinalized under the thread blocked in C: " + result);
        } else {
            ChildMain.check(result != null && result.finalized(), "finalized: " + result);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        for (Thread t : workers) {
            ChildMain.joinOrViolation(t, Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
        }
        // Nothing more gets in.
        try {
            main.evalToJava("1");
            ChildMain.fail("attach after close succeeded");
        } catch (PythonClosedException expected) {
            // documented
        }
        ChildMain.finish("STRESS-CHILD seed=" + seed + " sleep=" + sleep + "ms kinds=" + kinds
                + " actions=" + w.total() + " outcomes=" + OUTCOMES + " lenient=" + LENIENT
                + " close=" + closeMs + "ms result=" + result);
    }

    /**
     * Whether the child of {@code seed} has a thread blocked in C (one in eight): it spends most of
     * its time waiting at close, so {@link StressTest} runs such children beside the busy ones.
     */
    static boolean blocksInC(long seed) {
        return new Random(seed ^ 0xB10CL).nextInt(8) == 0;
    }

    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    /** A daemon worker; how it ends is recorded and checked against the documented exception types. */
    private static Thread worker(String name, PythonRuntime rt, Body body) {
        return Thread.ofPlatform().name(name).daemon(true).start(() -> {
            String outcome;
            try {
                body.run();
                outcome = "returned";
            } catch (PythonClosedException e) {
                outcome = "PythonClosedException";
            } catch (PythonException e) {
                outcome = "PythonException";
                if (!rt.isClosing()) {
                    ChildMain.fail(name + " got a Python exception before shutdown: " + e);
                }
            } catch (InterruptedException e) {
                // Closing interrupts Java threads waiting in detached sections (docs/pybridge.md,
                // guarantee 3): documented then, and only then.
                outcome = "InterruptedException";
                if (!rt.isClosing()) {
                    ChildMain.fail(name + " was interrupted before shutdown: " + e);
                }
            } catch (StressWorkload.Violation v) {
                if (rt.isClosing()) {
                    // Python code stopped midway by shutdown returns partial results: expected.
                    outcome = "stopped-midway";
                    LENIENT.incrementAndGet();
                } else {
                    outcome = "violation";
                    ChildMain.fail(name + ": " + v.getMessage());
                }
            } catch (Throwable t) {
                outcome = t.getClass().getName();
                ChildMain.fail(name + " ended with an undocumented exception: " + t);
                t.printStackTrace(System.out);
            }
            if (outcome.equals("returned")) {
                ChildMain.fail(name + " returned: its loop cannot end but by an exception");
            }
            OUTCOMES.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
        });
    }
}
