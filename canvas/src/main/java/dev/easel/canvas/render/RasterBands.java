package dev.easel.canvas.render;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The helper threads that draw the bands of a frame beside the thread rendering it
 * ({@link Java2dRenderer}): a fixed number of daemon threads named {@code easel-bands-<name>-<k>},
 * started at the first banded frame, ended by {@link #close} (or after {@link #IDLE_MILLIS} without
 * work, so a renderer dropped without closing holds no thread for long; they start again when
 * needed).
 *
 * <p>One frame: the caller posts its bands, then draws bands itself, taking them in turn with the
 * helpers (one counter); it waits only for bands a helper has already taken. A helper that wakes late
 * finds nothing left, so a preempted or starved helper never delays a frame by more than the band
 * it is drawing. Posting a frame allocates nothing.
 *
 * <p>Threads: {@link #run} from one thread at a time (a second caller gets {@code false} and draws
 * alone); {@link #close} from any thread.
 */
public final class RasterBands implements AutoCloseable {
    /** Helpers without a frame to draw for this long end (and start again at the next one). */
    static final long IDLE_MILLIS = 2000;
    /** Spins before the caller parks waiting for a helper's last band. */
    private static final int SPINS = 2000;

    private final String name;
    private final Thread[] threads;
    /** Posted frame: generation << 16 | bands << 8 | next band to take. */
    private final AtomicLong claim = new AtomicLong();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile IntConsumer job;
    private volatile Thread waiter;
    private volatile boolean closed;
    private long generation;
    private final long idleNanos;

    /**
     * Helpers for bands of frames of the canvas {@code name}: {@code helpers} threads beside the
     * caller (at least 1).
     */
    public RasterBands(String name, int helpers) {
        this(name, helpers, IDLE_MILLIS);
    }

    RasterBands(String name, int helpers, long idleMillis) {
        this.idleNanos = TimeUnit.MILLISECONDS.toNanos(idleMillis);
        if (helpers < 1 || helpers > 63) {
            throw new IllegalArgumentException("helpers must be in 1..63: " + helpers);
        }
        this.name = name;
        this.threads = new Thread[helpers];
    }

    /** The system property that sets how many bands a big frame is drawn in; see {@link #configuredBands}. */
    public static final String PROPERTY = "easel.raster.bands";
    /** The environment variable read when {@link #PROPERTY} is not set. */
    public static final String ENV = "EASEL_RASTER_BANDS";
    /** Bands at most when nothing says how many: more cost each band's replay of the list again. */
    static final int DEFAULT_MAX = 4;

    /**
     * How many bands a renderer draws a big frame in: {@code -Deasel.raster.bands} or
     * {@code EASEL_RASTER_BANDS}: {@code off} (the default; or 0, 1) for one (the calling thread
     * alone), a number (at most 16), or {@code auto}: the available processors, at most
     * {@value #DEFAULT_MAX}. Off by default until bands are measured faster on an idle machine:
     * Marlin's antialiased edges may differ slightly where they cross a seam, so a picture would
     * depend on the machine's processor count.
     *
     * @throws IllegalArgumentException for another value, quoting it
     */
    public static int configuredBands() {
        String v = System.getProperty(PROPERTY);
        String from = "-D" + PROPERTY;
        if (v == null) {
            v = System.getenv(ENV);
            from = ENV;
        }
        return parseBands(v, from, Runtime.getRuntime().availableProcessors());
    }

    static int parseBands(String v, String from, int processors) {
        if (v != null && v.strip().equalsIgnoreCase("auto")) {
            return Math.max(1, Math.min(processors, DEFAULT_MAX));
        }
        if (v == null || v.isBlank() || v.strip().equalsIgnoreCase("off")) {
            return 1;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 0 && n <= 16) {
                return Math.max(1, n);
            }
        } catch (NumberFormatException ignored) {
            // Reported below.
        }
        throw new IllegalArgumentException(from + "='" + v + "': expected auto, off or a number of bands 1..16");
    }

    /** Bands a frame can be drawn in: the helpers and the caller. */
    public int maxBands() {
        return threads.length + 1;
    }

    /**
     * Runs {@code band.accept(b)} for every b in [0, bands), on this thread and the helpers, and
     * returns once all are drawn. A band's exception is rethrown here (the caller's own first),
     * after every band has ended.
     *
     * @return false, having run nothing, when the helpers are closed or busy with another frame
     */
    public boolean run(int bands, IntConsumer band) {
        if (bands < 1 || bands > 255) {
            throw new IllegalArgumentException("bands must be in 1..255: " + bands);
        }
        if (closed || !busy.compareAndSet(0, 1)) {
            return false;
        }
        Throwable own = null;
        try {
            if (!start()) {
                return false;
            }
            job = band;
            waiter = Thread.currentThread();
            done.set(0);
            failure.set(null);
            long gen = ++generation & 0xFFFFFFFFFFL;
            claim.set(gen << 16 | (long) bands << 8); // publishes job, done and failure
            for (Thread t : threads) {
                LockSupport.unpark(t);
            }
            try {
                take(gen, band);
            } catch (Throwable t) {
                own = t;
            }
            // Bands left are all taken, by this thread or a running helper: wait for those.
            for (int spins = 0; done.get() < bands; spins++) {
                if (spins < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(10));
                }
            }
        } finally {
            job = null;
            waiter = null;
            busy.set(0);
        }
        Throwable t = own != null ? own : failure.getAndSet(null);
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException("a band of the frame failed", t);
        }
        return true;
    }

    /** Takes and draws bands of generation {@code gen} until none is left; the caller's exception is thrown. */
    private void take(long gen, IntConsumer band) {
        Throwable first = null;
        for (int b; (b = next(gen)) >= 0; ) {
            try {
                band.accept(b);
            } catch (Throwable t) {
                if (first == null) {
                    first = t;
                }
            } finally {
                done.incrementAndGet();
            }
        }
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
    }

    /** The next band of generation {@code gen} to draw, taken; -1 when none is left (or another frame is posted). */
    private int next(long gen) {
        while (true) {
            long c = claim.get();
            int b = (int) (c & 0xFF);
            if (c >>> 16 != gen || b >= (int) (c >>> 8 & 0xFF)) {
                return -1;
            }
            if (claim.compareAndSet(c, c + 1)) {
                return b;
            }
        }
    }

    /** Starts the helpers not running; false when closed. */
    private synchronized boolean start() {
        if (closed) {
            return false;
        }
        for (int i = 0; i < threads.length; i++) {
            if (threads[i] == null || !threads[i].isAlive()) {
                int k = i;
                threads[i] = Thread.ofPlatform().daemon().name("easel-bands-" + name + "-" + (i + 1))
                        .unstarted(() -> helperLoop(k));
                threads[i].start();
            }
        }
        return true;
    }

    private void helperLoop(int slot) {
        long seen = claim.get() >>> 16;
        long idleSince = System.nanoTime();
        while (!closed) {
            long c = claim.get();
            long gen = c >>> 16;
            if (gen != seen) {
                seen = gen;
                IntConsumer band = job;
                for (int b; band != null && (b = next(gen)) >= 0; ) {
                    try {
                        band.accept(b);
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    } finally {
                        if (done.incrementAndGet() == (int) (c >>> 8 & 0xFF)) {
                            LockSupport.unpark(waiter);
                        }
                    }
                }
                idleSince = System.nanoTime();
                continue;
            }
            LockSupport.parkNanos(this, idleNanos);
            if (System.nanoTime() - idleSince >= idleNanos && retire(slot, seen)) {
                return;
            }
        }
    }

    /** Ends an idle helper unless a frame was posted meanwhile; the next frame starts it again. */
    private synchronized boolean retire(int slot, long seen) {
        if (claim.get() >>> 16 != seen) {
            return false;
        }
        if (threads[slot] == Thread.currentThread()) {
            threads[slot] = null;
        }
        return true;
    }

    /** Helper threads alive now (tests). */
    synchronized int liveHelpers() {
        int n = 0;
        for (Thread t : threads) {
            n += t != null && t.isAlive() ? 1 : 0;
        }
        return n;
    }

    /** Ends the helpers and waits for them; later frames are drawn by their caller alone. Idempotent. */
    @Override
    public void close() {
        Thread[] ts;
        synchronized (this) {
            closed = true;
            ts = threads.clone();
        }
        boolean interrupted = false;
        for (Thread t : ts) {
            if (t == null || t == Thread.currentThread()) {
                continue;
            }
            LockSupport.unpark(t);
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
