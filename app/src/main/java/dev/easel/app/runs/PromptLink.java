package dev.easel.app.runs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The console's end of the live prompt: a loopback socket the run connects to (told by
 * {@code EASEL_PROMPT=port:token} in its environment; a wrong token is refused). Requests are sent
 * from any thread and answered by futures that complete when the run's canvas has run them
 * between frames; nobody waits here, callers put their own timeout on the futures.
 */
public final class PromptLink implements AutoCloseable {
    /** An answer: {@code ok}, {@code more}, {@code error} or {@code completions}, and its text. */
    public record Answer(String status, String text) {}

    private final ServerSocket server;
    private final String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private final Map<Long, CompletableFuture<Answer>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<Writer> connected = new CompletableFuture<>();

    /** Opens the socket and waits (on a thread of its own, up to 2 minutes) for the run to connect. */
    public PromptLink() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setSoTimeout(120_000);
        Thread.ofPlatform().daemon(true).name("easel-prompt-link").start(this::accept);
    }

    /** What the run's environment needs. */
    public Map<String, String> env() {
        return Map.of("EASEL_PROMPT", server.getLocalPort() + ":" + token);
    }

    private void accept() {
        try (ServerSocket s = server; Socket c = s.accept();
             BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
            if (!token.equals(in.readLine())) {
                throw new IOException("a connection without the token");
            }
            connected.complete(new OutputStreamWriter(c.getOutputStream(), StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                PromptWire answer = PromptWire.parse(line);
                CompletableFuture<Answer> w = answer == null ? null : waiting.remove(answer.id());
                if (w != null) {
                    w.complete(new Answer(answer.word(), answer.text()));
                }
            }
        } catch (RuntimeException | IOException e) { // SocketTimeoutException: the run never connected
            connected.completeExceptionally(e);
        } finally {
            IOException ended = new IOException("the run has ended");
            connected.completeExceptionally(ended);
            waiting.values().forEach(w -> w.completeExceptionally(ended));
        }
    }

    /** Sends {@code kind} ({@code run} or {@code complete}) with {@code text}. Any thread. */
    public CompletableFuture<Answer> send(String kind, String text) {
        long id = ids.incrementAndGet();
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        connected.whenComplete((out, failed) -> {
            if (failed != null) {
                waiting.remove(id);
                answer.completeExceptionally(failed);
                return;
            }
            synchronized (out) {
                try {
                    out.write(new PromptWire(id, kind, text).line() + "\n");
                    out.flush();
                } catch (IOException e) {
                    waiting.remove(id);
                    answer.completeExceptionally(e);
                }
            }
        });
        return answer;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connected.thenAccept(out -> {
            try {
                out.close();
            } catch (IOException ignored) {
                // gone already
            }
        });
    }
}
