package dev.easel.app;

import java.time.Duration;
import java.time.Instant;

/** With {@code EASEL_TRACE_STARTUP=1}: prints milestones of start-up, in ms since the JVM started. */
final class Startup {
    private static final boolean TRACE = System.getenv("EASEL_TRACE_STARTUP") != null;
    private static final Instant START = ProcessHandle.current().info().startInstant().orElse(Instant.now());

    private Startup() {}

    static void mark(String what) {
        if (TRACE) {
            System.err.println("easel startup: " + Duration.between(START, Instant.now()).toMillis() + " ms " + what);
        }
    }
}
