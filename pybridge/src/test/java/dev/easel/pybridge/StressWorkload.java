package dev.easel.pybridge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Random bridge work for the stress tests, shared by {@link StressTest} (in process) and
 * {@link StressShutdownMain} (a child JVM closed at a random moment): Java threads calling Python,
 * Python {@code threading} threads calling Java built-ins (and starting threads), nested calls both
 * ways (some past the recursion limits), an attachment misused inside its detached section, exceptions both
 * ways, objects dropped unclosed, detached sections, and sub-interpreters made, used and closed.
 *
 * <p>Each action checks its result and throws {@link Violation} when it is wrong.
 */
final class StressWorkload {
    /** A wrong result: a bug, unless the runtime was closing (then Python may have been stopped midway). */
    static final class Violation extends RuntimeException {
        Violation(String message) {
            super(message);
        }
    }

    /** Calls of {@code m.count()} made, and expected (by the actions that completed). */
    final AtomicLong counted = new AtomicLong();
    final AtomicLong expectedCounts = new AtomicLong();
    /** How many times each action ran to completion. */
    final Map<String, AtomicLong> done = new ConcurrentHashMap<>();

    final PythonRuntime rt;
    final Interpreter main;
    final BuiltinModule module;
    private final PyObject mainGlobals;

    static final String PRELUDE = """
            import threading, json, time
            import _easel_stress as m

            class StressError(Exception):
                pass

            def level(n):
                if n == 0:
                    return ["bottom"]
                return ["py%d" % n] + m.descend(level, n)

            def raiser(kind):
                if kind == 0:
                    return 1 / 0
                if kind == 1:
                    return {}["missing"]
                if kind == 2:
                    return int("not a number")
                if kind == 3:
                    return json.loads("{")
                raise StressError("custom")

            def java_error(kind):
                try:
                    m.fail(kind)
                except BaseException as e:
                    return type(e).__name__
                return "no exception"

            def relay_identity():
                box = []
                def thrower():
                    e = StressError("relayed")
                    box.append(e)
                    raise e
                try:
                    m.relay(thrower)
                except StressError as e:
                    return e is box[0]
                return False

            def py_threads(k, calls, nap):
                done = []
                errors = []
                def work():
                    try:
                        for i in range(calls):
                            m.count()
                            if nap and i % 5 == 0:
                                m.nap(1)
                        done.append(calls)
                    except BaseException as e:
                        errors.append(repr(e))
                ts = [threading.Thread(target=work) for _ in range(k)]
                for t in ts:
                    t.start()
                for t in ts:
                    t.join(30)
                return [sum(done), errors, sum(t.is_alive() for t in ts)]

            def nested_threads(k):
                done = []
                errors = []
                def child():
                    m.count()
                    done.append(1)
                def parent():
                    try:
                        t = threading.Thread(target=child)
                        t.start()
                        t.join()
                    except BaseException as e:
                        errors.append(repr(e))
                ts = [threading.Thread(target=parent) for _ in range(k)]
                for t in ts:
                    t.start()
                for t in ts:
                    t.join(30)
                return [sum(done), errors]

            def deep(n):
                def f(k):
                    return 0 if k == 0 else m.down(f, k)
                try:
                    return f(n)
                except RecursionError:
                    return "RecursionError"
            """;

    static final String[] PY_TYPES = {"ZeroDivisionError", "KeyError", "ValueError",
            "json.decoder.JSONDecodeError", "__easel__.StressError"};
    static final String[] JAVA_TO_PY = {"ValueError", "IndexError", "TypeError", "RuntimeError", "NotImplementedError"};

    StressWorkload(PythonRuntime rt, String moduleName) {
        this.rt = rt;
        this.main = rt.main();
        this.module = BuiltinModule.builder(moduleName)
                .function("count", "()", "", a -> counted.incrementAndGet())
                .function("add", "(a, b)", "", a -> a.expect(2).longAt(0) + a.longAt(1))
                .function("descend", "(fn, n)", "", a -> {
                    a.expect(2);
                    long n = a.longAt(1);
                    try (PyObject fn = a.objectAt(0); PyObject r = fn.call(n - 1)) {
                        List<Object> out = new ArrayList<>();
                        out.add("java" + n);
                        out.addAll((List<?>) r.toJava());
                        return out;
                    }
                })
                .function("fail", "(kind)", "", a -> {
                    switch (a.expect(1).intAt(0)) {
                        case 0 -> throw new IllegalArgumentException("bad");
                        case 1 -> throw new IndexOutOfBoundsException("out");
                        case 2 -> throw PythonException.typeError("type");
                        case 3 -> throw new IOException("io");
                        default -> throw new UnsupportedOperationException("unsupported");
                    }
                })
                .function("relay", "(fn)", "", a -> {
                    try (PyObject fn = a.objectAt(0); PyObject r = fn.call()) {
                        return r.toJava();
                    }
                })
                .function("down", "(fn, n)", "", a -> {
                    try (PyObject fn = a.expect(2).objectAt(0); PyObject r = fn.call(a.longAt(1) - 1)) {
                        return r.toJava();
                    }
                })
                .function("nap", "(ms)", "", a -> {
                    long ms = a.expect(1).longAt(0);
                    return a.detached(() -> {
                        Thread.sleep(ms);
                        return null;
                    });
                })
                .build();
        this.mainGlobals = prepare(main);
    }

