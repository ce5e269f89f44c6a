package dev.easel.pybridge;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A bundled CPython's folder on disk: its files written (inflated by several threads) with a
 * manifest last, checked against that manifest, and deleted safely. The manifest is what makes an
 * interrupted or damaged extraction detectable: a header, {@code files N}, one {@code size name} line
 * per file and {@code end}; a folder whose manifest is missing, cut short or contradicted by any file
 * is not used. {@link BundledPython} decides when to extract; this class only does the file work.
 */
final class BundledTree {
    /** The manifest, written last into the installation folder. */
    static final String MANIFEST = ".easel-manifest";
    private static final String MANIFEST_HEADER = "easel bundled cpython manifest 1";
    private static final System.Logger LOG = System.getLogger(BundledPython.class.getName());
    private static final int BUFFER = 1 << 16;
    /** Permissions of extracted executables and shared objects. */
    private static final Set<PosixFilePermission> EXECUTABLE_PERMISSIONS = PosixFilePermissions.fromString("rwxr-xr-x");

    private BundledTree() {
    }

    /**
     * Checks an extracted folder against its manifest: the manifest is complete, every file it lists
     * exists with the listed size, and the platform's library and landmark are among them. Cheap: one
     * {@code stat} per file.
     */
    static boolean verify(Path dir, BundledPlatform platform) {
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

    /** Writes every kept file and {@code extras} into {@code temp}, then the manifest. Returns {files, bytes}. */
    static long[] writeAll(BundledSource source, List<BundledNumpy.Entry> extras, Path temp) throws IOException {
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
    static void removeLeftovers(Path cacheRoot, String name) throws IOException {
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
    static void deleteAside(Path dir) throws IOException {
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
}
