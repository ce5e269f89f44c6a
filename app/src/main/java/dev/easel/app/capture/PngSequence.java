package dev.easel.app.capture;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Frames as {@code frame-00000.png}, {@code frame-00001.png}, … in a folder; each written under a
 * temporary name and moved into place, so a frame file is whole or absent. {@link #abort} deletes
 * this recording's frames.
 */
public final class PngSequence implements Recording {
    private final Path dir;
    private int frames;

    PngSequence(Path dir) {
        this.dir = dir;
    }

    @Override
    public void add(BufferedImage frame) throws IOException {
        Path f = frameFile(frames);
        BufferedImage img = frame;
        if (frame.isAlphaPremultiplied()) {
            // PNG keeps straight alpha: a window's premultiplied buffer is converted (exact for opaque pixels).
            img = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_ARGB);
            int w = frame.getWidth();
            img.setRGB(0, 0, w, frame.getHeight(), frame.getRGB(0, 0, w, frame.getHeight(), null, 0, w), 0, w);
        }
        Path temp = dir.resolve("." + f.getFileName() + ".part");
        try {
            if (!ImageIO.write(img, "png", temp.toFile())) {
                throw new IOException("no PNG writer");
            }
            Recording.place(temp, f);
        } finally {
            Files.deleteIfExists(temp);
        }
        frames++;
    }

    /** Frame {@code i}'s file: {@code frame-00000.png}, … */
    private Path frameFile(int i) {
        return dir.resolve(String.format(Locale.ROOT, "frame-%05d.png", i));
    }

    @Override
    public int frames() {
        return frames;
    }

    @Override
    public void close() {
        // Every frame is a finished file already.
    }

    @Override
    public void abort() {
        for (int i = 0; i < frames; i++) {
            try {
                Files.deleteIfExists(frameFile(i));
            } catch (IOException ignored) {
                // left: a whole frame, not a broken file
            }
        }
    }
}
