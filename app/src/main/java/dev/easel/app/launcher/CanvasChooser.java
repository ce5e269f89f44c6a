package dev.easel.app.launcher;

import dev.easel.app.runs.PromptLink;
import dev.easel.app.runs.SketchRun;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Which canvas of the run the prompt and the Sketch menu talk to: "first running" (the default),
 * or one of the canvases the run lists when the box opens ({@code canvases} over the prompt
 * socket), chosen by number ({@code target}). The list is asked for, never waited for.
 */
final class CanvasChooser extends ComboBox<String> {
    static final String FIRST = "first running canvas";

    private final Supplier<SketchRun> run;
    private boolean filling;

    CanvasChooser(Supplier<SketchRun> run) {
        this.run = run;
        setId("console-canvas");
        getItems().add(FIRST);
        getSelectionModel().selectFirst();
        setOnShowing(e -> refresh());
        getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            if (!filling && now.intValue() >= 0) {
                choose(now.intValue() - 1); // item 0 is FIRST: canvas -1
            }
        });
    }

    /** Asks the run for its canvases and lists them (FX thread; the answer comes later). */
    void refresh() {
        PromptLink link = run.get().prompt();
        if (link == null || !run.get().isRunning()) {
            return;
        }
        link.send("canvases", "").thenAccept(a -> {
            List<String> items = new ArrayList<>(List.of(FIRST));
            for (String line : a.text().split("\n")) {
                String[] f = line.split("\t", 4);
                if (f.length == 4) {
                    items.add("#" + f[0] + " " + f[2] + (f[3].isBlank() || f[3].equals(f[2]) ? "" : " “" + f[3] + "”")
                            + (f[1].equals("running") ? "" : " (ended)"));
                }
            }
            Platform.runLater(() -> {
                int chosen = getSelectionModel().getSelectedIndex();
                filling = true;
                getItems().setAll(items);
                getSelectionModel().select(chosen >= 0 && chosen < items.size() ? chosen : 0);
                filling = false;
            });
        });
    }

    /** Back to the first running canvas, for a new run (Run again). FX thread. */
    void reset() {
        filling = true;
        getItems().setAll(FIRST);
        getSelectionModel().selectFirst();
        filling = false;
    }

    private void choose(int canvas) {
        PromptLink link = run.get().prompt();
        if (link != null) {
            link.send("target", String.valueOf(canvas));
        }
    }
}
