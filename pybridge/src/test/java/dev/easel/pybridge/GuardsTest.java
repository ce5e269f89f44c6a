package dev.easel.pybridge;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Misuse and races that used to abort or hang the JVM (issue 8), each in a child JVM
 * ({@link GuardsMain}): a crash must be observed, not suffered. Children run two at a time,
 * started together before the first test.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GuardsTest {
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(90);
    /** Child JVMs closing while threads are being started (one close per JVM). */
    private static final int CLOSE_CHILDREN = 6;
    private static ChildRuns children;

    @BeforeAll
    static void startChildren() {
        TestPython.runtime(); // skips the class when this run's Python is absent
        children = new ChildRuns("guards-child", GuardsMain.class, CHILD_TIMEOUT);
        long seed = Long.getLong("easel.stress.seed", new Random().nextLong());
        System.out.println("guards: seed " + seed + " (-Deasel.stress.seed=" + seed + ")");
        Random r = new Random(seed);
        children.start("start-vs-interrupt", "start-vs-interrupt", String.valueOf(r.nextLong()));
        children.start("detached-misuse", "detached-misuse");
        children.start("deep-recursion", "deep-recursion");
        children.start("small-items", "small-items");
        for (int i = 0; i < CLOSE_CHILDREN; i++) {
            children.start("start-vs-close#" + i, "start-vs-close", String.valueOf(r.nextLong()));
        }
    }

    @AfterAll
    static void stop() {
        if (children != null) {
            children.close();
        }
    }

    /** Waits for a child, prints its output, and checks it ended well. */
    private static String run(String key) throws Exception {
        String out = children.awaitOk(key);
        assertTrue(out.contains("CHILD OK"), out);
        return out;
    }

    @Test
    void interruptNeverHitsAThreadBeingStarted() throws Exception {
        String out = run("start-vs-interrupt");
        assertTrue(out.contains("finalized=true"), out);
    }

    @Test
    void closeWhileThreadsAreBeingStartedFinalizes() throws Exception {
        for (String key : children.keys()) {
            if (key.startsWith("start-vs-close")) {
                assertTrue(run(key).contains("finalized=true"), key);
            }
        }
    }

    @Test
    void attachmentUsedInsideItsDetachedSectionThrows() throws Exception {
        String out = run("detached-misuse");
        assertTrue(out.contains("nested detached -> "), out);
    }

    @Test
    void deepRecursionEndsInRecursionError() throws Exception {
        String out = run("deep-recursion");
        assertTrue(out.contains("finalized=true"), out);
    }

    @Test
    void smallerItemsDoNotCrash() throws Exception {
        String out = run("small-items");
        assertTrue(out.contains("finalized=true"), out);
    }
}
