package dev.easel.app.capture;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Where recorded frames go, chosen by the target's name: {@code .mp4} an H.264 video,
 * {@code .gif} an animated GIF (looping), anything else a folder of numbered PNGs. Used by one
 * thread at a time (a {@link Recorder}'s). A file is written under a temporary name beside its
 * target and moved into place by {@link #close}: a recording cancelled ({@link #abort}) or cut short
 * (the process killed) never leaves a file at the target that no player can read.
 */
public sealed interface Recording extends AutoCloseable permits PngSequence, AnimatedGif, Mp4Video {
    /** Adds the next frame. */
    void add(BufferedImage frame) throws IOException;

    /** Frames added so far. */
    int frames();

    /** Finishes the file (a video is unreadable until then) and moves it into place. */
    @Override
    void close() throws IOException;

    /** Stops without finishing: what was written so far is deleted, nothing is left at the target. */
    void abort();

    /** A new temporary file beside {@code target} (hidden, same file system: moved into place at once). */
    static Path partial(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "." + target.getFileName() + "-", ".part");
        temp.toFile().deleteOnExit(); // the JVM ending mid-encode (daemon threads) leaves no litter
        return temp;
    }

    /** Moves a finished {@code temp} to {@code target}, replacing it (atomically where the file system can). */
    static void place(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Why {@link #to} would refuse {@code target} (a file where a folder of PNGs is asked for), or null. */
    static String refusal(Path target) {
        String name = target.getFileName() == null ? "" : target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".mp4") && !name.endsWith(".gif") && Files.exists(target) && !Files.isDirectory(target)) {
            return target + " is a file: record to a .mp4, a .gif or a folder";
        }
        return null;
    }

    /**
     * A recording into {@code target} at {@code fps} frames per second.
     *
     * @throws IllegalArgumentException for an fps that is not positive, or a target that exists and is not a folder
     *                                  (PNG sequences)
     */
    static Recording to(Path target, double fps) throws IOException {
        if (!(fps > 0) || fps > 1000) {
            throw new IllegalArgumentException("fps must be from 0 to 1000 (not " + fps + ")");
        }
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        Path parent = target.toAbsolutePath().getParent();
        if (name.endsWith(".mp4")) {
            Files.createDirectories(parent);
            return new Mp4Video(target, fps);
        }
        if (name.endsWith(".gif")) {
            Files.createDirectories(parent);
            return new AnimatedGif(target, fps);
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IllegalArgumentException(target + " is a file: record to a .mp4, a .gif or a folder");
        }
        Files.createDirectories(target);
        return new PngSequence(target);
    }
}
