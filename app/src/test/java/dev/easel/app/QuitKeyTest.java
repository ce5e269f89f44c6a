package dev.easel.app;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.easel.app.FxWindowTest.WAIT;
import static dev.easel.app.FxWindowTest.onFx;
import static dev.easel.app.TestPython.awaitFact;
import static dev.easel.app.TestPython.fact;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ctrl+Q in any canvas window ends the whole run, through the same QuitRequest as SIGTERM. */
@Timeout(90)
class QuitKeyTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        FxWindowTest.dir = dir;
        FxWindowTest.startFx();
    }

    @Test
    void ctrlQInOneWindowClosesEveryCanvasOfTheRun() throws Exception {
        QuitRequest quit = new QuitRequest();
        try (FxWindowTest.Run r = new FxWindowTest.Run("quitkey", """
                import easel, sys
                T = sys._easel_test
                class Stubborn(easel.Canvas):
                    size = (120, 80)
                    fps = 30
                    def on_key_press(self, e):
                        T.setdefault("keys", []).append(e.key)
                    def on_draw(self, g):
                        g.clear("#203040")
                    def on_close(self):
                        T["closed-" + self.title] = True
                        return False  # refuses the close button; quitting ends it anyway
                a = Stubborn(); a.title = "a"; a.show()
                b = Stubborn(); b.title = "b"; b.show()
                """, script -> new FxWindows(new FxWindows.App(script, WindowMemory.NONE, quit::request)))) {
            quit.attach(r.session);
            FxCanvasWindow w = r.window(0);
            r.window(1);
            onFx(() -> {
                w.surface().requestFocus();
                return null;
            });
            FxWindowTest.robot.push(KeyCode.CONTROL, KeyCode.Q);
            awaitFact("closed-a", Boolean.TRUE::equals, WAIT);
            awaitFact("closed-b", Boolean.TRUE::equals, WAIT);
            r.host(0).ended().get(30, TimeUnit.SECONDS);
            r.host(1).ended().get(30, TimeUnit.SECONDS);
            r.session.awaitEnd(); // RunCommand's wait ends: the process exits as after SIGTERM
            assertTrue(quit.isRequested());
            Object keys = fact("keys"); // Control is a key the sketch sees; Q is the app's
            assertFalse(keys instanceof List<?> l && (l.contains("q") || l.contains("Q")), String.valueOf(keys));
        }
    }
}
