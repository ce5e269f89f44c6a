package dev.easel.pybridge;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
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
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The CPython 3.14 that ships with Easel: the Maven artifact
 * {@code org.bytedeco:cpython:3.14.3-1.5.13:linux-x86_64}, a jar holding {@code libpython3.14.so.1.0},
 * the standard library and {@code bin/python3.14} under {@code org/bytedeco/cpython/linux-x86_64/}.
 *
 * <p>CPython cannot run from inside a jar, so the first use extracts it once into a per-user cache:
 * {@code $EASEL_CACHE} if set, else {@code $XDG_CACHE_HOME/easel}, else {@code ~/.cache/easel}, in a
 * folder named after the artifact version ({@code cpython-3.14.3-1.5.13-linux-x86_64}). Later uses
 * only check that folder (a few milliseconds).
 *
 * <p>Extraction is safe when several processes start at the same time: they serialise on a
 * {@link FileLock} on {@code <folder>.lock} in the cache, the one that extracts writes into a
 * temporary sibling folder and renames it atomically into place, and the others then use that
 * folder. A damaged extraction (a file deleted or truncated since) is detected and redone: the last
 * file written is a manifest listing every extracted file and its size, and every {@link #extract()}
 * checks that each listed file still exists with that size.
 *
 * <p>Left out of the extraction, to keep it small and fast: C headers, man pages, pkg-config and
 * CMake files, the OpenSSL legacy provider, the JavaCPP JNI library (Easel uses FFM), the standard
 * library's test suite ({@code test/} and the {@code _test*} extension modules), and {@code tkinter},
 * {@code idlelib} and {@code turtledemo} (this build has no {@code _tkinter}, so they cannot work).
 */
public final class BundledPython {

    /** The folder of the jar that holds the CPython installation. */
    static final String RESOURCE_ROOT = "org/bytedeco/cpython/linux-x86_64/";
    /** Major.minor of the bundled CPython. */
    static final String ABI = "3.14";
    /** The shared library, relative to the installation folder. */
    static final String LIBRARY = "libpython" + ABI + ".so.1.0";
    /** The executable, relative to the installation folder. */
    static final String EXECUTABLE = "bin/python" + ABI;
    /** The manifest, written last into the installation folder. */
    static final String MANIFEST = ".easel-manifest";
    private static final String MANIFEST_HEADER = "easel bundled cpython manifest 1";
    private static final String POM_PROPERTIES = "META-INF/maven/org.bytedeco/cpython/pom.properties";
    private static final Pattern JAR_NAME = Pattern.compile("cpython-(\\d[^/]*)-linux-x86_64\\.jar");

    /** Relative paths (under {@link #RESOURCE_ROOT}) that are not extracted. */
    private static final List<String> SKIPPED_PREFIXES = List.of(
            "include/", "share/", "libs/", "lib/pkgconfig/", "lib/cmake/", "lib/ossl-modules/", "lib/engines-3/",
            "lib/python" + ABI + "/test/", "lib/python" + ABI + "/idlelib/", "lib/python" + ABI + "/tkinter/",
            "lib/python" + ABI + "/turtledemo/",
            "lib/python" + ABI + "/lib-dynload/_test", "lib/python" + ABI + "/lib-dynload/_ctypes_test",
            "lib/python" + ABI + "/lib-dynload/_xxtestfuzz", "lib/python" + ABI + "/lib-dynload/xxlimited",
            "lib/python" + ABI + "/lib-dynload/xxsubtype",
            // bin/: scripts whose #! line names the build machine's python; the python3* binaries are kept
            "bin/idle", "bin/pip", "bin/pydoc", "bin/c_rehash");
    /** Single files (under {@link #RESOURCE_ROOT}) that are not extracted. */
    private static final Set<String> SKIPPED_FILES = Set.of(
            "libjnipython.so",          // JavaCPP's JNI glue: Easel uses FFM
            "python" + ABI,             // a second copy of bin/python3.14 at the top
            "libffi.so",                // the link-time name; _ctypes needs libffi.so.8, which is kept
            "bin/python3-config", "bin/python" + ABI + "-config");

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
     * @return {@code true} if the {@code org.bytedeco:cpython} jar for linux-x86_64 can be found
     */
    public static boolean isAvailable() {
        return resource() != null;
    }

    /**
     * The bundled CPython as an installation, extracting it first if needed.
     *
     * <p>Its {@code executable} is {@code bin/python3.14} if that runs here
     * ({@code PYTHONHOME=<dir> <dir>/bin/python3.14 -c "import ssl, sys"}, checked once per process),
     * else empty.
     *
     * @return the installation, or empty if the {@code org.bytedeco:cpython} jar is not on the class path
     * @throws UncheckedIOException if the jar is there but could not be extracted
     */
    public static Optional<PythonInstallation> find() {
        return find(System.getenv());
    }

    /**
     * Extracts the bundled CPython into the per-user cache if it is not there yet, or not intact.
     *
     * @return the installation folder: the {@code PYTHONHOME}, holding {@code libpython3.14.so.1.0},
     *         {@code bin/python3.14} and {@code lib/python3.14/}
     * @throws IllegalStateException if the {@code org.bytedeco:cpython} jar is not on the class path
     * @throws UncheckedIOException  if the extraction failed
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
        if (!isAvailable()) {
            return Optional.empty();
        }
        Extraction x = extract(cacheRoot(env));
        Path dir = x.dir();
        String artifact = dir.getFileName().toString();
        PythonVersion version = versionOf(artifact);
        return Optional.of(new PythonInstallation(dir.resolve(LIBRARY), dir, checkedExecutable(dir), version, false, "bundled"));
    }

    /** Extracts into {@code cacheRoot/cpython-<version>-linux-x86_64} unless an intact copy is there. */
    static Extraction extract(Path cacheRoot) {
        long start = System.nanoTime();
        try (Source source = Source.open()) {
            Path target = cacheRoot.resolve("cpython-" + source.artifactVersion() + "-linux-x86_64");
            if (verify(target)) {
                return new Extraction(target, false, Duration.ofNanos(System.nanoTime() - start), 0, 0);
            }
            synchronized (IN_PROCESS_LOCK) { // a FileLock is per process: threads of this one queue here
                Files.createDirectories(cacheRoot);
                Path lockFile = cacheRoot.resolve(target.getFileName() + ".lock");
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    channel.lock(); // blocks while another process extracts; released when the channel closes
                    if (verify(target)) { // another process extracted it while this one waited
                        return new Extraction(target, false, Duration.ofNanos(System.nanoTime() - start), 0, 0);
                    }
                    removeLeftovers(cacheRoot, target.getFileName().toString());
                    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                        LOG.log(System.Logger.Level.WARNING, "The bundled CPython in {0} is damaged or incomplete: extracting it again", target);
                        deleteAside(target);
                    }
                    LOG.log(System.Logger.Level.INFO, "Extracting the bundled CPython {0} into {1} (done once)", source.artifactVersion(), target);
                    Path temp = cacheRoot.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
                    long[] stats = writeAll(source, temp);
                    precompile(temp);
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
                library |= name.equals(LIBRARY);
                os |= name.equals("lib/python" + ABI + "/os.py");
                seen++;
            }
            return false; // no "end": the manifest itself was cut short
        } catch (IOException | RuntimeException e) { // NoSuchFileException for a deleted file, NumberFormatException, ...
            LOG.log(System.Logger.Level.DEBUG, "Bundled CPython in {0} is not intact: {1}", dir, e);
            return false;
        }
    }

    // ---------------------------------------------------------------- extraction

    /** Writes every kept file into {@code temp}, then the manifest. Returns {files, bytes}. */
    private static long[] writeAll(Source source, Path temp) throws IOException {
        List<Source.Item> items = new ArrayList<>();
        for (Source.Item item : source.items()) {
            if (keep(item.name())) {
                items.add(item);
            }
        }
        Files.createDirectories(temp);
        Set<Path> folders = new TreeSet<>();
        for (Source.Item item : items) {
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
                        Source.Item item = items.get(i);
                        Path file = temp.resolve(item.name());
                        long n = 0;
                        try (InputStream in = source.open(item);
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
                        if (executable(item.name())) {
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

    /** Whether a file of the jar (relative to {@link #RESOURCE_ROOT}) is extracted. */
    static boolean keep(String name) {
        if (SKIPPED_FILES.contains(name) || name.contains("__pycache__/")) {
            return false;
        }
        for (String prefix : SKIPPED_PREFIXES) {
            if (name.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    private static boolean executable(String name) {
        return name.startsWith("bin/") || name.endsWith(".so") || name.contains(".so.");
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
    private static void precompile(Path dir) {
        Path exe = dir.resolve(EXECUTABLE);
        if (!Files.isExecutable(exe)) {
            return;
        }
        try {
            Subprocess.Output out = Subprocess.run(
                    List.of(exe.toString(), "-s", "-m", "compileall", "-q", "-j", "0", dir.resolve("lib/python" + ABI).toString()),
                    Map.of("PYTHONHOME", dir.toString(), "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")),
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
    private static Optional<Path> checkedExecutable(Path dir) {
        return CHECKED_EXECUTABLES.computeIfAbsent(dir, d -> {
            Path exe = d.resolve(EXECUTABLE);
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
                        Map.of("PYTHONHOME", d.toString(), "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")),
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

    private static URL resource() {
        ClassLoader loader = BundledPython.class.getClassLoader();
        return loader == null ? ClassLoader.getSystemResource(RESOURCE_ROOT + LIBRARY) : loader.getResource(RESOURCE_ROOT + LIBRARY);
    }

    // ---------------------------------------------------------------- where the files come from

    /** The jar (or, in an IDE or exploded class path, the folder) holding the CPython files. */
    private abstract static sealed class Source implements Closeable {

        /** One file under {@link #RESOURCE_ROOT}: its relative name and size (-1 if unknown). */
        record Item(String name, long size, Object handle) {
        }

        static Source open() throws IOException {
            URL url = resource();
            if (url == null) {
                throw new IllegalStateException("The bundled CPython (org.bytedeco:cpython, linux-x86_64) is not on the class path: "
                        + "no resource " + RESOURCE_ROOT + LIBRARY);
            }
            try {
                return switch (url.getProtocol()) {
                    case "jar" -> {
                        String spec = url.toString();
                        int bang = spec.indexOf("!/");
                        yield new Jar(Path.of(new URI(spec.substring(4, bang))));
                    }
                    case "file" -> new Folder(Path.of(url.toURI()).getParent());
                    default -> throw new IOException("cannot extract the bundled CPython from " + url);
                };
            } catch (URISyntaxException | RuntimeException e) { // e.g. a jar nested in a jar (Spring Boot): no file to open
                throw new IOException("cannot extract the bundled CPython from " + url + ": " + e, e);
            }
        }

        abstract String artifactVersion() throws IOException;

        abstract List<Item> items() throws IOException;

        abstract InputStream open(Item item) throws IOException;

        static final class Jar extends Source {
            private final Path path;
            private final ZipFile zip;

            Jar(Path path) throws IOException {
                this.path = path;
                this.zip = new ZipFile(path.toFile());
            }

            @Override
            String artifactVersion() throws IOException {
                Matcher m = JAR_NAME.matcher(path.getFileName().toString());
                if (m.matches()) {
                    return m.group(1);
                }
                ZipEntry pom = zip.getEntry(POM_PROPERTIES);
                if (pom != null) {
                    Properties p = new Properties();
                    try (InputStream in = zip.getInputStream(pom)) {
                        p.load(in);
                    }
                    String v = p.getProperty("version");
                    if (v != null && v.matches("[\\w.+-]+")) {
                        return v;
                    }
                }
                // A repackaged jar without the Maven metadata: name the folder after the jar's identity.
                return "unknown-" + Long.toHexString(Files.size(path) * 31 + Files.getLastModifiedTime(path).toMillis());
            }

            @Override
            List<Item> items() {
                List<Item> items = new ArrayList<>();
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    String name = entry.getName();
                    if (!entry.isDirectory() && name.startsWith(RESOURCE_ROOT) && name.length() > RESOURCE_ROOT.length()) {
                        items.add(new Item(name.substring(RESOURCE_ROOT.length()), entry.getSize(), entry));
                    }
                }
                return items;
            }

            @Override
            InputStream open(Item item) throws IOException {
                return zip.getInputStream((ZipEntry) item.handle());
            }

            @Override
            public void close() throws IOException {
                zip.close();
            }
        }

        static final class Folder extends Source {
            private final Path root;

            Folder(Path root) {
                this.root = root;
            }

            @Override
            String artifactVersion() throws IOException {
                Path classPathRoot = root.getParent().getParent().getParent().getParent();
                Path pom = classPathRoot.resolve(POM_PROPERTIES);
                if (Files.isRegularFile(pom)) {
                    Properties p = new Properties();
                    try (InputStream in = Files.newInputStream(pom)) {
                        p.load(in);
                    }
                    String v = p.getProperty("version");
                    if (v != null && v.matches("[\\w.+-]+")) {
                        return v;
                    }
                }
                Path lib = root.resolve(LIBRARY);
                return "unknown-" + Long.toHexString(root.toString().hashCode() * 31L + Files.getLastModifiedTime(lib).toMillis());
            }

            @Override
            List<Item> items() throws IOException {
                List<Item> items = new ArrayList<>();
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(Files::isRegularFile).forEach(f -> {
                        String name = root.relativize(f).toString().replace('\\', '/');
                        try {
                            items.add(new Item(name, Files.size(f), f));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                items.sort(Comparator.comparing(Item::name));
                return Collections.unmodifiableList(items);
            }

            @Override
            InputStream open(Item item) throws IOException {
                return Files.newInputStream((Path) item.handle());
            }

            @Override
            public void close() {
            }
        }
    }
}
