package dev.easel.canvas.host.view;

import dev.easel.canvas.ImageData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@code Canvas.save_frame(path)}: files a canvas was asked to write, each once the frame of the
 * call (or, if that one is never shown, the next one) has been rendered into the canvas' pixels.
 * One per canvas. Requests come from any thread; {@link #rendered} runs on the thread that renders
 * the canvas (the canvas thread headless, the window's raster thread otherwise), so writing a file
 * never holds the GIL.
 */
public final class FrameSaves {
    private record Request(long frame, Path path) {}

    private final ConcurrentLinkedQueue<Request> pending = new ConcurrentLinkedQueue<>();

    /**
     * {@code pattern} with each run of {@code #} replaced by {@code frame}, zero-padded to the run's
     * length ({@code "frame-####.png"}, 7 → {@code "frame-0007.png"}); longer numbers are not cut.
     */
    public static String numbered(String pattern, long frame) {
        StringBuilder b = new StringBuilder(pattern.length() + 8);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c != '#') {
                b.append(c);
                i++;
                continue;
            }
            int run = 0;
            while (i < pattern.length() && pattern.charAt(i) == '#') {
                run++;
                i++;
            }
            String n = Long.toString(frame);
            b.append("0".repeat(Math.max(0, run - n.length()))).append(n);
        }
        return b.toString();
    }

    /** Asks for the picture after frame {@code frame} to be written to {@code path}. */
    public void request(long frame, Path path) {
        pending.add(new Request(frame, path));
    }

    /** Whether anything waits to be written. */
    public boolean isEmpty() {
        return pending.isEmpty();
    }

    /**
     * Frame {@code frame} is in {@code pixels} now: writes what was asked for it or for earlier
     * frames. A file that cannot be written is reported on stderr (the call returned long ago).
     */
    public void rendered(long frame, WindowPixels pixels) {
        ImageData picture = null;
        for (Iterator<Request> it = pending.iterator(); it.hasNext(); ) {
            Request r = it.next();
            if (r.frame() > frame) {
                continue;
            }
            it.remove();
            if (picture == null) {
                picture = pixels.frameImage();
            }
            write(picture, r.path());
        }
    }

    /**
     * Writes {@code picture} to {@code path} through a hidden file in the same folder, moved into
     * place when complete: a program watching the folder never reads half a file. Folders are
     * made. A failure is reported on stderr; returns whether the file was written.
     */
    public static boolean write(ImageData picture, Path path) {
        Path target = path.toAbsolutePath();
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path part = target.resolveSibling("." + name.substring(0, dot) + ".part-" + Thread.currentThread().threadId()
                + name.substring(dot));
        try {
            Files.createDirectories(target.getParent());
            picture.save(part);
            Files.move(part, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException | RuntimeException e) {
            System.err.println("easel: could not write the frame '" + path + "': " + e.getMessage());
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // nothing more to do
            }
            return false;
        }
    }
}
