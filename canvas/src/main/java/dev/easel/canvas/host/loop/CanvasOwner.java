package dev.easel.canvas.host.loop;

import dev.easel.pybridge.Interpreter;
import dev.easel.pybridge.PyObject;
import dev.easel.pybridge.PythonException;

/**
 * What a canvas needs from the run it belongs to, and where it reports back: the session
 * implements it, so a {@link CanvasHost} never names the session. Called on the canvas thread
 * (and {@link #watchClose} from whichever thread asked a canvas to close); must not block.
 */
public interface CanvasOwner {
    /** Opens the views of canvases. */
    WindowSystem windows();

    /** Headless: frames per canvas. */
    int headlessFrames();

    /** Live reload's canvas side when it is on, else null. */
    CodeReload liveReload();

    /** Whether the sketch asked to quit (easel.quit() or SystemExit). */
    boolean quitRequested();

    /** Whether {@code e} is only the app quitting under running code: not the sketch's error. */
    boolean endedByQuit(PythonException e);

    /** A new sub-interpreter with Easel installed (an isolated canvas' own). */
    Interpreter newInterpreter();

    /** The arguments the script runs with ({@code sys.argv}), for an isolated canvas' import. */
    java.util.List<String> scriptArgv();

    /** Headless: queues the scripted events due before frame {@code frame} of {@code host}. */
    void deliverScripted(CanvasHost host, long frame);

    /** A callback of a canvas raised (headless runs then end with exit code 1). */
    void noteError();

    /** {@code host} was asked to close: Python code ignoring that is stopped after a grace period. */
    void watchClose(CanvasHost host);

    /** {@code host}'s thread is done. */
    void ended(CanvasHost host);
}
