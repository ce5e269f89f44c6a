package dev.easel.canvas.host.python;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The installed app's copy of the easel package ({@code easel.python.package}) is used in place when it is this jar's. */
class PythonPackageShippedTest {

    @Test
    void aShippedCopyWithThisHashIsUsedAndAnyOtherIsNot(@TempDir Path shipped, @TempDir Path stale) throws Exception {
        Path written = PythonPackage.install();
        String hash = Files.readString(written.resolve("easel").resolve(".complete")).strip();
        copy(written, shipped);
        Files.createDirectories(stale.resolve("easel"));
        Files.writeString(stale.resolve("easel").resolve(".complete"), "0000000000000000");
        String before = System.getProperty(PythonPackage.SHIPPED_PROPERTY);
        try {
            System.setProperty(PythonPackage.SHIPPED_PROPERTY, shipped.toString());
            assertEquals(shipped, PythonPackage.install());
            // Another version's copy (another hash) is not used: the cache's is.
            System.setProperty(PythonPackage.SHIPPED_PROPERTY, stale.toString());
            assertNull(PythonPackage.shipped(hash));
            assertNotEquals(stale, PythonPackage.install());
        } finally {
            if (before == null) {
                System.clearProperty(PythonPackage.SHIPPED_PROPERTY);
            } else {
                System.setProperty(PythonPackage.SHIPPED_PROPERTY, before);
            }
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        Path pkg = Files.createDirectories(to.resolve("easel"));
        try (var files = Files.list(from.resolve("easel"))) {
            for (Path f : files.toList()) {
                Files.copy(f, pkg.resolve(f.getFileName()));
            }
        }
    }
}
