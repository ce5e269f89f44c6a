package dev.easel.canvas.host.loop;

import dev.easel.canvas.DisplayList;

/**
 * The thread of one canvas. It carries the display list being recorded, so that a drawing
 * built-in finds its frame with one {@code Thread.currentThread()} and a field read: no lookup,
 * no thread-local.
 */
public final class CanvasThread extends Thread {
    /** The list being recorded during {@code on_draw} (and the handlers before it), else null. */
    DisplayList recording;
    /** Whether this thread is importing the sketch again for an isolated canvas (show() is refused then). */
    boolean importingIsolated;
    /** Set when Easel stops this canvas' Python code (SystemExit raised in it): not the sketch quitting the app. */
    volatile boolean stoppedByEasel;

    CanvasThread(Runnable body, String name) {
        super(null, body, name, dev.easel.pybridge.PythonThreads.STACK_SIZE); // Python's recursion limit fits
        setDaemon(true);
    }

    /** Whether Easel stopped this canvas' Python code (its SystemExit is not the sketch quitting). */
    public boolean stoppedByEasel() {
        return stoppedByEasel;
    }

    /** True on a canvas thread while its isolated interpreter imports the sketch again. */
    public static boolean reimporting() {
        return Thread.currentThread() instanceof CanvasThread ct && ct.importingIsolated;
    }

    /** The list the calling thread records into, or null when it is not inside a frame. */
    public static DisplayList currentRecording() {
        return Thread.currentThread() instanceof CanvasThread ct ? ct.recording : null;
    }
}
