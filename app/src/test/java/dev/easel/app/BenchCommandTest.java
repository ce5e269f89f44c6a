package dev.easel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code easel bench}'s options checked before any benchmark starts (nothing here starts a JVM or Python). */
class BenchCommandTest {
    /** Runs the command line in this JVM; {exit code, stderr}. */
    private static Object[] run(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.commandLine().execute(args);
            return new Object[]{code, err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(old);
        }
    }

    @Test
    void consoleOnlyIsAUsageErrorOutsideTheAppBench() {
        for (String which : new String[]{"draw", "startup", "bridge"}) {
            Object[] r = run("bench", which, "--console-only");
            assertEquals(2, r[0], which + ": " + r[1]);
            assertTrue(((String) r[1]).contains("--console-only is for 'easel bench app'"), which + ": " + r[1]);
        }
    }

    @Test
    void anUnknownBenchmarkIsAUsageErrorNamingTheKnownOnes() {
        Object[] r = run("bench", "nonsense");
        assertEquals(2, r[0], (String) r[1]);
        assertTrue(((String) r[1]).contains("unknown benchmark 'nonsense'"), (String) r[1]);
        assertTrue(((String) r[1]).contains("startup"), (String) r[1]);
    }

    /** This module's tests run without the bench module's jar: every benchmark says where they are, and starts nothing. */
    @Test
    void withoutTheBenchJarEachBenchmarkSaysWhatIsMissing() {
        for (String which : BenchCommand.MAIN_CLASSES.keySet()) {
            Object[] r = run("bench", which, "--quick");
            assertEquals(2, r[0], which + ": " + r[1]);
            assertTrue(((String) r[1]).contains("the benchmarks are not on the class path (easel-bench.jar"), which + ": " + r[1]);
        }
    }
}
