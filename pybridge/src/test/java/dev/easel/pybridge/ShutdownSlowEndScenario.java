package dev.easel.pybridge;

import static dev.easel.pybridge.ChildMain.check;

/**
 * A shutdown scenario (run by {@link ShutdownMain} in a child JVM, drain timeout 2 s): a
 * sub-interpreter whose atexit handler outlasts its close's bound (4 s), so the close gives up
 * waiting while Py_EndInterpreter goes on; the runtime is closed right after. Shutdown must wait
 * for that end (within its own bound) and then finalize: it neither starts a second end of the
 * interpreter nor finalizes under the first (which was "remaining subinterpreters" and a crash,
 * and, with the gate refusing to finalize with a sub-interpreter left, Python left unfinalized:
 * seen in IsolatedRaceTest on a loaded machine).
 */
final class ShutdownSlowEndScenario {
    private ShutdownSlowEndScenario() {}

    static void run(PythonRuntime rt) throws Exception {
        if (!rt.supportsSubInterpreters()) {
            System.out.println("sub-interpreters need 3.12+: nothing to do");
            return;
        }
        Interpreter sub = rt.newSubInterpreter();
        try (PyObject g = sub.newGlobals()) {
            sub.exec("""
                    import atexit, time
                    def slow():
                        time.sleep(5)
                        print("[slow atexit handler done]", flush=True)
                    atexit.register(slow)
                    """, g);
        }
        try {
            sub.close();
            ChildMain.fail("the close waited for a 5 s atexit handler beyond its 4 s bound");
        } catch (IllegalStateException gaveUp) {
            System.out.println("close gave up: " + gaveUp.getMessage());
        }
        rt.close();
        ShutdownResult r = rt.shutdownResult().orElseThrow();
        System.out.println("RESULT " + r);
        check(r.finalized(), "finalized once the running end finished: " + r);
        check(sub.ended, "the sub-interpreter was ended (once)");
    }
}
