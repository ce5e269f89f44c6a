package dev.easel.app.capture;

import dev.easel.canvas.ImageData;
import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.loop.HeadlessWindows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code easel run --headless --record TARGET}: every frame a canvas shows goes into a
 * {@link Recording} at the canvas' fps (60 when it draws on demand). {@code {canvas}} in the target
 * makes one recording per canvas (its slug put there); without it the first canvas is recorded.
 */
public final class HeadlessRecording implements HeadlessWindows.FrameTap {
    private final String target;
    private final Map<CanvasHost, Recorder> recorders = new LinkedHashMap<>();
    private final Map<CanvasHost, Path> files = new LinkedHashMap<>();
    private volatile String failure;

    /** Records into {@code target} (a .mp4, a .gif, or a folder of PNGs). */
    public HeadlessRecording(String target) {
        String lower = target.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".mp4") && !lower.endsWith(".gif") && lower.matches(".*\\.[a-z0-9]{2,4}$")) {
            throw new IllegalArgumentException("record to a .mp4, a .gif or a folder, not " + target);
        }
        this.target = target;
    }

    @Override
    public void shown(CanvasHost host, long number, ImageData picture) {
        Recorder r;
        synchronized (this) {
            r = recorders.get(host);
            if (r == null && !recorders.containsKey(host)) {
                r = open(host);
                recorders.put(host, r); // null: this canvas is not recorded
            }
        }
        if (r != null && picture != null) {
            try {
                r.offer(picture.toBufferedImage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Recorder open(CanvasHost host) {
        boolean each = target.contains("{canvas}");
        if (!each && !recorders.isEmpty()) {
            return null;
        }
        Path file = Path.of(target.replace("{canvas}", host.slug()));
        double fps = host.fps() > 0 ? host.fps() : 60;
        try {
            files.put(host, file);
            return new Recorder(Recording.to(file, fps), host.slug());
        } catch (IOException | IllegalArgumentException e) {
            failure = "cannot record to " + file + ": " + e.getMessage();
            return null;
        }
    }

    /** Finishes every recording; returns one line per file ("N frames to FILE"), or throws with why not. */
    public synchronized String finish() throws IOException {
        if (failure != null) {
            throw new IOException(failure);
        }
        StringBuilder b = new StringBuilder();
        for (var e : recorders.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            try {
                int n = e.getValue().finish().get(10, TimeUnit.MINUTES);
                b.append("recorded ").append(n).append(" frames to ").append(files.get(e.getKey())).append('\n');
            } catch (ExecutionException | TimeoutException x) {
                Throwable why = x.getCause() == null ? x : x.getCause();
                throw new IOException("recording " + files.get(e.getKey()) + " failed: " + why.getMessage(), why);
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while finishing the recording");
            }
        }
        if (b.isEmpty()) {
            b.append("recorded nothing: no canvas showed a frame\n");
        }
        return b.toString();
    }
}
