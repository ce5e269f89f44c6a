package dev.easel.app.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The picocli jar made AOT-cacheable: every class Java 8 with stack maps, and each one still verifies and links. */
class ModernClassFilesTest {
    @TempDir
    Path dir;

    @Test
    void picocliBecomesJava8AndEveryClassStillVerifies() throws Exception {
        Path original = Path.of(picocli.CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = dir.resolve("picocli.jar");
        Files.copy(original, jar);
        assertTrue(majorVersions(jar).stream().anyMatch(v -> v < 50), "picocli ships Java 5 class files");

        int changed = ModernClassFiles.rewrite(jar);

        assertTrue(changed > 100, "picocli has ~230 classes, changed " + changed);
        assertTrue(majorVersions(jar).stream().allMatch(v -> v == 52), "all Java 8 now: " + majorVersions(jar));
        assertEquals(0, ModernClassFiles.rewrite(jar), "a second run leaves it alone");
        try (JarFile j = new JarFile(jar.toFile())) {
            assertEquals("true", j.getManifest().getMainAttributes().getValue("Multi-Release"));
            assertTrue(j.getEntry("META-INF/versions/9/module-info.class") != null);
        }
        // A loader of its own: its classes are verified (the split verifier, on the new stack maps) when linked.
        int linked = 0;
        try (URLClassLoader l = new URLClassLoader(new URL[]{jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
             JarFile j = new JarFile(jar.toFile())) {
            for (JarEntry e : Collections.list(j.entries())) {
                String n = e.getName();
                if (n.endsWith(".class") && !n.startsWith("META-INF/")) {
                    Class<?> c = Class.forName(n.substring(0, n.length() - 6).replace('/', '.'), true, l);
                    assertEquals(l, c.getClassLoader());
                    linked++;
                }
            }
        }
        assertEquals(changed, linked);
    }

    private static List<Integer> majorVersions(Path jar) throws Exception {
        List<Integer> v = new ArrayList<>();
        try (JarFile j = new JarFile(jar.toFile())) {
            for (JarEntry e : Collections.list(j.entries())) {
                if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
                    try (InputStream in = j.getInputStream(e)) {
                        v.add(ClassFile.of().parse(in.readAllBytes()).majorVersion());
                    }
                }
            }
        }
        return v;
    }
}
