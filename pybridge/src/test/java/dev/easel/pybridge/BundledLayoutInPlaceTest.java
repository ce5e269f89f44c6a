package dev.easel.pybridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed app's in-place CPython ({@code easel.python.home}, {@link BundledPython#inPlace}) for each
 * platform's layout, and which platforms get numpy: the paths of macOS arm64, Windows x86-64 and Linux
 * arm64 that this Linux x86-64 machine cannot run. Trees of empty files stand for the unpacked jars;
 * nothing is started (none of them has an executable, so none is run).
 */
class BundledLayoutInPlaceTest {

    private static final String ARTIFACT = "3.14.3-1.5.13";

    @BeforeAll
    static void onceNotPerPython() {
        assumeTrue(TestPython.choice().equals("bundled"), "pure Java: once, in the default (bundled) run");
    }

    /** An unpacked tree of {@code p}'s layout: its library and its stdlib's landmark, as empty files. */
    private static Path tree(Path root, BundledPlatform p) throws IOException {
        Path dir = root.resolve(p.cacheFolder(ARTIFACT));
        for (String file : List.of(p.library(), p.landmark())) {
            Files.createDirectories(dir.resolve(file).getParent());
            Files.createFile(dir.resolve(file));
        }
        return dir;
    }

    @Test
    void eachPlatformsTreeIsUsedInPlace(@TempDir Path root) throws IOException {
        for (BundledPlatform p : BundledPlatform.values()) {
            Path dir = tree(root, p);
            PythonInstallation found = BundledPython.inPlace(dir, p);
            assertEquals(dir.resolve(p.library()), found.library(), p.name());
            assertEquals(dir, found.home(), p.name());
            assertEquals(PythonVersion.parse("3.14.3"), found.version(), p.name());
            assertEquals(Optional.empty(), found.executable(), p.name() + ": no executable in the tree");
            assertFalse(found.freeThreaded(), p.name());
            assertEquals("bundled", found.origin(), p.name());
        }
    }

    @Test
    void aTreeOfAnotherLayoutIsRefusedNamingWhatIsMissing(@TempDir Path root) throws IOException {
        int refused = 0;
        for (BundledPlatform made : BundledPlatform.values()) {
            Path dir = tree(root, made);
            for (BundledPlatform other : BundledPlatform.values()) {
                if (other.library().equals(made.library()) && other.landmark().equals(made.landmark())) {
                    continue; // the two Linux layouts are one
                }
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> BundledPython.inPlace(dir, other), made + " as " + other);
                assertTrue(e.getMessage().contains(BundledPython.HOME_PROPERTY + "=" + dir), e.getMessage());
                assertTrue(e.getMessage().contains(other.library()) && e.getMessage().contains(other.landmark()),
                        e.getMessage());
                refused++;
            }
        }
        // Linux (2) against macOS and Windows, macOS against 3, Windows against 3.
        assertEquals(10, refused);
    }

    @Test
    void theLayoutsDifferWhereTheJarsDo() {
        // Linux x86-64 and arm64: one layout; macOS: another library name; Windows: another library and stdlib.
        assertEquals(BundledPlatform.LINUX_X86_64.library(), BundledPlatform.LINUX_ARM64.library());
        assertEquals(BundledPlatform.LINUX_X86_64.landmark(), BundledPlatform.LINUX_ARM64.landmark());
        assertEquals("lib/python3.14/os.py", BundledPlatform.MACOSX_ARM64.landmark());
        assertEquals("lib/os.py", BundledPlatform.WINDOWS_X86_64.landmark());
        assertEquals("python.exe", BundledPlatform.WINDOWS_X86_64.executable());
    }

    @Test
    void numpyIsBundledOnlyOnLinuxAndOnlyWithItsJars() throws IOException {
        // macOS and Windows: never (their jars' layouts are untested), whatever is on the class path.
        for (BundledPlatform p : List.of(BundledPlatform.MACOSX_ARM64, BundledPlatform.WINDOWS_X86_64)) {
            assertFalse(BundledNumpy.isAvailable(p), p.name());
            assertNull(BundledNumpy.open(p), p.name());
        }
        // Linux arm64: its jars are not on this x86-64 build's class path, so no numpy (and no error).
        assertFalse(BundledNumpy.isAvailable(BundledPlatform.LINUX_ARM64));
        assertNull(BundledNumpy.open(BundledPlatform.LINUX_ARM64));
    }
}
