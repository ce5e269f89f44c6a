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
 * The garbage collector's pauses while it is open, as spans of {@link System#nanoTime()} (the
 * collector tells them in JVM uptime), so a benchmark can tell a pulse missed during a collection
 * from one its own code held up.
 */
final class GcPauses implements AutoCloseable {
    /** One pause: from {@code startNanos} to {@code endNanos}; {@code what}: the collector and its cause. */
    record Pause(long startNanos, long endNanos, String what) {}

    private final List<Pause> pauses = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener;
    /** nanoTime at JVM uptime 0. */
    private final long zeroNanos;

    GcPauses() {
        long n = System.nanoTime();
        zeroNanos = n - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000;
        listener = (note, handback) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(note.getType())) {
                return;
            }
            var info = GarbageCollectionNotificationInfo.from((CompositeData) note.getUserData());
            // "G1 Concurrent GC" reports its Remark and Cleanup pauses; the cycle itself runs beside the application.
            var gc = info.getGcInfo();
            synchronized (pauses) {
                pauses.add(new Pause(zeroNanos + gc.getStartTime() * 1_000_000, zeroNanos + gc.getEndTime() * 1_000_000,
                        info.getGcName() + ": " + info.getGcCause()));
            }
        };
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (b instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
                emitters.add(e);
            }
        }
    }

    /** The pauses that overlap {@code fromNanos..toNanos} (uptime is in ms: a millisecond of slack each side). */
    List<Pause> during(long fromNanos, long toNanos) {
        synchronized (pauses) {
            return pauses.stream().filter(p -> p.endNanos() + 1_000_000 >= fromNanos && p.startNanos() - 1_000_000 <= toNanos)
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
