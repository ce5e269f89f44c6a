package dev.easel.canvas.host.python;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The queues behind {@code easel.Channel}: owned by Java, so every interpreter reaches the same
 * ones. Messages are marshalled bytes (made and read in Python), copied across interpreters by
 * construction. Receivers wait detached; closing wakes them.
 */
public final class Channels {
    /** {@link #recv} results, as the Python side reads them. */
    static final int OK = 0, TIMEOUT = 1, CLOSED = 2;
    private static final byte[] CLOSE = new byte[0];

    private final Map<String, LinkedBlockingQueue<byte[]>> queues = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private LinkedBlockingQueue<byte[]> queue(String name) {
        return queues.computeIfAbsent(name, n -> new LinkedBlockingQueue<>());
    }

    void send(String name, byte[] message) {
        if (closed) {
            throw new IllegalStateException("channel '" + name + "' is closed: the app is quitting");
        }
        queue(name).add(message);
    }

    int size(String name) {
        LinkedBlockingQueue<byte[]> q = queues.get(name);
        return q == null ? 0 : (int) q.stream().filter(m -> m != CLOSE).count();
    }

    /**
     * Waits up to {@code timeoutSeconds} (negative: forever; 0: not at all). Returns
     * {status, message}. Call detached: it blocks.
     */
    Object[] recv(String name, double timeoutSeconds) throws InterruptedException {
        LinkedBlockingQueue<byte[]> q = queue(name);
        if (closed) {
            return new Object[]{CLOSED, null};
        }
        byte[] m;
        if (timeoutSeconds == 0) {
            m = q.poll();
        } else {
            // In slices, so a receiver that raced with close() still notices it.
            long deadline = timeoutSeconds < 0 ? Long.MAX_VALUE : System.nanoTime() + (long) (timeoutSeconds * 1e9);
            do {
                long left = deadline - System.nanoTime();
                m = q.poll(Math.min(left, 100_000_000L), TimeUnit.NANOSECONDS);
            } while (m == null && !closed && deadline - System.nanoTime() > 0);
        }
        if (m == CLOSE) {
            q.add(CLOSE); // wake the next receiver too
            return new Object[]{CLOSED, null};
        }
        return m == null ? new Object[]{closed ? CLOSED : TIMEOUT, null} : new Object[]{OK, m};
    }

    /** Wakes every blocked receiver with "closed"; later sends fail. */
    public void close() {
        closed = true;
        for (LinkedBlockingQueue<byte[]> q : queues.values()) {
            q.add(CLOSE);
        }
    }
}
