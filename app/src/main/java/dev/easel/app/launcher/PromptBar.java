package dev.easel.app.launcher;

import dev.easel.app.runs.ConsoleLines;
import dev.easel.app.runs.PromptLink;
import dev.easel.app.runs.SketchRun;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The console's live prompt: a line typed here runs in the canvas chosen beside it (by default the
 * sketch's first running canvas, {@link CanvasChooser}), between its
 * frames, on its canvas thread ({@code self} is the canvas); {@code ...} asks for more lines of
 * a block; Up/Down walk the history; Tab completes from Python, computed on that thread. The FX
 * thread only sends and shows: an answer comes whenever the canvas gets to it, and a note says so
 * when that takes more than {@link #PATIENCE_MS} (a busy {@code on_draw}), so the UI never waits.
 */
final class PromptBar extends HBox {
    static final long PATIENCE_MS = 2000;

    private final Supplier<SketchRun> run;
    private final Label prompt = new Label(">>>");
    private final CanvasChooser chooser;
    private final TextField input = new TextField();
    private final List<String> history = new ArrayList<>();
    private int historyAt;
    private String pending = "";
    private final java.util.ArrayDeque<String> queued = new java.util.ArrayDeque<>();
    private boolean waiting;

    PromptBar(Supplier<SketchRun> run) {
        super(6);
        this.run = run;
        prompt.setStyle("-fx-font-family: monospace;");
        input.setStyle("-fx-font-family: monospace;");
        input.setPromptText("Python, in the running canvas (self is the canvas); Tab completes");
        input.setId("console-prompt");
        HBox.setHgrow(input, Priority.ALWAYS);
        chooser = new CanvasChooser(run);
        getChildren().addAll(chooser, prompt, input);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 6, 6, 6));
        input.setOnAction(e -> submit());
        input.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB) {
                complete();
                e.consume();
            } else if (e.getCode() == KeyCode.UP) {
                walk(-1);
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                walk(1);
                e.consume();
            }
        });
    }

    private ConsoleLines lines() {
        return run.get().lines();
    }

    /** Enter: the line joins the queue; lines are sent one at a time, each after the last one's answer. */
    private void submit() {
        queued.add(input.getText());
        input.clear();
        if (!waiting) {
            next();
        }
    }

    private void next() {
        String line = queued.poll();
        if (line == null) {
            return;
        }
        SketchRun r = run.get();
        PromptLink link = r.prompt();
        lines().add(ConsoleLines.Stream.INFO, (pending.isEmpty() ? ">>> " : "... ") + line);
        if (!line.isBlank()) {
            history.add(line);
        }
        historyAt = history.size();
        if (link == null || !r.isRunning()) {
            lines().add(ConsoleLines.Stream.INFO, "the sketch is not running: no prompt");
            queued.clear();
            return;
        }
        String source = pending + line;
        waiting = true;
        CompletableFuture<PromptLink.Answer> answer = link.send("run", source);
        patience(answer);
        answer.whenComplete((a, failed) -> Platform.runLater(() -> {
            if (failed != null) {
                lines().add(ConsoleLines.Stream.ERR, "prompt: " + failed.getMessage());
                pending = "";
            } else if (a.status().equals("more")) {
                pending = source + "\n";
            } else {
                pending = "";
                show(a.text(), a.status().equals("error") ? ConsoleLines.Stream.ERR : ConsoleLines.Stream.OUT);
            }
            prompt.setText(pending.isEmpty() ? ">>>" : "...");
            waiting = false;
            next();
        }));
    }

    private void patience(CompletableFuture<?> answer) {
        CompletableFuture.delayedExecutor(PATIENCE_MS, TimeUnit.MILLISECONDS).execute(() -> {
            if (!answer.isDone()) {
                lines().add(ConsoleLines.Stream.INFO, "(the canvas is busy: the answer will show when its frame ends)");
            }
        });
    }

    private void show(String text, ConsoleLines.Stream stream) {
        if (text.isEmpty()) {
            return;
        }
        for (String l : text.stripTrailing().split("\n", -1)) {
            lines().add(stream, l);
        }
    }

    private void complete() {
        SketchRun r = run.get();
        if (r.prompt() == null || !r.isRunning()) {
            return;
        }
        int caret = input.getCaretPosition();
        String before = input.getText().substring(0, caret);
        r.prompt().send("complete", before).whenComplete((a, failed) -> Platform.runLater(() -> {
            if (failed != null || !a.status().equals("completions") || !input.getText().startsWith(before)) {
                return; // gone, or the user typed on meanwhile
            }
            String[] parts = a.text().split("\n", -1);
            String token = parts[0];
            List<String> found = parts.length > 1 && !parts[1].isEmpty() ? List.of(parts).subList(1, parts.length) : List.of();
            if (found.isEmpty()) {
                return;
            }
            String insert = commonPrefix(found);
            if (insert.length() > token.length()) {
                String rest = input.getText().substring(caret);
                input.setText(before.substring(0, before.length() - token.length()) + insert + rest);
                input.positionCaret(caret + insert.length() - token.length());
            }
            if (found.size() > 1) {
                lines().add(ConsoleLines.Stream.INFO, String.join("  ", found.size() > 60 ? found.subList(0, 60) : found)
                        + (found.size() > 60 ? "  … (" + found.size() + ")" : ""));
            }
        }));
    }

    static String commonPrefix(List<String> words) {
        String p = words.getFirst();
        for (String w : words) {
            int i = 0;
            while (i < p.length() && i < w.length() && p.charAt(i) == w.charAt(i)) {
                i++;
            }
            p = p.substring(0, i);
        }
        return p;
    }

    private void walk(int step) {
        if (history.isEmpty()) {
            return;
        }
        historyAt = Math.max(0, Math.min(history.size(), historyAt + step));
        input.setText(historyAt == history.size() ? "" : history.get(historyAt));
        input.positionCaret(input.getText().length());
    }

    TextField input() {
        return input;
    }

    CanvasChooser chooser() {
        return chooser;
    }
}
