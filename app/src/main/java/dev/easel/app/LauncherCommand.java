package dev.easel.app;

import dev.easel.app.launcher.LauncherWindow;
import dev.easel.app.launcher.LauncherWindow.PythonChoice;
import dev.easel.app.runs.Settings;
import dev.easel.app.runs.Thumbnails;
import dev.easel.pybridge.PythonInstallation;
import dev.easel.pybridge.PythonLocator;
import javafx.application.Platform;
import picocli.CommandLine.Command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code easel} with no command (or {@code easel launcher}): the launcher window. No Python runs
 * in this process: every sketch opened from it is an {@code easel run} child with its console.
 */
@Command(name = "launcher", description = "Open the launcher: examples, Open, New sketch, recent files "
        + "(what plain 'easel' does when there is a display).", mixinStandardHelpOptions = true)
final class LauncherCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        if (Displays.missing()) {
            System.err.println("easel: " + Displays.NO_DISPLAY + " (or run a sketch: easel run sketch.py --headless)");
            return 2;
        }
        try {
            FxLauncher.startAsync().join();
        } catch (CompletionException e) {
            System.err.println("easel: " + Displays.explain(e.getCause() == null ? e : e.getCause()));
            return 2;
        }
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Thumbnails thumbnails = new Thumbnails(Thumbnails.defaultCache(), Main.version(), LauncherCommand::easel);
        Platform.runLater(() -> {
            LauncherWindow w = new LauncherWindow(config(thumbnails));
            w.stage().setOnHidden(e -> closed.complete(null));
            w.show();
        });
        closed.join();
        thumbnails.close();
        FxLauncher.exit();
        return 0;
    }

    static LauncherWindow.Config config(Thumbnails thumbnails) {
        return new LauncherWindow.Config(examplesFolder(), Settings.user(), thumbnails, LauncherCommand::easel,
                LauncherCommand::pythons);
    }

    /** {@code <easel root>/assets/examples} (the root from the launcher script, else the working folder). */
    static Path examplesFolder() {
        return Path.of(System.getProperty("easel.root", ".")).resolve("assets").resolve("examples");
    }

    /** The command line of {@code easel ARGS}: this JVM's java, class path and options. */
    static List<String> easel(List<String> args) {
        return ChildJava.command("dev.easel.app.Main", args);
    }

    /** Easel's default first (what {@code easel run} uses without {@code --python}), then every Python found. */
    static List<PythonChoice> pythons() {
        List<PythonChoice> out = new ArrayList<>();
        try {
            out.add(new PythonChoice("default: " + label(PythonLocator.locate(null)), null));
        } catch (RuntimeException none) {
            // No default: only what is found below (if anything).
        }
        for (PythonInstallation i : PythonLocator.findAll()) {
            out.add(new PythonChoice(label(i), i.library().toString()));
        }
        return out;
    }

    private static String label(PythonInstallation i) {
        String mode = i.freeThreaded() ? "free-threaded"
                : i.version().isAtLeast(3, 12) ? "shared, isolated available" : "shared only";
        return i.version() + " (" + i.origin() + ") — " + mode;
    }
}
