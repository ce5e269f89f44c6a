package dev.easel.pybridge;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where easel pip's packages go: {@code EASEL_DATA}, then {@code XDG_DATA_HOME}, then {@code ~/.local/share}. */
class BundledUserSiteTest {
    @Test
    void userBaseFollowsEaselDataThenXdgThenHome() {
        assertEquals(Path.of("/d/python"), BundledUserSite.userBase(Map.of("EASEL_DATA", "/d", "XDG_DATA_HOME", "/x", "HOME", "/h")));
        assertEquals(Path.of("/x/easel/python"), BundledUserSite.userBase(Map.of("XDG_DATA_HOME", "/x", "HOME", "/h")));
        assertEquals(Path.of("/h/.local/share/easel/python"), BundledUserSite.userBase(Map.of("XDG_DATA_HOME", "relative", "HOME", "/h")));
        assertEquals(Path.of("/h/.local/share/easel/python"), BundledUserSite.userBase(Map.of("EASEL_DATA", " ", "HOME", "/h")));
    }

    @Test
    void onlyTheBundledExtractionIsTheBundledPython() {
        // A Python folder without Easel's manifest (pyenv's, the system's) is not the bundled one.
        PythonInstallation other = new PythonInstallation(Path.of("/usr/lib/x86_64-linux-gnu/libpython3.11.so.1"),
                Path.of("/usr"), Optional.empty(), new PythonVersion(3, 11, 2), false, "test");
        assertFalse(BundledUserSite.appliesTo(other));
        PythonInstallation bundled = BundledPython.find().orElseThrow();
        assertTrue(BundledUserSite.appliesTo(bundled));
        assertTrue(BundledUserSite.appliesTo(InstallationCheck.withOrigin(bundled, "--python 3.14")));
    }
}
