package dev.easel.app.launcher;

import dev.easel.app.runs.ConsoleLines;
import dev.easel.app.runs.Examples;
import dev.easel.app.runs.Examples.Example;
import dev.easel.app.runs.PromptLink;
import dev.easel.app.runs.Settings;
import dev.easel.app.runs.SketchRun;
import dev.easel.app.runs.Templates;
import dev.easel.app.runs.Thumbnails;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code easel} with no script: a gallery of the examples with pictures Easel renders itself,
 * Open…, New sketch…, recent files, drag-and-drop of {@code .py} files, and the Python in use
 * with a way to pick another. Each sketch opened runs as {@code easel run} in its own process,
 * with a {@link ConsoleWindow}. FX thread only.
 */
public final class LauncherWindow {
    /** A Python to offer: what the list shows, and the {@code --python} value (null: Easel's default). */
    public record PythonChoice(String label, String value) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * What the launcher needs from the app.
     *
     * @param examples   the examples folder
     * @param settings   recent files and the Python chosen
     * @param thumbnails renders and caches the examples' pictures
     * @param easel      makes the command line of {@code easel ARGS}
     * @param pythons    the Pythons found (slow: called off the FX thread)
     */
    public record Config(Path examples, Settings settings, Thumbnails thumbnails,
                         Function<List<String>, List<String>> easel, Supplier<List<PythonChoice>> pythons) {}

    private static final double THUMB_W = 200, THUMB_H = 150;

    private final Config config;
    private final Stage stage = new Stage();
    private final ListView<Path> recent = new ListView<>();
    private final ComboBox<PythonChoice> python = new ComboBox<>();
    private final Label status = new Label();
    private final TilePane gallery = new TilePane(12, 12);
    private final List<ConsoleWindow> consoles = new ArrayList<>();

    /** Builds the window (not shown yet). FX thread. */
    public LauncherWindow(Config config) {
        this.config = config;
        stage.setTitle("Easel");

        Label title = new Label("Easel");
        title.setStyle("-fx-font-size: 22px; -fx-font-weight: bold;");
        Button open = new Button("Open…");
        open.setId("launcher-open");
        open.setOnAction(e -> chooseAndOpen());
        Button create = new Button("New sketch…");
        create.setId("launcher-new");
        create.setOnAction(e -> newSketch());
        python.setId("launcher-python");
        python.setPromptText("finding Pythons…");
        python.setOnAction(e -> {
            PythonChoice c = python.getValue();
            if (c != null) {
                config.settings().python(c.value());
                status.setText("Python: " + c.label());
            }
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(10, title, grow, new Label("Python:"), python, open, create);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(10));

        gallery.setPadding(new Insets(10));
        gallery.setPrefColumns(3);
        gallery.setId("launcher-gallery");
        ScrollPane center = new ScrollPane(gallery);
        center.setFitToWidth(true);

        recent.setId("launcher-recent");
        recent.setPrefWidth(240);
        recent.setCellFactory(v -> new RecentCell(this::open));
        Label none = new Label("Sketches you run or open\nare listed here.\n\nDrop a .py file on this\nwindow to run it.");
        none.setId("launcher-recent-empty");
        none.setStyle("-fx-text-fill: #7f8c8d; -fx-text-alignment: center;");
        recent.setPlaceholder(none);
        recent.setOnKeyPressed(e -> {
            Path p = recent.getSelectionModel().getSelectedItem();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && p != null) {
                open(p);
            }
        });
        VBox side = new VBox(6, new Label("Recent (double-click or Enter to run)"), recent);
        VBox.setVgrow(recent, Priority.ALWAYS);
        side.setPadding(new Insets(10));

        status.setId("launcher-status");
        status.setPadding(new Insets(4, 10, 6, 10));
        BorderPane root = new BorderPane(center);
        root.setRight(side);
        root.setBottom(status);

        Scene scene = new Scene(root, 1000, 620);
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && pythonFiles(e.getDragboard().getFiles()).size() > 0) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            List<Path> files = pythonFiles(e.getDragboard().getFiles());
            files.forEach(this::open);
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
        root.setTop(new VBox(menus(), top));
        stage.setScene(scene);
        Looks.apply(stage);
        stage.setOnHidden(e -> List.copyOf(consoles).forEach(c -> c.stage().close()));

