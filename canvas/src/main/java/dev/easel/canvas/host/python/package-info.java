/**
 * The {@code _easel} built-ins and the Python package {@code easel}: code run by whichever Python
 * thread calls a built-in (the script's, a canvas thread, a thread of the sketch's own), attached.
 * It reaches the session only through {@link dev.easel.canvas.host.python.SketchRun} and a canvas
 * only through {@link dev.easel.canvas.host.loop.CanvasControl}.
 */
package dev.easel.canvas.host.python;
