package dev.easel.pybridge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How {@link VirtualEnvironment} finds and reads {@code pyvenv.cfg}: as CPython's path calculation does. No Python runs. */
class VirtualEnvironmentTest {
    @TempDir
    Path dir;

    private Path python(String venv) throws IOException {
        Path exe = dir.resolve(venv).resolve("bin").resolve("python");
        Files.createDirectories(exe.getParent());
        Files.writeString(exe, "");
        return exe;
    }

    @Test
    void pyvenvCfgAboveTheExecutable() throws IOException {
        Path exe = python("v");
        Files.writeString(dir.resolve("v/pyvenv.cfg"), """
                home = /usr/bin
                include-system-site-packages = false
                version = 3.11.2
                """);
        VirtualEnvironment v = VirtualEnvironment.around(exe).orElseThrow();
        assertEquals(dir.resolve("v"), v.prefix());
        assertEquals(dir.resolve("v/pyvenv.cfg"), v.config());
        assertEquals(Path.of("/usr/bin"), v.home());
        assertFalse(v.includeSystemSitePackages());
    }

    @Test
    void keysAreCaseAndSpaceInsensitiveAndSystemSiteIsRead() throws IOException {
        Path exe = python("v");
        Files.writeString(dir.resolve("v/pyvenv.cfg"), "  HOME=/opt/py/bin  \nInclude-System-Site-Packages =  True\n");
        VirtualEnvironment v = VirtualEnvironment.around(exe).orElseThrow();
        assertEquals(Path.of("/opt/py/bin"), v.home());
        assertTrue(v.includeSystemSitePackages());
    }

    @Test
    void pyvenvCfgNextToTheExecutable() throws IOException {
        Path exe = python("v");
        Files.writeString(exe.resolveSibling("pyvenv.cfg"), "home = /usr/bin\n");
        assertEquals(Optional.of(dir.resolve("v/bin")), VirtualEnvironment.around(exe).map(VirtualEnvironment::prefix));
    }

    @Test
    void withoutHomeOrWithoutPyvenvCfgItIsNoVenv() throws IOException {
        Path exe = python("v");
        assertTrue(VirtualEnvironment.around(exe).isEmpty());
        Files.writeString(dir.resolve("v/pyvenv.cfg"), "include-system-site-packages = false\n");
        assertTrue(VirtualEnvironment.around(exe).isEmpty(), "CPython ignores a pyvenv.cfg without home");
    }

    @Test
    void anInstallationWithoutExecutableIsNoVenv() {
        PythonInstallation lib = new PythonInstallation(dir.resolve("libpython3.12.so"), dir, Optional.empty(),
                new PythonVersion(3, 12, 1), false, "test");
        assertTrue(VirtualEnvironment.of(lib).isEmpty());
    }
}
