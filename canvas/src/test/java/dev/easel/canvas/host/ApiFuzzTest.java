package dev.easel.canvas.host;

import static dev.easel.canvas.host.Sketches.hex;
import static dev.easel.canvas.host.Sketches.near;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.canvas.ImageData;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every public drawing call, property and value constructor of {@code easel} called with wrong
 * types, out-of-range values, NaN, infinities, huge numbers and strings and odd buffers, from the
 * canvas thread and two other Python threads at once (api_fuzz.py). Passes when every call either
 * worked or raised TypeError/ValueError/OverflowError with a message (RuntimeError only for
 * {@code g} used outside its frame), and the canvas still draws what it is told afterwards.
 *
 * <p>10,000 calls in a normal run; {@code -Deasel.fuzz=full} makes 100,000, and
 * {@code -Deasel.fuzz.seed=N} replays one seed.
 */
@Timeout(600)
class ApiFuzzTest {
    private static final int FRAME_CALLS = 2000;

    @Test
    void everyCallWithBadArgumentsRaisesAPythonErrorAndRenderingGoesOn() throws Exception {
        boolean full = "full".equals(System.getProperty("easel.fuzz"));
        int calls = full ? 100_000 : 10_000;
        long seed = Long.getLong("easel.fuzz.seed", System.nanoTime() % 100_000);
        String fuzz;
        try (InputStream in = ApiFuzzTest.class.getResourceAsStream("api_fuzz.py")) {
            fuzz = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String source = "import sys\nsys._easel_test.update(calls=" + calls + ", seed=" + seed + ")\n" + fuzz;
        var r = Sketches.run(source, calls / FRAME_CALLS + 3);
        String context = "seed " + seed + " (replay with -Deasel.fuzz.seed=" + seed + ")";
        assertEquals(true, r.fact("finished"), "the fuzz ran to its last frame; " + context + ", done: " + r.fact("done") + " in "
                + r.canvas(0).stats().frames() + " frames");
        Object bad = r.fact("bad");
        assertTrue(bad instanceof List<?> l && l.isEmpty(), "unexpected outcomes, " + context + ":\n"
                + (bad instanceof List<?> l ? String.join("\n", l.stream().map(String::valueOf).toList()) : bad));
        long done = ((Number) r.fact("done")).longValue();
        assertTrue(done >= calls, "calls made: " + done);
        System.out.printf("api fuzz: %d calls, seed %d, exceptions by type %s%n", done, seed, r.fact("kinds"));
        assertTrue(((Map<?, ?>) r.fact("kinds")).containsKey("TypeError"), "the fuzz did reach the argument checks");
        ImageData img = r.picture(0);
        assertTrue(near(img.argb(70, 70), 255, 0, 0, 2), "the last frame drew: " + hex(img.argb(70, 70)));
        assertTrue(near(img.argb(10, 10), 255, 255, 255, 2), hex(img.argb(10, 10)));
    }
}
