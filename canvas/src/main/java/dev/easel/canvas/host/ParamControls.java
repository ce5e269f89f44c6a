package dev.easel.canvas.host;

import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.InputEvent;
import dev.easel.pybridge.Attachment;
import dev.easel.pybridge.PyObject;
import dev.easel.pybridge.PythonException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a parameter panel (the app's side panel, tests) uses: the parameters a canvas declares with
 * their values now, changes sent to it, presets saved and loaded. Python runs only on the canvas
 * thread, between frames (as for the live prompt); callers get futures and never wait attached, so
 * the FX thread only posts and reads results.
 */
public final class ParamControls {
    private ParamControls() {}

    /**
     * One parameter as the panel shows it.
     *
     * @param name  its attribute name
     * @param kind  {@code slider}, {@code toggle}, {@code choice}, {@code color} or {@code text}
     * @param text  its value now, as {@code --param} writes it ({@code 2.5}, {@code true}, {@code #3080ff})
     * @param extra slider: [min, max, step or null, integer?]; choice: the options; else null
     */
    public record Param(String name, String kind, String text, List<?> extra) {}

    /** The canvas' parameters and their values now (empty when it declares none, or has ended). */
    public static CompletableFuture<List<Param>> describe(CanvasHost host) {
        CompletableFuture<List<Param>> reply = new CompletableFuture<>();
        host.betweenFrames((interp, canvas) -> {
            if (canvas == null) {
                reply.complete(List.of());
                return;
            }
            try (Attachment py = interp.attach();
                 PyObject module = py.importModule("easel._params");
                 PyObject result = module.callMethod("describe", canvas)) {
                List<Param> out = new ArrayList<>();
                for (Object o : (List<?>) result.toJava()) {
                    List<?> p = (List<?>) o;
                    out.add(new Param((String) p.get(0), (String) p.get(1), (String) p.get(2), (List<?>) p.get(3)));
                }
                reply.complete(List.copyOf(out));
            } catch (RuntimeException e) {
                reply.completeExceptionally(e);
                if (!(e instanceof PythonException)) {
                    throw e;
                }
            }
        });
        return reply;
    }

    /** A control changed {@code name} to the value {@code text} stands for: applied before the next frame, with on_param. */
    public static void set(CanvasHost host, String name, String text) {
        host.post(InputEvent.param(name, text));
    }

    /** Writes the values now to {@code file} as JSON (Python's json). Fails with the reason (a Python exception). */
    public static CompletableFuture<Void> savePreset(CanvasHost host, Path file) {
        CompletableFuture<Void> reply = new CompletableFuture<>();
        host.betweenFrames((interp, canvas) -> {
            if (canvas == null) {
                reply.completeExceptionally(new IllegalStateException("the canvas has ended"));
                return;
            }
            try (Attachment py = interp.attach();
                 PyObject module = py.importModule("easel._params")) {
                module.callMethod("save_preset", canvas, file.toAbsolutePath().toString()).close();
                reply.complete(null);
            } catch (RuntimeException e) {
                reply.completeExceptionally(e);
                if (!(e instanceof PythonException)) {
                    throw e;
                }
            }
        });
        return reply;
    }

    /**
     * Reads the preset {@code file} and sends its values as control changes (each calls on_param).
     * Completes with the number of values, or fails with the reason (bad JSON, an unknown name, a bad value).
     */
    public static CompletableFuture<Integer> loadPreset(CanvasHost host, Path file) {
        CompletableFuture<Integer> reply = new CompletableFuture<>();
        host.betweenFrames((interp, canvas) -> {
            if (canvas == null) {
                reply.completeExceptionally(new IllegalStateException("the canvas has ended"));
                return;
            }
            List<?> pairs;
            try (Attachment py = interp.attach();
                 PyObject module = py.importModule("easel._params");
                 PyObject result = module.callMethod("preset_texts", canvas, file.toAbsolutePath().toString())) {
                pairs = (List<?>) result.toJava();
            } catch (RuntimeException e) {
                reply.completeExceptionally(e);
                if (!(e instanceof PythonException)) {
                    throw e;
                }
                return;
            }
            for (Object o : pairs) {
                List<?> p = (List<?>) o;
                set(host, (String) p.get(0), (String) p.get(1));
            }
            reply.complete(pairs.size());
        });
        return reply;
    }

    /** Where a sketch's preset lives: {@code <sketch>.params.json} beside it ({@code waves.py}: {@code waves.params.json}). */
    public static Path presetFile(Path sketch) {
        String name = sketch.getFileName().toString();
        String stem = name.endsWith(".py") ? name.substring(0, name.length() - 3) : name;
        return sketch.toAbsolutePath().resolveSibling(stem + ".params.json");
    }
}