        refreshRecent();
        fillGallery();
        loadPythons();
    }

    private MenuBar menus() {
        MenuItem open = item("Open…", "Shortcut+O", this::chooseAndOpen);
        MenuItem create = item("New sketch…", "Shortcut+N", this::newSketch);
        Menu recentMenu = new Menu("Open Recent");
        recentMenu.setOnShowing(e -> recentMenu.getItems().setAll(config.settings().recent().stream()
                .filter(Files::isRegularFile).map(p -> item(p.getFileName() + "  —  " + p.getParent(), null,
                        () -> open(p))).toList()));
        recentMenu.getItems().add(new MenuItem("(none)")); // a menu with no items never shows
        MenuItem quit = item("Quit", "Shortcut+Q", stage::close);
        Menu file = new Menu("File", null, open, create, recentMenu, new SeparatorMenuItem(), quit);
        MenuItem about = item("About Easel", null, () -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION, "Desktop canvases drawn by Python.\n\n"
                    + "Java " + Runtime.version() + ", JavaFX " + System.getProperty("javafx.runtime.version", "?"));
            a.setHeaderText("Easel");
            a.initOwner(stage);
            a.show();
        });
        MenuBar bar = new MenuBar(file, new Menu("Help", null, about));
        bar.setId("launcher-menus");
        return bar;
    }

    private static MenuItem item(String text, String shortcut, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (shortcut != null) {
            m.setAccelerator(KeyCombination.keyCombination(shortcut));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private static List<Path> pythonFiles(List<File> files) {
        return files.stream().map(File::toPath).filter(p -> p.toString().endsWith(".py")).toList();
    }

    private void fillGallery() {
        List<Example> examples;
        try {
            examples = Examples.in(config.examples());
        } catch (IOException e) {
            status.setText("cannot read the examples: " + e.getMessage());
            return;
        }
        for (Example ex : examples) {
            gallery.getChildren().add(card(ex));
        }
    }

    private VBox card(Example ex) {
        Label wait = new Label("rendering…");
        StackPane picture = new StackPane(wait);
        picture.setPrefSize(THUMB_W, THUMB_H);
        picture.setMinSize(THUMB_W, THUMB_H);
        picture.setStyle("-fx-background-color: #2b2b33; -fx-background-radius: 6;");
        wait.setStyle("-fx-text-fill: #aaaaaa;");
        Label name = new Label(ex.name());
        name.setStyle("-fx-font-weight: bold;");
        Label summary = new Label(ex.summary());
        summary.setWrapText(true);
        summary.setMaxWidth(THUMB_W);
        VBox card = new VBox(4, picture, name, summary);
        card.setId("example-" + idOf(ex));
        card.setPadding(new Insets(6));
        card.setStyle("-fx-cursor: hand;");
        card.setOnMouseClicked(e -> open(ex.file()));
        config.thumbnails().of(ex.file()).whenComplete((png, failed) -> Platform.runLater(() -> {
            if (failed != null) {
                wait.setText("no picture");
                return;
            }
            ImageView view = new ImageView(new Image(png.toUri().toString(), THUMB_W, THUMB_H, true, true));
            view.setId("thumbnail-" + idOf(ex));
            picture.getChildren().setAll(view);
        }));
        return card;
    }

    /** A CSS-safe id for an example's nodes: {@code two_canvases.py} gives {@code two_canvases}. */
    static String idOf(Example ex) {
        return ex.file().getFileName().toString().replaceFirst("\\.py$", "").replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private void loadPythons() {
        CompletableFuture.supplyAsync(config.pythons()).whenComplete((list, failed) -> Platform.runLater(() -> {
            if (failed != null || list.isEmpty()) {
                python.setPromptText("no Python found");
                status.setText("no Python found: see easel doctor");
                return;
            }
            python.getItems().setAll(list);
            String chosen = config.settings().python();
            PythonChoice pick = list.stream().filter(c -> chosen != null && chosen.equals(c.value())).findFirst()
                    .orElse(list.getFirst());
            python.setValue(pick);
            status.setText("Python: " + pick.label());
        }));
    }

    private void refreshRecent() {
        recent.getItems().setAll(config.settings().recent().stream().filter(Files::isRegularFile).toList());
    }

    private void chooseAndOpen() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a sketch");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Python sketches", "*.py"));
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            open(f.toPath());
        }
    }

    private void newSketch() {
        FileChooser fc = new FileChooser();
        fc.setTitle("New sketch: choose its folder and name");
        fc.setInitialFileName("sketch.py");
        File f = fc.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        try {
            Path made = Templates.create(f.toPath());
            open(made);
        } catch (IOException e) {
            new Alert(Alert.AlertType.ERROR, "Cannot write " + f + ": " + e.getMessage()).showAndWait();
        }
    }

    /** Runs {@code script} as {@code easel run} with the Python chosen, in a new console. FX thread. */
    public ConsoleWindow open(Path script) {
        config.settings().opened(script);
        refreshRecent();
        ConsoleWindow console;
        try {
            console = new ConsoleWindow(start(script), c -> {
                try {
                    c.attach(start(c.run().script()));
                } catch (IOException e) {
                    c.run().lines().add(ConsoleLines.Stream.INFO, "cannot start: " + e.getMessage());
                }
            });
        } catch (IOException e) {
            new Alert(Alert.AlertType.ERROR, "Cannot run " + script + ": " + e.getMessage()).show();
            return null;
        }
        consoles.add(console);
        console.stage().setOnHiding(e -> consoles.remove(console));
        console.stage().show();
        return console;
    }

    private SketchRun start(Path script) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", script.toAbsolutePath().toString()));
        PythonChoice p = python.getValue();
        if (p != null && p.value() != null) {
            args.add("--python");
            args.add(p.value());
        }
        return SketchRun.start(script, config.easel().apply(args), new ConsoleLines(100_000), new PromptLink());
    }

    /** Shows the window. FX thread. */
    public void show() {
        stage.show();
    }

    /** The window. */
    public Stage stage() {
        return stage;
    }

    /** Consoles open now. FX thread. */
    public List<ConsoleWindow> consoles() {
        return List.copyOf(consoles);
    }
}
