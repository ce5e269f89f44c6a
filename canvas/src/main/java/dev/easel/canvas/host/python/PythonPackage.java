package dev.easel.canvas.host.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * The Python package {@code easel}, shipped as resources and written once to a cache folder named
 * after its content hash, so tracebacks, {@code inspect} and {@code help()} see real files. The
 * installed app ships that folder (system property {@value #SHIPPED_PROPERTY}): used in place when its
 * hash is this jar's, so nothing is written into the home directory.
 */
public final class PythonPackage {
    /** Every file of the package (a test checks this list against the resources). */
    public static final List<String> FILES = List.of("__init__.py", "_canvas.py", "_channel.py", "_color.py", "_events.py",
            "_graphics.py", "_image.py", "_info.py", "_math.py", "_prompt.py", "_quit.py", "py.typed",
            "_window.py", "_paint.py", "_font.py", "_easel.pyi", "_types.pyi",
            "_params.py", "_outside.py");
    private static final String BASE = "/dev/easel/canvas/python/easel/";
    /** A folder holding an already written {@code easel/} (packaging/build.sh copies it from this class' cache). */
    static final String SHIPPED_PROPERTY = "easel.python.package";

    private PythonPackage() {}

    /** The folder to put on {@code sys.path} (it holds {@code easel/}). */
    public static synchronized Path install() {
        try {
            byte[][] contents = new byte[FILES.size()][];
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < FILES.size(); i++) {
                try (InputStream in = PythonPackage.class.getResourceAsStream(BASE + FILES.get(i))) {
                    if (in == null) {
                        throw new IllegalStateException("missing resource " + BASE + FILES.get(i));
                    }
                    contents[i] = in.readAllBytes();
                }
                sha.update(FILES.get(i).getBytes());
                sha.update(contents[i]);
            }
            String hash = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
            Path shipped = shipped(hash);
            if (shipped != null) {
                return shipped;
            }
            Path root = cacheRoot().resolve("python-" + hash);
            Path pkg = root.resolve("easel");
            if (Files.isRegularFile(pkg.resolve(".complete"))) {
                return root;
            }
            Files.createDirectories(root);
            Path tmp = Files.createTempDirectory(root, "easel-");
            for (int i = 0; i < FILES.size(); i++) {
                Files.write(tmp.resolve(FILES.get(i)), contents[i]);
            }
            Files.writeString(tmp.resolve(".complete"), hash);
            try {
                Files.move(tmp, pkg, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                // Another process won the race: its copy is identical (same hash).
                deleteTree(tmp);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the easel Python package: " + e.getMessage(), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The folder {@value #SHIPPED_PROPERTY} names if its {@code easel/} is complete and has {@code hash}, else null. */
    static Path shipped(String hash) throws IOException {
        String folder = System.getProperty(SHIPPED_PROPERTY);
        if (folder == null || folder.isBlank()) {
            return null;
        }
        Path complete = Path.of(folder, "easel", ".complete");
        return Files.isRegularFile(complete) && Files.readString(complete).strip().equals(hash) ? Path.of(folder) : null;
    }

    private static Path cacheRoot() {
        String env = System.getenv("EASEL_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("easel");
    }

    private static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
