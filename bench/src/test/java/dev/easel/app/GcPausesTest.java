package dev.easel.app;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console bench tells a pulse missed in a collection by these spans: each lies where its collection was. */
class GcPausesTest {
    @Test
    void eachCollectionIsPlacedWhereItHappened() {
        try (GcPauses pauses = new GcPauses()) {
            List<long[]> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                long from = System.nanoTime();
                System.gc();
                calls.add(new long[]{from, System.nanoTime()});
                LockSupport.parkNanos(20_000_000); // apart
            }
            // The notifications come from the JVM's service thread, after the pauses.
            for (int waited = 0; pauses.during(calls.getLast()[0], calls.getLast()[1]).isEmpty() && waited < 600; waited++) {
                LockSupport.parkNanos(50_000_000);
            }
            for (long[] c : calls) {
                List<GcPauses.Pause> found = pauses.during(c[0], c[1]);
                assertFalse(found.isEmpty(), "the collection of a System.gc() is found within the call");
                for (GcPauses.Pause p : found) {
                    assertTrue(p.startNanos() <= p.endNanos(), p.toString());
                }
            }
        }
    }
}
