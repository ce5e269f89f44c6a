package dev.easel.app;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The console bench's lines are what the Formatter made before (the text shown is unchanged). */
class ConsoleBenchLineTest {
    @Test
    void aLineReadsAsFormatted() {
        for (long n : new long[]{0, 1, 2, 3, 7, 39, 40, 399, 4001, 123_457, 2_400_001}) {
            assertEquals(String.format(Locale.ROOT, "frame %d: x=%.3f y=%.3f", n, n * 0.5, n * 0.25), AppBench.frameLine(n));
        }
    }
}
