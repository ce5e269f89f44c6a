package dev.easel.app;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The garbage collector's pauses while it is open, as spans of {@link System#nanoTime()}, so a
 * benchmark can tell a pulse missed during a collection from one its own code held up.
 * The collector tells its pauses in milliseconds since the JVM began to be created, which is not
 * {@link java.lang.management.RuntimeMXBean#getUptime()}'s origin (taken for it, every pause here
 * came out ~70 ms early, and pulses missed in a collection were counted as missed outside one).
 * So the clock is set by the notifications themselves: each arrives after its pause has ended, and
 * the earliest arrival relative to its end (over all seen) is the closest to the true offset.
 */
final class GcPauses implements AutoCloseable {
    /** One pause: from {@code startNanos} to {@code endNanos}; {@code what}: the collector and its cause. */
    record Pause(long startNanos, long endNanos, String what) {}

    /** A pause as the collector tells it. */
    private record Told(long startMs, long endMs, String what) {}

    private final List<Told> told = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener;
    /** nanoTime at the collector's time 0: the smallest (arrival - end) seen. */
    private long zeroNanos = Long.MAX_VALUE;

    GcPauses() {
        listener = (note, handback) -> {
            long arrived = System.nanoTime();
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(note.getType())) {
                return;
            }
            var info = GarbageCollectionNotificationInfo.from((CompositeData) note.getUserData());
            // "G1 Concurrent GC" reports its Remark and Cleanup pauses; the cycle itself runs beside the application.
            var gc = info.getGcInfo();
            synchronized (told) {
                told.add(new Told(gc.getStartTime(), gc.getEndTime(), info.getGcName() + ": " + info.getGcCause()));
                zeroNanos = Math.min(zeroNanos, arrived - gc.getEndTime() * 1_000_000);
            }
        };
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (b instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
                emitters.add(e);
            }
        }
    }

    /**
     * The pauses that overlap {@code fromNanos..toNanos} (times in ms and notifications arriving up to
     * a few ms late: 2 ms of slack each side).
     */
    List<Pause> during(long fromNanos, long toNanos) {
        synchronized (told) {
            return told.stream().map(t -> new Pause(zeroNanos + t.startMs() * 1_000_000, zeroNanos + t.endMs() * 1_000_000, t.what()))
                    .filter(p -> p.endNanos() + 2_000_000 >= fromNanos && p.startNanos() - 2_000_000 <= toNanos)
                    .toList();
        }
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // not there: nothing to remove
            }
        }
    }
}
