package dev.easel.pybridge;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An already unpacked bundled CPython (the installed app's) used where it is, through {@code easel.python.home}. */
class BundledInPlaceTest {

    @Test
    void anUnpackedTreeIsUsedInPlaceWithoutExtractingAnything(@TempDir Path unpackedCache, @TempDir Path userCache) throws Exception {
        Assumptions.assumeTrue(TestPython.choice().equals("bundled"), "once, in the default run");
        Path tree = BundledPython.extract(unpackedCache).dir();
        String before = System.getProperty(BundledPython.HOME_PROPERTY);
        System.setProperty(BundledPython.HOME_PROPERTY, tree.toString());
        try {
            assertTrue(BundledPython.isAvailable());
            PythonInstallation found = BundledPython.find(Map.of("EASEL_CACHE", userCache.toString())).orElseThrow();
            assertEquals(tree.resolve(BundledPlatform.current().library()), found.library());
            assertEquals(tree, found.home());
            assertEquals("3.14", found.version().major() + "." + found.version().minor());
            try (Stream<Path> s = Files.list(userCache)) {
                assertFalse(s.findAny().isPresent(), "nothing extracted into the user's cache");
            }
            // The locator's default, and --python bundled, take it too.
            Map<String, String> env = Map.of("EASEL_CACHE", userCache.toString(), "PATH", "/nonexistent");
            assertEquals(found.library(), PythonLocator.locate(null, env).library());
            assertEquals(found.library(), PythonLocator.locate("bundled", env).library());
        } finally {
            if (before == null) {
                System.clearProperty(BundledPython.HOME_PROPERTY);
            } else {
                System.setProperty(BundledPython.HOME_PROPERTY, before);
            }
        }
    }

    @Test
    void aFolderWithoutCPythonIsRefusedNamingTheProperty(@TempDir Path empty) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BundledPython.inPlace(empty, BundledPlatform.current()));
        assertTrue(e.getMessage().contains(BundledPython.HOME_PROPERTY + "=" + empty), e.getMessage());
    }
}
