package dev.easel.canvas.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Long runs of busy sketches: memory must stay flat once warm. 20,000 frames in a normal build,
 * 100,000 with {@code -Deasel.soak=full}. Figures are printed (for RELIABILITY.md).
 */
@Timeout(1800)
class SoakTest {
    private static final boolean FULL = "full".equals(System.getProperty("easel.soak"));

    /** Everything a typical sketch does each frame, plus images and channels made and dropped. */
    static final String BUSY = """
            import easel, sys, gc, array, math
            T = sys._easel_test
            ch = easel.Channel("soak")
            xy = array.array("d", [0.0] * 400)
            px = bytes(16 * 16 * 4)

            class Busy(easel.Canvas):
                size = (320, 240)
                def setup(self):
                    self.samples = []
                def on_draw(self, g):
                    f = self.frame
                    g.clear("black")
                    with g.saved():
                        g.translate(160, 120)
                        g.rotate(f * 0.01)
                        g.fill = (f % 256, 100, 200)
                        g.fill_rect(-50, -50, 100, 100)
                    g.stroke = easel.Color(255, 255, 255, 0.5)
                    for i in range(0, 400, 4):
                        xy[i] = (i + f) % 320; xy[i + 1] = 0; xy[i + 2] = i % 320; xy[i + 3] = 240
                    g.lines(xy)
                    g.fill = "white"
                    g.font = "14px sans-serif"
                    g.fill_text(f"frame {f} {easel.noise(f * 0.01):.3f}", 10, 20)
                    w, h = g.measure_text("soak")
                    g.begin_path(); g.move_to(10, 200); g.line_to(60 + w, 230); g.arc(100, 200, 20, 0, math.pi)
                    g.stroke_path()
                    img = easel.Image.from_pixels(px, 16, 16)
                    g.draw_image(img, 280, 200)
                    ch.send({"f": f, "xs": [1, 2, 3]})
                    ch.try_recv()
                    if f in (T["warm"], T["frames"] - 1):
                        gc.collect()
                        T.setdefault("objects", []).append(len(gc.get_objects()))
                        with open("/proc/self/status") as s:
                            rss = [int(l.split()[1]) for l in s if l.startswith("VmRSS:")][0]
                        T.setdefault("rss_kib", []).append(rss)
            Busy().show()
            """;

    /**
     * In a child JVM with a fixed, pre-touched heap, so that RSS growth is memory really kept (native,
     * Python, or a heap that would overflow), not the JVM taking more of the heap it is allowed.
     */
    @Test
    void busySketchKeepsMemoryFlat() throws Exception {
        int frames = FULL ? 100_000 : 20_000;
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(javaBin, "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-Xms256m",
                "-Xmx256m", "-XX:+AlwaysPreTouch", "-Djava.awt.headless=true",
                "-Deasel.python=" + System.getProperty("easel.python", "bundled"),
                "-cp", System.getProperty("java.class.path"), SoakTest.class.getName() + "$Child", String.valueOf(frames))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int code = p.waitFor();
        System.out.print(out);
        assertEquals(0, code, out);
        assertTrue(out.contains("SOAK OK"), out);
    }

    /** The child: runs the busy sketch, checks its figures, prints them and SOAK OK. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            int frames = Integer.parseInt(args[0]);
            int warm = frames / 5; // the first fifth is warm-up (JIT, caches, pools)
            var r = Sketches.run("import sys\nsys._easel_test.update(frames=" + frames + ", warm=" + warm + ")\n" + BUSY,
                    frames, List.of(), java.time.Duration.ofMinutes(20));
            @SuppressWarnings("unchecked")
            List<Long> objects = (List<Long>) r.fact("objects");
            @SuppressWarnings("unchecked")
            List<Long> rss = (List<Long>) r.fact("rss_kib");
            System.out.printf("soak: %d frames; RSS %d -> %d KiB (+%d) after warm-up; Python objects %d -> %d%n",
                    frames, rss.get(0), rss.get(1), rss.get(1) - rss.get(0), objects.get(0), objects.get(1));
            assertEquals(frames, r.canvas(0).stats().frames());
            assertTrue(r.canvas(0).stats().errors().isEmpty(), () -> "errors: " + r.canvas(0).stats().errors());
            assertTrue(rss.get(1) - rss.get(0) < 20 * 1024, "RSS grew " + (rss.get(1) - rss.get(0)) + " KiB after warm-up");
            assertTrue(objects.get(1) - objects.get(0) < 500, "Python objects: " + objects);
            System.out.println("SOAK OK");
            System.out.flush();
            Runtime.getRuntime().halt(0); // the runtime's own shutdown is tested elsewhere
        }
    }

    @Test
    void aSketchFailingEveryFrameDoesNotAllocateAPictureAFrame() throws Exception {
        int frames = 2_000;
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getTotalThreadAllocatedBytes();
        var r = Sketches.run("""
                import easel
                class Failing(easel.Canvas):
                    size = (800, 600)
                    def on_draw(self, g):
                        g.fill = "navy"
                        g.fill_rect(0, 0, 800, 600)
                        raise ValueError("the same error every frame")
                Failing().show()
                """, frames);
        long perFrame = (mx.getTotalThreadAllocatedBytes() - before) / frames;
        System.out.printf("soak: a frame failing with the same error allocates %d bytes (a picture is %d)%n", perFrame,
                800 * 600 * 4);
        assertEquals(frames, r.canvas(0).stats().frames());
        assertTrue(!r.canvas(0).stats().errors().isEmpty(), "the error is reported");
        assertTrue(perFrame < 800 * 600 * 4 / 4, "bytes allocated per failing frame: " + perFrame);
    }
}