    /** Installs the module in {@code interp} and returns globals with the prelude run in them. */
    PyObject prepare(Interpreter interp) {
        try (Attachment py = interp.attach()) {
            module.install(py).close();
            PyObject g = py.newGlobals();
            py.exec(PRELUDE.replace("_easel_stress", module.name()), g, "stress.py");
            return g;
        }
    }

    private void check(boolean ok, String what) {
        if (!ok) {
            throw new Violation(what);
        }
    }

    private void count(String action) {
        done.computeIfAbsent(action, k -> new AtomicLong()).incrementAndGet();
    }

    static List<String> expectedLevel(int n) {
        List<String> out = new ArrayList<>();
        for (int i = n; i > 0; i--) {
            out.add("py" + i);
            out.add("java" + i);
        }
        out.add("bottom");
        return out;
    }

    /** Top-level actions done ({@link #randomAction} calls that completed). */
    final AtomicLong topLevel = new AtomicLong();
    /** Nanoseconds spent per top-level action kind. */
    final Map<String, AtomicLong> nanos = new ConcurrentHashMap<>();

    /** One random action on the main interpreter (or, now and then, on a new sub-interpreter). */
    void randomAction(Random r, boolean allowSubs) throws Exception {
        int pick = r.nextInt(100);
        long t0 = System.nanoTime();
        String kind;
        if (pick < 2 && allowSubs && rt.supportsSubInterpreters()) {
            kind = "sub";
            subInterpreter(r);
        } else {
            kind = String.valueOf(pick % KINDS);
            action(main, mainGlobals, r, pick % KINDS);
        }
        nanos.computeIfAbsent(kind, k -> new AtomicLong()).addAndGet(System.nanoTime() - t0);
        topLevel.incrementAndGet();
    }

    /** How many kinds of {@link #action}. */
    static final int KINDS = 13;

