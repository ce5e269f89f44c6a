package dev.easel.app;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Bench tracing: what the FX and render threads were doing when a pulse is 30 ms overdue
 * ({@code EASEL_BENCH_STACKS=1} with the console bench). Each sample stops every thread for a moment,
 * so a traced run's figures are not the bench's.
 */
final class StallSampler {
    private StallSampler() {}

    /** Samples every 2 ms; {@code lastPulse}: nanoTime of the last pulse, 0 while not measuring. */
    static Thread start(LongSupplier lastPulse) {
        Thread t = new Thread(() -> {
            long reported = 0;
            while (!Thread.currentThread().isInterrupted()) {
                long last = lastPulse.getAsLong();
                long late = System.nanoTime() - last;
                if (last != 0 && late > 30_000_000L && last != reported) {
                    reported = last;
                    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "stall %.1f ms after a pulse:%n", late / 1e6));
                    Thread.getAllStackTraces().forEach((th, st) -> {
                        String n = th.getName();
                        if (n.contains("JavaFX Application") || n.contains("QuantumRenderer") || n.contains("Timer")) {
                            b.append("  ").append(n).append(' ').append(th.getState()).append('\n');
                            Arrays.stream(st).limit(14).forEach(f -> b.append("    ").append(f).append('\n'));
                        }
                    });
                    System.err.print(b);
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-stall-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
