package dev.easel.pybridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CPython 3.14 that ships with Easel: the Maven artifact
 * {@code org.bytedeco:cpython:3.14.3-1.5.13:<classifier>}, a jar holding libpython, the standard library
 * and the python executable under {@code org/bytedeco/cpython/<classifier>/}. {@code BundledPlatform}
 * knows the classifier of this OS and CPU ({@code linux-x86_64}, {@code linux-arm64},
 * {@code macosx-arm64}, {@code windows-x86_64}) and that jar's layout ({@code libpython3.14.so.1.0},
 * {@code lib/python3.14/} and {@code bin/python3.14} on Linux).
 *
 * <p>CPython cannot run from inside a jar, so the first use extracts it once into a per-user cache:
 * {@code $EASEL_CACHE} if set, else {@code $XDG_CACHE_HOME/easel}, else {@code ~/.cache/easel}, in a
 * folder named after the artifact version and classifier ({@code cpython-3.14.3-1.5.13-linux-x86_64}). Later uses
 * only check that folder (a few milliseconds).
 *
 * <p>Extraction is safe when several processes start at the same time: they serialise on a
 * {@link FileLock} on {@code <folder>.lock} in the cache, the one that extracts writes into a
 * temporary sibling folder and renames it atomically into place, and the others then use that
 * folder. A damaged extraction (a file deleted or truncated since) is detected and redone: the last
 * file written is a manifest ({@link BundledTree}) listing every extracted file and its size, and every {@link #extract()}
 * checks that each listed file still exists with that size.
 *
 * <p>numpy, when its jars are on the class path ({@link BundledNumpy}, Linux), is extracted into the same
 * folder ({@code lib/python3.14/site-packages/numpy}), whose name then ends in {@code -numpy-<version>}.
 *
 * <p>An installed app (the jpackage image, {@code packaging/}) ships the tree already unpacked and names it
 * with the system property {@value #HOME_PROPERTY}: that folder is then used in place (read only, nothing
 * is extracted, the jar need not be on the class path). {@code packaging/build.sh} makes it with this class'
 * extraction, so its layout and manifest are the same.
 *
 * <p>Left out of the extraction, to keep it small and fast: C headers, man pages, pkg-config and
 * CMake files, the OpenSSL legacy provider, the JavaCPP JNI library (Easel uses FFM), the standard
 * library's test suite ({@code test/} and the {@code _test*} extension modules), and {@code tkinter},
 * {@code idlelib} and {@code turtledemo} (this build has no {@code _tkinter}, so they cannot work).
 */
public final class BundledPython {

    /** Major.minor of the bundled CPython. */
    static final String ABI = "3.14";
    /** The system property naming an already unpacked bundled CPython to use in place (the installed app sets it). */
    public static final String HOME_PROPERTY = "easel.python.home";

    private static final System.Logger LOG = System.getLogger(BundledPython.class.getName());
    private static final Object IN_PROCESS_LOCK = new Object();
    private static final Map<Path, Optional<Path>> CHECKED_EXECUTABLES = new ConcurrentHashMap<>();

    private BundledPython() {
    }

    /**
     * Tells whether the bundled CPython is on the class path (without extracting anything).
     *
     * @return {@code true} if the {@code org.bytedeco:cpython} jar for this OS and CPU can be found;
     *         {@code false} also where there is no bundled CPython for them
     */
    public static boolean isAvailable() {
        if (unpackedHome() != null) {
            return true;
        }
        try {
            return BundledSource.resource(BundledPlatform.current()) != null;
        } catch (UnsupportedOperationException noneForThisPlatform) {
            return false;
        }
    }

    /**
     * The bundled CPython as an installation, extracting it first if needed.
     *
     * <p>Its {@code executable} is {@code bin/python3.14} ({@code python.exe} on Windows) if that runs
     * here ({@code PYTHONHOME=<dir> <dir>/bin/python3.14 -c "import ssl, sys"}, checked once per
     * extraction), else empty.
     *
     * @return the installation, or empty if the {@code org.bytedeco:cpython} jar is not on the class path
     * @throws UncheckedIOException          if the jar is there but could not be extracted
     * @throws UnsupportedOperationException if there is no bundled CPython for this OS and CPU
     */
    public static Optional<PythonInstallation> find() {
        return find(System.getenv());
    }

    /**
     * Extracts the bundled CPython into the per-user cache if it is not there yet, or not intact.
     *
     * @return the installation folder: the {@code PYTHONHOME}, holding {@code libpython3.14.so.1.0},
     *         {@code bin/python3.14} and {@code lib/python3.14/} on Linux
     * @throws IllegalStateException         if the {@code org.bytedeco:cpython} jar is not on the class path
     * @throws UncheckedIOException          if the extraction failed
     * @throws UnsupportedOperationException if there is no bundled CPython for this OS and CPU
     */
    public static Path extract() {
        return extract(cacheRoot()).dir();
    }

    /**
     * The per-user cache folder Easel extracts into: {@code $EASEL_CACHE} if set, else
     * {@code $XDG_CACHE_HOME/easel}, else {@code ~/.cache/easel}. It may not exist yet.
     *
     * @return the absolute cache folder
     */
    public static Path cacheRoot() {
        return cacheRoot(System.getenv());
    }

    // ---------------------------------------------------------------- package-private API (tests, locator)

    /** What one call of {@link #extract(Path)} did. */
    record Extraction(Path dir, boolean extracted, Duration took, int files, long bytes) {
    }

    static Path cacheRoot(Map<String, String> env) {
        String easel = env.get("EASEL_CACHE");
        if (easel != null && !easel.isBlank()) {
            return Path.of(easel).toAbsolutePath().normalize();
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "easel").normalize();
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".cache", "easel").toAbsolutePath().normalize();
    }

    static Optional<PythonInstallation> find(Map<String, String> env) {
        BundledPlatform platform = BundledPlatform.current(); // throws, naming the supported ones, where there is none
        Path unpacked = unpackedHome();
        if (unpacked != null) {
            return Optional.of(inPlace(unpacked, platform));
        }
        if (BundledSource.resource(platform) == null) {
            return Optional.empty();
        }
        Extraction x = extract(cacheRoot(env), platform);
        Path dir = x.dir();
        String artifact = dir.getFileName().toString();
        PythonVersion version = versionOf(artifact);
        return Optional.of(new PythonInstallation(dir.resolve(platform.library()), dir, checkedExecutable(dir, platform),
                version, false, "bundled"));
    }

    /** The folder {@value #HOME_PROPERTY} names, or null if it is not set. */
    static Path unpackedHome() {
        String home = System.getProperty(HOME_PROPERTY);
        return home == null || home.isBlank() ? null : Path.of(home).toAbsolutePath().normalize();
    }

    /**
     * The unpacked tree at {@code dir} as an installation, used where it is. Only its library and standard
     * library are checked (two {@code stat}s): the installed app's files are the package manager's to keep intact.
     */
    static PythonInstallation inPlace(Path dir, BundledPlatform platform) {
        if (!Files.isRegularFile(dir.resolve(platform.library())) || !Files.isRegularFile(dir.resolve(platform.landmark()))) {
            throw new IllegalStateException(HOME_PROPERTY + "=" + dir + " is not an unpacked CPython " + ABI
                    + " (no " + platform.library() + " or " + platform.landmark() + " in it)");
        }
        return new PythonInstallation(dir.resolve(platform.library()), dir, checkedExecutable(dir, platform),
                versionOf(dir.getFileName().toString()), false, "bundled");
    }

    /** Why {@link #find} found nothing: the jar for this platform ({@code linux-x86_64}, ...) is not on the class path. */
    static String notOnClassPath() {
        String classifier;
        try {
            classifier = BundledPlatform.current().classifier();
        } catch (UnsupportedOperationException e) {
            return e.getMessage();
        }
        return "the org.bytedeco:cpython jar (" + classifier + ") is not on the class path";
    }

    /** {@link #extract(Path, BundledPlatform)} for this machine's platform. */
    static Extraction extract(Path cacheRoot) {
        return extract(cacheRoot, BundledPlatform.current());
    }

    /** Extracts into {@code cacheRoot/cpython-<version>-<classifier>} unless an intact copy is there. */
    static Extraction extract(Path cacheRoot, BundledPlatform platform) {
        long start = System.nanoTime();
        try (BundledSource source = BundledSource.open(platform); BundledNumpy numpy = BundledNumpy.open(platform)) {
            // numpy, when bundled, is extracted into the same folder, so its version names the folder too.
            String folder = platform.cacheFolder(source.artifactVersion()) + (numpy == null ? "" : "-numpy-" + numpy.version());
            Path target = cacheRoot.resolve(folder);
            if (BundledTree.verify(target, platform)) {
                return new Extraction(target, false, Duration.ofNanos(System.nanoTime() - start), 0, 0);
            }
            synchronized (IN_PROCESS_LOCK) { // a FileLock is per process: threads of this one queue here
                Files.createDirectories(cacheRoot);
                Path lockFile = cacheRoot.resolve(target.getFileName() + ".lock");
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    channel.lock(); // blocks while another process extracts; released when the channel closes
                    if (BundledTree.verify(target, platform)) { // another process extracted it while this one waited
                        return new Extraction(target, false, Duration.ofNanos(System.nanoTime() - start), 0, 0);
                    }
                    BundledTree.removeLeftovers(cacheRoot, target.getFileName().toString());
                    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                        LOG.log(System.Logger.Level.WARNING, "The bundled CPython in {0} is damaged or incomplete: extracting it again", target);
                        BundledTree.deleteAside(target);
                    }
                    LOG.log(System.Logger.Level.INFO, "Extracting the bundled CPython {0} into {1} (done once)", source.artifactVersion(), target);
                    Path temp = cacheRoot.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
                    long[] stats = BundledTree.writeAll(source, numpy == null ? List.of() : numpy.entries(), temp);
                    precompile(temp, platform);
                    try {
                        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                        // Someone not honouring the lock (a file system without locks?) was faster.
                        BundledTree.deleteTree(temp);
                        if (!verify(target)) {
                            throw e;
                        }
                        return new Extraction(target, false, Duration.ofNanos(System.nanoTime() - start), 0, 0);
                    }
                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    LOG.log(System.Logger.Level.INFO, "Extracted {0} files ({1} MB) in {2} ms", stats[0], stats[1] >> 20, took.toMillis());
                    return new Extraction(target, true, took, (int) stats[0], stats[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not extract the bundled CPython into " + cacheRoot + ": " + e, e);
        }
    }

    /**
     * Checks an extracted folder against its manifest: the manifest is complete and every file it
     * lists exists with the listed size. Cheap: one {@code stat} per file.
     */
    static boolean verify(Path dir) {
        return BundledTree.verify(dir, BundledPlatform.current());
    }

    // ---------------------------------------------------------------- facts

    /** {@code cpython-3.14.3-1.5.13-linux-x86_64} gives 3.14.3. */
    private static PythonVersion versionOf(String folder) {
        Matcher m = Pattern.compile("cpython-(\\d+\\.\\d+\\.\\d+)").matcher(folder);
        PythonVersion v = m.lookingAt() ? PythonVersion.parse(m.group(1)) : null;
        return v != null && (v.major() + "." + v.minor()).equals(ABI) ? v : PythonVersion.parse(ABI);
    }

    /**
     * Compiles the standard library to {@code .pyc} once, at extraction, with the bundled executable
     * (in parallel, ~4 s): without them every start, and every isolated canvas' sub-interpreter,
     * compiles what it imports again (750 ms instead of 80 ms for a sub-interpreter here) whenever
     * Python may not write them (PYTHONDONTWRITEBYTECODE, a read-only cache). Best effort: a failure
     * only costs speed.
     */
    private static void precompile(Path dir, BundledPlatform platform) {
        Path exe = dir.resolve(platform.executable());
        if (!Files.isExecutable(exe)) {
            return;
        }
        try {
            Subprocess.Output out = Subprocess.run(
                    List.of(exe.toString(), "-s", "-m", "compileall", "-q", "-j", "0",
                            // not site-packages (pip, numpy): those are compiled when first imported
                            "-x", "/site-packages/", dir.resolve(platform.stdlib()).toString()),
                    platform.executableEnvironment(dir, System.getenv()),
                    Duration.ofSeconds(120));
            if (out.exitCode() != 0) {
                LOG.log(System.Logger.Level.INFO, "Precompiling the bundled standard library: exit {0}: {1}",
                        out.exitCode(), out.output().strip());
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.INFO, "Could not precompile the bundled standard library: {0}", e.getMessage());
        }
    }

    /** {@code bin/python3.14} if it runs and imports ssl with PYTHONHOME set, once per folder and process. */
    private static Optional<Path> checkedExecutable(Path dir, BundledPlatform platform) {
        return CHECKED_EXECUTABLES.computeIfAbsent(dir, d -> {
            Path exe = d.resolve(platform.executable());
            if (!Files.isExecutable(exe)) {
                return Optional.empty();
            }
            // Checked once per extraction (running it costs ~100 ms of every start otherwise).
            Path ok = d.resolve(".easel-executable-ok");
            if (Files.isRegularFile(ok)) {
                return Optional.of(exe);
            }
            try {
                Subprocess.Output out = Subprocess.run(
                        List.of(exe.toString(), "-s", "-c", "import ssl, sys; print(sys.version)"),
                        platform.executableEnvironment(d, System.getenv()),
                        PythonProbe.PROBE_TIMEOUT);
                if (out.exitCode() == 0 && out.output().startsWith(ABI + ".")) {
                    try {
                        Files.writeString(ok, out.output());
                    } catch (IOException notWritable) {
                        // A read-only cache: check again next time.
                    }
                    return Optional.of(exe);
                }
                LOG.log(System.Logger.Level.WARNING, "The bundled {0} does not run here (exit {1}): {2}", exe, out.exitCode(), out.output().strip());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "The bundled {0} does not run here: {1}", exe, e.getMessage());
            }
            return Optional.empty();
        });
    }
}
