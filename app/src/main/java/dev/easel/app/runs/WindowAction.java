package dev.easel.app.runs;

import java.util.Optional;

/**
 * What the app does to a canvas window: by its key in the window, or from the Sketch menu of the
 * run's console, which sends the action's name over the prompt socket. One list for both, so a
 * menu never shows a shortcut the window does not have. The keys are the app's: the sketch does
 * not see them.
 */
public enum WindowAction {
    /** Saves the frame shown as a PNG beside the sketch. */
    SAVE_FRAME("Save Frame as PNG", "Shortcut+S"),
    /** Starts, or stops and writes, an MP4 of the frames shown. */
    RECORD("Start/Stop Recording", "Shortcut+Shift+S"),
    /** Re-imports the sketch now, as if it had been saved (live reload). */
    RELOAD("Reload Code", "Shortcut+R"),
    /** A new canvas object: {@code setup()} again. */
    RESTART("Restart Canvas", "Shortcut+Shift+R"),
    /** The performance overlay, drawn by the app above the canvas. */
    PERF_OVERLAY("Performance Overlay", "F3"),
    /** The parameter panel (the canvas's sliders and toggles), beside the window. */
    PARAMETERS("Parameters", "F2"),
    /** Full screen on and off, as the sketch's own {@code fullscreen} does. */
    FULL_SCREEN("Full Screen", "F11"),
    /** As the window's close button: {@code on_close} decides. */
    CLOSE("Close Window", "Shortcut+W"),
    /** Ends every canvas of the run ({@code on_close} runs and cannot refuse). */
    QUIT("Quit", "Shortcut+Q");

    private final String label;
    private final String keys;

    WindowAction(String label, String keys) {
        this.label = label;
        this.keys = keys;
    }

    /** The menu item's text. */
    public String label() {
        return label;
    }

    /** The shortcut, as JavaFX's {@code KeyCombination.keyCombination} reads it. */
    public String keys() {
        return keys;
    }

    /** The action of a name sent over the prompt socket ({@link #name()}); empty for an unknown one. */
    public static Optional<WindowAction> named(String name) {
        for (WindowAction a : values()) {
            if (a.name().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
