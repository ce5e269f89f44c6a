package dev.easel.canvas.host.python;

import dev.easel.canvas.ImageData;
import dev.easel.pybridge.BufferView;
import dev.easel.pybridge.BuiltinModule;
import dev.easel.pybridge.PythonException;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.easel.canvas.host.python.Args.pixels;

/** The built-ins behind {@code easel.Image}: loading, making from pixels, saving, reading and releasing images. */
final class ImageBuiltins {
    private ImageBuiltins() {}

    static void register(BuiltinModule.Builder b) {
        b.function("image_load", "(path)", "Internal: Image.load.", a -> {
            a.expect(1);
            Path p = Path.of(a.stringAt(0));
            if (!Files.exists(p)) {
                throw PythonException.of("FileNotFoundError", "No such image file: '" + p + "'");
            }
            ImageData img;
            try {
                img = ImageData.load(p);
            } catch (java.io.IOException | RuntimeException e) {
                throw PythonException.valueError("cannot read image '" + p + "': " + e.getMessage());
            }
            return Images.describe(Images.add(img), img);
        });
        b.function("image_from_pixels", "(buf, width, height)", "Internal: Image.from_pixels.", a -> {
            a.expect(3);
            int w = a.intAt(1), h = a.intAt(2);
            if (w <= 0 || h <= 0) {
                throw a.badValue(1, "width and height must be positive, got " + w + "x" + h);
            }
            try (BufferView v = pixels(a, w, h)) {
                ImageData img = ImageData.fromPixels(v.data(), w, h);
                return Images.describe(Images.add(img), img);
            }
        });
        b.function("image_save", "(image_id, path)", "Internal: Image.save.", a -> {
            a.expect(2);
            ImageData img = Images.get(a.intAt(0));
            Path p = Path.of(a.stringAt(1));
            try {
                img.save(p);
            } catch (IllegalArgumentException e) {
                throw PythonException.valueError("Image.save(): " + e.getMessage());
            } catch (java.io.IOException e) {
                throw PythonException.of("OSError", "cannot write '" + p + "': " + e.getMessage());
            }
            return null;
        });
        b.function("image_pixels", "(image_id)", "Internal: Image.pixels.", a -> {
            a.expect(1);
            return Images.get(a.intAt(0)).pixels();
        });
        b.function("image_release", "(image_id)", "Internal: Image.__del__.", a -> {
            a.expect(1);
            Images.release(a.intAt(0));
            return null;
        });
    }
}
