package dev.easel.app;

import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.ParamControls;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameter panel of a canvas window (F2): a control per {@code easel.Slider}, {@code Toggle},
 * {@code Choice}, {@code ColorPick} and {@code Text} of the canvas, in a small window of its own
 * placed beside the canvas window (never over the canvas: the picture, snapshots and recordings
 * never contain it), shown by itself when the canvas declares parameters.
 *
 * <p>FX thread only. A control's change is posted to the canvas ({@link ParamControls#set}), which
 * applies it before its next frame; the values shown are read back from the canvas thread four
 * times a second while the panel shows, so a value the sketch assigns moves its control. No Python
 * runs here.
 */
final class FxParamPanel {
    private static final Duration POLL = Duration.millis(250);

    private final CanvasHost host;
    private final Stage owner;
    private final Path preset;
    private Stage stage;
    private final Map<String, Control> controls = new LinkedHashMap<>();
    /** Made with the panel: a canvas without parameters makes no Control (the first loads JavaFX's stylesheet). */
    private Label status;
    private final Timeline poll;
    /** A value set from the canvas' report, not by the user: not sent back. */
    private boolean updating;
    private boolean disposed;
    /** Whether the user hid it (F2): values keep being read only while shown. */
    private boolean wanted = true;
    /** The canvas's reload count when the parameters were last asked for. */
    private long reloadsSeen;
    /** The parameters the controls were made for: names, kinds and ranges (not values). */
    private List<String> built = List.of();

    /** One control: shows a value given as text, and whether the user is holding it (a slider dragged, a field typed in). */
    private interface Control {
        void show(String text);

        boolean busy();
    }

    FxParamPanel(CanvasHost host, Stage owner, Path sketch) {
        this.host = host;
        this.owner = owner;
        this.preset = sketch == null ? null : ParamControls.presetFile(sketch);
        this.poll = new Timeline(new KeyFrame(POLL, e -> tick()));
        poll.setCycleCount(Timeline.INDEFINITE);
        reloadsSeen = host.reloads();
        refresh(); // the first answer says whether there are parameters at all
        poll.play();
    }

    /**
     * Four times a second: the values while the panel shows; and after a reload or restart (a
     * counter, no Python) the parameters again, which a new version of the class may have changed.
     */
    private void tick() {
        long r = host.reloads();
        if (showing() || r != reloadsSeen) {
            reloadsSeen = r;
            refresh();
        }
    }

    /** Whether the panel is shown. */
    boolean showing() {
        return stage != null && stage.isShowing();
    }

    /** F2: hides or shows it (a canvas without parameters has none to show). */
    void toggle() {
        wanted = !showing();
        if (wanted) {
            refresh();
        } else if (stage != null) {
            stage.hide();
        }
    }

    /** The control for {@code name}'s node (tests drive it as a user would). */
    Node control(String name) {
        Control c = controls.get(name);
        return c instanceof NodeControl n ? n.node() : null;
    }

    private Label statusLine() {
        if (status == null) {
            status = new Label();
        }
        return status;
    }

    /** The status line (the last preset saved or loaded, or why not). */
    String status() {
        return status == null ? "" : status.getText();
    }

    void dispose() {
        disposed = true;
        poll.stop();
        if (stage != null) {
            stage.close();
        }
    }

    private void refresh() {
        ParamControls.describe(host).whenComplete((params, error) -> Platform.runLater(() -> {
            if (disposed || error != null) {
                return;
            }
            List<String> shape = params.stream().map(p -> p.name() + " " + p.kind() + " " + p.extra()).toList();
            if (!params.isEmpty() && !shape.equals(built)) {
                build(params); // the first time, or a reload changed the parameters: new controls
                built = shape;
            }
            if (stage == null) {
                return;
            }
            if (params.isEmpty()) {
                built = List.of();
                stage.hide(); // a reload took every parameter away
                return;
            }
            updating = true;
            try {
                for (ParamControls.Param p : params) {
                    Control c = controls.get(p.name());
                    if (c != null && !c.busy()) {
                        c.show(p.text());
                    }
                }
            } finally {
                updating = false;
            }
            if (wanted && !stage.isShowing()) {
                stage.show();
                placeBesideOwner();
                if (owner != null) {
                    owner.requestFocus(); // keys stay the sketch's: the panel is clicked when wanted
                }
            }
        }));
    }

