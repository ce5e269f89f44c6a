package dev.easel.pybridge.bench;

import dev.easel.pybridge.Attachment;
import dev.easel.pybridge.BuiltinModule;
import dev.easel.pybridge.Interpreter;
import dev.easel.pybridge.PyObject;
import dev.easel.pybridge.PythonRuntime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code easel bench bridge} for one Python: prints one JSON object with the bridge's costs.
 *
 * <p>Figures, not assertions: run it on a quiet machine and compare only inside one run. Each
 * figure is the best of several rounds (the least disturbed by the other core's work).
 * Usage: {@code BridgeBench [--python CHOICE] [--quick]}.
 */
public final class BridgeBench {
    private BridgeBench() {}

    private static final String CPU_WORK = """
            def work(n):
                s = 0
                for i in range(n):
                    s += i * i % 7
                return s
            """;

    /** Runs the benchmark and prints its JSON line. */
    public static void main(String[] argv) throws Exception {
        BenchArgs args = BenchArgs.parse(argv);
        String choice = args.python();
        boolean quick = args.quick();
        PythonRuntime rt = PythonRuntime.start(choice);
        try {
            System.out.println(toJson(run(rt, quick)));
        } finally {
            rt.close();
        }
    }

    /** Measures everything; keys as documented in the README. */
    public static Map<String, Object> run(PythonRuntime rt, boolean quick) throws Exception {
        int rounds = quick ? 3 : 7;
        Interpreter main = rt.main();
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("python", rt.version().toString());

        // Warm attach + detach.
        long n = quick ? 300_000 : 2_000_000;
        double best = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (long i = 0; i < n; i++) {
                try (Attachment a = main.attach()) {
                    // nothing: the cost of the scope itself
                }
            }
            best = Math.min(best, (System.nanoTime() - t0) / (double) n);
        }
        out.put("attach_detach_ns", round(best));

        // Attach + call of a Python no-op + detach.
        BuiltinModule mod = BuiltinModule.builder("_easel_bench")
                .function("four", "(a, b, c, d)", "Reads four floats.", args -> {
                    double s = args.doubleAt(0) + args.doubleAt(1) + args.doubleAt(2) + args.doubleAt(3);
                    return s > Double.MAX_VALUE ? Boolean.TRUE : null;
                })
                .build();
        try (Attachment a = main.attach(); PyObject g = a.newGlobals()) {
            mod.install(a);
            a.exec("def noop():\n    pass\n", g);
            try (PyObject noop = g.getItem("noop")) {
                long m = quick ? 100_000 : 1_000_000;
                double bestCall = Double.MAX_VALUE;
                for (int r = 0; r < rounds; r++) {
                    long t0 = System.nanoTime();
                    a.detached(() -> {
                        for (long i = 0; i < m; i++) {
                            try (Attachment x = main.attach(); PyObject res = noop.call()) {
                                // the call's result is None
                            }
                        }
                    });
                    bestCall = Math.min(bestCall, (System.nanoTime() - t0) / (double) m);
                }
                out.put("attach_call_detach_ns", round(bestCall));
            }

            // Built-in with 4 floats vs an empty Python function, from the same Python loop.
            a.exec("""
                    import time, _easel_bench
                    def empty4(a, b, c, d):
                        pass
                    def per_call(f, n):
                        t0 = time.perf_counter_ns()
                        for _ in range(n):
                            f(1.0, 2.0, 3.0, 4.0)
                        return (time.perf_counter_ns() - t0) / n
                    def loop_only(n):
                        t0 = time.perf_counter_ns()
                        for _ in range(n):
                            pass
                        return (time.perf_counter_ns() - t0) / n
                    """, g);
            long calls = quick ? 200_000 : 2_000_000;
            double builtin = Double.MAX_VALUE, python = Double.MAX_VALUE, loop = Double.MAX_VALUE;
            try (PyObject perCall = g.getItem("per_call"); PyObject loopOnly = g.getItem("loop_only");
                 PyObject four = a.importModule("_easel_bench").getAttr("four");
                 PyObject empty4 = g.getItem("empty4")) {
                for (int r = 0; r < rounds; r++) {
                    try (PyObject b = perCall.call(four, calls); PyObject p = perCall.call(empty4, calls);
                         PyObject l = loopOnly.call(calls)) {
                        builtin = Math.min(builtin, b.toDouble());
                        python = Math.min(python, p.toDouble());
                        loop = Math.min(loop, l.toDouble());
                    }
                }
            }
            // Per call, the loop's own cost taken out of both.
            out.put("builtin_call_ns", round(builtin - loop));
            out.put("python_call_ns", round(python - loop));
            out.put("loop_ns", round(loop));
            a.exec(CPU_WORK, g);
        }

        // CPU-bound work on 2 threads: sharing the main interpreter's GIL vs 2 own-GIL sub-interpreters.
        int work = quick ? 300_000 : 2_000_000;
        out.put("single_thread_ms", round(bestOf(rounds(quick), () -> parallel(List.of(main), work))));
        out.put("shared_2thread_ms", round(bestOf(rounds(quick), () -> parallel(List.of(main, main), work))));
        if (rt.supportsSubInterpreters()) {
            Interpreter s1 = rt.newSubInterpreter();
            Interpreter s2 = rt.newSubInterpreter();
            out.put("isolated_2thread_ms", round(bestOf(rounds(quick), () -> parallel(List.of(s1, s2), work))));
            s1.close();
            s2.close();
        } else {
            out.put("isolated_2thread_ms", null);
        }
        return out;
    }

    private static int rounds(boolean quick) {
        return quick ? 2 : 3;
    }

    private interface Timed {
        double run() throws Exception;
    }

    private static double bestOf(int rounds, Timed t) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            best = Math.min(best, t.run());
        }
        return best;
    }

    /** Runs {@code work(n)} once per interpreter, each on its own thread, all started together; wall ms. */
    private static double parallel(List<Interpreter> interps, int n) throws Exception {
        List<PyObject> fns = new ArrayList<>();
        for (Interpreter i : interps) {
            try (Attachment a = i.attach(); PyObject g = a.newGlobals()) {
                a.exec(CPU_WORK, g);
                fns.add(g.getItem("work"));
            }
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < interps.size(); k++) {
            PyObject fn = fns.get(k);
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                fn.call(n).close();
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        fns.forEach(PyObject::close);
        return ms;
    }

    private static Double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** A flat JSON object of numbers, strings and nulls. */
    public static String toJson(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append('"').append(e.getKey()).append("\": ");
            Object v = e.getValue();
            if (v == null) {
                sb.append("null");
            } else if (v instanceof Number num) {
                sb.append(String.format(Locale.ROOT, "%s", num));
            } else {
                sb.append('"').append(v.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return sb.append('}').toString();
    }
}
