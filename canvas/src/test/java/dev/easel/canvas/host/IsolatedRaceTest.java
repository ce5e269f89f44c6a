package dev.easel.canvas.host;

import dev.easel.pybridge.PythonInstallation;
import dev.easel.pybridge.PythonLocator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Lifecycle races of isolated canvases: at least 200 randomized sessions per CPython with
 * sub-interpreters (3.12 and newer) found on the machine, in child JVMs ({@link IsolatedRaceMain})
 * so that a crash or a hang is seen, not suffered. Each Python's children run two at a time.
 */
class IsolatedRaceTest {
    /** At least 200 (the bar); EASEL_RACE_REPS sets more, or fewer while working on it. */
    static final int REPS_PER_PYTHON = Integer.parseInt(System.getenv().getOrDefault("EASEL_RACE_REPS", "200"));
    static final int CHILDREN = 4;
    static final Duration CHILD_TIMEOUT = Duration.ofMinutes(5);

    @TestFactory
    Stream<DynamicTest> isolatedCanvasLifecycleRaces() {
        Map<String, String> pythons = new LinkedHashMap<>(); // "3.12" -> choice, one per minor version
        for (PythonInstallation i : PythonLocator.findAll()) {
            if (i.freeThreaded() || i.version().minor() < 12) {
                continue;
            }
            String choice = i.origin().equals("bundled") ? "bundled" : i.library().toString();
            pythons.putIfAbsent(i.version().major() + "." + i.version().minor(), choice);
        }
        System.out.println("IsolatedRaceTest: Pythons with sub-interpreters: " + pythons);
        if (pythons.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("no CPython 3.12+ on this machine",
                    () -> org.junit.jupiter.api.Assumptions.abort("no CPython 3.12 or newer found")));
        }
        return pythons.entrySet().stream().map(e -> DynamicTest.dynamicTest("CPython " + e.getKey(),
                () -> raceOn(e.getKey(), e.getValue())));
    }

    private static void raceOn(String version, String choice) throws Exception {
        long seed = new Random().nextLong();
        int per = (REPS_PER_PYTHON + CHILDREN - 1) / CHILDREN;
        List<Process> running = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int okReps = 0;
        for (int c = 0; c < CHILDREN; c += 2) { // two at a time: this machine has two cores
            List<Thread> readers = new ArrayList<>();
            List<StringBuilder> outs = new ArrayList<>();
            running.clear();
            for (int k = c; k < Math.min(CHILDREN, c + 2); k++) {
                Process p = start(choice, per, seed + k);
                StringBuilder out = new StringBuilder();
                readers.add(Thread.ofPlatform().daemon().start(() -> read(p, out)));
                outs.add(out);
                running.add(p);
            }
            for (int k = 0; k < running.size(); k++) {
                Process p = running.get(k);
                boolean done = p.waitFor(CHILD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                if (!done) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
                readers.get(k).join(10_000);
                String out;
                synchronized (outs.get(k)) {
                    out = outs.get(k).toString();
                }
                String summary = out.lines().filter(l -> l.startsWith("RACE-CHILD python")).findFirst().orElse("(no summary)");
                System.out.println("IsolatedRaceTest " + version + " child " + (c + k) + ": " + summary);
                if (!done || p.exitValue() != 0 || !out.contains("RACE-CHILD OK")) {
                    failures.add("child " + (c + k) + " (seed " + (seed + c + k) + "): "
                            + (done ? "exit code " + p.exitValue() : "HUNG (killed after " + CHILD_TIMEOUT.toMinutes() + " min)")
                            + (out.contains("A fatal error has been detected") ? ", JVM CRASHED" : "")
                            + "\n" + out);
                } else {
                    okReps += per;
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " child JVM(s) failed on CPython " + version + ":\n" + String.join("\n", failures));
        }
        assertTrue(okReps >= REPS_PER_PYTHON, okReps + " repetitions");
    }

    private static Process start(String choice, int reps, long seed) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(java, "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-XX:ErrorFile=" + System.getProperty("java.io.tmpdir") + "/easel-race-hs_err_pid%p.log",
                "-cp", System.getProperty("java.class.path"), IsolatedRaceMain.class.getName(),
                choice, String.valueOf(reps), String.valueOf(seed));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static void read(Process p, StringBuilder out) {
        try {
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (out) {
                out.append(s);
            }
        } catch (IOException ignored) {
            // The process died: what was read is what there is.
        }
    }
}
