package dev.easel.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real app on a real (virtual) X display: GTK glass, a window, a frame on screen, and a clean
 * exit on SIGTERM. Needs {@code xvfb-run} and ImageMagick's {@code import} (CI installs xvfb,
 * libgtk-3-0 and imagemagick); skipped without them.
 */
@Timeout(150)
class XvfbSmokeTest {
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    static final int BACKGROUND = 0x101020; // bounce.py: background = "#101020"
    static final int TOMATO = 0xff6347;     // the ball

    @TempDir
    Path dir;

    static boolean onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, exe))) {
                return true;
            }
        }
        return false;
    }

    static String q(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    @Test
    void bounceShowsItsWindowAndQuitsCleanlyOnSigterm() throws Exception {
        assumeTrue(onPath("xvfb-run") && onPath("import") && onPath("convert"),
                "needs xvfb-run and ImageMagick (import, convert)");
        Path bounce = TestPython.root().resolve("assets/examples/bounce.py");
        Path shot = dir.resolve("shot.png");
        // The real launch: no headless glass, no software-pipeline override, JavaFX picks as it would for a user.
        List<String> javaArgs = new ArrayList<>();
        javaArgs.add(ProcessHandle.current().info().command().orElseThrow());
        javaArgs.add("--enable-native-access=ALL-UNNAMED,javafx.graphics");
        String prefs = System.getProperty("java.util.prefs.userRoot");
        if (prefs != null) {
            javaArgs.add("-Djava.util.prefs.userRoot=" + prefs); // window places go to the tests' preferences
        }
        javaArgs.add("-cp");
        javaArgs.add(System.getProperty("java.class.path"));
        javaArgs.add("dev.easel.app.Main");
        javaArgs.add("run");
        javaArgs.add(bounce.toString());
        String javaCmd = javaArgs.stream().map(XvfbSmokeTest::q).collect(Collectors.joining(" "));
        // Screenshots until the window has appeared (the empty root window has one colour), then
        // until the ball is on it (it may be in flight above the window for a moment); then
        // SIGTERM, and the app's own exit code is the script's.
        String script = javaCmd + " &\n"
                + "app=$!\n"
                + "for i in $(seq 1 60); do\n"
                + "  sleep 0.5\n"
                + "  import -window root " + q(shot.toString()) + " 2>/dev/null || continue\n"
                + "  n=$(convert " + q(shot.toString()) + " -format %k info: 2>/dev/null || echo 0)\n"
                + "  if [ \"${n:-0}\" -gt 50 ]; then break; fi\n"
                + "done\n"
                + "for i in $(seq 1 30); do\n"
                + "  sleep 0.5\n"
                + "  import -window root " + q(shot.toString()) + "\n"
                + "  b=$(convert " + q(shot.toString()) + " -fuzz 1% -fill black +opaque '#ff6347' -fill white -opaque '#ff6347'"
                + " -format '%[fx:int(mean*w*h)]' info: 2>/dev/null || echo 0)\n"
                + "  if [ \"${b:-0}\" -gt 300 ]; then break; fi\n"
                + "done\n"
                + "kill -TERM $app\n"
                + "wait $app\n"
                + "code=$?\n"
                + "echo \"easel exit code: $code\"\n"
                + "exit $code\n";
        List<String> cmd = List.of("xvfb-run", "-a", "-s", "-screen 0 1024x768x24", "bash", "-c", script);
        Child.Result r = Child.run(cmd, dir, Map.of(), TIMEOUT);
        assertTrue(Files.isRegularFile(shot), () -> "no screenshot\n" + r.describe());
        Path kept = Path.of(System.getProperty("easel.test.reports", "target")).resolve("xvfb-bounce.png");
        Files.copy(shot, kept, StandardCopyOption.REPLACE_EXISTING); // to look at, or upload from CI
        BufferedImage img = Pngs.read(shot);
        int bg = Pngs.count(img, BACKGROUND, 3);
        int ball = Pngs.count(img, TOMATO, 3);
        assertTrue(bg > 100_000, () -> "the window's background #101020 covers " + bg + " pixels (640x480 = 307,200)\n"
                + r.describe());
        assertTrue(ball > 300, () -> "the tomato ball covers " + ball + " pixels\n" + r.describe());
        assertEquals(0, r.exitCode(), () -> "SIGTERM quits like closing the window: exit 0\n" + r.describe());
        assertTrue(r.stdout().contains("easel exit code: 0"), r::describe);
        // AWT stays headless beside GTK: nothing of AWT's X11 start (it made GTK warn at every start).
        assertFalse(r.stderr().contains("XSetErrorHandler") || r.stderr().contains("Gdk-WARNING"), r::describe);
    }
}
