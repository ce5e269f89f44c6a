package dev.easel.app.build;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.MethodModel;
import java.lang.classfile.MethodTransform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Build step (app/pom.xml, on the copied jars in {@code target/lib}): rewrites a jar's class files
 * older than Java 6 (major version &lt; 50) as Java 8 class files, stack maps computed. JDK 25's
 * ahead-of-time cache cannot keep such old classes once linked ("Old class has been linked"): they
 * were loaded, verified by the old type-inferring verifier and interpreted at every start. picocli
 * is built for Java 5: ~180 classes at every start, as long as the JVM's own start (docs/startup.md).
 * The bytecode is the same; only the version and the stack maps (which the new verifier checks) change.
 *
 * <p>Usage: {@code ModernClassFiles JAR...}; a jar with no old class is left as it is.
 */
public final class ModernClassFiles {
    private static final int JAVA_6 = 50;
    private static final int JAVA_8 = 52;

    private ModernClassFiles() {}

    public static void main(String[] args) throws IOException {
        for (String a : args) {
            int n = rewrite(Path.of(a));
            // Said only with -Deasel.build.verbose: `./easel`'s first build shows users nothing of it.
            if (Boolean.getBoolean("easel.build.verbose")) {
                System.out.println("ModernClassFiles: " + a + ": " + n + " class files made Java 8");
            }
        }
    }

    /** Rewrites {@code jar} in place; returns how many class files changed. */
    public static int rewrite(Path jar) throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        java.util.jar.Manifest manifest;
        try (JarFile in = new JarFile(jar.toFile())) {
            manifest = in.getManifest();
            for (JarEntry e : java.util.Collections.list(in.entries())) {
                if (e.getName().equals(JarFile.MANIFEST_NAME)) {
                    continue;
                }
                try (InputStream s = in.getInputStream(e)) {
                    entries.put(e.getName(), s.readAllBytes());
                }
            }
        }
        // Stack maps need the common super class of two types: from this jar's classes, else the JDK's.
        ClassHierarchyResolver resolver = ClassHierarchyResolver.ofResourceParsing(desc -> {
            String d = desc.descriptorString();
            byte[] b = entries.get(d.substring(1, d.length() - 1) + ".class");
            return b == null ? null : new ByteArrayInputStream(b);
        }).orElse(ClassHierarchyResolver.defaultResolver());
        ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(resolver),
                ClassFile.StackMapsOption.GENERATE_STACK_MAPS);
        int changed = 0;
        for (var e : entries.entrySet()) {
            if (!e.getKey().endsWith(".class") || e.getKey().startsWith("META-INF/")) {
                continue;
            }
            ClassModel m = cf.parse(e.getValue());
            if (m.majorVersion() >= JAVA_6) {
                continue;
            }
            // Every method body built again (not copied), so that its stack maps are generated.
            byte[] out = cf.transformClass(m, (cb, ce) -> {
                switch (ce) {
                    case ClassFileVersion v -> cb.withVersion(JAVA_8, 0);
                    case MethodModel mm -> cb.transformMethod(mm, MethodTransform.transformingCode(CodeTransform.ACCEPT_ALL));
                    default -> cb.with(ce);
                }
            });
            e.setValue(out);
            changed++;
        }
        if (changed == 0) {
            return 0;
        }
        Path tmp = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".tmp");
        try (OutputStream fo = Files.newOutputStream(tmp);
             JarOutputStream out = manifest == null ? new JarOutputStream(fo) : new JarOutputStream(fo, manifest)) {
            for (var e : entries.entrySet()) {
                JarEntry je = new JarEntry(e.getKey());
                out.putNextEntry(je);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        try {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(jar)); // a temp file is 0600
        } catch (UnsupportedOperationException notPosix) {
            // as it is
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return changed;
    }
}
