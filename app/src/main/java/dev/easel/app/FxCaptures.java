package dev.easel.app;

import dev.easel.canvas.ImageData;
import dev.easel.canvas.host.view.FrameSaves;
import dev.easel.canvas.host.view.WindowPixels;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Ctrl+S in a canvas window: the frame shown (without the error or performance overlays) saved
 * as {@code <canvas>-<date>-<time>.png} in the working folder (the sketch's folder for runs started
 * from the launcher; {@code -Deasel.captures=DIR} chooses another). The PNG is written off the FX
 * thread; where it went is printed.
 */
final class FxCaptures {
    private FxCaptures() {}

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    /** FX thread: takes the picture now, writes it on a thread of its own. */
    static void saveShownFrame(String slug, WindowPixels pixels) {
        ImageData picture = pixels.frameImage();
        if (picture == null) {
            System.err.println("easel: nothing shown yet to save");
            return;
        }
        Path dir = Path.of(System.getProperty("easel.captures", "."));
        Path file = dir.resolve(slug + "-" + LocalDateTime.now().format(STAMP) + ".png").toAbsolutePath();
        Thread.ofVirtual().name("easel-capture").start(() -> {
            if (FrameSaves.write(picture, file)) { // complete or not at all; a failure is said there
                System.err.println("easel: saved " + file);
            }
        });
    }
}
