package dev.easel.canvas.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The file watcher of live reload, on real files: what it reports (changed .py files of the
 * folder and its sub-folders, new packages included, atomic replaces) and what it leaves out
 * (hidden files, other files, caches). Negative checks end at a sentinel file: events of one
 * folder arrive in order, so whatever was written before the sentinel has been reported by then.
 */
@Timeout(60)
class SketchWatcherTest {
    private final LinkedBlockingQueue<Set<String>> batches = new LinkedBlockingQueue<>();

    /** Every path reported until (and with) the batch that names {@code sentinel}. */
    private List<String> reportedUntil(Path sentinel) throws InterruptedException {
        List<String> all = new ArrayList<>();
        String want = sentinel.toAbsolutePath().normalize().toString();
        while (!all.contains(want)) {
            Set<String> b = batches.poll(30, TimeUnit.SECONDS);
            assertNotNull(b, "no report of " + want + " within 30 s; so far " + all);
            all.addAll(b);
        }
        return all;
    }

    private static String abs(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }

    @Test
    void reportsPythonFilesOfTheFolderAndItsPackagesAndLeavesOutTheRest() throws Exception {
        Path dir = Files.createTempDirectory("easel-watch");
        Path pkg = Files.createDirectories(dir.resolve("shapes"));
        try (SketchWatcher w = new SketchWatcher(dir, batches::add)) {
            Files.writeString(dir.resolve("notes.txt"), "x");
            Files.writeString(dir.resolve(".hidden.py"), "x");
            Files.createDirectories(dir.resolve("__pycache__"));
            Files.writeString(dir.resolve("__pycache__").resolve("cached.py"), "x");
            Files.writeString(pkg.resolve("circle.py"), "R = 1\n");
            Path sketch = dir.resolve("sketch.py");
            Files.writeString(sketch, "print(1)\n");
            List<String> got = reportedUntil(sketch);
            assertTrue(got.contains(abs(pkg.resolve("circle.py"))), "a module of a sub-folder: " + got);
            for (String n : got) {
                assertTrue(n.endsWith(".py") && !n.contains("/.") && !n.contains("__pycache__"), "not wanted: " + n);
            }

            // An editor's atomic replace: written under another name, renamed over the file.
            Path tmp = dir.resolve(".sketch.py.swp");
            Files.writeString(tmp, "print(2)\n");
            Files.move(tmp, sketch, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            assertTrue(reportedUntil(sketch).contains(abs(sketch)));

            // A package made after the watch began is watched too.
            Path later = Files.createDirectories(dir.resolve("later"));
            Path sentinel = dir.resolve("sentinel.py");
            Files.writeString(sentinel, "\n");
            reportedUntil(sentinel); // the folder's creation has been seen (and registered) by now
            Path mod = later.resolve("mod.py");
            Files.writeString(mod, "X = 1\n");
            assertTrue(reportedUntil(mod).contains(abs(mod)));
        } finally {
            Sketches.deleteQuietly(dir);
        }
    }

    @Test
    void manyWritesInABurstAreFewerBatches() throws Exception {
        Path dir = Files.createTempDirectory("easel-watch");
        try (SketchWatcher w = new SketchWatcher(dir, batches::add)) {
            Path sketch = dir.resolve("sketch.py");
            // An editor's save in pieces: truncate, write, write, chmod. A burst of 20 such writes.
            for (int i = 0; i < 20; i++) {
                Files.writeString(sketch, "x = " + i + "\n");
            }
            Path sentinel = dir.resolve("zz_sentinel.py");
            Files.writeString(sentinel, "\n");
            int n = 0;
            List<String> all = new ArrayList<>();
            while (!all.contains(abs(sentinel))) {
                Set<String> b = batches.poll(30, TimeUnit.SECONDS);
                assertNotNull(b);
                all.addAll(b);
                n++;
            }
            assertTrue(n < 20, "20 writes close together are debounced into fewer reloads, got " + n);
            assertEquals(Set.of(abs(sketch), abs(sentinel)), Set.copyOf(all));
            assertFalse(all.isEmpty());
        }
    }
}