    /** Action {@code which} (0 to {@link #KINDS} - 1) in {@code interp} with globals {@code g}. */
    void action(Interpreter interp, PyObject g, Random r, int which) throws Exception {
        switch (which) {
            case 0 -> { // Java calls Python
                long a = r.nextInt(1000), b = r.nextInt(1000);
                check(Long.valueOf(a * b + 1).equals(interp.evalToJava(a + " * " + b + " + 1", g)), "eval");
                count("java->python");
            }
            case 1 -> { // Python calls a Java built-in
                long a = r.nextInt(1000), b = r.nextInt(1000);
                check(Long.valueOf(a + b).equals(interp.evalToJava("m.add(" + a + ", " + b + ")", g)), "builtin");
                count("python->java");
            }
            case 2 -> { // Python threads call built-ins (some detaching inside)
                int k = 1 + r.nextInt(3), calls = 5 + r.nextInt(40);
                boolean nap = r.nextInt(4) == 0;
                List<?> res = (List<?>) interp.evalToJava("py_threads(" + k + ", " + calls + ", " + (nap ? "True" : "False") + ")", g);
                check(res.get(0).equals((long) k * calls) && ((List<?>) res.get(1)).isEmpty() && res.get(2).equals(0L),
                        "python threads: " + res);
                expectedCounts.addAndGet((long) k * calls);
                count("python threads->java");
            }
            case 3 -> { // nesting Java -> Python -> Java -> Python ...
                int n = 1 + r.nextInt(3);
                check(expectedLevel(n).equals(interp.evalToJava("level(" + n + ")", g)), "nested " + n);
                count("nested");
            }
            case 4 -> { // Python exception -> Java
                int kind = r.nextInt(5);
                try {
                    interp.evalToJava("raiser(" + kind + ")", g);
                    check(false, "no exception from raiser " + kind);
                } catch (PythonException e) {
                    check(e.pythonType().equals(PY_TYPES[kind]), "type " + e.pythonType() + " for kind " + kind);
                    check(e.pythonTraceback().contains("stress.py"), "traceback names the file");
                }
                count("python exception->java");
            }
            case 5 -> { // Java exception -> Python
                int kind = r.nextInt(5);
                check(JAVA_TO_PY[kind].equals(interp.evalToJava("java_error(" + kind + ")", g)), "java error " + kind);
                count("java exception->python");
            }
            case 6 -> { // a Python exception relayed through Java keeps its identity
                check(Boolean.TRUE.equals(interp.evalToJava("relay_identity()", g)), "relay identity");
                count("relay identity");
            }
            case 7 -> { // detached section inside an attachment
                try (Attachment py = interp.attach()) {
                    long slept = py.detached(() -> {
                        long t0 = System.nanoTime();
                        Thread.sleep(r.nextInt(3));
                        return System.nanoTime() - t0;
                    });
                    check(slept >= 0, "detached");
                    check(rt.isAttached(), "attached again after detached");
                }
                count("detached");
            }
            case 8 -> { // objects dropped without close (released later, through the queue)
                for (int i = 0; i < 5; i++) {
                    int n = i;
                    interp.call(a -> a.toPython(List.of(n, "x", Map.of("k", 1.5))));
                }
                count("dropped objects");
            }
            case 10 -> { // Python threads starting threads (3.11: the parent's id is ambiguous meanwhile)
                int k = 1 + r.nextInt(3);
                List<?> res = (List<?>) interp.evalToJava("nested_threads(" + k + ")", g);
                check(res.get(0).equals((long) k) && ((List<?>) res.get(1)).isEmpty(), "threads starting threads: " + res);
                expectedCounts.addAndGet(k);
                count("python threads starting threads");
            }
            case 11 -> { // deep Python <-> Java recursion: a result or RecursionError, never a crash
                int n = r.nextInt(4) == 0 ? 10 + r.nextInt(30) : 100 + r.nextInt(900);
                Object res = interp.evalToJava("deep(" + n + ")", g);
                check(Long.valueOf(0).equals(res) || (n > 40 && "RecursionError".equals(res)), "deep " + n + ": " + res);
                count("deep recursion");
            }
            case 12 -> { // an attachment misused inside its own detached section: an exception, never a crash
                try (Attachment py = interp.attach()) {
                    try {
                        py.detached(() -> py.exec("x = 1", g));
                        check(false, "Python ran inside a detached section");
                    } catch (PythonClosedException e) {
                        throw e;
                    } catch (IllegalStateException e) {
                        check(e.getMessage().contains("detached"), "misuse message: " + e.getMessage());
                    }
                    check(Long.valueOf(3).equals(interp.evalToJava("m.add(1, 2)", g)), "usable after the misuse");
                }
                count("detached misuse");
            }
            default -> { // re-entrant attach with calls at each depth
                try (Attachment a = interp.attach(); Attachment b = interp.attach()) {
                    check(!b.acquired(), "nested attach only counts");
                    check(Long.valueOf(3).equals(interp.evalToJava("m.add(1, 2)", g)), "nested attach call");
                }
                count("reentrant attach");
            }
        }
    }

    /** A sub-interpreter made, used from this thread and another, and closed. */
    void subInterpreter(Random r) throws Exception {
        Interpreter sub = rt.newSubInterpreter();
        java.util.concurrent.atomic.AtomicReference<Exception> otherFailure = new java.util.concurrent.atomic.AtomicReference<>();
        try (PyObject g = prepare(sub)) {
            long seed = r.nextLong();
            Thread other = Thread.ofPlatform().name("stress-sub-user").daemon(true).start(() -> {
                Random r2 = new Random(seed);
                try {
                    for (int i = 0; i < 3; i++) {
                        action(sub, g, r2, r2.nextInt(KINDS));
                    }
                } catch (Exception e) {
                    otherFailure.set(e);
                }
            });
            for (int i = 0; i < 3; i++) {
                action(sub, g, r, r.nextInt(KINDS));
            }
            other.join(TimeUnit.SECONDS.toMillis(30));
            check(!other.isAlive(), "the sub-interpreter's second user finished");
            Exception e = otherFailure.get();
            if (e != null) {
                throw e;
            }
        } finally {
            sub.close();
        }
        check(sub.isClosed(), "sub closed");
        count("sub-interpreter");
    }

    /** Counts of actions done, sorted by name. */
    String summary() {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(done).forEach((k, v) -> sb.append(k).append('=').append(v.get()).append(' '));
        sb.append("| ms by kind:");
        new java.util.TreeMap<>(nanos).forEach((k, v) -> sb.append(' ').append(k).append('=').append(v.get() / 1_000_000));
        return sb.toString().strip();
    }

    long total() {
        return done.values().stream().mapToLong(AtomicLong::get).sum();
    }
}
