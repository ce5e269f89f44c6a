package dev.easel.app.runs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.*;

/** The launcher's background parts, without a window: buffers, examples, templates, settings, editors. */
class RunsTest {
    @TempDir
    Path dir;

    @Test
    void consoleLinesKeepTheNewestWhenNobodyTakesThemAndLoseNothingWhenTaken() throws Exception {
        ConsoleLines lines = new ConsoleLines(1000);
        for (int i = 0; i < 2500; i++) {
            lines.add(ConsoleLines.Stream.OUT, "line " + i);
        }
        List<ConsoleLines.Line> got = lines.drain();
        assertEquals(1000, got.size());
        assertEquals("line 1500", got.getFirst().text());
        assertEquals(2500, got.getLast().number());
        assertEquals(1500, lines.dropped());
        assertEquals(List.of(), lines.drain());

        // Many writers, one reader taking batches: every line arrives once, in each writer's order.
        ConsoleLines shared = new ConsoleLines(1_000_000);
        int writers = 4, each = 50_000;
        CountDownLatch done = new CountDownLatch(writers);
        for (int w = 0; w < writers; w++) {
            int id = w;
            Thread.ofPlatform().start(() -> {
                for (int i = 0; i < each; i++) {
                    shared.add(ConsoleLines.Stream.ERR, id + ":" + i);
                }
                done.countDown();
            });
        }
        int[] next = new int[writers];
        long taken = 0;
        while (taken < (long) writers * each) {
            for (ConsoleLines.Line l : shared.drain()) {
                String[] p = l.text().split(":");
                int w = Integer.parseInt(p[0]);
                assertEquals(next[w]++, Integer.parseInt(p[1]), "writer " + w + " in order");
                taken++;
            }
            Thread.onSpinWait();
        }
        done.await();
        assertEquals(0, shared.dropped());
    }

    @Test
    void examplesAreListedByNameWithTheirDocstring() throws Exception {
        Files.writeString(dir.resolve("two_canvases.py"), "\"\"\"Two canvases: side by side.\n\nMore.\"\"\"\nimport easel\n");
        Files.writeString(dir.resolve("plain.py"), "import easel\n");
        Files.writeString(dir.resolve("notes.txt"), "not a sketch");
        List<Examples.Example> ex = Examples.in(dir);
        assertEquals(List.of("Plain", "Two canvases"), ex.stream().map(Examples.Example::name).toList());
        assertEquals("", ex.get(0).summary());
        assertEquals("Side by side.", ex.get(1).summary()); // not "Two canvases: ..." under "Two canvases"
        assertEquals(List.of(), Examples.in(dir.resolve("missing")));
        assertEquals("Two canvases at once: each has its own thread.",
                Examples.withoutName("Two canvases at once: each has its own thread.", "Two canvases"));
        assertEquals("A ball.", Examples.withoutName("bounce: a ball.", "Bounce"));
        assertEquals("Bounce:", Examples.withoutName("Bounce:", "Bounce"));
        assertEquals("Bouncer: no.", Examples.withoutName("Bouncer: no.", "Bounce"));
    }

    @Test
    void newSketchesAreRunnableNamedAfterTheirFileAndNeverOverwrite() throws Exception {
        Path made = Templates.create(dir.resolve("my-first sketch"));
        assertEquals("my-first sketch.py", made.getFileName().toString());
        String text = Files.readString(made);
        assertTrue(text.contains("class MyFirstSketch(easel.Canvas):"), text);
        assertTrue(text.contains("MyFirstSketch().show()"), text);
        assertTrue(text.contains("easel run my-first sketch.py"), text);
        assertFalse(text.contains("%s"), text);
        assertEquals("Sketch3d", Templates.className(Path.of("3d.py")));
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> Templates.create(made));
        assertEquals(text, Files.readString(made));
    }

    @Test
    void settingsRememberTheNewestRecentFilesOnceAndThePython() throws Exception {
        Preferences node = Preferences.userRoot().node("dev/easel/test-" + UUID.randomUUID());
        try {
            Settings s = new Settings(node);
            for (int i = 0; i < 14; i++) {
                s.opened(dir.resolve("s" + i + ".py"));
            }
            s.opened(dir.resolve("s5.py"));
            List<Path> r = new Settings(node).recent();
            assertEquals(Settings.MAX_RECENT, r.size());
            assertEquals(dir.resolve("s5.py"), r.get(0));
            assertEquals(dir.resolve("s13.py"), r.get(1));
            assertEquals(1, r.stream().filter(p -> p.endsWith("s5.py")).count());
            assertNull(s.python());
            s.python("/usr/lib/libpython3.12.so");
            assertEquals("/usr/lib/libpython3.12.so", new Settings(node).python());
            s.python(null);
            assertNull(new Settings(node).python());
        } finally {
            node.removeNode();
        }
    }

    @Test
    void editorsOpenAtTheLineWhenTheyCan() {
        Path f = Path.of("/tmp/x.py");
        assertEquals(List.of("code", "--goto", "/tmp/x.py:12"), SystemEditor.command(f, 12, "code", "Linux"));
        assertEquals(List.of("gedit", "+3", "/tmp/x.py"), SystemEditor.command(f, 3, "gedit", "Linux"));
        assertEquals(List.of("xdg-open", "/tmp/x.py"), SystemEditor.command(f, 3, null, "Linux"));
        assertEquals(List.of("open", "/tmp/x.py"), SystemEditor.command(f, 3, "", "Mac OS X"));
    }
}
