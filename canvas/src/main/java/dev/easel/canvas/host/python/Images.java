package dev.easel.canvas.host.python;

import dev.easel.canvas.ImageData;
import dev.easel.pybridge.PythonException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Images handed to Python, by number. They live in Java so every canvas, in any interpreter, can
 * draw them; a Python {@code Image} releases its number when collected (a display list that still
 * draws it holds the image itself).
 */
final class Images {
    private static final Map<Integer, ImageData> BY_ID = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT = new AtomicInteger(1);

    private Images() {}

    static int add(ImageData img) {
        int id = NEXT.getAndIncrement();
        BY_ID.put(id, img);
        return id;
    }

    static ImageData get(int id) {
        ImageData img = BY_ID.get(id);
        if (img == null) {
            throw PythonException.valueError("no such image (it was released)");
        }
        return img;
    }

    static void release(int id) {
        BY_ID.remove(id);
    }

    /** The (id, width, height) tuple {@code easel.Image} is made from. */
    static Object[] describe(int id, ImageData img) {
        return new Object[]{id, img.width(), img.height()};
    }
}
