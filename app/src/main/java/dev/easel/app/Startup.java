package dev.easel.app;

import java.time.Duration;
import java.time.Instant;

/**
 * With {@code EASEL_TRACE_STARTUP=1}: prints milestones of start-up to stderr, one line each:
 * {@code easel startup: <ms since the JVM started> ms <what> at <epoch ms>}. The epoch time lets
 * a parent ({@code easel bench startup}) measure from its own launch of the process, launcher
 * script included, at better than the 10 ms ticks of the process start time.
 */
final class Startup {
    static final boolean TRACE = System.getenv("EASEL_TRACE_STARTUP") != null;
    private static final Instant START = ProcessHandle.current().info().startInstant().orElse(Instant.now());

    private Startup() {}

    static void mark(String what) {
        if (TRACE) {
            Instant now = Instant.now();
            System.err.println("easel startup: " + Duration.between(START, now).toMillis() + " ms " + what
                    + " at " + now.toEpochMilli());
        }
    }
}
