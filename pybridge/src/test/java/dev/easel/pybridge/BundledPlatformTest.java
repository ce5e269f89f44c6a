package dev.easel.pybridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tests {@link BundledPlatform}: which jar each {@code os.name}/{@code os.arch} gets, and that the
 * layout it describes is the real one. Pure Java, no Python is started. Only Linux x86-64 can run
 * here, so the other platforms are covered by the selection tests and, when their jars are in the
 * local Maven repository ({@code ~/.m2}), by checking the layout against those jars.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BundledPlatformTest {

    private static final String VERSION = "3.14.3-1.5.13";

    @Test
    void eachSupportedOsAndCpuGetsItsJar() {
        assertEquals(BundledPlatform.LINUX_X86_64, BundledPlatform.of("Linux", "amd64"));
        assertEquals(BundledPlatform.LINUX_X86_64, BundledPlatform.of("Linux", "x86_64"));
        assertEquals(BundledPlatform.LINUX_ARM64, BundledPlatform.of("Linux", "aarch64"));
        assertEquals(BundledPlatform.MACOSX_ARM64, BundledPlatform.of("Mac OS X", "aarch64"));
        assertEquals(BundledPlatform.MACOSX_ARM64, BundledPlatform.of("Darwin", "arm64"));
        assertEquals(BundledPlatform.WINDOWS_X86_64, BundledPlatform.of("Windows 11", "amd64"));
        assertEquals(BundledPlatform.WINDOWS_X86_64, BundledPlatform.of("Windows Server 2022", "amd64"));
        assertEquals("linux-x86_64, linux-arm64, macosx-arm64, windows-x86_64", BundledPlatform.supported());
    }

    @Test
    void otherOsOrCpuIsRefusedNamingWhatIsSupported() {
        List<List<String>> unsupported = List.of(
                List.of("Mac OS X", "x86_64"),      // Intel Macs: no jar of this version
                List.of("Windows 11", "aarch64"),
                List.of("Windows 10", "x86"),
                List.of("Linux", "x86"),
                List.of("Linux", "arm"),
                List.of("Linux", "riscv64"),
                List.of("Linux", "ppc64le"),
                List.of("FreeBSD", "amd64"),
                List.of("SunOS", "sparcv9"),
                List.of("", ""));
        for (List<String> p : unsupported) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> BundledPlatform.of(p.get(0), p.get(1)), p.toString());
            String message = e.getMessage();
            assertTrue(message.contains("os.name \"" + p.get(0) + "\", os.arch \"" + p.get(1) + "\""), message);
            assertTrue(message.contains(BundledPlatform.supported()), message);
            assertTrue(message.contains("--python"), message);
        }
    }

    @Test
    void locatingOnAnotherPlatformSaysWhyTheBundledOneIsNotUsed() throws Exception {
        // A child JVM told it runs on FreeBSD, with no python3 on PATH: the locator's message names the four.
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder pb = new ProcessBuilder(java, "-Dos.name=FreeBSD", "-cp", System.getProperty("java.class.path"),
                BundledExtractionMain.class.getName(), "locate").redirectErrorStream(true);
        pb.environment().remove("EASEL_PYTHON");
        pb.environment().put("PATH", "");
        Process child = pb.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(child.exitValue() != 0, output);
        assertTrue(output.contains("PythonNotFoundException"), output);
        assertTrue(output.contains("bundled CPython 3.14: There is no bundled CPython for this platform (os.name \"FreeBSD\""), output);
        assertTrue(output.contains(BundledPlatform.supported()), output);
        assertTrue(output.contains("python3 on PATH: not found"), output);
    }

    @Test
    void thisMachineIsLinuxX8664() {
        String os = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        assumeTrue(os.equals("Linux") && arch.equals("amd64"), "not Linux x86-64: " + os + " " + arch);
        assertEquals(BundledPlatform.LINUX_X86_64, BundledPlatform.current());
        assertTrue(BundledPython.isAvailable());
    }

    @Test
    void layoutOfEachPlatform() {
        record Layout(String root, String library, String stdlib, String executable) {
        }
        Map<BundledPlatform, Layout> expected = Map.of(
                BundledPlatform.LINUX_X86_64, new Layout("org/bytedeco/cpython/linux-x86_64/", "libpython3.14.so.1.0", "lib/python3.14", "bin/python3.14"),
                BundledPlatform.LINUX_ARM64, new Layout("org/bytedeco/cpython/linux-arm64/", "libpython3.14.so.1.0", "lib/python3.14", "bin/python3.14"),
                BundledPlatform.MACOSX_ARM64, new Layout("org/bytedeco/cpython/macosx-arm64/", "libpython3.14.dylib", "lib/python3.14", "bin/python3.14"),
                BundledPlatform.WINDOWS_X86_64, new Layout("org/bytedeco/cpython/windows-x86_64/", "python314.dll", "lib", "python.exe"));
        assertEquals(BundledPlatform.values().length, expected.size());
        for (BundledPlatform p : BundledPlatform.values()) {
            Layout l = expected.get(p);
            assertEquals(l, new Layout(p.resourceRoot(), p.library(), p.stdlib(), p.executable()), p.name());
            assertEquals(l.stdlib() + "/os.py", p.landmark());
            assertEquals("cpython-" + VERSION + "-" + p.classifier(), p.cacheFolder(VERSION));
            Matcher m = p.jarName().matcher("cpython-" + VERSION + "-" + p.classifier() + ".jar");
            assertTrue(m.matches(), p.name());
            assertEquals(VERSION, m.group(1));
            for (BundledPlatform other : BundledPlatform.values()) {
                if (other != p) {
                    assertFalse(p.jarName().matcher("cpython-" + VERSION + "-" + other.classifier() + ".jar").matches());
                }
            }
        }
    }

    @Test
    void linuxExtractsWhatItAlwaysDid() {
        BundledPlatform p = BundledPlatform.LINUX_X86_64;
        for (String kept : List.of("libpython3.14.so.1.0", "libffi.so.8", "bin/python3.14", "bin/python3",
                "lib/python3.14/os.py", "lib/python3.14/lib-dynload/_ssl.cpython-314-x86_64-linux-gnu.so",
                "lib/python3.14/site-packages/pip/__init__.py", "lib/python3.14/test_like_name.py")) {
            assertTrue(p.keep(kept), kept);
        }
        for (String skipped : List.of("include/python3.14/Python.h", "share/man/man1/python3.14.1", "libs/x",
                "lib/pkgconfig/python3.pc", "lib/cmake/OpenSSL/OpenSSLConfig.cmake", "lib/ossl-modules/legacy.so",
                "lib/python3.14/test/test_os.py", "lib/python3.14/idlelib/idle.py", "lib/python3.14/tkinter/__init__.py",
                "lib/python3.14/turtledemo/chaos.py", "lib/python3.14/lib-dynload/_testcapi.cpython-314-x86_64-linux-gnu.so",
                "lib/python3.14/lib-dynload/_ctypes_test.cpython-314-x86_64-linux-gnu.so",
                "lib/python3.14/lib-dynload/xxlimited_35.cpython-314-x86_64-linux-gnu.so",
                "lib/python3.14/json/__pycache__/__init__.cpython-314.pyc",
                "bin/pip3", "bin/idle3", "bin/pydoc3.14", "bin/c_rehash", "bin/python3-config", "bin/python3.14-config",
                "libjnipython.so", "python3.14", "libffi.so")) {
            assertFalse(p.keep(skipped), skipped);
        }
        assertTrue(p.needsExecuteBit("bin/python3.14"));
        assertTrue(p.needsExecuteBit("libpython3.14.so.1.0"));
        assertTrue(p.needsExecuteBit("lib/python3.14/lib-dynload/_ssl.cpython-314-x86_64-linux-gnu.so"));
        assertFalse(p.needsExecuteBit("lib/python3.14/os.py"));
        assertEquals(Map.of("PYTHONHOME", "/c/py", "PATH", "/usr/bin:/bin"), p.executableEnvironment(Path.of("/c/py"), Map.of("HOME", "/h")));
        assertEquals(Map.of("PYTHONHOME", "/c/py", "PATH", "/opt/bin"), p.executableEnvironment(Path.of("/c/py"), Map.of("PATH", "/opt/bin")));
    }

    @Test
    void macosAndWindowsExtractTheSameKindsOfFiles() {
        BundledPlatform mac = BundledPlatform.MACOSX_ARM64;
        assertTrue(mac.keep("libpython3.14.dylib"));
        assertTrue(mac.keep("lib/python3.14/lib-dynload/_ssl.cpython-314-darwin.so"));
        assertFalse(mac.keep("libjnipython.dylib"));
        assertFalse(mac.keep("lib/ossl-modules/legacy.dylib"));
        assertFalse(mac.keep("lib/python3.14/lib-dynload/_testcapi.cpython-314-darwin.so"));
        assertTrue(mac.needsExecuteBit("libpython3.14.dylib"));
        assertTrue(mac.needsExecuteBit("lib/python3.14/lib-dynload/_ssl.cpython-314-darwin.so"));

        BundledPlatform win = BundledPlatform.WINDOWS_X86_64;
        for (String kept : List.of("python314.dll", "python.exe", "lib/os.py", "lib/_ssl.pyd", "lib/libssl-3.dll",
                "lib/libcrypto-3.dll", "lib/libffi-8.dll", "lib/vcruntime140.dll", "lib/pip/__init__.py",
                "lib/site-packages/README.txt")) {
            assertTrue(win.keep(kept), kept);
            assertFalse(win.needsExecuteBit(kept), kept);
        }
        for (String skipped : List.of("bin/python.exe", "bin/pythonw.exe", "jnipython.dll", "include/Python.h",
                "libs/python314.lib", "lib/test/test_os.py", "lib/idlelib/idle.py", "lib/tkinter/__init__.py",
                "lib/turtledemo/chaos.py", "lib/_testcapi.pyd", "lib/_ctypes_test.pyd", "lib/xxlimited_35.pyd",
                "lib/_tkinter.pyd", "lib/tcl86t.dll", "lib/tk86t.dll", "lib/pyshellext.dll", "lib/json/__pycache__/x.pyc")) {
            assertFalse(win.keep(skipped), skipped);
        }
        Path home = Path.of("/c/py"); // a Windows path cannot be made here; only the shape matters
        Map<String, String> env = win.executableEnvironment(home, Map.of("Path", "C:\\Windows", "SystemRoot", "C:\\Windows"));
        assertEquals(home.toString(), env.get("PYTHONHOME"));
        assertEquals(home.resolve("lib") + ";C:\\Windows", env.get("PATH"));
        assertEquals("C:\\Windows", env.get("SYSTEMROOT"));
        assertEquals(home.resolve("lib").toString(), win.executableEnvironment(home, Map.of()).get("PATH"));
    }

    @Test
    void layoutOfThisPlatformMatchesTheJarOnTheClassPath() throws Exception {
        BundledPlatform p = BundledPlatform.current();
        ClassLoader loader = getClass().getClassLoader();
        URL library = loader.getResource(p.resourceRoot() + p.library());
        assertNotNull(library, "the class path has no " + p.resourceRoot() + p.library());
        assertNotNull(loader.getResource(p.resourceRoot() + p.executable()), p.executable());
        assertNotNull(loader.getResource(p.resourceRoot() + p.landmark()), p.landmark());
        assertEquals("jar", library.getProtocol());
        String spec = library.toString();
        Path jar = Path.of(new java.net.URI(spec.substring(4, spec.indexOf("!/"))));
        Matcher m = p.jarName().matcher(jar.getFileName().toString());
        assertTrue(m.matches(), jar.toString());
        assertEquals(VERSION, m.group(1));
        checkJar(p, jar);
    }

    @Test
    void layoutOfEveryPlatformMatchesItsJarWhenDownloaded() throws Exception {
        Path repository = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "bytedeco", "cpython", VERSION);
        List<String> missing = new ArrayList<>();
        for (BundledPlatform p : BundledPlatform.values()) {
            Path jar = repository.resolve("cpython-" + VERSION + "-" + p.classifier() + ".jar");
            if (Files.isRegularFile(jar)) {
                checkJar(p, jar);
            } else {
                missing.add(p.classifier());
            }
        }
        assumeTrue(missing.isEmpty(), "jars not in " + repository + ": " + missing);
    }

    /** The library, executable and stdlib are where {@code p} says; what is kept is a working stdlib. */
    private static void checkJar(BundledPlatform p, Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> kept = new ArrayList<>();
            for (ZipEntry e : Collections.list(zip.entries())) {
                String name = e.getName();
                if (!e.isDirectory() && name.startsWith(p.resourceRoot()) && p.keep(name.substring(p.resourceRoot().length()))) {
                    kept.add(name.substring(p.resourceRoot().length()));
                }
            }
            String where = p.classifier() + " in " + jar;
            for (String file : List.of(p.library(), p.executable(), p.landmark(), p.stdlib() + "/encodings/__init__.py",
                    p.stdlib() + "/ssl.py", p.stdlib() + "/ctypes/__init__.py")) {
                assertTrue(kept.contains(file), file + " kept, " + where);
            }
            assertTrue(kept.size() > 1000 && kept.size() < 2000, kept.size() + " files kept, " + where);
            for (String file : kept) {
                assertFalse(file.contains("/test/") || file.contains("idlelib/") || file.startsWith("include/")
                        || file.contains("jnipython") || file.contains("_testcapi"), file + " kept, " + where);
            }
            String ssl = kept.stream().filter(f -> f.contains("_ssl.")).findFirst().orElse("(none)");
            assertTrue(ssl.startsWith(p.stdlib() + "/"), "_ssl " + ssl + ", " + where);
        }
    }
}
