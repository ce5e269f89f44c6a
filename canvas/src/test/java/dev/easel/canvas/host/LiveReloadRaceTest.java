package dev.easel.canvas.host;

import dev.easel.canvas.host.loop.CanvasHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static dev.easel.canvas.host.LiveReloadTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Live reload under concurrency: saves and reload requests at random moments, several canvases. */
@Timeout(120)
class LiveReloadRaceTest {
    static String many(String colour, boolean isolated) {
        return """
                import easel, sys
                T = getattr(sys, "_easel_test", {})
                COLOUR = "%s"
                class A(easel.Canvas):
                    size = (40, 30)
                    fps = 60
                    def setup(self):
                        T["setups"] = T.get("setups", 0) + 1
                    def on_draw(self, g):
                        g.fill = COLOUR
                        g.fill_rect(0, 0, 40, 30)
                class B(A):
                    pass
                class C(A):
                    isolated = %s
                if __name__ == "__main__":
                    A().show()
                    A().show()
                    B().show()
                    C().show()
                """.formatted(colour, isolated ? "True" : "False");
    }

    /**
     * Saves in quick succession, at random moments relative to the frames (none, or a random
     * number of frames apart), with reloadNow() calls from another thread in between, while four
     * canvases draw (two of one class, a subclass, and an isolated one where the Python allows):
     * every canvas ends on the last version, none closes, none ran setup() twice, nothing failed.
     */
    @Test
    void manySavesAtRandomMomentsLeaveEveryCanvasOnTheLastVersion() throws Exception {
        long seed = System.nanoTime();
        java.util.Random rnd = new java.util.Random(seed);
        boolean iso = Sketches.runtime().supportsSubInterpreters();
        String last = "#000000";
        try (LiveReloadTest.Live l = new LiveReloadTest.Live(many("#808080", iso))) {
            await("four canvases", l.session::canvases, c -> c.size() == 4);
            for (CanvasHost h : l.session.canvases()) {
                await("a frame of " + h, () -> h.stats().frames(), n -> n > 0);
            }
            long pokerSeed = rnd.nextLong();
            Thread poker = Thread.ofPlatform().start(() -> {
                java.util.Random r = new java.util.Random(pokerSeed);
                try {
                    for (int i = 0; i < 10; i++) {
                        l.live.reloadNow();
                        l.awaitFrames(1 + r.nextInt(5));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            for (int i = 0; i < 40; i++) {
                last = String.format("#%02x%02x%02x", rnd.nextInt(200) + 20, rnd.nextInt(256), i);
                // Saved by an atomic replace: a reloadNow() between a truncate and its write would
                // read a half-saved file (a real editor's save in place is covered by the watcher's debounce).
                Path tmp = l.dir.resolve(".many.tmp");
                Files.writeString(tmp, many(last, iso));
                Files.move(tmp, l.script, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                int frames = rnd.nextInt(4);
                if (frames > 0) {
                    l.awaitFrames(frames);
                }
            }
            poker.join();
            int want = Integer.parseInt(last.substring(1), 16);
            for (CanvasHost h : l.session.canvases()) {
                await("the last version on " + h + " (seed " + seed + ")",
                        () -> h.snapshot().argb(5, 5) & 0xFFFFFF, c -> c == want);
                assertFalse(h.ended().isDone(), h + " closed");
                assertTrue(h.stats().errors().isEmpty(), h + ": " + h.stats().errors() + " (seed " + seed + ")");
                assertTrue(h.reloads() >= 1, h.toString());
            }
            assertEquals(iso ? 3L : 4L, l.fact("setups"), "setup() ran once per shared canvas (seed " + seed + ")");
        }
    }

}
