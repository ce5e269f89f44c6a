package dev.easel.canvas.host.python;

import dev.easel.canvas.host.loop.CanvasControl;
import dev.easel.canvas.ImageData;
import dev.easel.pybridge.BuiltinModule;
import dev.easel.pybridge.PythonException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The built-in behind {@code Canvas.save_frame(path)}: checks the path, then queues it with the canvas. */
final class SaveFrameBuiltins {
    private SaveFrameBuiltins() {}

    static void register(BuiltinModule.Builder b, SketchRun session) {
        b.function("save_frame", "(handle, path)", "Internal: Canvas.save_frame.", a -> {
            a.expect(2);
            CanvasControl h = session.canvas(a.intAt(0)).orElseThrow(
                    () -> PythonException.runtimeError("save_frame(): the canvas is closed"));
            long frame = h.stats().frames();
            Path p;
            try {
                p = Path.of(dev.easel.canvas.host.view.FrameSaves.numbered(a.stringAt(1), frame));
                ImageData.formatOf(p);
            } catch (java.nio.file.InvalidPathException e) {
                throw PythonException.valueError("save_frame(): not a valid path: " + e.getReason());
            } catch (IllegalArgumentException e) {
                throw PythonException.valueError("save_frame(): " + e.getMessage());
            }
            Path dir = p.toAbsolutePath().getParent();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw PythonException.of("OSError", "save_frame(): cannot make the folder '" + dir + "': " + e);
            }
            h.frameSaves().request(frame, p);
            return p.toString();
        });
    }
}
