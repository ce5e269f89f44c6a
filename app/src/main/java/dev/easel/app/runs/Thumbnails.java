package dev.easel.app.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Pictures of the examples, rendered by Easel itself: each example runs headless in a child
 * {@code easel run --headless} for a few frames and its first canvas' last frame is the picture.
 * Cached by the file's place and content (and Easel's version): an example that changes is rendered
 * again, one that does not costs nothing at the next start. The place counts because a sketch reads
 * files beside it (images.py loads ../images): the same text elsewhere can draw something else. A
 * run that ended with an error still gives its picture (the error shown over the canvas), but it is
 * not cached: the next start tries again, so a fixed environment shows the real picture.
 * Renders one at a time, in the background.
 */
public final class Thumbnails implements AutoCloseable {
    /** Frames rendered before the picture is taken: animations have moved, setup has run. */
    static final int FRAMES = 30;

    private final Path cache;
    private final String version;
    private final Function<List<String>, List<String>> easel;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r ->
            Thread.ofPlatform().daemon(true).name("easel-thumbnails").unstarted(r));

    /**
     * @param cache   the cache folder (made when needed)
     * @param version Easel's version: a new one renders again
     * @param easel   makes the command line of {@code easel ARGS}
     */
    public Thumbnails(Path cache, String version, Function<List<String>, List<String>> easel) {
        this.cache = cache;
        this.version = version;
        this.easel = easel;
    }

    /** The default cache folder: {@code $XDG_CACHE_HOME/easel/thumbnails}, else {@code ~/.cache/easel/thumbnails}. */
    public static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("easel").resolve("thumbnails");
    }

    /** The picture of {@code sketch}: from the cache, or rendered now. Fails if the sketch draws nothing. */
    public CompletableFuture<Path> of(Path sketch) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Path png = cache.resolve(key(sketch) + ".png");
                if (Files.isRegularFile(png)) {
                    return png;
                }
                return render(sketch, png);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, worker);
    }

    /** Whether a picture of the sketch as it is now is in the cache. */
    public boolean cached(Path sketch) throws IOException {
        return Files.isRegularFile(cache.resolve(key(sketch) + ".png"));
    }

    private String key(Path sketch) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(version.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(sketch.toAbsolutePath().normalize().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(Files.readAllBytes(sketch));
            String name = sketch.getFileName().toString().replaceAll("[^A-Za-z0-9_-]", "_");
            return name + "-" + HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String failedName(Path png) {
        String n = png.getFileName().toString();
        return n.substring(0, n.length() - ".png".length()) + ".failed.png";
    }

    private Path render(Path sketch, Path png) throws IOException {
        Files.createDirectories(cache);
        Path out = Files.createTempDirectory(cache, "render-");
        try {
            List<String> cmd = easel.apply(List.of("run", sketch.toAbsolutePath().toString(), "--headless",
                    "--frames", String.valueOf(FRAMES), "--out", out.toString()));
            Process p = new ProcessBuilder(cmd).directory(sketch.toAbsolutePath().getParent().toFile())
                    .redirectErrorStream(true).redirectOutput(out.resolve("log.txt").toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IOException("rendering " + sketch.getFileName() + " took over 2 minutes");
            }
            Path first;
            try (Stream<Path> files = Files.list(out)) {
                first = files.filter(f -> f.getFileName().toString().endsWith(".png")).sorted().findFirst()
                        .orElseThrow(() -> new IOException(sketch.getFileName() + " drew no canvas"));
            }
            // A failed run's picture is shown, not cached: the next start renders it again.
            Path kept = p.exitValue() == 0 ? png : png.resolveSibling(failedName(png));
            Files.move(first, kept, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return kept;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            try (Stream<Path> left = Files.walk(out)) {
                for (Path f : left.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
