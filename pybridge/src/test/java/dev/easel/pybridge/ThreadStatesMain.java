package dev.easel.pybridge;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.easel.pybridge.ChildMain.check;
import static dev.easel.pybridge.ChildMain.fail;
import static dev.easel.pybridge.ffi.pystate_h.PyGILState_GetThisThreadState;
import static dev.easel.pybridge.ffi.pystate_h.PyInterpreterState_ThreadHead;
import static dev.easel.pybridge.ffi.pystate_h.PyThreadState_Next;

/**
 * Thread-state lifecycle scenarios, one per child JVM (a wrong delete is a crash). Run by
 * {@link ThreadStatesTest}: {@code ThreadStatesMain <scenario> <reps>}.
 */
public final class ThreadStatesMain {
    private ThreadStatesMain() {}

    public static void main(String[] args) throws Exception {
        String scenario = args[0];
        int reps = Integer.parseInt(args[1]);
        PythonRuntime rt = ChildMain.start(Duration.ofSeconds(5));
        System.out.println("scenario " + scenario + " (" + reps + " reps) on Python " + rt.version());
        switch (scenario) {
            case "short-lived" -> shortLived(rt, reps);
            case "close-elsewhere" -> closeElsewhere(rt, reps);
            default -> fail("unknown scenario " + scenario);
        }
        rt.close();
        ChildMain.finish("scenario " + scenario + " done: " + rt.shutdownResult().orElseThrow());
    }

    /** How many thread states {@code interp} has (CPython's list). Caller: not attached to it; nothing else making or deleting states. */
    static int threadStates(Interpreter interp) {
        try (Attachment a = interp.attach()) {
            int n = 0;
            for (MemorySegment ts = PyInterpreterState_ThreadHead(interp.pointer());
                 !ts.equals(MemorySegment.NULL); ts = PyThreadState_Next(ts)) {
                n++;
            }
            return n;
        }
    }

