package dev.easel.canvas.host.loop;

import dev.easel.canvas.DisplayList;
import dev.easel.pybridge.PythonException;

/**
 * The errors of one canvas' callbacks, on its canvas thread: each kept in its statistics, counted
 * by the session and printed (once while the same one repeats), and the traceback overlay drawn
 * over the frames.
 */
final class CanvasErrors {
    private final CanvasOwner owner;
    private final CanvasThread thread;
    private final CanvasStats stats;
    private final String className;
    private String lastErrorText;
    private int repeatedErrors;
    /** The last overlay made, and what it shows: an error repeated every frame reuses it. */
    private DisplayList overlayList;
    private String overlayText;
    private int overlayWidth;
    private int overlayHeight;

    CanvasErrors(CanvasOwner owner, CanvasThread thread, CanvasStats stats, String className) {
        this.owner = owner;
        this.thread = thread;
        this.stats = stats;
        this.className = className;
    }

    /** Reports {@code e}, raised in {@code where} (frame {@code frame}, or -1): counted, kept in the statistics, printed once while it repeats. */
    void report(long frame, String where, PythonException e) {
        if (owner.endedByQuit(e)) {
            return; // the app is quitting under this callback: not the sketch's error
        }
        if (thread.stoppedByEasel() && e.pythonType().equals("SystemExit")) {
            return; // Easel stopped the canvas after its window closed (said when it did): not the sketch's error
        }
        String traceback = e.pythonTraceback().isEmpty() ? "" : Tracebacks.script(e);
        stats.error(new CanvasStats.Error(frame, where, e.pythonType(), e.pythonMessage(), traceback));
        String text = traceback.isEmpty() ? e.pythonType() + ": " + e.pythonMessage() : traceback;
        if (!text.equals(lastErrorText)) {
            if (repeatedErrors > 0) {
                System.err.println("easel: (the previous error repeated " + repeatedErrors + " more times)");
            }
            System.err.print("easel: error in " + className + "." + where
                    + (frame >= 0 ? " (frame " + frame + ")" : "") + ":\n" + text);
            if (!text.endsWith("\n")) {
                System.err.println();
            }
            System.err.flush();
            lastErrorText = text;
            repeatedErrors = 0;
        } else {
            repeatedErrors++;
        }
        owner.noteError();
    }

    /**
     * {@code text} drawn over a frame of {@code width × height}: a dark band with monospaced text.
     * The same text at the same size gives the same list, which the view recognises and does not
     * rasterize again (a sketch failing every frame allocated a full-size overlay per frame).
     */
    DisplayList overlay(String text, int width, int height) {
        if (overlayList != null && java.util.Objects.equals(overlayText, text) && overlayWidth == width
                && overlayHeight == height) {
            return overlayList;
        }
        overlayText = text;
        overlayWidth = width;
        overlayHeight = height;
        overlayList = ErrorOverlay.draw(text, width, height);
        return overlayList;
    }

    /** The traceback of the last error reported, drawn over a frame of {@code width × height}. */
    DisplayList errorOverlay(int width, int height) {
        return overlay(lastErrorText, width, height);
    }

    /** The text of the last error reported (null once forgotten). */
    String lastText() {
        return lastErrorText;
    }

    /** A frame succeeded and its overlay is gone: the same error next time is printed again. */
    void forget() {
        lastErrorText = null;
    }
}
