package dev.easel.canvas.host;

import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.pybridge.Attachment;
import dev.easel.pybridge.PyObject;
import dev.easel.pybridge.PythonException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The live prompt: Python statements and completions run <em>in a canvas' interpreter, between
 * its frames, on its canvas thread</em>, with {@code self} the canvas. Callers (the prompt server
 * of {@code easel run}, tests) get futures and wait with a timeout of their own, so a canvas busy
 * in a long {@code on_draw} makes them wait, never the FX thread. Python code here never runs on
 * the caller's thread: completing on another thread is how other embedders' REPLs crashed.
 */
public final class Prompt {
    private Prompt() {}

    /** What one entry gave. */
    public sealed interface Reply permits Done, More, Failed {}

    /** It ran; {@code output} is what it printed and the repr of an expression's value. */
    public record Done(String output) implements Reply {}

    /** Not a complete statement yet (an open block or bracket): more lines are needed. */
    public record More() implements Reply {}

    /** It did not compile or it raised: the traceback (or why it could not run). */
    public record Failed(String traceback) implements Reply {}

    /** Completions of the name or attribute path at the end of the text: the token and its candidates. */
    public record Completions(String token, List<String> candidates) {}

    /** Runs {@code source} in {@code host}'s canvas before its next frame. */
    public static CompletableFuture<Reply> run(CanvasHost host, String source) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        host.betweenFrames((interp, canvas) -> {
            if (canvas == null) {
                reply.complete(new Failed("the canvas has ended\n"));
                return;
            }
            try (Attachment py = interp.attach();
                 PyObject module = py.importModule("easel._prompt");
                 PyObject result = module.callMethod("run", canvas, source)) {
                List<?> r = (List<?>) result.toJava();
                String kind = (String) r.get(0), text = (String) r.get(1);
                reply.complete(switch (kind) {
                    case "more" -> new More();
                    case "ok" -> new Done(text);
                    default -> new Failed(text);
                });
            } catch (PythonException e) {
                reply.complete(new Failed(e.pythonType() + ": " + e.pythonMessage() + "\n"));
            } catch (RuntimeException e) {
                reply.completeExceptionally(e);
                throw e;
            }
        });
        return reply;
    }

    /** Completes the name or attribute path that ends {@code text} (e.g. {@code self.fr}). */
    public static CompletableFuture<Completions> complete(CanvasHost host, String text) {
        CompletableFuture<Completions> reply = new CompletableFuture<>();
        host.betweenFrames((interp, canvas) -> {
            if (canvas == null) {
                reply.completeExceptionally(new IllegalStateException("the canvas has ended"));
                return;
            }
            try (Attachment py = interp.attach();
                 PyObject module = py.importModule("easel._prompt");
                 PyObject result = module.callMethod("complete", canvas, text)) {
                List<?> r = (List<?>) result.toJava();
                List<String> candidates = new ArrayList<>();
                for (Object o : (List<?>) r.get(1)) {
                    candidates.add((String) o);
                }
                reply.complete(new Completions((String) r.get(0), List.copyOf(candidates)));
            } catch (RuntimeException e) {
                reply.completeExceptionally(e);
                if (!(e instanceof PythonException)) {
                    throw e;
                }
            }
        });
        return reply;
    }
}
