package dev.easel.app.launcher;

import dev.easel.app.runs.ConsoleLines;
import dev.easel.app.runs.ConsoleLines.Line;
import dev.easel.app.runs.SketchRun;
import dev.easel.app.runs.SystemEditor;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The console of one run: its output live, line by line, stderr and tracebacks shown apart,
 * frame lines as links that open the file at the line; Clear, Copy, Find; Stop and Run again.
 * Lines arrive on other threads into {@link ConsoleLines}; once per pulse the FX thread takes
 * what came and adds it in one change, keeping at most {@link #MAX_SHOWN} lines, so a sketch
 * printing thousands of lines a second never stalls the UI.
 */
public final class ConsoleWindow {
    /** Lines kept on screen; older ones go. */
    public static final int MAX_SHOWN = 20_000;

    private final Stage stage = new Stage();
    private final RingObservableList<Line> items = new RingObservableList<>(MAX_SHOWN);
    private final ListView<Line> list = new ListView<>(items);
    private final Label status = new Label();
    private final TextField find = new TextField();
    private final Consumer<ConsoleWindow> runAgain;
    private final PromptBar promptBar;
    private SketchRun run;
    private long pulses;
    private long linesShown;

    private final AnimationTimer pump = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse();
        }
    };

    /** A console for {@code run}; {@code runAgain} starts the sketch again into this console. FX thread. */
    public ConsoleWindow(SketchRun run, Consumer<ConsoleWindow> runAgain) {
        this.run = run;
        this.runAgain = runAgain;
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new LineCell());
        list.setStyle(LIST_STYLE);
        // Every line is one row of one font: with a fixed height the list measures no cell. Measured, its
        // layout (each new line's text laid out to estimate the list's height, again on every scroll to
        // the end) took the FX thread past two pulse periods while a flood of output began.
        list.setFixedCellSize(rowHeight());
        list.setId("console-lines");

        Button stop = button("Stop", "console-stop", () -> this.run.stop());
        Button again = button("Run again", "console-again", () -> {
            this.run.stop();
            runAgain.accept(this);
        });
        Button clear = button("Clear", "console-clear", items::clear);
        Button copy = button("Copy", "console-copy", this::copy);
        find.setPromptText("Find (Enter: next)");
        find.setId("console-find");
        find.setOnAction(e -> findNext());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        status.setId("console-status");
        HBox bar = new HBox(8, stop, again, clear, copy, find, grow, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));
        BorderPane root = new BorderPane(list);
        promptBar = new PromptBar(() -> this.run);
        javafx.scene.control.MenuBar menus = new javafx.scene.control.MenuBar(SketchMenu.create(() -> this.run));
        menus.setUseSystemMenuBar(true); // macOS: the screen's menu bar
        root.setTop(new javafx.scene.layout.VBox(menus, bar));
        root.setBottom(promptBar);
        Scene scene = new Scene(root, 760, 360);
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+F"), find::requestFocus);
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+L"), items::clear);
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+R"), again::fire);
        stage.setScene(scene);
        Looks.apply(stage);
        stage.setOnHidden(e -> {
            pump.stop();
            this.run.stop();
        });
        attach(run);
        pump.start();
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Shows this console's output from now on for {@code next} (Run again). FX thread. */
    public void attach(SketchRun next) {
        this.run = next;
        promptBar.chooser().reset(); // a new run, a new prompt connection: its first canvas
        stage.setTitle(next.script().getFileName() + " — Easel console");
        status.setText("running");
        next.exited().thenAccept(code -> javafx.application.Platform.runLater(() -> {
            if (this.run == next) {
                status.setText(code == 0 ? "ended" : "ended with exit code " + code);
            }
        }));
    }

    /** The console's font size, in pixels. */
    private static final double FONT_PX = 12;

    /** The list's font. */
    static final String LIST_STYLE = "-fx-font-family: monospace; -fx-font-size: " + FONT_PX + "px;";

    /**
     * A row's height: what a cell of the list's font takes (in a monospace family bold and italic lines
     * are as high as plain ones), measured on a cell styled as the list's, outside any window.
     */
    static double rowHeight() {
        ListCell<String> probe = new ListCell<>();
        probe.setText("Ag|");
        probe.setStyle(LIST_STYLE);
        new Scene(new javafx.scene.Group(probe));
        probe.applyCss();
        return probe.prefHeight(-1);
    }

    /** Takes the lines that arrived since the last pulse: one list change, trimmed to {@link #MAX_SHOWN}. */
    private void pulse() {
        pulses++;
        List<Line> batch = run.lines().drain();
        if (batch.isEmpty()) {
            return;
        }
        boolean atEnd = items.isEmpty() || list.getSelectionModel().isEmpty();
        items.append(batch);
        linesShown += batch.size();
        if (atEnd) {
            list.scrollTo(items.size() - 1);
        }
    }

    private void copy() {
        List<Line> chosen = list.getSelectionModel().getSelectedItems();
        StringBuilder b = new StringBuilder();
        for (Line l : chosen.isEmpty() ? items : chosen) {
            b.append(l.text()).append('\n');
        }
        ClipboardContent c = new ClipboardContent();
        c.putString(b.toString());
        Clipboard.getSystemClipboard().setContent(c);
    }

    /** Selects the next line containing the text in the find field (case-insensitive), wrapping around. */
    void findNext() {
        String q = find.getText().toLowerCase(Locale.ROOT);
        if (q.isEmpty() || items.isEmpty()) {
            return;
        }
        int from = list.getSelectionModel().getSelectedIndex();
        for (int k = 1; k <= items.size(); k++) {
            int i = Math.floorMod(from + k, items.size());
            if (items.get(i).text().toLowerCase(Locale.ROOT).contains(q)) {
                list.getSelectionModel().clearAndSelect(i);
                list.scrollTo(i);
                return;
            }
        }
    }

    /** One line: stderr in red, traceback heads bold, frame lines as links. */
    private static final class LineCell extends ListCell<Line> {
        @Override
        protected void updateItem(Line line, boolean empty) {
            super.updateItem(line, empty);
            setOnMouseClicked(null);
            getStyleClass().removeAll("console-link");
            if (empty || line == null) {
                setText(null);
                setStyle("");
                return;
            }
            setText(line.text());
            String style = switch (line.stream()) {
                case OUT -> "";
                case ERR -> "-fx-text-fill: #c0392b;";
                case INFO -> "-fx-text-fill: #7f8c8d; -fx-font-style: italic;";
            };
            switch (Tracebacks.kind(line.text())) {
                case HEAD, EXCEPTION -> style += "-fx-font-weight: bold;";
                case FRAME -> Tracebacks.location(line.text()).ifPresent(loc -> {
                    getStyleClass().add("console-link");
                    setOnMouseClicked(e -> {
                        if (e.getClickCount() == 1) {
                            Thread.ofVirtual().start(() -> {
                                try {
                                    SystemEditor.open(loc.file(), loc.line());
                                } catch (java.io.IOException failed) {
                                    System.err.println("easel: cannot open " + loc.file() + ": " + failed.getMessage());
                                }
                            });
                        }
                    });
                });
                case PLAIN -> { }
            }
            if (getStyleClass().contains("console-link")) {
                style += "-fx-underline: true; -fx-cursor: hand;";
            }
            setStyle(style);
        }
    }

    /** The window. */
    public Stage stage() {
        return stage;
    }

    /** The run shown. */
    public SketchRun run() {
        return run;
    }

    /** The lines on screen (tests). FX thread. */
    public List<Line> shown() {
        return List.copyOf(items);
    }

    /** Pulses seen and lines shown so far (for the console throughput benchmark). FX thread. */
    public long[] counters() {
        return new long[]{pulses, linesShown};
    }
}
