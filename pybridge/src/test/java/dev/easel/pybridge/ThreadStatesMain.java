package dev.easel.pybridge;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.easel.pybridge.ChildMain.check;
import static dev.easel.pybridge.ChildMain.fail;
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
}
