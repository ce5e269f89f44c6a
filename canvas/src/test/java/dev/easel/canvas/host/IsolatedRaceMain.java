package dev.easel.canvas.host;

import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.loop.HeadlessWindows;
import dev.easel.pybridge.PythonLocator;
import dev.easel.pybridge.PythonRuntime;
import dev.easel.pybridge.ShutdownResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM of {@link IsolatedRaceTest}: runs {@code reps} headless sessions of isolated canvases
 * (and now and then a shared one blocked on a channel) on one Python, each ended at a random
 * moment in one of three ways: its windows closed mid-frame, the app quitting mid-frame, or an
 * exception in {@code setup}. Then, last, the whole runtime is shut down while canvases draw.
 * Prints {@code RACE-CHILD OK} when every session ended within its bound and with the expected
 * outcome; exit code 0. A hang is caught by the bounds here (exit 3) or by the parent's timeout; a
 * crash by the parent.
 *
 * <p>Args: python choice, repetitions, seed.
 */
public final class IsolatedRaceMain {
    static final String SKETCH = """
            import easel, sys, time
            mode, n_iso, work_ms, shared = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4] == "1"
            ch = easel.Channel("race")

            class Busy(easel.Canvas):
                isolated = True
                size = (64, 48)
                def __init__(self, i):
                    super().__init__()
                    self.i = i
                def setup(self):
                    if mode == "setup" and self.i == 0:
                        raise RuntimeError("setup failed on purpose")
                def on_draw(self, g):
                    end = time.perf_counter() + work_ms / 1000
                    while time.perf_counter() < end:
                        pass
                    g.fill = "red"
                    g.fill_rect(0, 0, 10 + self.frame % 50, 10)
                    if self.frame % 5 == 0:
                        ch.send({"i": self.i, "frame": self.frame})

            class Listener(easel.Canvas):
                size = (32, 32)
                def on_draw(self, g):
                    try:
                        ch.recv(timeout=0.05)
                    except TimeoutError:
                        pass

            if __name__ == "__main__":
                for i in range(n_iso):
                    Busy(i).show()
                if shared:
                    Listener().show()
            """;

    private static final Duration BOUND = Duration.ofSeconds(30);

    public static void main(String[] args) throws Exception {
        String python = args[0];
        int reps = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        Random r = new Random(seed);
        PythonRuntime rt = PythonRuntime.start(PythonLocator.locate(python));
        Path dir = Files.createTempDirectory("easel-race");
        Path script = dir.resolve("race.py");
        Files.writeString(script, SKETCH);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int rep = 0; rep < reps && violations.isEmpty(); rep++) {
            String mode = switch (r.nextInt(3)) {
                case 0 -> "close";
                case 1 -> "quit";
                default -> "setup";
            };
            int nIso = 1 + r.nextInt(2);
            double workMs = r.nextInt(4) * 0.5;
            boolean shared = r.nextInt(3) == 0;
            int frames = mode.equals("setup") ? 3 : 1_000_000; // the others end only when told
            Session s = new Session(rt, new HeadlessWindows(), new Session.Options(false, null, frames, List.of()));
            String what = "rep " + rep + " (" + mode + ", " + nIso + " isolated, work " + workMs + " ms"
                    + (shared ? ", a shared listener" : "") + ")";
            Thread script0 = s.runScript(script, List.of(mode, String.valueOf(nIso), String.valueOf(workMs), shared ? "1" : "0"));
            if (!script0.join(BOUND)) {
                violations.add(what + ": the script did not finish");
                break;
            }
            int expected = nIso + (shared ? 1 : 0);
            if (s.canvases().size() != expected) {
                violations.add(what + ": " + s.canvases().size() + " canvases, expected " + expected);
                break;
            }
            sleepRandom(r, 250); // somewhere in the middle of making the sub-interpreters, or of a frame
            switch (mode) {
                case "close" -> { // the windows' close buttons, in random order and at random moments
                    List<CanvasHost> hosts = new ArrayList<>(s.canvases());
                    Collections.shuffle(hosts, r);
                    for (CanvasHost h : hosts) {
                        h.requestClose();
                        sleepRandom(r, 30);
                    }
                }
                case "quit" -> s.close();
                default -> { } // setup: the run ends by itself after its frames
            }
            if (!awaitEnd(s)) {
                violations.add(what + ": the session did not end within " + BOUND.toSeconds() + " s\n" + threads());
                break;
            }
            if (mode.equals("setup")) {
                CanvasHost first = s.canvases().getFirst();
                boolean reported = first.stats().errors().stream()
                        .anyMatch(e -> e.type().equals("RuntimeError") && e.traceback().contains("setup failed on purpose"));
                if (!reported) {
                    violations.add(what + ": the setup error was not reported: " + first.stats().errors());
                }
                if (s.exitCode() != 1) {
                    violations.add(what + ": exit code " + s.exitCode() + ", expected 1");
                }
            } else if (s.errorCount() > 0) {
                violations.add(what + ": unexpected errors: " + s.canvases().stream().map(h -> h.stats().errors()).toList());
            }
            s.close();
            outcomes.merge(mode, 1, Integer::sum);
        }
        // The app quits while canvases draw: the runtime's gate stops them, then Python finalizes.
        ShutdownResult last = null;
        if (violations.isEmpty()) {
            Session s = new Session(rt, new HeadlessWindows(), new Session.Options(false, null, 1_000_000, List.of()));
            s.runScript(script, List.of("quit", "2", "0.5", "1"));
            sleepRandom(r, 400);
            rt.close();
            last = rt.shutdownResult().orElse(null);
            if (last == null || !last.finalized()) {
                violations.add("the runtime did not finalize: " + last);
            }
            if (!awaitEnd(s)) {
                violations.add("canvases still running after the runtime closed\n" + threads());
            }
        }
        System.out.println("RACE-CHILD python=" + rt.version() + " seed=" + seed + " reps=" + reps + " outcomes=" + outcomes
                + " took=" + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + "ms shutdown=" + last);
        if (!violations.isEmpty()) {
            violations.forEach(v -> System.out.println("VIOLATION: " + v));
            System.out.flush();
            Runtime.getRuntime().halt(3);
        }
        System.out.println("RACE-CHILD OK");
        System.out.flush();
    }

    private static boolean awaitEnd(Session s) throws InterruptedException {
        Thread waiter = Thread.ofPlatform().daemon().start(() -> {
            try {
                s.awaitEnd();
            } catch (InterruptedException ignored) {
                // bounded by the join below
            }
        });
        return waiter.join(BOUND);
    }

    private static void sleepRandom(Random r, int maxMs) throws InterruptedException {
        Thread.sleep(r.nextInt(maxMs + 1));
    }

    private static String threads() {
        StringBuilder b = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, st) -> {
            if (t.getName().startsWith("easel")) {
                b.append(t.getName()).append(" ").append(t.getState()).append('\n');
                for (int i = 0; i < Math.min(st.length, 12); i++) {
                    b.append("    at ").append(st[i]).append('\n');
                }
            }
        });
        return b.toString();
    }
}
