package dev.easel.canvas.host.python;

import dev.easel.canvas.host.loop.CanvasControl;
import dev.easel.pybridge.Interpreter;
import dev.easel.pybridge.PyObject;

import java.util.Map;
import java.util.Optional;

/**
 * The run the {@code _easel} built-ins serve: what they may ask of the session, which implements
 * it (the built-ins never name the session). Called attached, on whichever Python thread calls a
 * built-in, except {@link #awaitAllClosed}, called detached.
 */
public interface SketchRun {
    /** {@code Canvas.show()}: reads the class, starts the canvas thread; returns the canvas' handle (0: none). */
    int show(PyObject canvas);

    /** The live canvas with this handle. */
    Optional<CanvasControl> canvas(int handle);

    /** The queues behind {@code easel.Channel}. */
    Channels channels();

    /** {@code easel.quit(code)}, or SystemExit raised by the sketch's code in {@code interp}. */
    void quit(Interpreter interp, int code);

    /** {@code easel.python_info()} as seen from {@code interp}. */
    Map<String, Object> pythonInfo(Interpreter interp);

    /** {@code easel.run()}: blocks until every canvas has ended. */
    void awaitAllClosed() throws InterruptedException;

    /** The parameter values canvases start with. */
    ParamStart paramStart();
}
