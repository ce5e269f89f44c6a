package dev.easel.app.launcher;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The console's rows have a fixed height (so its list measures no cell): the height a cell of its font
 * takes by itself, for plain, bold and italic lines alike, so fixing it changes nothing on screen.
 */
class ConsoleRowTest {
    @Test
    void theFixedRowHeightIsTheHeightACellTakes() throws Exception {
        FxToolkit.start();
        CompletableFuture<List<Double>> heights = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                ListView<String> list = new ListView<>();
                list.setStyle(ConsoleWindow.LIST_STYLE);
                list.getItems().addAll("plain Ag|", "Traceback (most recent call last):", "note");
                list.setCellFactory(v -> new ListCell<>() {
                    @Override
                    protected void updateItem(String item, boolean empty) {
                        super.updateItem(item, empty);
                        setText(empty ? null : item);
                        setStyle(item == null ? "" : item.startsWith("Trace") ? "-fx-font-weight: bold;"
                                : item.equals("note") ? "-fx-font-style: italic;" : "");
                    }
                });
                Stage stage = new Stage();
                stage.setScene(new Scene(list, 400, 200));
                stage.show();
                list.applyCss();
                list.layout();
                List<Double> h = new ArrayList<>();
                for (Node n : list.lookupAll(".list-cell")) {
                    if (n instanceof ListCell<?> c && c.getItem() != null) {
                        h.add(c.getHeight());
                    }
                }
                stage.close();
                h.add(ConsoleWindow.rowHeight()); // last: the fixed height
                heights.complete(h);
            } catch (Throwable t) {
                heights.completeExceptionally(t);
            }
        });
        List<Double> h = new ArrayList<>(heights.get(30, TimeUnit.SECONDS));
        double fixed = h.removeLast();
        assertEquals(3, h.size(), "three cells laid out: " + h);
        for (double each : h) {
            assertEquals(each, fixed, 0.01, "cells " + h + ", fixed " + fixed);
        }
        assertFalse(fixed < 10, "a readable row: " + fixed);
    }
}
