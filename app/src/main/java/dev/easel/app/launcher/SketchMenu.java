package dev.easel.app.launcher;

import dev.easel.app.runs.ConsoleLines;
import dev.easel.app.runs.PromptLink;
import dev.easel.app.runs.SketchRun;
import dev.easel.app.runs.WindowAction;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The console's Sketch menu: every {@link WindowAction} of a canvas window (save a frame, record,
 * reload, restart, overlay, parameters, full screen, close, quit), sent by name over the run's
 * prompt socket to the canvas chosen in the prompt bar. The run does it on its FX thread; nothing
 * here waits for it.
 */
final class SketchMenu {
    /**
     * Actions whose window shortcut works in the console too. Shortcut+R is the console's Run again,
     * and Shortcut+W/Q would close what the user is not looking at.
     */
    private static final Set<WindowAction> SHORTCUTS_HERE = EnumSet.of(WindowAction.SAVE_FRAME, WindowAction.RECORD,
            WindowAction.RESTART, WindowAction.PERF_OVERLAY, WindowAction.PARAMETERS, WindowAction.FULL_SCREEN);

    private SketchMenu() {}

    /** The menu for the run {@code run} gives at the moment of a click. FX thread. */
    static Menu create(Supplier<SketchRun> run) {
        Menu menu = new Menu("Sketch");
        menu.setId("console-sketch-menu");
        for (WindowAction a : WindowAction.values()) {
            if (a == WindowAction.PERF_OVERLAY || a == WindowAction.CLOSE) {
                menu.getItems().add(new SeparatorMenuItem());
            }
            MenuItem item = new MenuItem(a.label());
            item.setId("console-action-" + a.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (SHORTCUTS_HERE.contains(a)) {
                item.setAccelerator(KeyCombination.keyCombination(a.keys()));
            }
            item.setOnAction(e -> send(run.get(), a));
            menu.getItems().add(item);
        }
        return menu;
    }

    /** Asks the run to do {@code action}; a refusal (no window, not running) shows in the console. */
    static void send(SketchRun r, WindowAction action) {
        PromptLink link = r.prompt();
        if (link == null || !r.isRunning()) {
            r.lines().add(ConsoleLines.Stream.INFO, "the sketch is not running: " + action.label() + " needs a running canvas");
            return;
        }
        link.send("action", action.name()).whenComplete((answer, failed) -> {
            if (failed != null) {
                r.lines().add(ConsoleLines.Stream.ERR, action.label() + ": " + failed.getMessage());
            } else if (answer.status().equals("error")) {
                r.lines().add(ConsoleLines.Stream.ERR, action.label() + ": " + answer.text().strip());
            }
        });
    }
}
