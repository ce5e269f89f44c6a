package dev.easel.pybridge;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * numpy for the bundled CPython: the jars {@code org.bytedeco:numpy:2.4.2-1.5.13:<classifier>} (numpy's
 * Python package and extension modules under {@code org/bytedeco/numpy/<classifier>/python/}) and
 * {@code org.bytedeco:openblas:<classifier>} ({@code libopenblas.so.0}, which numpy's extension modules
 * need, and its {@code libgfortran} and {@code libquadmath}; {@code libgcc_s.so.1} is the system's, as for
 * numpy's own wheels), extracted with the bundled
 * CPython into its {@code lib/python3.14/site-packages/} ({@code numpy/}, and {@code numpy.libs/} for the
 * libraries, as numpy's own wheels do).
 *
 * <p>numpy's extension modules name {@code libopenblas.so.0} with a run path of the machine that built
 * them, so nothing would find it. numpy's hook for distributors, {@code numpy/_distributor_init_local.py}
 * (imported first by {@code numpy/__init__.py}), is written here: it loads the libraries of
 * {@code numpy.libs/} by path, dependencies first; once loaded, the dynamic linker resolves the
 * extension modules' {@code libopenblas.so.0} to it by its soname. This works alike for the embedded
 * CPython and the bundled {@code bin/python3.14}.
 *
 * <p>Only Linux: elsewhere the jars' layouts differ and are untested, so numpy is not bundled there.
 */
final class BundledNumpy implements Closeable {

    /** One file to extract: its path in the installation folder, its size (-1 if unknown) and its contents. */
    record Entry(String name, long size, Opener opener) {
    }

    /** Opens the contents of an {@link Entry}. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /** The libraries of the openblas jar numpy needs, in the order they must be loaded. */
    static final List<String> LIBRARIES = List.of("libquadmath.so.0", "libgfortran.so.5", "libopenblas.so.0");

    private static final String SITE_PACKAGES = "lib/python" + BundledPython.ABI + "/site-packages/";
    private static final String LOADER = """
            # Written by Easel when it extracted its bundled CPython: numpy's extension modules need
            # libopenblas.so.0, kept in numpy.libs/ beside numpy/. Loading it (dependencies first) makes the
            # dynamic linker find it by name when the extension modules are loaded.
            import ctypes as _ctypes
            import os as _os

            _libs = _os.path.join(_os.path.dirname(_os.path.dirname(_os.path.abspath(__file__))), "numpy.libs")
            for _name in %s:
                _ctypes.CDLL(_os.path.join(_libs, _name), mode=_ctypes.RTLD_GLOBAL)
            """;

    private final BundledPlatform platform;
    private final ZipFile numpy;
    private final ZipFile openblas;
    private final String version;

    private BundledNumpy(BundledPlatform platform, ZipFile numpy, ZipFile openblas, String version) {
        this.platform = platform;
        this.numpy = numpy;
        this.openblas = openblas;
        this.version = version;
    }

    /**
     * The numpy and openblas jars of {@code platform}, if both are on the class path as jars.
     *
     * @return null if numpy is not bundled for this platform or a jar is missing
     */
    static BundledNumpy open(BundledPlatform platform) throws IOException {
        if (!platform.classifier().startsWith("linux-")) {
            return null;
        }
        Path numpyJar = jarOf(numpyRoot(platform) + "numpy/__init__.py");
        Path openblasJar = jarOf(openblasRoot(platform) + "libopenblas.so.0");
        if (numpyJar == null || openblasJar == null) {
            return null;
        }
        ZipFile numpy = new ZipFile(numpyJar.toFile());
        try {
            String version = pomVersion(numpy, "numpy");
            return new BundledNumpy(platform, numpy, new ZipFile(openblasJar.toFile()), version);
        } catch (IOException | RuntimeException e) {
            numpy.close();
            throw e;
        }
    }

    /** Whether numpy is bundled here: its jars are on the class path (without extracting anything). */
    static boolean isAvailable(BundledPlatform platform) {
        return platform.classifier().startsWith("linux-")
                && resource(numpyRoot(platform) + "numpy/__init__.py") != null
                && resource(openblasRoot(platform) + "libopenblas.so.0") != null;
    }

    /** The numpy artifact version, e.g. {@code 2.4.2-1.5.13}, which names the extraction folder too. */
    String version() {
        return version;
    }

    /** Everything to extract into the installation folder, the generated loader included. */
    List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        String numpyRoot = numpyRoot(platform);
        for (Enumeration<? extends ZipEntry> e = numpy.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            String name = entry.getName();
            if (!entry.isDirectory() && name.startsWith(numpyRoot) && keep(name.substring(numpyRoot.length()))) {
                entries.add(new Entry(SITE_PACKAGES + name.substring(numpyRoot.length()), entry.getSize(),
                        () -> numpy.getInputStream(entry)));
            }
        }
        for (String library : LIBRARIES) {
            ZipEntry entry = openblas.getEntry(openblasRoot(platform) + library);
            if (entry == null) {
                throw new IllegalStateException("The openblas jar has no " + openblasRoot(platform) + library);
            }
            entries.add(new Entry(SITE_PACKAGES + "numpy.libs/" + library, entry.getSize(), () -> openblas.getInputStream(entry)));
        }
        String list = "(" + String.join(", ", LIBRARIES.stream().map(l -> "\"" + l + "\"").toList()) + ")";
        byte[] loader = LOADER.formatted(list).getBytes(StandardCharsets.UTF_8);
        entries.add(new Entry(SITE_PACKAGES + "numpy/_distributor_init_local.py", loader.length, () -> new ByteArrayInputStream(loader)));
        return entries;
    }

    /**
     * numpy's own test suites and test-only extension modules are left out (as the stdlib's are), and
     * f2py, which builds Fortran extensions with a compiler Easel does not have.
     */
    private static boolean keep(String name) {
        return !name.contains("__pycache__/") && !name.contains("/tests/") && !name.endsWith("/conftest.py")
                && !name.startsWith("numpy/f2py/")
                && !name.contains("/_pyinstaller/") && !name.contains("_tests.cpython-");
    }

    @Override
    public void close() throws IOException {
        try {
            numpy.close();
        } finally {
            openblas.close();
        }
    }

    private static String numpyRoot(BundledPlatform platform) {
        return "org/bytedeco/numpy/" + platform.classifier() + "/python/";
    }

    private static String openblasRoot(BundledPlatform platform) {
        return "org/bytedeco/openblas/" + platform.classifier() + "/";
    }

    private static URL resource(String name) {
        ClassLoader loader = BundledNumpy.class.getClassLoader();
        return loader == null ? ClassLoader.getSystemResource(name) : loader.getResource(name);
    }

    /** The jar file holding a resource, or null if it is not on the class path or not in a jar file. */
    private static Path jarOf(String name) throws IOException {
        URL url = resource(name);
        if (url == null || !url.getProtocol().equals("jar")) {
            return null;
        }
        String spec = url.toString();
        try {
            return Path.of(new URI(spec.substring(4, spec.indexOf("!/"))));
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("cannot extract numpy from " + url + ": " + e, e);
        }
    }

    private static String pomVersion(ZipFile jar, String artifact) throws IOException {
        ZipEntry pom = jar.getEntry("META-INF/maven/org.bytedeco/" + artifact + "/pom.properties");
        if (pom != null) {
            Properties p = new Properties();
            try (InputStream in = jar.getInputStream(pom)) {
                p.load(in);
            }
            String v = p.getProperty("version");
            if (v != null && v.matches("[\\w.+-]+")) {
                return v;
            }
        }
        return "unknown";
    }
}
