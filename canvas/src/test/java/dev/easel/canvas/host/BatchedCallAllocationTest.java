package dev.easel.canvas.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.pybridge.Attachment;
import dev.easel.canvas.host.python.AllocationProbe;
import dev.easel.pybridge.BuiltinModule;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * A batched drawing call ({@code g.lines(buf)}, {@code g.points(buf, 2)}, ...) on a buffer
 * allocates nothing in Java beyond reading its numbers: no adapter per call (the {@code Numbers}
 * of each call is a constant), no segment per argument and no garbage recording them. Bytes are
 * counted on the canvas thread by a probe built-in the sketch calls around warm loops, less what a
 * loop that only reads the numbers ({@link AllocationProbe}) allocates.
 *
 * <p>The count runs in a child JVM without escape analysis, so it is every object the code makes,
 * interpreted or compiled alike. With it, the figures depended on which loop C2 had compiled
 * when: on a busy CI the reading loop was compiled and the calls not yet (136 bytes a call "more"),
 * or {@code g.rects(xy, False)} still made the segment {@code booleanAt} wrapped its argument in
 * (40 bytes), which only a compiled caller scalar-replaced.
 */
class BatchedCallAllocationTest {
    /**
     * Bytes per call allowed beyond reading the numbers (which itself costs a few hundred bytes: an
     * arena per buffer view in pybridge, the format read as a string). Before the constants, each
     * call also made an adapter capturing the list: 16–24 bytes more.
     */
    private static final double BOUND = 8;
    private static final String[] CALLS = {"lines", "points", "rects", "circles", "polyline", "fill_polygon"};

    @Test
    void batchedCallsOnABufferAllocateNoAdapter() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-XX:-DoEscapeAnalysis",
                "-Djava.awt.headless=true", "-Deasel.python=" + System.getProperty("easel.python", "bundled"),
                "-cp", System.getProperty("java.class.path"), Child.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        System.out.print(out);
        Map<String, Double> perCall = new TreeMap<>();
        double read = -1;
        for (String line : out.lines().toList()) {
            String[] kv = line.split("=", 2);
            if (kv.length == 2 && kv[0].startsWith("bytes.")) {
                double v = Double.parseDouble(kv[1]);
                if (kv[0].equals("bytes.read")) {
                    read = v;
                } else {
                    perCall.put(kv[0].substring("bytes.".length()), v);
                }
            }
        }
        assertEquals(CALLS.length, perCall.size(), out);
        assertTrue(read > 0, "reading the numbers allocates something without escape analysis: " + out);
        for (var e : perCall.entrySet()) {
            assertTrue(e.getValue() < BOUND, e.getKey() + ": " + e.getValue() + " bytes per call in Java beyond reading "
                    + "its numbers (" + read + " bytes); all: " + perCall + "; expected < " + BOUND);
        }
    }

    /** The child: installs the probe, runs the sketch, prints {@code bytes.NAME=PER_CALL} lines. */
    public static final class Child {
        private static final BuiltinModule PROBE = AllocationProbe.module("_easel_alloc_probe");

        public static void main(String[] args) throws Exception {
            var rt = Sketches.runtime();
            try (Attachment a = rt.main().attach()) {
                PROBE.install(a).close();
            }
            var r = Sketches.run("""
                    import array, sys
                    import easel
                    import _easel_alloc_probe as probe
                    N = 20_000
                    xy = array.array("d", [1.0, 2.0, 3.0, 4.0])
                    xyr = array.array("d", [1.0, 2.0, 3.0])
                    def loop(call):
                        def run(g):
                            for _ in range(N):
                                call(g)
                        return run
                    LOOPS = {
                        "lines": lambda g: g.lines(xy),
                        "points": lambda g: g.points(xy, 2),
                        "rects": lambda g: g.rects(xy, False),
                        "circles": lambda g: g.circles(xyr),
                        "polyline": lambda g: g.polyline(xy),
                        "fill_polygon": lambda g: g.fill_polygon(xy),
                    }
                    class Probe(easel.Canvas):
                        size = (8, 8)
                        def on_draw(self, g):
                            if self.frame < 3:  # warm: the list's chunks grown and kept
                                for call in LOOPS.values():
                                    loop(call)(g)
                                loop(lambda g: probe.read(xy))(g)
                                return
                            read = probe.read
                            b0 = probe.bytes()
                            loop(lambda g: read(xy))(g)
                            base = probe.bytes() - b0
                            sys._easel_test["read"] = base / N
                            for name, call in LOOPS.items():
                                b0 = probe.bytes()
                                loop(call)(g)
                                sys._easel_test[name] = (probe.bytes() - b0 - base) / N
                    Probe().show()
                    """, 4);
            System.out.println("bytes.read=" + r.fact("read"));
            for (String name : CALLS) {
                System.out.println("bytes." + name + "=" + r.fact(name));
            }
            System.out.flush();
            Runtime.getRuntime().halt(0); // the runtime's own shutdown is tested elsewhere
        }
    }
}
