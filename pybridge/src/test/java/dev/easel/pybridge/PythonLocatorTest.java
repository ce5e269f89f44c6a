package dev.easel.pybridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests {@link PythonLocator}, {@link BundledPython} and {@link PythonVersion} against the real
 * Pythons of this machine: pyenv 3.10.13/3.11.7/3.12.1/3.13.0, Debian's libpython3.11, and the bundled
 * CPython 3.14. Tests that need a pyenv or Debian Python are skipped (not failed) where it is absent.
 * Nothing here damages the real cache: damage tests use their own temporary cache folders.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PythonLocatorTest {

    private static final Path DEBIAN_LIBRARY = Path.of("/usr/lib/x86_64-linux-gnu/libpython3.11.so.1");
    private static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3.11");

    // ---------------------------------------------------------------- helpers

    private static Path pyenvRoot() {
        String root = System.getenv("PYENV_ROOT");
        return root != null && !root.isBlank() ? Path.of(root) : Path.of(System.getProperty("user.home"), ".pyenv");
    }

    /** The folder of a pyenv version; skips the test if it is not installed. */
    private static Path pyenvVersion(String version) {
        Path dir = pyenvRoot().resolve("versions").resolve(version);
        assumeTrue(Files.isDirectory(dir), "pyenv " + version + " is not installed in " + dir);
        return dir;
    }

    private static Map<String, String> envWithout(String... names) {
        Map<String, String> env = new HashMap<>(System.getenv());
        for (String n : names) {
            env.remove(n);
        }
        return env;
    }

    private static void assertUsable(PythonInstallation i) {
        assertTrue(Files.isRegularFile(i.library()), "library exists: " + i);
        assertTrue(i.library().isAbsolute(), "library is absolute: " + i);
        assertTrue(Files.isRegularFile(i.home().resolve("lib/python" + i.abiName() + "/os.py")), "stdlib under home: " + i);
        assertEquals(i.home().resolve("lib/python" + i.abiName()), i.stdlib());
        i.executable().ifPresent(e -> assertTrue(Files.isExecutable(e), "executable runs: " + i));
        assertTrue(i.version().isAtLeast(3, 11), "3.11 or newer: " + i);
    }

    // ---------------------------------------------------------------- PythonVersion

    @Test
    void versionsParseCompareAndPrint() {
        assertEquals(new PythonVersion(3, 12, 0), PythonVersion.parse("3.12"));
        assertEquals(new PythonVersion(3, 12, 1), PythonVersion.parse(" 3.12.1 "));
        assertEquals(new PythonVersion(3, 13, 0), PythonVersion.parse("3.13t"));
        assertEquals(new PythonVersion(3, 13, 0), PythonVersion.parse("3.13.0t"));
        assertEquals(new PythonVersion(3, 14, 0), PythonVersion.parse("3.14.0rc1"));
        assertEquals("3.12.1", PythonVersion.parse("3.12.1").toString());
        assertEquals("3.13.0", PythonVersion.parse("3.13t").toString());
        assertTrue(PythonVersion.parse("3.11.7").isAtLeast(3, 11));
        assertTrue(PythonVersion.parse("3.12").isAtLeast(3, 11));
        assertTrue(PythonVersion.parse("4.0").isAtLeast(3, 14));
        assertFalse(PythonVersion.parse("3.10.13").isAtLeast(3, 11));
        assertFalse(PythonVersion.parse("2.7.18").isAtLeast(3, 0));
        assertTrue(PythonVersion.parse("3.9.18").compareTo(PythonVersion.parse("3.11.0")) < 0);
        assertTrue(PythonVersion.parse("3.12.10").compareTo(PythonVersion.parse("3.12.9")) > 0);
        for (String bad : List.of("", "3", "three", "3.x", "/usr/bin/python3", "bundled", "3.12.1.4")) {
            assertThrows(IllegalArgumentException.class, () -> PythonVersion.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new PythonInstallation(Path.of("lib.so"), Path.of("/usr"),
                java.util.Optional.empty(), PythonVersion.parse("3.12"), false, "test"));
    }

    // ---------------------------------------------------------------- each form of choice

    @Test
    void choiceIsAnExecutable() {
        Path dir = pyenvVersion("3.12.1");
        PythonInstallation i = PythonLocator.locate(dir.resolve("bin/python3.12").toString(), envWithout("EASEL_PYTHON"));
        assertEquals(PythonVersion.parse("3.12.1"), i.version());
        assertEquals(dir.resolve("lib/libpython3.12.so.1.0"), i.library());
        assertEquals(dir, i.home());
        assertEquals(dir.resolve("bin/python3.12"), i.executable().orElseThrow());
        assertFalse(i.freeThreaded());
        assertEquals("--python " + dir.resolve("bin/python3.12"), i.origin());
        assertUsable(i);
    }

    @Test
    void factsSurviveAnyCharacterInAPath(@TempDir Path tmp) throws Exception {
        Path real = pyenvVersion("3.12.1").resolve("bin/python3.12");
        Path dir = Files.createDirectories(tmp.resolve("odd \u2603 dir\twith \"quotes\" \\ and é"));
        Path link = Files.createSymbolicLink(dir.resolve("python3"), real);
        PythonProbe.Facts f = PythonProbe.facts(link, envWithout("EASEL_PYTHON"));
        assertEquals(link, f.executable(), "sys.executable is the link, read back intact");
        assertEquals(pyenvVersion("3.12.1"), f.basePrefix());
        assertEquals(PythonVersion.parse("3.12.1"), f.version());
        PythonInstallation i = PythonLocator.locate(link.toString(), envWithout("EASEL_PYTHON"));
        assertEquals(pyenvVersion("3.12.1").resolve("lib/libpython3.12.so.1.0"), i.library());
    }

    @Test
    void factValuesDecodeEveryForm() {
        assertEquals(null, PythonProbe.decode("n"));
        assertEquals(-3L, PythonProbe.decode("i:-3"));
        assertEquals("a\nb \u2603", PythonProbe.decode("s:610a6220e29883"));
        assertThrows(IllegalArgumentException.class, () -> PythonProbe.decode("{\"json\": 1}"));
    }

    @Test
    void choiceIsTheDebianExecutable() {
        assumeTrue(Files.isExecutable(DEBIAN_PYTHON), "no " + DEBIAN_PYTHON);
        PythonInstallation i = PythonLocator.locate(DEBIAN_PYTHON.toString());
        assertEquals(Path.of("/usr"), i.home());
        assertEquals(Path.of("/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0"), i.library());
        assertEquals(DEBIAN_PYTHON, i.executable().orElseThrow());
        assertUsable(i);
    }

    @Test
    void choiceIsALibrary() {
        assumeTrue(Files.isRegularFile(DEBIAN_LIBRARY), "no " + DEBIAN_LIBRARY);
        PythonInstallation i = PythonLocator.locate(DEBIAN_LIBRARY.toString(), envWithout("EASEL_PYTHON"));
        assertEquals(DEBIAN_LIBRARY, i.library(), "the library as given, to dlopen");
        assertEquals(Path.of("/usr"), i.home());
        assertEquals(3, i.version().major());
        assertEquals(11, i.version().minor());
        assertTrue(i.version().micro() > 0, "micro learnt from /usr/bin/python3.11: " + i.version());
        assertFalse(i.freeThreaded());
        assertEquals(DEBIAN_PYTHON, i.executable().orElseThrow());
        assertUsable(i);

        Path dir = pyenvVersion("3.13.0");
        PythonInstallation p = PythonLocator.locate(dir.resolve("lib/libpython3.13.so").toString());
        assertEquals(PythonVersion.parse("3.13.0"), p.version());
        assertEquals(dir, p.home());
        assertEquals(dir.resolve("bin/python3.13"), p.executable().orElseThrow());
        assertUsable(p);
    }

    @Test
    void choiceIsAnInstallationFolder() {
        Path dir = pyenvVersion("3.11.7");
        PythonInstallation i = PythonLocator.locate(dir.toString());
        assertEquals(PythonVersion.parse("3.11.7"), i.version());
        assertEquals(dir, i.home());
        assertUsable(i);
    }

    @Test
    void choiceIsAVersion() {
        pyenvVersion("3.12.1");
        PythonInstallation i = PythonLocator.locate("3.12", envWithout("EASEL_PYTHON"));
        assertEquals(3, i.version().major());
        assertEquals(12, i.version().minor());
        assertEquals("--python 3.12", i.origin());
        assertUsable(i);

        PythonInstallation exact = PythonLocator.locate("3.12.1");
        assertEquals(PythonVersion.parse("3.12.1"), exact.version());

        PythonInstallation v314 = PythonLocator.locate("3.14");
        assertEquals(14, v314.version().minor());
        assertUsable(v314);
    }

    @Test
    void choiceIsBundled() throws Exception {
        PythonInstallation i = PythonLocator.locate("bundled", envWithout("EASEL_PYTHON"));
        assertEquals(PythonVersion.parse("3.14.3"), i.version());
        assertFalse(i.freeThreaded());
        assertEquals("--python bundled", i.origin());
        assertEquals(i.home().resolve("libpython3.14.so.1.0"), i.library());
        assertTrue(BundledPython.verify(i.home()));
        assertUsable(i);
        // The executable must really work with this home (ssl is the module most likely to lack a library).
        Path exe = i.executable().orElseThrow(() -> new AssertionError("bin/python3.14 does not run here"));
        Subprocess.Output out = Subprocess.run(List.of(exe.toString(), "-c", "import ssl, sys; print(sys.version)"),
                Map.of("PYTHONHOME", i.home().toString()), PythonProbe.PROBE_TIMEOUT);
        assertEquals(0, out.exitCode(), out.output());
        assertTrue(out.output().startsWith("3.14.3"), out.output());
    }

    @Test
    void freeThreadedVersionIsSearchedSeparately() {
        // No 3.13t here: the message says where it looked. (With one installed, it would be found.)
        Path ft = pyenvRoot().resolve("versions/3.13.0t");
        assumeTrue(!Files.exists(ft), "a free-threaded 3.13 is installed");
        PythonNotFoundException e = assertThrows(PythonNotFoundException.class, () -> PythonLocator.locate("3.13t"));
        assertTrue(e.getMessage().contains("3.13t"), e.getMessage());
        assertFalse(e.tried().isEmpty());
    }

    // ---------------------------------------------------------------- the order

    @Test
    void easelPythonIsUsedWhenThereIsNoChoice() {
        Path dir = pyenvVersion("3.12.1");
        Map<String, String> env = envWithout();
        env.put("EASEL_PYTHON", "3.12");
        PythonInstallation i = PythonLocator.locate(null, env);
        assertEquals(12, i.version().minor());
        assertEquals("EASEL_PYTHON=3.12", i.origin());

        env.put("EASEL_PYTHON", dir.resolve("lib/libpython3.12.so.1.0").toString());
        assertEquals(dir.resolve("lib/libpython3.12.so.1.0"), PythonLocator.locate("  ", env).library());

        // an explicit choice wins over EASEL_PYTHON
        assertEquals(PythonVersion.parse("3.14.3"), PythonLocator.locate("bundled", env).version());
    }

    @Test
    void bundledComesBeforePath() {
        PythonInstallation i = PythonLocator.locate(null, envWithout("EASEL_PYTHON"));
        assertEquals("bundled", i.origin());
        assertEquals(14, i.version().minor());
    }

    @Test
    void pathPython3IsUsedWhenTheBundledJarIsAbsent() throws Exception {
        assumeTrue(SearchPlaces.which("python3", System.getenv()) != null, "no python3 on PATH");
        String classPath = System.getProperty("java.class.path");
        String withoutBundled = String.join(java.io.File.pathSeparator, Stream.of(classPath.split(java.io.File.pathSeparator))
                .filter(e -> !Path.of(e).getFileName().toString().startsWith("cpython-")).toList());
        assumeTrue(!withoutBundled.equals(classPath), "the class path does not name the cpython jar: " + classPath);
        ProcessBuilder pb = new ProcessBuilder(java(), "-cp", withoutBundled, BundledExtractionMain.class.getName(), "locate")
                .redirectErrorStream(true);
        pb.environment().remove("EASEL_PYTHON");
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.contains("BUNDLED false"), text);
        assertTrue(text.contains("ORIGIN PATH python3"), text);
    }

    @Test
    void pyenvShimResolvesToTheRealExecutable() {
        Path shim = pyenvRoot().resolve("shims/python3");
        assumeTrue(Files.isExecutable(shim), "no pyenv shim " + shim);
        PythonInstallation i;
        try {
            i = PythonLocator.locate(shim.toString(), envWithout("EASEL_PYTHON"));
        } catch (PythonNotFoundException e) {
            // the global pyenv version may be "system" or older than 3.11
            assumeTrue(false, "the pyenv shim's python is not usable: " + e.getMessage());
            return;
        }
        assertNotEquals(shim, i.executable().orElseThrow(), "sys.executable names the real binary");
        assertTrue(i.executable().orElseThrow().startsWith(pyenvRoot().resolve("versions")) || i.home().equals(Path.of("/usr")), i.toString());
        assertUsable(i);
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    // ---------------------------------------------------------------- rejections

    @Test
    void python310IsRejectedNamingTheOldestSupported() {
        PythonNotFoundException byVersion = assertThrows(PythonNotFoundException.class, () -> PythonLocator.locate("3.10"));
        assertTrue(byVersion.getMessage().contains("older than 3.11"), byVersion.getMessage());

        Path dir = pyenvVersion("3.10.13");
        PythonNotFoundException byPath = assertThrows(PythonNotFoundException.class,
                () -> PythonLocator.locate(dir.resolve("bin/python3.10").toString()));
        assertTrue(byPath.getMessage().contains("3.10.13 is older than 3.11, the oldest Easel supports"), byPath.getMessage());
        PythonNotFoundException byLibrary = assertThrows(PythonNotFoundException.class,
                () -> PythonLocator.locate(dir.resolve("lib/libpython3.10.so.1.0").toString()));
        assertTrue(byLibrary.getMessage().contains("older than 3.11"), byLibrary.getMessage());
    }

    @Test
    void bogusPathIsRejectedListingWhatWasTriedAndHowToChoose() {
        String bogus = "/nonexistent/easel/bin/python3";
        PythonNotFoundException e = assertThrows(PythonNotFoundException.class, () -> PythonLocator.locate(bogus));
        assertEquals(1, e.tried().size(), e.tried().toString());
        assertTrue(e.tried().getFirst().startsWith(bogus + ": no such file"), e.tried().toString());
        assertTrue(e.getMessage().contains(bogus), e.getMessage());
        assertTrue(e.getMessage().contains("--python"), e.getMessage());
        assertTrue(e.getMessage().contains("EASEL_PYTHON"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> e.tried().add("x"));
    }

    @Test
    void badEaselPythonIsAnErrorNotASilentFallback() {
        Map<String, String> env = envWithout();
        env.put("EASEL_PYTHON", "/nonexistent/libpython3.12.so");
        PythonNotFoundException e = assertThrows(PythonNotFoundException.class, () -> PythonLocator.locate(null, env));
        assertTrue(e.getMessage().startsWith("No usable Python for EASEL_PYTHON=/nonexistent/libpython3.12.so"), e.getMessage());
    }

    @Test
    void libraryWithoutStandardLibraryOrNotElfIsRejected(@TempDir Path tmp) throws IOException {
        assumeTrue(Files.isRegularFile(DEBIAN_LIBRARY), "no " + DEBIAN_LIBRARY);
        Path copy = Files.createDirectories(tmp.resolve("a/b")).resolve("libpython3.11.so.1.0");
        Files.copy(DEBIAN_LIBRARY, copy);
        PythonNotFoundException e = assertThrows(PythonNotFoundException.class, () -> PythonLocator.locate(copy.toString()));
        assertTrue(e.getMessage().contains("no standard library"), e.getMessage());

        Path text = tmp.resolve("libpython3.12.so");
        Files.writeString(text, "INPUT(-lpython3.12)\n");
        e = assertThrows(PythonNotFoundException.class, () -> PythonLocator.locate(text.toString()));
        assertTrue(e.getMessage().contains("not an ELF shared library"), e.getMessage());

        Path notAPython = tmp.resolve("python3");
        Files.writeString(notAPython, "#!/bin/sh\necho hello\n");
        Files.setPosixFilePermissions(notAPython, PosixFilePermissions.fromString("rwxr-xr-x"));
        e = assertThrows(PythonNotFoundException.class, () -> PythonLocator.locate(notAPython.toString()));
        assertTrue(e.getMessage().contains("does not run as Python"), e.getMessage());
    }

    @Test
    void pythonWithoutSharedLibraryIsRejected(@TempDir Path tmp) throws IOException {
        // A stand-in for a python built without --enable-shared: it answers the locator's question like one.
        Path exe = Files.createDirectories(tmp.resolve("bin")).resolve("python3.12");
        Files.writeString(exe, "#!/bin/sh\n" + fact("major", 3) + fact("minor", 12) + fact("micro", 4)
                + fact("base_prefix", tmp.toString()) + fact("executable", exe.toString()) + fact("LIBDIR", tmp + "/lib")
                + fact("LDLIBRARY", "libpython3.12.a") + fact("INSTSONAME", "libpython3.12.a") + fact("Py_GIL_DISABLED", null)
                + fact("Py_ENABLE_SHARED", 0) + fact("MULTIARCH", null), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        PythonNotFoundException e = assertThrows(PythonNotFoundException.class, () -> PythonLocator.locate(exe.toString()));
        assertTrue(e.getMessage().contains("built without a shared libpython (configure --enable-shared)"), e.getMessage());
    }

    /** A shell line printing one fact as the probe script does. */
    private static String fact(String key, Object value) {
        String v = value == null ? "n" : value instanceof Integer n ? "i:" + n
                : "s:" + java.util.HexFormat.of().formatHex(value.toString().getBytes(StandardCharsets.UTF_8));
        return "echo 'EASEL-FACT " + key + " " + v + "'\n";
    }

    // ---------------------------------------------------------------- findAll

    @Test
    void findAllCoversBundledPyenvAndSystem() {
        List<String> rejected = new ArrayList<>();
        List<PythonInstallation> all = PythonLocator.findAll(System.getenv(), rejected);
        assertTrue(all.stream().anyMatch(i -> i.origin().equals("bundled") && i.version().equals(PythonVersion.parse("3.14.3"))),
                "bundled 3.14 in " + all);
        Set<Path> libraries = new HashSet<>();
        for (int k = 0; k < all.size(); k++) {
            PythonInstallation i = all.get(k);
            assertUsable(i);
            assertTrue(libraries.add(SearchPlaces.realPath(i.library())), "duplicate library " + i);
            if (k > 0) {
                assertTrue(all.get(k - 1).version().compareTo(i.version()) <= 0, "sorted by version: " + all);
            }
        }
        assertTrue(all.stream().noneMatch(i -> !i.version().isAtLeast(3, 11)), "nothing older than 3.11: " + all);
        if (Files.isRegularFile(DEBIAN_LIBRARY)) {
            assertTrue(all.stream().anyMatch(i -> i.home().equals(Path.of("/usr"))), "Debian's 3.11 in " + all);
        }
        assumeTrue(Files.isDirectory(pyenvRoot().resolve("versions")), "no pyenv");
        List<PythonInstallation> pyenv = all.stream().filter(i -> i.home().startsWith(pyenvRoot())).toList();
        assumeTrue(!pyenv.isEmpty(), "no pyenv version 3.11+ installed");
        for (String v : List.of("3.11.7", "3.12.1", "3.13.0")) {
            if (Files.isDirectory(pyenvRoot().resolve("versions").resolve(v))) {
                assertTrue(pyenv.stream().anyMatch(i -> i.version().equals(PythonVersion.parse(v))), v + " in " + all);
            }
        }
    }

    // ---------------------------------------------------------------- extraction
    // Hang guards of 4 minutes: each extraction writes ~100 MB (CPython with numpy and OpenBLAS) and
    // compiles the standard library, which takes ~20 s on a loaded machine, and some tests extract three times.

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void twoProcessesExtractingAtOnceBothSucceedWithTheSameFolder(@TempDir Path cache) throws Exception {
        String java = java();
        long startAt = System.currentTimeMillis() + 1500; // both JVMs are up by then, and start together
        List<Process> children = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            Path out = cache.resolveSibling(cache.getFileName() + "-child" + k + ".txt");
            outputs.add(out);
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    BundledExtractionMain.class.getName(), "extract", Long.toString(startAt))
                    .redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().put("EASEL_CACHE", cache.toString());
            children.add(pb.start());
        }
        List<String> dirs = new ArrayList<>();
        int extracted = 0;
        for (int k = 0; k < 2; k++) {
            assertTrue(children.get(k).waitFor(200, TimeUnit.SECONDS), "child " + k + " finished");
            String text = Files.readString(outputs.get(k));
            Files.delete(outputs.get(k));
            assertEquals(0, children.get(k).exitValue(), "child " + k + ":\n" + text);
            dirs.add(text.lines().filter(l -> l.startsWith("DIR ")).findFirst().orElseThrow(() -> new AssertionError(text)).substring(4));
            extracted += text.lines().anyMatch(l -> l.equals("EXTRACTED true")) ? 1 : 0;
        }
        assertEquals(dirs.get(0), dirs.get(1));
        assertEquals(1, extracted, "exactly one process extracted, the other used its folder");
        Path dir = Path.of(dirs.getFirst());
        assertEquals(cache, dir.getParent());
        assertTrue(BundledPython.verify(dir));
        try (Stream<Path> s = Files.list(cache)) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of(dir.getFileName().toString(), dir.getFileName() + ".lock"), names, "no temporary folders left");
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void threadsExtractingAtOnceShareOneExtraction(@TempDir Path cache) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<BundledPython.Extraction>> results = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                results.add(pool.submit(() -> BundledPython.extract(cache)));
            }
            Set<Path> dirs = new HashSet<>();
            int extracted = 0;
            for (Future<BundledPython.Extraction> f : results) {
                BundledPython.Extraction x = f.get(200, TimeUnit.SECONDS);
                dirs.add(x.dir());
                extracted += x.extracted() ? 1 : 0;
            }
            assertEquals(1, dirs.size());
            assertEquals(1, extracted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void damagedExtractionIsDetectedAndRepaired(@TempDir Path cache) throws Exception {
        BundledPython.Extraction first = BundledPython.extract(cache);
        assertTrue(first.extracted());
        Path dir = first.dir();
        assertTrue(first.files() > 500, "files: " + first.files());
        assertTrue(first.bytes() > 20_000_000L, "bytes: " + first.bytes());
        System.out.printf("bundled CPython: %d files, %.1f MB extracted in %d ms%n",
                first.files(), first.bytes() / 1e6, first.took().toMillis());

        // What was left out, and what was kept
        assertFalse(Files.exists(dir.resolve("include")));
        assertFalse(Files.exists(dir.resolve("lib/python3.14/test")));
        assertFalse(Files.exists(dir.resolve("lib/python3.14/idlelib")));
        assertTrue(Files.isRegularFile(dir.resolve("lib/python3.14/os.py")));
        assertTrue(Files.isRegularFile(dir.resolve("libffi.so.8")));
        assertTrue(Files.isExecutable(dir.resolve("bin/python3.14")));
        assertTrue(Files.isExecutable(dir.resolve("libpython3.14.so.1.0")));

        // intact: nothing to do
        BundledPython.Extraction again = BundledPython.extract(cache);
        assertEquals(dir, again.dir());
        assertFalse(again.extracted());

        // a deleted stdlib file
        Path os = dir.resolve("lib/python3.14/os.py");
        Files.delete(os);
        assertFalse(BundledPython.verify(dir));
        BundledPython.Extraction repaired = BundledPython.extract(cache);
        assertTrue(repaired.extracted());
        assertTrue(Files.isRegularFile(os));
        assertTrue(BundledPython.verify(dir));

        // a truncated one, plus a temporary folder left by a process that died while extracting
        Path json = dir.resolve("lib/python3.14/json/__init__.py");
        try (FileChannel ch = FileChannel.open(json, StandardOpenOption.WRITE)) {
            ch.truncate(10);
        }
        Path leftover = Files.createDirectories(cache.resolve("." + dir.getFileName() + ".tmp-1-2/lib"));
        assertFalse(BundledPython.verify(dir));
        assertTrue(BundledPython.extract(cache).extracted());
        assertTrue(Files.size(json) > 10);
        assertFalse(Files.exists(leftover.getParent()), "leftover removed");

        // a manifest cut short
        Path manifest = dir.resolve(BundledTree.MANIFEST);
        List<String> lines = Files.readAllLines(manifest);
        Files.write(manifest, lines.subList(0, lines.size() / 2));
        assertFalse(BundledPython.verify(dir));
        assertTrue(BundledPython.extract(cache).extracted());
        assertNotEquals(lines.size() / 2, Files.readAllLines(manifest).size());
    }

    @Test
    void cacheFolderFollowsTheEnvironment() {
        assertEquals(Path.of("/x/easel-cache"), BundledPython.cacheRoot(Map.of("EASEL_CACHE", "/x/easel-cache", "XDG_CACHE_HOME", "/y")));
        assertEquals(Path.of("/y/easel"), BundledPython.cacheRoot(Map.of("XDG_CACHE_HOME", "/y", "HOME", "/h")));
        assertEquals(Path.of("/h/.cache/easel"), BundledPython.cacheRoot(Map.of("HOME", "/h")));
        assertEquals(Path.of("/h/.cache/easel"), BundledPython.cacheRoot(Map.of("XDG_CACHE_HOME", "relative", "HOME", "/h")));
    }
}
