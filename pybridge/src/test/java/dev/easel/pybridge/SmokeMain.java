package dev.easel.pybridge;

import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static dev.easel.pybridge.ChildMain.check;

/**
 * A quick tour of the bridge against one Python, run in a child JVM by {@link EveryPythonTest}:
 * eval, a built-in, an exception each way, Java and Python threads, a sub-interpreter (3.12+), and
 * close(). Prints {@code SMOKE OK Python X.Y.Z at PATH} when all held.
 */
public final class SmokeMain {
    private SmokeMain() {}

    public static void main(String[] args) throws Exception {
        PythonRuntime.reserveEnvironment(); // as easel's main does
        java.util.Set<String> namesBefore = environNames();
        PythonRuntime rt = ChildMain.start(Duration.ofSeconds(5));
        Interpreter main = rt.main();
        // Nothing added to the C environment by the start (an add may move the array a GUI thread's getenv
        // walks: ProcessEnv), and the home not in it (Py_SetPythonHome instead).
        java.util.Set<String> added = new java.util.TreeSet<>(environNames());
        added.removeAll(namesBefore);
        check(added.isEmpty(), "Python's start added to the C environment: " + added);
        PythonInstallation inst = ChildMain.installation();
        check(Boolean.TRUE.equals(main.evalToJava("'PYTHONHOME' not in __import__('os').environ")), "PYTHONHOME in os.environ");
        if (VirtualEnvironment.of(inst).isEmpty()) {
            String prefix = (String) main.evalToJava("__import__('sys').prefix");
            check(Path.of(prefix).toRealPath().equals(inst.home().toRealPath()), "sys.prefix " + prefix + " vs home " + inst.home());
        }
        String userBase = BundledUserSite.appliesTo(inst) ? BundledUserSite.userBase().toString() : System.getenv("PYTHONUSERBASE");
        check(java.util.Objects.equals(userBase, main.evalToJava("__import__('os').environ.get('PYTHONUSERBASE')")),
                "PYTHONUSERBASE: expected " + userBase);
        String version = (String) main.evalToJava("'%d.%d.%d' % __import__('sys').version_info[:3]");
        check(version.equals(rt.version().toString()), "version " + version + " vs " + rt.version());
        check(Long.valueOf(42).equals(main.evalToJava("6 * 7")), "eval");

        AtomicLong calls = new AtomicLong();
        BuiltinModule m = BuiltinModule.builder("_easel_smoke")
                .function("add", "(a, b)", "Adds.", a -> a.expect(2).doubleAt(0) + a.doubleAt(1))
                .function("count", "()", "", a -> calls.incrementAndGet())
                .function("fail", "()", "", a -> {
                    throw new IllegalArgumentException("from Java");
                })
                .function("where", "()", "", a -> a.interpreter().id())
                .build();
        m.install(main).close();
        check(Double.valueOf(3.5).equals(main.evalToJava("__import__('_easel_smoke').add(1, 2.5)")), "built-in");
        check("(a, b)".equals(main.evalToJava("str(__import__('inspect').signature(__import__('_easel_smoke').add))")),
                "signature");

        try {
            main.evalToJava("{}['missing']");
            check(false, "a Python exception");
        } catch (PythonException e) {
            check(e.pythonType().equals("KeyError") && e.pythonTraceback().contains("KeyError"), "Python -> Java: " + e);
        }
        check("ValueError: from Java".equals(probeJavaError(main)), "Java -> Python");

        try (PyObject g = main.newGlobals()) {
            main.exec("""
                    import threading, _easel_smoke as m
                    def work():
                        for _ in range(500):
                            m.count()
                    ts = [threading.Thread(target=work) for _ in range(4)]
                    for t in ts: t.start()
                    for t in ts: t.join(30)
                    """, g);
        }
        check(calls.get() == 2000, "Python threads called Java 2000 times: " + calls.get());
        Thread[] javaThreads = new Thread[3];
        AtomicLong sum = new AtomicLong();
        for (int i = 0; i < javaThreads.length; i++) {
            javaThreads[i] = Thread.ofPlatform().start(() -> {
                for (int k = 0; k < 100; k++) {
                    sum.addAndGet((Long) main.evalToJava("1"));
                }
            });
        }
        for (Thread t : javaThreads) {
            ChildMain.joinOrViolation(t, Duration.ofSeconds(30));
        }
        check(sum.get() == 300, "Java threads: " + sum.get());

        String subs = "no sub-interpreters (" + rt.version() + ")";
        if (rt.supportsSubInterpreters()) {
            Interpreter sub = rt.newSubInterpreter();
            m.install(sub).close();
            check(Long.valueOf(sub.id()).equals(sub.evalToJava("__import__('_easel_smoke').where()")), "sub built-in");
            check(Boolean.FALSE.equals(sub.evalToJava("hasattr(__import__('sys'), 'smoke')")), "sub isolated");
            main.exec("import sys\nsys.smoke = 1\n", main.newGlobals());
            check(Boolean.FALSE.equals(sub.evalToJava("hasattr(__import__('sys'), 'smoke')")), "sub isolated from main");
            Interpreter kept = rt.newSubInterpreter(); // left open: close() ends it
            kept.evalToJava("1");
            sub.close();
            check(sub.isClosed(), "sub closed");
            subs = "sub-interpreters ok";
            rt.close();
            check(kept.isClosed(), "close() ended the remaining sub-interpreter");
        } else {
            try {
                rt.newSubInterpreter();
                check(false, "sub-interpreters refused below 3.12");
            } catch (UnsupportedOperationException expected) {
                // documented
            }
            rt.close();
        }
        ShutdownResult r = rt.shutdownResult().orElseThrow();
        check(r.finalized(), "finalized: " + r);
        try {
            main.evalToJava("1");
            check(false, "attach after close");
        } catch (PythonClosedException expected) {
            // documented
        }
        if (ChildMain.violations().isEmpty()) {
            System.out.println("SMOKE OK Python " + version + " at " + TestPython.installation().orElseThrow().library()
                    + " (" + subs + ", close " + r.took().toMillis() + " ms)");
        }
        ChildMain.finish("smoke done");
    }

    /** The names in libc's {@code environ}, the C environment as it is now. */
    private static java.util.Set<String> environNames() {
        MemorySegment symbol = Linker.nativeLinker().defaultLookup().find("environ").orElseThrow();
        MemorySegment array = symbol.reinterpret(ValueLayout.ADDRESS.byteSize()).get(ValueLayout.ADDRESS, 0)
                .reinterpret(Long.MAX_VALUE);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (long i = 0; ; i++) {
            MemorySegment entry = array.getAtIndex(ValueLayout.ADDRESS, i);
            if (entry.equals(MemorySegment.NULL)) {
                return names;
            }
            String e = entry.reinterpret(Long.MAX_VALUE).getString(0);
            names.add(e.substring(0, Math.max(0, e.indexOf('='))));
        }
    }

    private static String probeJavaError(Interpreter main) {
        try (PyObject g = main.newGlobals()) {
            main.exec("""
                    import _easel_smoke as m
                    def probe():
                        try:
                            m.fail()
                        except ValueError as e:
                            return "ValueError: " + str(e)
                        return "nothing"
                    """, g);
            return (String) main.evalToJava("probe()", g);
        }
    }
}
