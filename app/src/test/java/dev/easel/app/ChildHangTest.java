package dev.easel.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A child JVM that hangs is killed, and the failure shows where its threads waited. */
class ChildHangTest {
    /** Waits for ever in a method whose name the dump must show. */
    public static final class Hangs {
        public static void main(String[] args) throws InterruptedException {
            waitsHereForEver();
        }

        static void waitsHereForEver() throws InterruptedException {
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Test
    void aHangingChildIsKilledWithItsThreadDump(@TempDir Path dir) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-cp", System.getProperty("java.class.path"), Hangs.class.getName());
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Child.run(cmd, dir, Map.of(), Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains("did not finish within 5 s"), e.getMessage());
        assertTrue(e.getMessage().contains("--- threads of pid"), e.getMessage());
        assertTrue(e.getMessage().contains("waitsHereForEver"), e.getMessage());
    }
}