    private void placeBesideOwner() {
        if (owner != null && owner.isShowing() && !Double.isNaN(owner.getX())) {
            // Right of the window, kept on its screen (a window off every screen is lost to the user,
            // and JavaFX's headless platform fails to blit one).
            var screens = javafx.stage.Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(),
                    owner.getHeight());
            var b = (screens.isEmpty() ? javafx.stage.Screen.getPrimary() : screens.getFirst()).getVisualBounds();
            double x = Math.min(owner.getX() + owner.getWidth() + 4, b.getMaxX() - stage.getWidth());
            double y = Math.min(owner.getY(), b.getMaxY() - stage.getHeight());
            stage.setX(Math.max(b.getMinX(), x));
            stage.setY(Math.max(b.getMinY(), y));
        }
    }

    /** Makes a control per parameter, in the panel's window (made the first time). */
    private void build(List<ParamControls.Param> params) {
        controls.clear();
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        for (ParamControls.Param p : params) {
            NodeControl c = switch (p.kind()) {
                case "slider" -> slider(p);
                case "toggle" -> toggle(p);
                case "choice" -> choice(p);
                case "color" -> color(p);
                default -> text(p);
            };
            controls.put(p.name(), c);
            grid.addRow(row++, new Label(p.name()), c.node());
        }
        Button save = new Button("Save preset…");
        save.setOnAction(e -> choosePreset(true));
        Button load = new Button("Load preset…");
        load.setOnAction(e -> choosePreset(false));
        save.setDisable(preset == null);
        load.setDisable(preset == null);
        VBox box = new VBox(10, grid, new HBox(8, save, load), statusLine());
        box.setPadding(new Insets(10));
        if (stage == null) {
            stage = new Stage(StageStyle.UTILITY);
            if (owner != null) {
                stage.initOwner(owner);
            }
            stage.setOnCloseRequest(e -> wanted = false);
        }
        stage.setTitle("Parameters: " + host.settings().title());
        stage.setScene(new Scene(box));
        stage.sizeToScene();
    }

    /** "Save preset…"/"Load preset…": a file chooser that starts at {@code <sketch>.params.json}. */
    private void choosePreset(boolean save) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(save ? "Save parameter preset" : "Load parameter preset");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Presets (*.json)", "*.json"));
        chooser.setInitialDirectory(preset.toAbsolutePath().getParent().toFile());
        chooser.setInitialFileName(preset.getFileName().toString());
        java.io.File f = save ? chooser.showSaveDialog(stage) : chooser.showOpenDialog(stage);
        if (f != null) {
            if (save) {
                savePreset(f.toPath());
            } else {
                loadPreset(f.toPath());
            }
        }
    }

    /** FX thread: the values now, to {@code <sketch>.params.json}. */
    void savePreset() {
        savePreset(preset);
    }

    /** FX thread: the values now, to {@code file} (JSON). */
    void savePreset(Path file) {
        statusLine().setText("saving…");
        ParamControls.savePreset(host, file).whenComplete((v, error) -> Platform.runLater(() ->
                statusLine().setText(error == null ? "saved " + file.getFileName() : "not saved: " + reason(error))));
    }

    /** FX thread: the values of {@code <sketch>.params.json}, each as a control change. */
    void loadPreset() {
        loadPreset(preset);
    }

    /** FX thread: the values of the preset {@code file}, each as a control change (on_param runs). */
    void loadPreset(Path file) {
        statusLine().setText("loading…");
        ParamControls.loadPreset(host, file).whenComplete((n, error) -> Platform.runLater(() -> {
            statusLine().setText(error == null ? "loaded " + file.getFileName() : "not loaded: " + reason(error));
            refresh();
        }));
    }

    private static String reason(Throwable t) {
        Throwable c = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
        return c instanceof dev.easel.pybridge.PythonException pe ? pe.pythonMessage() : String.valueOf(c.getMessage());
    }

    private void send(String name, String text) {
        if (!updating) {
            ParamControls.set(host, name, text);
        }
    }

    private interface NodeControl extends Control {
        Node node();
    }

    private NodeControl slider(ParamControls.Param p) {
        List<?> x = p.extra();
        double min = ((Number) x.get(0)).doubleValue(), max = ((Number) x.get(1)).doubleValue();
        boolean integer = Boolean.TRUE.equals(x.get(3));
        Slider s = new Slider(min, max, Double.parseDouble(p.text()));
        if (x.get(2) instanceof Number step) {
            s.setBlockIncrement(step.doubleValue());
        }
        s.setPrefWidth(180);
        Label value = new Label(p.text());
        value.setMinWidth(50);
        s.valueProperty().addListener((o, was, is) -> {
            String text = integer ? Long.toString(Math.round(is.doubleValue()))
                    : String.format(Locale.ROOT, "%s", is.doubleValue());
            if (!updating) {
                value.setText(text);
            }
            send(p.name(), text);
        });
        HBox node = new HBox(6, s, value);
        return new NodeControl() {
            public void show(String text) {
                s.setValue(Double.parseDouble(text));
                value.setText(text);
            }

            public boolean busy() {
                return s.isValueChanging();
            }

            public Node node() {
                return node;
            }
        };
    }

    private NodeControl toggle(ParamControls.Param p) {
        CheckBox c = new CheckBox();
        c.setSelected(Boolean.parseBoolean(p.text()));
        c.selectedProperty().addListener((o, was, is) -> send(p.name(), is ? "true" : "false"));
        return simple(c, t -> c.setSelected(Boolean.parseBoolean(t)), () -> false);
    }

    private NodeControl choice(ParamControls.Param p) {
        ChoiceBox<String> c = new ChoiceBox<>();
        for (Object o : p.extra()) {
            c.getItems().add((String) o);
        }
        c.setValue(p.text());
        c.valueProperty().addListener((o, was, is) -> {
            if (is != null) {
                send(p.name(), is);
            }
        });
        return simple(c, c::setValue, c::isShowing);
    }

    private NodeControl color(ParamControls.Param p) {
        ColorPicker c = new ColorPicker(Color.web(p.text()));
        c.valueProperty().addListener((o, was, is) -> send(p.name(), hex(is)));
        return simple(c, t -> c.setValue(Color.web(t)), c::isShowing);
    }

    private NodeControl text(ParamControls.Param p) {
        TextField f = new TextField(p.text());
        f.textProperty().addListener((o, was, is) -> send(p.name(), is));
        return simple(f, t -> {
            if (!t.equals(f.getText())) {
                f.setText(t);
            }
        }, f::isFocused);
    }

    private static NodeControl simple(Node node, java.util.function.Consumer<String> show,
                                      java.util.function.BooleanSupplier busy) {
        return new NodeControl() {
            public void show(String text) {
                show.accept(text);
            }

            public boolean busy() {
                return busy.getAsBoolean();
            }

            public Node node() {
                return node;
            }
        };
    }

    /** {@code #rrggbb}, or {@code #rrggbbaa} when not opaque (as {@code easel.Color.hex()}). */
    static String hex(Color c) {
        String s = String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
        return c.getOpacity() >= 1.0 ? s : s + String.format(Locale.ROOT, "%02x", Math.round(c.getOpacity() * 255));
    }
}
