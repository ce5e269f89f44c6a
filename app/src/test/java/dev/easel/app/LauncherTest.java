package dev.easel.app;

import dev.easel.app.launcher.ConsoleWindow;
import dev.easel.app.launcher.LauncherWindow;
import dev.easel.app.launcher.LauncherWindow.PythonChoice;
import dev.easel.app.runs.ConsoleLines;
import dev.easel.app.runs.Settings;
import dev.easel.app.runs.Thumbnails;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.image.ImageView;
import javafx.scene.layout.TilePane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static dev.easel.app.TestPython.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The launcher on the headless glass platform, driving real {@code easel run} children: the
 * gallery shows the examples with pictures Easel rendered, clicking one runs it, its prints reach
 * the console line by line, tracebacks are shown as frames pointing at the file, Stop ends a run.
 */
@Timeout(300)
class LauncherTest {
    static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    static Path dir;
    static Preferences prefs;
    static Thumbnails thumbnails;
    static LauncherWindow launcher;
    static FxRobot robot;

    static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    @BeforeAll
    static void open() throws Exception {
        FxLauncher.startAsync().get(30, TimeUnit.SECONDS);
        Path examples = Files.createDirectories(dir.resolve("examples"));
        Files.writeString(examples.resolve("hello.py"), """
                \"\"\"Hello: prints, then ends.\"\"\"
                import easel
                class Hello(easel.Canvas):
                    size = (160, 120)
                    background = "#ff0000"
                    def on_draw(self, g):
                        print("hello from frame", self.frame, flush=True)
                        if self.frame == 3:
                            easel.quit()
                Hello().show()
                """);
        Files.writeString(examples.resolve("zz_broken.py"), """
                import easel
                class Broken(easel.Canvas):
                    size = (160, 120)
                    def on_draw(self, g):
                        print("about to fail")
                        1 / 0
                Broken().show()
                """);
        prefs = Preferences.userRoot().node("dev/easel/test-" + UUID.randomUUID());
        thumbnails = new Thumbnails(dir.resolve("cache"), "test", LauncherCommand::easel);
        String python = System.getProperty("easel.python", "bundled");
        launcher = onFx(() -> {
            LauncherWindow w = new LauncherWindow(new LauncherWindow.Config(examples, new Settings(prefs), thumbnails,
                    LauncherCommand::easel, () -> List.of(new PythonChoice("tests' Python", python))));
            w.show();
            return w;
        });
        robot = new FxRobot();
    }

    @AfterAll
    static void close() throws Exception {
        onFx(() -> {
            launcher.stage().close();
            return null;
        });
        thumbnails.close();
        prefs.removeNode();
    }

