package dev.easel.app;

import java.time.Duration;
import java.time.Instant;

/**
 * For {@code easel bench draw}: with {@code EASEL_BENCH_FIRST_FRAME=1} in the environment, the first
 * frame painted in a window prints the time since the JVM started and ends the process.
 */
final class FirstFrame {
    private static final boolean REPORT = System.getenv("EASEL_BENCH_FIRST_FRAME") != null;

    private FirstFrame() {}

    static void shown() {
        Startup.mark("first frame painted");
        if (!REPORT) {
            return;
        }
        Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        System.out.println("easel-first-frame-ms: " + Duration.between(start, Instant.now()).toMillis());
        System.out.flush();
        Runtime.getRuntime().halt(0); // a measurement run: nothing to keep
    }
}
