package dev.easel.app;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What Record… records into: {@code target} (a {@code .mp4}, a {@code .gif}, or any other name: a
 * folder of numbered PNGs) and whether frames may be skipped to finish at the stop
 * ({@code realTime}; else every frame is kept and the file is finished after the stop).
 */
record RecordChoice(Path target, boolean realTime) {
    /** The kinds of recording Record… offers. */
    enum Format {
        MP4(".mp4"), GIF(".gif"), PNGS("");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** The format a target's name asks for. */
        static Format of(Path target) {
            String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".mp4") ? MP4 : name.endsWith(".gif") ? GIF : PNGS;
        }
    }

    RecordChoice {
        target = target.toAbsolutePath();
    }

    Format format() {
        return Format.of(target);
    }

    /**
     * {@code name} (a file name without its extension, or with any) as a target of {@code format}
     * in {@code folder}: the format's extension put on (a PNG folder's name loses a {@code .png}).
     */
    static Path named(Path folder, String name, Format format) {
        String base = name.replaceFirst("(?i)\\.(mp4|gif|png)$", "");
        return folder.resolve(base + format.extension);
    }
}
