package dev.easel.app;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;

import static dev.easel.app.FxWindowTest.WAIT;
import static dev.easel.app.FxWindowTest.onFx;
import static dev.easel.app.TestPython.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Canvas windows reopen where they were: position, and size when the user resized a resizable
 * canvas whose size in code did not change; a place on no screen is centred. The memory is a
 * preferences node of this test's own (as LauncherTest's), removed at the end: never the user's.
 */
@Timeout(120)
class WindowMemoryTest {
    @TempDir
    static Path dir;

    static Preferences prefs;
    static WindowMemory memory;

    @BeforeAll
    static void start() throws Exception {
        FxWindowTest.dir = dir;
        FxWindowTest.startFx();
        prefs = Preferences.userRoot().node("dev/easel/test-" + UUID.randomUUID());
        memory = new WindowMemory(prefs);
    }

    @AfterAll
    static void forget() throws Exception {
        prefs.removeNode();
    }

    static String sketch(int w, int h) {
        return """
                import easel
                class Remembered(easel.Canvas):
                    size = (%d, %d)
                    resizable = True
                    fps = 30
                    def on_draw(self, g):
                        g.clear("#305070")
                Remembered().show()
                """.formatted(w, h);
    }

    static FxWindowTest.Run run(String source) throws Exception {
        return run("remembered", source);
    }

    static FxWindowTest.Run run(String name, String source) throws Exception {
        return new FxWindowTest.Run(name, source, script -> new FxWindows(new FxWindows.App(script, memory, () -> {})));
    }

    static double[] bounds(FxCanvasWindow w) throws Exception {
        return onFx(() -> {
            Stage s = w.stage();
            return new double[]{s.getX(), s.getY(), s.getScene().getWidth(), s.getScene().getHeight()};
        });
    }

    @Test
    void aWindowComesBackWhereItWasAtTheSizeTheUserGaveIt() throws Exception {
        Path script = dir.resolve("remembered.py");
        String cls;
        try (FxWindowTest.Run r = run(sketch(200, 150))) {
            FxCanvasWindow w = r.window(0);
            var host = r.host(0);
            cls = host.spec().className();
            onFx(() -> {
                Stage s = w.stage();
                s.setX(40);
                s.setY(50);
                FxWindowSettings.resizeScene(s, s.getScene(), 260, 190); // as the user dragging its border
                return null;
            });
            await("the canvas resized", host::width, v -> v == 260, WAIT);
        }
        WindowMemory.Place p = memory.recall(script, cls);
        assertNotNull(p, "remembered under the sketch and its class; children: " + String.join(",", prefs.childrenNames()));
        assertNull(memory.recall(dir.resolve("other.py"), cls), "another sketch has its own");

        try (FxWindowTest.Run r = run(sketch(200, 150))) {
            FxCanvasWindow w = r.window(0);
            var host = r.host(0);
            double[] b = bounds(w);
            assertEquals(40, b[0]);
            assertEquals(50, b[1]);
            assertEquals(260, b[2]);
            assertEquals(190, b[3]);
            await("the canvas at the remembered size", host::height, v -> v == 190, WAIT);
        }

        // The size in code changed: it wins over the remembered one; the position stays.
        try (FxWindowTest.Run r = run(sketch(220, 160))) {
            FxCanvasWindow w = r.window(0);
            double[] b = bounds(w);
            assertEquals(40, b[0]);
            assertEquals(50, b[1]);
            assertEquals(220, b[2]);
            assertEquals(160, b[3]);
        }
        // A place on a monitor that is gone now. Stored, not made by moving the window there: a
        // window off the headless screen makes JavaFX's headless blit throw on a later pulse
        // (IndexOutOfBoundsException, reported in whichever test runs next).
        WindowMemory.Place last = memory.recall(script, cls);
        memory.remember(script, cls, new WindowMemory.Place(50_000, 40_000, last.width(), last.height(),
                last.codeWidth(), last.codeHeight()));
        assertEquals(50_000, memory.recall(script, cls).x());

        try (FxWindowTest.Run r = run(sketch(220, 160))) {
            FxCanvasWindow w = r.window(0);
            double[] b = bounds(w);
            assertNotEquals(50_000, b[0]);
            assertTrue(onFx(() -> FxWindowMemory.onScreen(b[0], b[1])), "centred on a screen: " + b[0] + "," + b[1]);
        }
    }
    @Test
    void aSizeTheSketchSetItselfIsNotRememberedAsTheUsers() throws Exception {
        String resizing = """
                import easel
                class Remembered(easel.Canvas):
                    size = (200, 150)
                    resizable = True
                    fps = 30
                    def on_draw(self, g):
                        g.clear("#305070")
                        if self.frame == 3:
                            self.size = (240, 170)
                Remembered().show()
                """;
        try (FxWindowTest.Run r = run("selfsized", resizing)) {
            r.window(0);
            var host = r.host(0);
            await("the sketch's own size", host::width, v -> v == 240, WAIT);
        }
        try (FxWindowTest.Run r = run("selfsized", sketch(200, 150))) {
            double[] b = bounds(r.window(0));
            assertEquals(200, b[2]);
            assertEquals(150, b[3]);
        }
    }
}
