package dev.easel.canvas.host.python;

import dev.easel.canvas.ImageData;
import dev.easel.canvas.host.loop.CanvasControl;
import dev.easel.canvas.host.loop.CanvasThread;
import dev.easel.pybridge.BufferView;
import dev.easel.pybridge.BuiltinModule;
import dev.easel.pybridge.PythonException;

import static dev.easel.canvas.host.python.Args.color;

/**
 * The built-ins of a sketch's life: showing, redrawing, closing and snapshotting canvases,
 * channels, quitting and {@code easel.run()}, each handed to the session ({@link SketchRun}).
 */
final class LifecycleBuiltins {
    private LifecycleBuiltins() {}

    static void register(BuiltinModule.Builder b, SketchRun session) {
        b.function("version", "()", "Easel's version.", a -> EaselModule.VERSION);
        b.function("python_info", "()", "Internal: easel.python_info().", a -> session.pythonInfo(a.interpreter()));
        b.function("parse_color", "(value)", "Internal: Color.parse.", a -> {
            a.expect(1);
            int c = color(a, 0, "Color.parse()");
            return new Object[]{(c >> 16) & 255, (c >> 8) & 255, c & 255, ((c >>> 24) & 255) / 255.0};
        });
        b.function("show", "(canvas)", "Internal: Canvas.show.", a -> {
            a.expect(1);
            return session.show(a.objectAt(0));
        });
        b.function("close", "(handle)", "Internal: Canvas.close.", a -> {
            a.expect(1);
            session.canvas(a.intAt(0)).ifPresent(CanvasControl::closeFromPython);
            return null;
        });
        b.function("redraw", "(handle)", "Internal: Canvas.redraw.", a -> {
            a.expect(1);
            session.canvas(a.intAt(0)).ifPresent(CanvasControl::redraw);
            return null;
        });
        b.function("snapshot", "(handle)", "Internal: Canvas.snapshot.", a -> {
            a.expect(1);
            CanvasControl h = session.canvas(a.intAt(0)).orElseThrow(
                    () -> PythonException.runtimeError("snapshot(): the canvas is closed"));
            ImageData img = a.detached(h::snapshot);
            return Images.describe(Images.add(img), img);
        });
        b.function("channel_send", "(name, message)", "Internal: Channel.send.", a -> {
            a.expect(2);
            refuseWhileReimporting("Channel.send()");
            String name = a.stringAt(0);
            byte[] message;
            try (BufferView v = a.bufferAt(1)) {
                message = v.data().toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            }
            try {
                session.channels().send(name, message);
            } catch (IllegalStateException closed) {
                return false; // Channel.send raises ChannelClosed
            }
            return true;
        });
        b.function("channel_recv", "(name, timeout)", "Internal: Channel.recv.", a -> {
            a.expect(2);
            refuseWhileReimporting("Channel.recv()");
            String name = a.stringAt(0);
            double timeout = a.doubleAt(1);
            Object[] r = timeout == 0 ? session.channels().recv(name, 0) : a.detached(() -> session.channels().recv(name, timeout));
            return r;
        });
        b.function("channel_size", "(name)", "Internal: len(Channel).", a -> {
            a.expect(1);
            return session.channels().size(a.stringAt(0));
        });
        b.function("quit", "(code)", "Internal: easel.quit() and SystemExit.", a -> {
            a.expect(1);
            session.quit(a.interpreter(), a.intAt(0));
            return null;
        });
        b.function("run", "()", "Internal: easel.run().", a -> {
            a.expect(0);
            if (CanvasThread.reimporting()) {
                return null; // the script's own run() already waits; the copy in an isolated canvas does not
            }
            if (Thread.currentThread() instanceof CanvasThread) {
                throw PythonException.runtimeError("easel.run() cannot be called from a canvas callback: "
                        + "it would wait for its own canvas");
            }
            a.detached(() -> {
                session.awaitAllClosed();
                return null;
            });
            return null;
        });
    }

    /**
     * Channel traffic from the sketch's top level while an isolated canvas imports it again would
     * happen twice (or wait for ever): refused, saying how to keep that code to the script.
     */
    private static void refuseWhileReimporting(String what) {
        if (CanvasThread.reimporting()) {
            throw PythonException.runtimeError(what + " ran at the top level of the sketch while Easel imported it "
                    + "again (for an isolated canvas, or a live reload): put the script's own code under  "
                    + "if __name__ == \"__main__\":");
        }
    }
}
