package dev.easel.app;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Asks where and how to record (Record…). The window's default is {@link #FILE_CHOOSER}; tests
 * answer with one of their own, since the headless platform has no native dialogs.
 */
@FunctionalInterface
interface RecordDialog {
    /** FX thread: the user's choice, starting from {@code suggested}; empty when cancelled. */
    Optional<RecordChoice> ask(Window owner, RecordChoice suggested);

    /** The filters offered, in order; {@link #choice} reads the one chosen back. */
    List<FileChooser.ExtensionFilter> FILTERS = List.of(
            new FileChooser.ExtensionFilter("MP4 video, every frame (*.mp4)", "*.mp4"),
            new FileChooser.ExtensionFilter("MP4 video, real time: skips frames the encoder cannot keep up with (*.mp4)",
                    "*.mp4"),
            new FileChooser.ExtensionFilter("Animated GIF (*.gif)", "*.gif"),
            new FileChooser.ExtensionFilter("PNG sequence: a new folder of this name (*)", "*"));

    /** The filter that starts selected for {@code c}. */
    static int filterFor(RecordChoice c) {
        return switch (c.format()) {
            case MP4 -> c.realTime() ? 1 : 0;
            case GIF -> 2;
            case PNGS -> 3;
        };
    }

    /** The choice a file picked with filter {@code filter} (an index of {@link #FILTERS}) makes. */
    static RecordChoice choice(Path picked, int filter) {
        RecordChoice.Format f = switch (filter) {
            case 2 -> RecordChoice.Format.GIF;
            case 3 -> RecordChoice.Format.PNGS;
            default -> RecordChoice.Format.MP4;
        };
        Path folder = picked.toAbsolutePath().getParent();
        return new RecordChoice(RecordChoice.named(folder, picked.getFileName().toString(), f), filter == 1);
    }

    /** JavaFX's save dialog with a filter per kind of recording. */
    RecordDialog FILE_CHOOSER = (owner, suggested) -> {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Record");
        chooser.getExtensionFilters().setAll(FILTERS);
        chooser.setSelectedExtensionFilter(FILTERS.get(filterFor(suggested)));
        Path folder = suggested.target().getParent();
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        chooser.setInitialFileName(suggested.target().getFileName().toString());
        File f = chooser.showSaveDialog(owner);
        if (f == null) {
            return Optional.empty();
        }
        int filter = Math.max(0, FILTERS.indexOf(chooser.getSelectedExtensionFilter()));
        return Optional.of(choice(f.toPath(), filter));
    };
}
