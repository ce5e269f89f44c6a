package dev.easel.app.runs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's Stop: SIGTERM, then a kill after a grace period, unless the run said it is
 * finishing its recordings (a kill would lose them; the run's own dialog offers Cancel). Stand-in
 * runs: shells that ignore SIGTERM and wait on a FIFO the test opens.
 */
@Timeout(60)
class SketchRunStopTest {
    @TempDir
    Path dir;

    private SketchRun start(String say, Path fifo) throws Exception {
        Path script = dir.resolve("s.py");
        Files.writeString(script, "");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        // Ignores SIGTERM; says its line; ends when the FIFO gets a line.
        String sh = "trap '' TERM; echo '" + say + "' >&2; read x < '" + fifo + "'; exit 3";
        SketchRun run = SketchRun.start(script, List.of("sh", "-c", sh), new ConsoleLines(100));
        run.killAfter = 0.05;
        return run;
    }

    private static void awaitLine(SketchRun run, String text) throws InterruptedException {
        List<ConsoleLines.Line> seen = new java.util.ArrayList<>();
        while (seen.stream().noneMatch(l -> l.text().equals(text))) {
            seen.addAll(run.lines().drain());
            Thread.sleep(10); // polling a condition, not a timing
        }
    }

    @Test
    void aRunFinishingItsRecordingsIsNotKilled() throws Exception {
        Path fifo = dir.resolve("release");
        SketchRun run = start("easel: finishing 1 recording(s)...", fifo);
        awaitLine(run, "easel: finishing 1 recording(s)...");
        run.stop();
        assertFalse(run.killDecided.get(30, TimeUnit.SECONDS), "left to finish");
        assertTrue(run.isRunning());
        Files.writeString(fifo, "done\n");
        assertEquals(3, run.exited().get(30, TimeUnit.SECONDS), "it ended on its own");
    }

    @Test
    void anyOtherRunIsKilledAfterTheGracePeriod() throws Exception {
        Path fifo = dir.resolve("never");
        SketchRun run = start("just running", fifo);
        awaitLine(run, "just running");
        run.stop();
        assertTrue(run.killDecided.get(30, TimeUnit.SECONDS), "killed");
        assertEquals(137, run.exited().get(30, TimeUnit.SECONDS), "SIGKILL");
    }
}
