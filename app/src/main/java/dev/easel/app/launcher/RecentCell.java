package dev.easel.app.launcher;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A recent file in the launcher's list: its name, and under it its folder in smaller grey text
 * (the home folder as {@code ~}, shortened in the middle when it does not fit, so both ends of a
 * long path stay readable), the whole path as a tooltip; a double click opens it.
 */
final class RecentCell extends ListCell<Path> {
    private final Label name = new Label();
    private final Label folder = new Label();
    private final VBox box = new VBox(1, name, folder);
    private final Consumer<Path> open;

    RecentCell(Consumer<Path> open) {
        this.open = open;
        name.setStyle("-fx-font-weight: bold;");
        folder.setStyle("-fx-font-size: 0.85em; -fx-opacity: 0.65;");
        name.setTextOverrun(OverrunStyle.ELLIPSIS);
        folder.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        // The list's width, not the text's: without it a long path widens the cells (a scroll bar)
        // instead of being shortened. The cell asks for no width; the list gives it its own.
        setPrefWidth(0);
        box.setMinWidth(0);
        box.prefWidthProperty().bind(widthProperty().subtract(snappedLeftInset() + snappedRightInset() + 4));
        setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(Path p, boolean empty) {
        super.updateItem(p, empty);
        setText(null);
        if (empty || p == null) {
            setGraphic(null);
            setTooltip(null);
            setOnMouseClicked(null);
            return;
        }
        name.setText(p.getFileName().toString());
        folder.setText(HomePaths.shown(p.getParent()));
        setGraphic(box);
        setTooltip(new Tooltip(p.toString()));
        setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                open.accept(p);
            }
        });
    }
}
