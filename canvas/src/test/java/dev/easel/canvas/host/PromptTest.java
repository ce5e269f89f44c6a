package dev.easel.canvas.host;

import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.loop.HeadlessWindows;
import dev.easel.pybridge.PythonRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The live prompt against running canvases (headless, real CPython): entries run on the canvas
 * thread between frames with {@code self} the canvas, names made persist, errors come back as
 * tracebacks, incomplete input asks for more, completion is computed in the canvas' interpreter.
 */
@Timeout(120)
class PromptTest {
    private static Session start(String source) throws Exception {
        PythonRuntime rt = Sketches.runtime();
        Path script = Files.createTempDirectory("easel-prompt").resolve("sketch.py");
        Files.writeString(script, source);
        Session s = new Session(rt, new HeadlessWindows(), new Session.Options(false, null, Integer.MAX_VALUE, List.of()));
        s.runScript(script, List.of());
        return s;
    }

    private static void awaitFrames(CanvasHost h, int frames) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (h.stats().frames() < frames) {
            assertTrue(System.nanoTime() < end, frames + " frames drawn");
            Thread.sleep(5); // polling a condition, bounded
        }
    }

    private static CanvasHost first(Session s) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (s.canvases().isEmpty() || s.canvases().getFirst().stats().frames() < 1) {
            assertTrue(System.nanoTime() < end, "a canvas drawing");
            Thread.sleep(5); // polling a condition, bounded
        }
        return s.canvases().getFirst();
    }

    private static Prompt.Reply run(CanvasHost h, String src) throws Exception {
        return Prompt.run(h, src).get(30, TimeUnit.SECONDS);
    }

    private static final String SKETCH = """
            import easel, threading
            LIMIT = 10
            class Counter(easel.Canvas):
                size = (40, 30)
                isolated = ISOLATED
                def setup(self):
                    self.speed = 2
                def on_draw(self, g):
                    g.clear("white")
                    self.thread_name = threading.current_thread().name
            Counter().show()
            """;

    @Test
    void entriesRunOnTheCanvasThreadWithSelfAndKeepTheirNames() throws Exception {
        runAll(false);
    }

    @Test
    void anIsolatedCanvasAnswersFromItsOwnInterpreter() throws Exception {
        assumeTrue(Sketches.runtime().supportsSubInterpreters(), "isolated canvases need 3.12+");
        runAll(true);
    }

    private static void runAll(boolean isolated) throws Exception {
        Session s = start(SKETCH.replace("ISOLATED", isolated ? "True" : "False"));
        try {
            CanvasHost h = first(s);
            assertEquals(new Prompt.Done("2\n"), run(h, "self.speed"));
            assertEquals(new Prompt.Done(""), run(h, "self.speed = 5"));
            assertEquals(new Prompt.Done("5\n"), run(h, "self.speed"));
            // The canvas thread, not the caller's.
            assertEquals(new Prompt.Done("True\n"), run(h, "threading.current_thread().name == self.thread_name"));
            // Entries queued one after the other may all run before the same frame (the canvas thread
            // takes what is queued until none is left): wait for a second frame before asking.
            awaitFrames(h, 2);
            Prompt.Reply frame = run(h, "self.frame");
            assertInstanceOf(Prompt.Done.class, frame);
            assertTrue(Long.parseLong(((Prompt.Done) frame).output().strip()) >= 1);
            // Names made at the prompt persist; module globals are there; print is captured.
            assertEquals(new Prompt.Done(""), run(h, "k = LIMIT * 3"));
            assertEquals(new Prompt.Done("hi 30\n"), run(h, "print('hi', k)"));
            assertEquals(new Prompt.Done("30\n"), run(h, "_ if False else k"));
            // Blocks: incomplete until the blank line.
            assertEquals(new Prompt.More(), run(h, "for i in range(2):"));
            assertEquals(new Prompt.More(), run(h, "for i in range(2):\n    print(i)"));
            assertEquals(new Prompt.Done("0\n1\n"), run(h, "for i in range(2):\n    print(i)\n"));
            // Errors come back as tracebacks; the canvas keeps drawing.
            Prompt.Reply boom = run(h, "1 / 0");
            assertInstanceOf(Prompt.Failed.class, boom);
            assertTrue(((Prompt.Failed) boom).traceback().contains("ZeroDivisionError"), boom.toString());
            assertFalse(((Prompt.Failed) boom).traceback().contains("_prompt.py"), "no Easel frames: " + boom);
            Prompt.Reply syntax = run(h, "def (");
            assertInstanceOf(Prompt.Failed.class, syntax);
            assertTrue(((Prompt.Failed) syntax).traceback().contains("SyntaxError"), syntax.toString());
            Prompt.Reply exit = run(h, "raise SystemExit(3)");
            assertInstanceOf(Prompt.Failed.class, exit);
            assertEquals(List.of(), h.stats().errors(), "prompt errors are not the sketch's");
            int before = h.stats().frames();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (h.stats().frames() < before + 3) {
                assertTrue(System.nanoTime() < end, "still drawing");
                Thread.sleep(5);
            }
            // Completion, computed there.
            Prompt.Completions c = Prompt.complete(h, "x = self.spe").get(30, TimeUnit.SECONDS);
            assertEquals("self.spe", c.token());
            assertTrue(c.candidates().contains("self.speed"), c.toString());
            Prompt.Completions fr = Prompt.complete(h, "self.fr").get(30, TimeUnit.SECONDS);
            assertTrue(fr.candidates().contains("self.frame"), fr.toString());
            assertTrue(Prompt.complete(h, "LIM").get(30, TimeUnit.SECONDS).candidates().contains("LIMIT"));
        } finally {
            s.close();
        }
        // Once the canvas has ended, an entry says so instead of waiting for ever.
        CanvasHost gone = s.canvases().getFirst();
        Prompt.Reply late = Prompt.run(gone, "1").get(30, TimeUnit.SECONDS);
        assertEquals(new Prompt.Failed("the canvas has ended\n"), late);
    }
}
