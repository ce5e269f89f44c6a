package dev.easel.app;

import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

import java.io.File;
import java.util.List;

/**
 * Files dragged onto a canvas window: the drag is accepted when it carries files, and a drop
 * hands their absolute paths to {@code dropped} (FX thread; it queues an event, nothing more).
 */
final class FxFileDrops {
    private FxFileDrops() {}

    /** Where dropped files go: their paths and the canvas position of the drop. */
    interface Target {
        void dropped(List<File> files, double x, double y);
    }

    static void wire(Scene scene, Target target) {
        scene.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (hasFiles(e.getDragboard())) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        scene.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            Dragboard d = e.getDragboard();
            boolean ok = hasFiles(d);
            if (ok) {
                target.dropped(d.getFiles(), e.getX(), e.getY());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private static boolean hasFiles(Dragboard d) {
        return d != null && d.hasFiles() && !d.getFiles().isEmpty();
    }
}
