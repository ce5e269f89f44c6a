package dev.easel.pybridge;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Makes child JVMs start faster: the class folders of the test class path are packed into jars and
 * an AOT cache (JEP 483/514: classes loaded and linked, method profiles) is trained once per build
 * by {@link AotTrainingMain}, then used by every child of every test JVM of the build (the five
 * per-Python executions share {@code target/}). Saves about a fifth of a child's CPU time. Any
 * failure falls back to the plain class path: the cache changes speed, never behaviour.
 */
final class ChildAot {
    /** The class path and options for children, made on first use: {@code [-XX:AOTCache=..., -cp, path]}. */
    private static List<String> options;

    private ChildAot() {}

    /**
     * The options that put a child on the cached class path, given the command that starts a child
     * JVM up to (not including) its class path; {@code classPath} is the plain one.
     */
    static synchronized List<String> options(List<String> javaCommand, String classPath) {
        if (options == null) {
            options = make(javaCommand, classPath);
        }
        return options;
    }

    private static List<String> make(List<String> javaCommand, String classPath) {
        List<String> plain = List.of("-cp", classPath);
        try {
            Path dir = Path.of(System.getProperty("easel.test.reports", System.getProperty("java.io.tmpdir")), "child-jvm");
            Files.createDirectories(dir);
            List<String> entries = new ArrayList<>();
            long key = 17;
            for (String e : classPath.split(File.pathSeparator)) {
                Path p = Path.of(e);
                if (Files.isDirectory(p)) {
                    long h = fingerprint(p);
                    Path jar = dir.resolve(p.getFileName() + "-" + Long.toHexString(h) + ".jar");
                    if (!Files.exists(jar)) {
                        pack(p, jar);
                    }
                    entries.add(jar.toString());
                    key = key * 31 + h;
                } else {
                    entries.add(e);
                    key = key * 31 + e.hashCode();
                }
            }
            String jars = String.join(File.pathSeparator, entries);
            Path cache = dir.resolve("child-" + Long.toHexString(key) + ".aot");
            if (!Files.exists(cache)) {
                Path tmp = dir.resolve("child-" + Long.toHexString(key) + "-" + ProcessHandle.current().pid() + ".aot");
                List<String> cmd = new ArrayList<>(javaCommand);
                cmd.addAll(List.of("-XX:AOTCacheOutput=" + tmp, "-cp", jars, AotTrainingMain.class.getName()));
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("training.log").toFile()).start();
                if (!p.waitFor(180, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return plain;
                }
                if (p.exitValue() != 0 || !Files.exists(tmp)) {
                    return plain;
                }
                Files.move(tmp, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return List.of("-XX:AOTCache=" + cache, "-cp", jars);
        } catch (IOException | RuntimeException e) {
            return plain;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return plain;
        }
    }

    /** A hash of the files under {@code root}: their paths, sizes and times. */
    private static long fingerprint(Path root) throws IOException {
        long h = 1;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                h = h * 31 + root.relativize(f).toString().hashCode();
                h = h * 31 + Files.size(f);
                h = h * 31 + Files.getLastModifiedTime(f).toMillis();
            }
        }
        return h;
    }

    private static void pack(Path root, Path jar) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + "." + ProcessHandle.current().pid());
        try (OutputStream os = Files.newOutputStream(tmp); JarOutputStream out = new JarOutputStream(os);
             Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(root.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
