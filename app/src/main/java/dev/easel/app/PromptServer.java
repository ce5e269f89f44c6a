package dev.easel.app;

import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.Prompt;
import dev.easel.canvas.host.Session;
import dev.easel.app.runs.PromptWire;
import dev.easel.app.runs.WindowAction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.concurrent.locks.LockSupport;

/**
 * The run's end of the launcher's live prompt: with {@code EASEL_PROMPT=port:token} set (by the
 * launcher), connects to the console's loopback socket and answers its requests, one line each
 * way: {@code id TAB run|complete TAB base64(text)} in, {@code id TAB ok|more|error|completions TAB
 * base64(payload)} out. Requests go to the chosen canvas ({@code target}, by number in
 * {@code canvases}; else the first one still running), on its own thread between frames
 * ({@link Prompt}); this thread only reads and writes the socket. {@code action} does a
 * {@link WindowAction} to the chosen canvas's window (the console's Sketch menu).
 */
final class PromptServer {
    private PromptServer() {}

    /** Starts the server thread when the launcher asked for one; does nothing otherwise. */
    static void startIfWanted(Session session, String spec, BiPredicate<CanvasHost, WindowAction> windows) {
        if (spec == null || spec.isBlank()) {
            return;
        }
        String[] pt = spec.split(":", 2);
        int port;
        try {
            port = Integer.parseInt(pt[0]);
        } catch (NumberFormatException e) {
            System.err.println("easel: ignoring EASEL_PROMPT (not port:token)");
            return;
        }
        String token = pt.length > 1 ? pt[1] : "";
        Thread.ofPlatform().daemon(true).name("easel-prompt").start(() -> serve(session, port, token, windows));
    }

    private static void serve(Session session, int port, String token, BiPredicate<CanvasHost, WindowAction> windows) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
             BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
             Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8)) {
            out.write(token + "\n");
            out.flush();
            int target = -1; // the canvas chosen in the console, by its number in `canvases`; -1: the first running
            for (String line; (line = in.readLine()) != null; ) {
                PromptWire request = PromptWire.parse(line);
                if (request == null) {
                    continue;
                }
                long id = request.id();
                String text = request.text();
                if (request.word().equals("canvases")) {
                    reply(out, id, "ok", canvases(session));
                    continue;
                }
                if (request.word().equals("target")) {
                    try {
                        target = Integer.parseInt(text.strip());
                        reply(out, id, "ok", "");
                    } catch (NumberFormatException e) {
                        reply(out, id, "error", "not a canvas number: " + text + "\n");
                    }
                    continue;
                }
                CanvasHost host = chosen(session, target);
                if (host == null) {
                    reply(out, id, "error", "no canvas is running\n");
                    continue;
                }
                if (request.word().equals("action")) {
                    var action = WindowAction.named(text.strip());
                    if (action.isEmpty()) {
                        reply(out, id, "error", "no such window action: " + text + "\n");
                    } else if (!windows.test(host, action.get())) {
                        reply(out, id, "error", "the canvas has no window (headless run)\n");
                    } else {
                        reply(out, id, "ok", "");
                    }
                    continue;
                }
                // Answered from the canvas thread when it gets there; the next request is read meanwhile.
                if (request.word().equals("complete")) {
                    Prompt.complete(host, text).whenComplete((c, t) -> reply(out, id, "completions",
                            t != null ? "" : c.token() + "\n" + String.join("\n", c.candidates())));
                } else {
                    Prompt.run(host, text).whenComplete((r, t) -> {
                        switch (r) {
                            case null -> reply(out, id, "error", t + "\n");
                            case Prompt.Done d -> reply(out, id, "ok", d.output());
                            case Prompt.More m -> reply(out, id, "more", "");
                            case Prompt.Failed x -> reply(out, id, "error", x.traceback());
                        }
                    });
                }
            }
        } catch (IOException gone) {
            // The launcher closed the console: no prompt any more.
        }
    }

    /** The canvases of the run so far, one line each: number, running or ended, class and title. */
    private static String canvases(Session session) {
        StringBuilder b = new StringBuilder();
        List<CanvasHost> all = session.canvases();
        for (int i = 0; i < all.size(); i++) {
            CanvasHost h = all.get(i);
            b.append(i).append('\t').append(h.ended().isDone() ? "ended" : "running").append('\t')
                    .append(h.spec().className()).append('\t').append(h.settings().title()).append('\n');
        }
        return b.toString();
    }

    /** The canvas numbered {@code target} while it runs; else the first one still running. */
    private static CanvasHost chosen(Session session, int target) {
        List<CanvasHost> all = session.canvases();
        if (target >= 0 && target < all.size() && !all.get(target).ended().isDone()) {
            return all.get(target);
        }
        return firstRunning(session);
    }

    /**
     * The first canvas still running; while the sketch is starting (a request typed at once), waits
     * for one to appear, up to 30 s. Requests are read in order on this thread, so they keep their order.
     */
    private static CanvasHost firstRunning(Session session) {
        long end = System.nanoTime() + 30_000_000_000L;
        while (true) {
            List<CanvasHost> all = session.canvases();
            for (CanvasHost h : all) {
                if (!h.ended().isDone()) {
                    return h;
                }
            }
            if (!all.isEmpty() || System.nanoTime() > end || session.isClosing()) {
                return null; // every canvas has ended, or none came
            }
            LockSupport.parkNanos(20_000_000L);
        }
    }

    private static void reply(Writer out, long id, String status, String payload) {
        synchronized (out) {
            try {
                out.write(new PromptWire(id, status, payload).line() + "\n");
                out.flush();
            } catch (IOException gone) {
                // The console went away.
            }
        }
    }
}
