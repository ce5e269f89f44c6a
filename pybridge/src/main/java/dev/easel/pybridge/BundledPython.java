package dev.easel.pybridge;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
 * file written is a manifest listing every extracted file and its size, and every {@link #extract()}
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
    /** The manifest, written last into the installation folder. */
    static final String MANIFEST = ".easel-manifest";
    private static final String MANIFEST_HEADER = "easel bundled cpython manifest 1";
    /** The system property naming an already unpacked bundled CPython to use in place (the installed app sets it). */
    public static final String HOME_PROPERTY = "easel.python.home";

    private static final System.Logger LOG = System.getLogger(BundledPython.class.getName());
    private static final Object IN_PROCESS_LOCK = new Object();
    private static final Map<Path, Optional<Path>> CHECKED_EXECUTABLES = new ConcurrentHashMap<>();
    private static final int BUFFER = 1 << 16;
    /** Permissions of extracted executables and shared objects. */
    private static final Set<PosixFilePermission> EXECUTABLE_PERMISSIONS = PosixFilePermissions.fromString("rwxr-xr-x");

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
            if (verify(target, platform)) {
                return new Extraction(target, false, Duration.ofNanos(System.nanoTime() - start), 0, 0);
            }
            synchronized (IN_PROCESS_LOCK) { // a FileLock is per process: threads of this one queue here
                Files.createDirectories(cacheRoot);
                Path lockFile = cacheRoot.resolve(target.getFileName() + ".lock");
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    channel.lock(); // blocks while another process extracts; released when the channel closes
                    if (verify(target, platform)) { // another process extracted it while this one waited
                        return new Extraction(target, false, Duration.ofNanos(System.nanoTime() - start), 0, 0);
                    }
                    removeLeftovers(cacheRoot, target.getFileName().toString());
                    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                        LOG.log(System.Logger.Level.WARNING, "The bundled CPython in {0} is damaged or incomplete: extracting it again", target);
                        deleteAside(target);
                    }
                    LOG.log(System.Logger.Level.INFO, "Extracting the bundled CPython {0} into {1} (done once)", source.artifactVersion(), target);
                    Path temp = cacheRoot.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
                    long[] stats = writeAll(source, numpy == null ? List.of() : numpy.entries(), temp);
                    precompile(temp, platform);
                    try {
                        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                        // Someone not honouring the lock (a file system without locks?) was faster.
                        deleteTree(temp);
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
        return verify(dir, BundledPlatform.current());
    }

    private static boolean verify(Path dir, BundledPlatform platform) {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return false;
        }
        try (BufferedReader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            if (!MANIFEST_HEADER.equals(in.readLine())) {
                return false;
            }
            String countLine = in.readLine();
            if (countLine == null || !countLine.startsWith("files ")) {
                return false;
            }
            int expected = Integer.parseInt(countLine.substring(6));
            int seen = 0;
            boolean library = false;
            boolean os = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("end")) {
                    return seen == expected && library && os;
                }
                int space = line.indexOf(' ');
                long size = Long.parseLong(line.substring(0, space));
                String name = line.substring(space + 1);
                Path file = dir.resolve(name);
                if (!file.normalize().startsWith(dir)) {
                    return false;
                }
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (!attributes.isRegularFile() || attributes.size() != size) {
                    LOG.log(System.Logger.Level.DEBUG, "Bundled CPython: {0} has size {1}, expected {2}", file, attributes.size(), size);
                    return false;
                }
                library |= name.equals(platform.library());
                os |= name.equals(platform.landmark());
                seen++;
            }
            return false; // no "end": the manifest itself was cut short
        } catch (IOException | RuntimeException e) { // NoSuchFileException for a deleted file, NumberFormatException, ...
            LOG.log(System.Logger.Level.DEBUG, "Bundled CPython in {0} is not intact: {1}", dir, e);
            return false;
        }
    }

    // ---------------------------------------------------------------- extraction

    /** Writes every kept file and {@code extras} into {@code temp}, then the manifest. Returns {files, bytes}. */
    private static long[] writeAll(BundledSource source, List<BundledNumpy.Entry> extras, Path temp) throws IOException {
        List<BundledNumpy.Entry> items = new ArrayList<>();
        for (BundledSource.Item item : source.items()) {
            if (source.platform.keep(item.name())) {
                items.add(new BundledNumpy.Entry(item.name(), item.size(), () -> source.open(item)));
            }
        }
        items.addAll(extras);
        Files.createDirectories(temp);
        Set<Path> folders = new TreeSet<>();
        for (BundledNumpy.Entry item : items) {
            Path parent = temp.resolve(item.name()).getParent();
            if (!parent.normalize().startsWith(temp)) {
                throw new IOException("refusing to extract " + item.name() + " outside " + temp);
            }
            folders.add(parent);
        }
        for (Path folder : folders) {
            Files.createDirectories(folder);
        }
        // Inflating is the costly part and ZipFile streams can be read by several threads at once.
        long[] sizes = new long[items.size()];
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "easel-extract-cpython");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(pool.submit(() -> {
                    byte[] buffer = new byte[BUFFER];
                    for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                        BundledNumpy.Entry item = items.get(i);
                        Path file = temp.resolve(item.name());
                        long n = 0;
                        try (InputStream in = item.opener().open();
                             OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                            for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
                                out.write(buffer, 0, r);
                                n += r;
                            }
                        }
                        if (item.size() >= 0 && n != item.size()) {
                            throw new IOException(item.name() + ": wrote " + n + " bytes, the archive says " + item.size());
                        }
                        sizes[i] = n;
                        if (source.platform.needsExecuteBit(item.name())) {
                            makeExecutable(file);
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : work) {
                f.get();
            }
        } catch (ExecutionException e) {
            deleteTree(temp);
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deleteTree(temp);
            throw new IOException("interrupted while extracting", e);
        } finally {
            pool.shutdownNow();
        }
        long bytes = 0;
        Path manifest = temp.resolve(MANIFEST);
        try (BufferedWriter out = Files.newBufferedWriter(manifest, StandardCharsets.UTF_8)) {
            out.write(MANIFEST_HEADER + "\nfiles " + items.size() + "\n");
            for (int i = 0; i < items.size(); i++) {
                out.write(sizes[i] + " " + items.get(i).name() + "\n");
                bytes += sizes[i];
            }
            out.write("end\n");
        }
        return new long[] {items.size(), bytes};
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, EXECUTABLE_PERMISSIONS);
        } catch (UnsupportedOperationException e) {
            if (!file.toFile().setExecutable(true, false)) {
                throw new IOException("cannot make " + file + " executable");
            }
        }
    }

    /** Removes temporary folders left by processes that died while extracting (the caller holds the lock). */
    private static void removeLeftovers(Path cacheRoot, String name) throws IOException {
        List<Path> leftovers;
        try (Stream<Path> s = Files.list(cacheRoot)) {
            leftovers = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("." + name + ".tmp-") || n.startsWith("." + name + ".old-");
            }).toList();
        }
        for (Path p : leftovers) {
            deleteTree(p);
        }
    }

    /** Renames a folder out of the way first, so that a half-deleted folder never sits at its name. */
    private static void deleteAside(Path dir) throws IOException {
        Path aside = dir.resolveSibling("." + dir.getFileName() + ".old-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        Files.move(dir, aside, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(aside);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
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
