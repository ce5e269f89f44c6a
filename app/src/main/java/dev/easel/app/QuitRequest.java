package dev.easel.app;

import dev.easel.canvas.host.Session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ctrl-C or SIGTERM at any stage of a run. Installed before anything starts, so a signal during
 * start-up (Python or JavaFX starting) is remembered and the run ends through the shutdown gate
 * as soon as it can, instead of the JVM's default exit. Once the session exists, a request closes
 * it; it also releases an error window that is waiting to be closed.
 */
final class QuitRequest {
    private final CompletableFuture<Void> requested = new CompletableFuture<>();
    private final AtomicReference<Session> session = new AtomicReference<>();

    /** The signal: from the signal's own thread. */
    void request() {
        requested.complete(null);
        Session s = session.get();
        if (s != null) {
            s.close();
        }
    }

    /** The session to close on a request; closed at once when one came before it existed. */
    void attach(Session s) {
        session.set(s);
        if (isRequested()) {
            s.close();
        }
    }

    boolean isRequested() {
        return requested.isDone();
    }

    /** Completes when quitting was asked for. */
    CompletableFuture<Void> requested() {
        return requested;
    }
}
