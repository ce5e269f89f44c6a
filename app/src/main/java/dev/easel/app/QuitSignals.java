package dev.easel.app;

import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM quit like closing every window: canvases close (on_close runs),
 * Python shuts down through the gate, and the exit code is the run's own (0 when nothing raised),
 * not the JVM's 130/143. A second signal while quitting exits at once. {@code easel run} installs
 * them first thing ({@link QuitRequest} remembers a signal that comes while Python starts).
 */
final class QuitSignals {
    private QuitSignals() {}

    private static volatile boolean quitting;

    static void install(Runnable quit) {
        for (String name : new String[]{"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), sig -> {
                    if (quitting) {
                        Runtime.getRuntime().halt(128 + sig.getNumber());
                    }
                    quitting = true;
                    Thread.ofPlatform().name("easel-quit-" + name.toLowerCase()).start(quit);
                });
            } catch (IllegalArgumentException unavailable) {
                // The JVM reserves this signal here (-Xrs): its default handling stays.
            }
        }
    }
}
