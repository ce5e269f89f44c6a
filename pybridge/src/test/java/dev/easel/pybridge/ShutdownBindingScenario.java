package dev.easel.pybridge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static dev.easel.pybridge.ChildMain.check;

/**
 * A shutdown scenario (run by {@link ShutdownMain} in a child JVM): the closing thread's
 * PyGILState binding is its state in a sub-interpreter the gate ends, and other sub-interpreters
 * were closed while live threads still held their states (they wait to be settled). Ending the
 * first deletes the closing thread's bound state; settling the others from the closing thread then
 * wrote into it (a SIGSEGV in PyEval_RestoreThread, whenever the gate came to them after the first).
 */
final class ShutdownBindingScenario {
    private ShutdownBindingScenario() {}

    static void run(PythonRuntime rt) throws Exception {
        if (!rt.supportsSubInterpreters()) {
            System.out.println("sub-interpreters need 3.12+: nothing to do");
            return;
        }
        // Made first: the gate meets interpreters in the order they were made when their addresses
        // share their low bits (one bin of the map), as they tend to.
        Interpreter bound = rt.newSubInterpreter();
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> holders = new ArrayList<>();
        // Six closed sub-interpreters, each holding the bound state of a live thread: in any order but
        // one in seven, the gate meets one of them after the bound one.
        for (int i = 0; i < 6; i++) {
            Interpreter closed = rt.newSubInterpreter();
            CountDownLatch used = new CountDownLatch(1);
            holders.add(Thread.ofPlatform().name("holder-" + i).daemon(true).start(() -> {
                closed.evalToJava("1"); // its binding is now its state there
                used.countDown();
                try {
                    release.await();
                    rt.main().evalToJava("1");
                } catch (PythonClosedException | InterruptedException expected) {
                    // the gate shut
                }
            }));
            used.await();
            closed.close();
            check(closed.isClosed() && rt.awaitingEnd().contains(closed), closed + " waits for its holder");
        }
        check(Long.valueOf(2).equals(bound.evalToJava("1 + 1")), "used from the closing thread");
        rt.close();
        ShutdownResult r = rt.shutdownResult().orElseThrow();
        System.out.println("RESULT " + r);
        check(r.finalized(), "finalized: " + r);
        check(rt.awaitingEnd().isEmpty(), "every closed sub-interpreter was ended: " + rt.awaitingEnd());
        release.countDown();
        for (Thread t : holders) {
            ChildMain.joinOrViolation(t, Duration.ofSeconds(10));
        }
    }
}
