package dev.easel.canvas.host;

import dev.easel.pybridge.PythonInstallation;
import dev.easel.pybridge.PythonLocator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The promises of PYTHON_API.md, checked from Python by the {@link ApiSketches}: in this JVM
 * (the bundled CPython), one test per sketch; then every sketch again on each other CPython found
 * on the machine, in a child JVM per Python ({@link ApiSketchesMain}).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PythonApiTest {

    @TestFactory
    Stream<DynamicTest> promisesHoldOnTheBundledPython() {
        return ApiSketches.ALL.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            List<String> problems = ApiSketches.problems(s);
            assertEquals(List.of(), problems, s.name() + ":\n" + String.join("\n", problems));
        }));
    }

    @TestFactory
    Stream<DynamicTest> promisesHoldOnEveryOtherPython() {
        Map<String, String> pythons = new LinkedHashMap<>(); // library -> label
        for (PythonInstallation i : PythonLocator.findAll()) {
            if (!i.origin().equals("bundled")) {
                pythons.putIfAbsent(i.library().toString(), "CPython " + i.version() + " at " + i.library());
            }
        }
        System.out.println("PythonApiTest: other Pythons: " + pythons.values());
        return pythons.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getValue(), () -> {
            String out = child(e.getKey());
            assertTrue(out.contains("API-CHILD OK"), e.getValue() + ":\n" + out);
            for (ApiSketches.Sketch s : ApiSketches.ALL) {
                assertTrue(out.contains("API-SKETCH " + s.name() + " ok"), e.getValue() + ": " + s.name() + "\n" + out);
            }
        }));
    }

    private static String child(String library) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-Deasel.python=" + library,
                "-cp", System.getProperty("java.class.path"), ApiSketchesMain.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try {
                String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                synchronized (out) {
                    out.append(s);
                }
            } catch (IOException ignored) {
                // what was read is what there is
            }
        });
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(10_000);
        synchronized (out) {
            return out + "\n(exit code " + (p.isAlive() ? "none: hung" : p.exitValue()) + ")";
        }
    }
}
