package dev.easel.pybridge;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a system Python is found and checked on Linux on a CPU other than this machine's x86-64 (arm64
 * above all, the other Linux the bundled CPython exists for): Debian's multiarch folder, and the ELF
 * machine a libpython must have. Headers written to files stand for the libraries; nothing is loaded.
 */
class OtherCpuLinuxTest {

    private static final int EM_X86_64 = 62;
    private static final int EM_AARCH64 = 183;

    @BeforeAll
    static void onceNotPerPython() {
        assumeTrue(TestPython.choice().equals("bundled"), "pure Java: once, in the default (bundled) run");
    }

    /** The first 20 bytes of a 64-bit little-endian ELF file of {@code type} for {@code machine}. */
    private static Path elf(Path dir, String name, int type, int machine) throws IOException {
        byte[] h = new byte[64];
        h[0] = 0x7f;
        h[1] = 'E';
        h[2] = 'L';
        h[3] = 'F';
        h[4] = 2; // 64-bit
        h[5] = 1; // little-endian
        h[6] = 1;
        h[16] = (byte) type;
        h[18] = (byte) machine;
        h[19] = (byte) (machine >> 8);
        return Files.write(dir.resolve(name), h);
    }

    @Test
    void multiarchFolderOfEachCpu() {
        assertEquals("x86_64-linux-gnu", SearchPlaces.multiarch("amd64"));
        assertEquals("aarch64-linux-gnu", SearchPlaces.multiarch("aarch64"));
        assertEquals("aarch64-linux-gnu", SearchPlaces.multiarch("arm64"));
        assertEquals("riscv64-linux-gnu", SearchPlaces.multiarch("riscv64"));
        assertNull(SearchPlaces.multiarch("x86"));
        assertNull(SearchPlaces.multiarch(""));
    }

    @Test
    void anArm64LibpythonIsTakenOnArm64AndRefusedOnX8664(@TempDir Path dir) throws IOException {
        Path arm = elf(dir, "libpython3.14-arm64.so", 3, EM_AARCH64);
        Path x86 = elf(dir, "libpython3.14-x86.so", 3, EM_X86_64);
        assertDoesNotThrow(() -> InstallationCheck.checkElf(arm, "aarch64"));
        assertDoesNotThrow(() -> InstallationCheck.checkElf(x86, "amd64"));
        Rejected onX86 = assertThrows(Rejected.class, () -> InstallationCheck.checkElf(arm, "amd64"));
        assertTrue(onX86.getMessage().contains("ELF machine " + EM_AARCH64) && onX86.getMessage().contains("amd64"),
                onX86.getMessage());
        Rejected onArm = assertThrows(Rejected.class, () -> InstallationCheck.checkElf(x86, "aarch64"));
        assertTrue(onArm.getMessage().contains("ELF machine " + EM_X86_64) && onArm.getMessage().contains("aarch64"),
                onArm.getMessage());
    }

    @Test
    void anExecutableIsNotALibraryOnAnyCpu(@TempDir Path dir) throws IOException {
        Path exe = elf(dir, "python3.14", 2, EM_AARCH64); // ET_EXEC
        Rejected e = assertThrows(Rejected.class, () -> InstallationCheck.checkElf(exe, "aarch64"));
        assertTrue(e.getMessage().contains("not a shared library"), e.getMessage());
    }
}