    /** Resident set size of this process in KiB (Linux). */
    static long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS");
    }

    /**
     * {@code reps} short-lived platform threads (4 at a time) each attach (to main, and to a
     * sub-interpreter on 3.12+) and end: the count of thread states and the RSS stay flat.
     */
    private static void shortLived(PythonRuntime rt, int reps) throws Exception {
        List<Interpreter> interps = new ArrayList<>(List.of(rt.main()));
        if (rt.supportsSubInterpreters()) {
            interps.add(rt.newSubInterpreter());
        }
        int warm = reps / 10;
        runThreads(interps, warm);
        System.gc();
        long rss0 = rssKiB();
        List<Integer> states0 = new ArrayList<>();
        for (Interpreter i : interps) {
            states0.add(threadStates(i));
        }
        runThreads(interps, reps - warm);
        System.gc();
        long rss1 = rssKiB();
        List<Integer> states1 = new ArrayList<>();
        for (Interpreter i : interps) {
            states1.add(threadStates(i));
        }
        System.out.println("after " + warm + " threads: " + states0 + " thread states, RSS " + rss0 / 1024 + " MiB; after "
                + reps + ": " + states1 + " thread states, RSS " + rss1 / 1024 + " MiB");
        for (int k = 0; k < interps.size(); k++) {
            // Live: this thread, easel-python-main (main), the 4 last workers' not yet reaped.
            check(states1.get(k) <= 8, interps.get(k) + " keeps " + states1.get(k) + " thread states after "
                    + reps + " short-lived threads (expected a handful)");
        }
        // 22 KiB per leaked state: the leak would be hundreds of MiB; the margin is for the JVM.
        long growth = (rss1 - rss0) / 1024;
        check(growth < 64, "RSS grew by " + growth + " MiB over " + (reps - warm) + " short-lived threads");
    }

    private static void runThreads(List<Interpreter> interps, int n) throws InterruptedException {
        int batch = 4;
        for (int done = 0; done < n; done += batch) {
            List<Thread> ts = new ArrayList<>();
            for (int k = 0; k < batch && done + k < n; k++) {
                int index = done + k;
                ts.add(Thread.ofPlatform().name("short-" + index).start(() -> {
                    for (Interpreter i : interps) {
                        Object r = i.evalToJava("1 + " + (index & 7));
                        if (!Long.valueOf(1 + (index & 7)).equals(r)) {
                            fail("thread " + index + " got " + r);
                        }
                    }
                }));
            }
            for (Thread t : ts) {
                ChildMain.joinOrViolation(t, Duration.ofSeconds(30));
            }
        }
    }

    /**
     * Thread A uses a sub-interpreter, thread B (this one) closes it, A attaches elsewhere; {@code reps}
     * times, A's last attach varied at random, A sometimes ending before it attaches again. A's
     * PyGILState binding must never point at a deleted thread state (before the fix, B deleted A's
     * state: A's next attach wrote into freed memory), and the sub-interpreter is ended once A has
     * attached again or ended.
     */
    private static void closeElsewhere(PythonRuntime rt, int reps) throws Exception {
        if (!rt.supportsSubInterpreters()) {
            System.out.println("sub-interpreters need 3.12+: nothing to do on " + rt.version());
            return;
        }
        Interpreter main = rt.main();
        long seed = new Random().nextLong();
        System.out.println("seed " + seed);
        Random r = new Random(seed);
        ExecutorService a = newThreadA();
        int[] modes = new int[4];
        for (int rep = 0; rep < reps; rep++) {
            if (rep % 100 == 0) {
                System.out.println("rep " + rep); // progress: a slow machine is not a hang
            }
            Interpreter sub = rt.newSubInterpreter();
            int mode = r.nextInt(4);
            modes[mode]++;
            int n = rep;
            a.submit(() -> {
                switch (mode) {
                    case 0, 3 -> sub.evalToJava("1");                          // A's binding: its state in sub
                    case 1 -> {                                                  // binding: its state in main
                        sub.evalToJava("1");
                        main.evalToJava("1");
                    }
                    default -> {                                                 // nested: main last again
                        try (Attachment m = main.attach()) {
                            sub.evalToJava("1");
                        }
                    }
                }
            }).get(30, TimeUnit.SECONDS);
            sub.close();
            check(sub.isClosed(), "rep " + n + ": closed");
            if (mode == 3) {
                // A ends without attaching again: the next thread's first attach settles it.
                a.shutdown();
                check(a.awaitTermination(30, TimeUnit.SECONDS), "thread A's work ended");
                ChildMain.joinOrViolation(threadA, Duration.ofSeconds(30)); // and the thread itself
                a = newThreadA();
            }
            a.submit(() -> {
                MemorySegment tss = PyGILState_GetThisThreadState();
                check(tss.equals(MemorySegment.NULL) || rt.slot().holds(tss),
                        "rep " + n + " (mode " + mode + "): A's PyGILState binding points to a thread state deleted by another thread");
                check(2L == (Long) main.evalToJava("2"), "rep " + n + ": A attaches to main");
                check(sub.ended, "rep " + n + " (mode " + mode + "): ended once A attached elsewhere");
                tss = PyGILState_GetThisThreadState();
                check(rt.slot().holds(tss), "rep " + n + ": A's binding is its own state after attaching");
            }).get(30, TimeUnit.SECONDS);
        }
        a.shutdown();
        check(a.awaitTermination(30, TimeUnit.SECONDS), "thread A ended");
        check(rt.awaitingEnd().isEmpty(), "no sub-interpreter left waiting to end: " + rt.awaitingEnd());
        System.out.println("modes (sub last, main last, nested, A ended): " + java.util.Arrays.toString(modes));
    }

    private static volatile Thread threadA;

    private static ExecutorService newThreadA() {
        return Executors.newSingleThreadExecutor(r -> threadA = Thread.ofPlatform().name("thread-A").unstarted(r));
    }
}