    @Test
    void theGalleryShowsEachExampleWithAPictureEaselRendered() throws Exception {
        TilePane gallery = onFx(() -> (TilePane) launcher.stage().getScene().lookup("#launcher-gallery"));
        assertEquals(2, onFx(() -> gallery.getChildren().size()));
        ImageView thumb = await("the picture of hello.py", () -> {
            try {
                return onFx(() -> (ImageView) launcher.stage().getScene().lookup("#thumbnail-hello"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, v -> v != null, WAIT);
        int argb = onFx(() -> thumb.getImage().getPixelReader().getArgb(
                (int) thumb.getImage().getWidth() / 2, (int) thumb.getImage().getHeight() / 2));
        assertEquals(0xffff0000, argb, "the sketch's red background");
        assertTrue(thumbnails.cached(dir.resolve("examples/hello.py")), "cached for the next start");
    }

    @Test
    void anEmptyRecentListSaysWhatWillBeThere() throws Exception {
        String hint = onFx(() -> {
            var recent = (javafx.scene.control.ListView<?>) launcher.stage().getScene().lookup("#launcher-recent");
            return ((javafx.scene.control.Label) recent.getPlaceholder()).getText();
        });
        assertTrue(hint.contains("Sketches you run or open") && hint.contains("Drop a .py file"), hint);
    }

    @Test
    void clickingAnExampleRunsItAndItsPrintsReachTheConsoleLineByLine() throws Exception {
        Node card = onFx(() -> launcher.stage().getScene().lookup("#example-hello"));
        robot.clickOn(card);
        ConsoleWindow console = await("a console", () -> consoles(), l -> !l.isEmpty(), WAIT).getFirst();
        await("the prints", () -> texts(console), t -> t.contains("hello from frame 3"), WAIT);
        List<String> t = texts(console);
        for (int i = 0; i <= 3; i++) {
            assertTrue(t.contains("hello from frame " + i), t::toString);
        }
        assertEquals(0, console.run().exited().get(60, TimeUnit.SECONDS));
        await("the end shown", () -> status(console), s -> s.equals("ended"), WAIT);
        Settings s = new Settings(prefs);
        assertEquals(dir.resolve("examples/hello.py").toAbsolutePath(), s.recent().getFirst());
        onFx(() -> {
            console.stage().close();
            return null;
        });
    }

    @Test
    void aTracebackShowsAsErrorLinesPointingAtTheSketch() throws Exception {
        ConsoleWindow console = onFx(() -> launcher.open(dir.resolve("examples/zz_broken.py")));
        await("the traceback", () -> lines(console), l -> l.stream().anyMatch(x -> x.text().startsWith("ZeroDivisionError")), WAIT);
        List<ConsoleLines.Line> l = lines(console);
        assertTrue(l.stream().anyMatch(x -> x.stream() == ConsoleLines.Stream.OUT && x.text().equals("about to fail")));
        ConsoleLines.Line frame = l.stream().filter(x -> x.text().contains("zz_broken.py\", line 6")).findFirst()
                .orElseThrow(() -> new AssertionError(l.toString()));
        assertEquals(ConsoleLines.Stream.ERR, frame.stream());
        // Still running (on_draw errors do not end a windowed sketch): Stop ends it through its gate.
        assertTrue(console.run().isRunning());
        robot.clickOn(onFx(() -> console.stage().getScene().lookup("#console-stop")));
        int code = console.run().exited().get(60, TimeUnit.SECONDS);
        assertNotEquals(-1, code);
        await("the end shown", () -> status(console), s -> s.startsWith("ended"), WAIT);
        onFx(() -> {
            console.stage().close();
            return null;
        });
    }

    @Test
    void thePromptRunsInTheCanvasBetweenFramesAndCompletesFromPython() throws Exception {
        Path sketch = dir.resolve("examples/../prompty.py").normalize();
        Files.writeString(sketch, """
                import easel
                class Prompty(easel.Canvas):
                    size = (120, 90)
                    def setup(self):
                        self.speed = 7
                    def on_draw(self, g):
                        g.clear("white")
                Prompty().show()
                """);
        ConsoleWindow console = onFx(() -> launcher.open(sketch));
        try {
            TextField input = onFx(() -> (TextField) console.stage().getScene().lookup("#console-prompt"));
            // Until the run has connected and its canvas draws, answers may take a moment: they come.
            enter(input, "self.speed * 6");
            await("the answer", () -> texts(console), t -> t.contains("42"), WAIT);
            assertTrue(lines(console).stream().anyMatch(l -> l.stream() == ConsoleLines.Stream.INFO
                    && l.text().equals(">>> self.speed * 6")), "the entry is echoed");

            enter(input, "for i in range(2):");
            enter(input, "    print(i * 10)");
            enter(input, "");
            await("the block's output", () -> texts(console), t -> t.contains("0") && t.contains("10"), WAIT);

            enter(input, "self.nope");
            await("the traceback", () -> lines(console), l -> l.stream().anyMatch(x -> x.stream() == ConsoleLines.Stream.ERR
                    && x.text().startsWith("AttributeError")), WAIT);

            onFx(() -> {
                input.setText("self.fr");
                input.positionCaret(7);
                input.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, false, false, false, false));
                return null;
            });
            await("the completion", () -> {
                try {
                    return onFx(input::getText);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, t -> t.equals("self.frame"), WAIT);
        } finally {
            onFx(() -> {
                console.stage().close();
                return null;
            });
            console.run().exited().get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void theSketchMenuAndThePromptActOnTheCanvasChosenInTheConsole() throws Exception {
        Path sketch = dir.resolve("two.py");
        Files.writeString(sketch, """
                import easel
                class Pane(easel.Canvas):
                    size = (100, 80)
                    def on_draw(self, g):
                        g.clear("#204060")
                a = Pane(); a.title = "left"; a.show()
                b = Pane(); b.title = "right"; b.show()
                """);
        ConsoleWindow console = onFx(() -> launcher.open(sketch));
        try {
            TextField input = onFx(() -> (TextField) console.stage().getScene().lookup("#console-prompt"));
            enter(input, "self.title");
            await("the first canvas answers", () -> texts(console), t -> t.contains("'left'"), WAIT);

            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<String> chooser = onFx(() ->
                    (javafx.scene.control.ComboBox<String>) console.stage().getScene().lookup("#console-canvas"));
            await("both canvases listed", () -> {
                try {
                    return onFx(() -> {
                        chooser.show(); // opening it asks the run for its canvases
                        chooser.hide();
                        return List.copyOf(chooser.getItems());
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, items -> items.size() == 3, WAIT);
            assertTrue(onFx(() -> chooser.getItems().get(2)).contains("right"), "the second canvas by its title");
            onFx(() -> {
                chooser.getSelectionModel().select(2);
                return null;
            });
            enter(input, "self.title");
            await("the chosen canvas answers", () -> texts(console), t -> t.contains("'right'"), WAIT);

            // Sketch > Save Frame as PNG: the chosen canvas's window saves its shown frame.
            onFx(() -> {
                javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) console.stage().getScene()
                        .lookup(".menu-bar");
                bar.getMenus().getFirst().getItems().stream()
                        .filter(i -> "console-action-save-frame".equals(i.getId())).findFirst().orElseThrow().fire();
                return null;
            });
            String saved = await("the frame saved", () -> texts(console).stream()
                    .filter(t -> t.startsWith("easel: saved ")).findFirst().orElse(null), t -> t != null, WAIT);
            Path png = Path.of(saved.substring("easel: saved ".length()));
            assertTrue(png.getFileName().toString().startsWith("right-"), saved);
            assertTrue(Files.size(png) > 0, saved);
        } finally {
            onFx(() -> {
                console.stage().close();
                return null;
            });
            console.run().exited().get(60, TimeUnit.SECONDS);
        }
    }

    private static void enter(TextField input, String text) throws Exception {
        onFx(() -> {
            input.setText(text);
            input.fireEvent(new javafx.event.ActionEvent());
            return null;
        });
    }

    private static List<ConsoleWindow> consoles() {
        try {
            return onFx(launcher::consoles);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ConsoleLines.Line> lines(ConsoleWindow c) {
        try {
            return onFx(c::shown);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(ConsoleWindow c) {
        return lines(c).stream().map(ConsoleLines.Line::text).toList();
    }

    private static String status(ConsoleWindow c) {
        try {
            return onFx(() -> ((Label) c.stage().getScene().lookup("#console-status")).getText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
