package dev.easel.canvas.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.pybridge.Attachment;
import dev.easel.canvas.host.python.AllocationProbe;
import dev.easel.pybridge.BuiltinModule;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A batched drawing call ({@code g.lines(buf)}, {@code g.points(buf, 2)}, ...) on a buffer
 * allocates nothing in Java beyond reading its numbers: no adapter per call (the {@code Numbers}
 * of each call is a constant) and no garbage recording them. Bytes are counted on the canvas thread
 * by a probe built-in the sketch calls around warm loops, less what a loop that only reads the
 * numbers ({@link AllocationProbe}) allocates.
 */
class BatchedCallAllocationTest {
    /**
     * Bytes per call allowed beyond reading the numbers (which itself costs 100–300 bytes: an arena
     * per buffer view in pybridge, the format read as a string). Before the constants, each call
     * also made an adapter capturing the list: 16–24 bytes more.
     */
    private static final double BOUND = 8;

    private static final BuiltinModule PROBE = AllocationProbe.module("_easel_alloc_probe");

    @Test
    void batchedCallsOnABufferAllocateNoAdapter() throws Exception {
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
                        if self.frame < 3:  # warm: compiled, the list's chunks grown and kept
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
        Map<String, Double> perCall = new java.util.TreeMap<>();
        for (String name : new String[] {"lines", "points", "rects", "circles", "polyline", "fill_polygon"}) {
            perCall.put(name, ((Number) r.fact(name)).doubleValue());
        }
        for (var e : perCall.entrySet()) {
            assertTrue(e.getValue() < BOUND, e.getKey() + ": " + e.getValue() + " bytes per call in Java beyond reading "
                    + "its numbers (" + r.fact("read") + " bytes); all: " + perCall + "; expected < " + BOUND);
        }
    }
}
