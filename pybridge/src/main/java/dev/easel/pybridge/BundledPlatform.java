package dev.easel.pybridge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A platform for which the bundled CPython jar exists ({@code org.bytedeco:cpython:<version>:<classifier>}),
 * and where that jar keeps its files. {@link #current()} picks it from {@code os.name} and {@code os.arch}.
 *
 * <p>The layouts, as found in the 3.14.3-1.5.13 jars (paths under {@link #resourceRoot()}, which is also
 * the extracted folder and the {@code PYTHONHOME}):
 * <table>
 *   <caption>Layout of each bundled CPython</caption>
 *   <tr><th>classifier</th><th>library</th><th>standard library</th><th>executable</th></tr>
 *   <tr><td>linux-x86_64, linux-arm64</td><td>{@code libpython3.14.so.1.0}</td><td>{@code lib/python3.14/}</td><td>{@code bin/python3.14}</td></tr>
 *   <tr><td>macosx-arm64</td><td>{@code libpython3.14.dylib}</td><td>{@code lib/python3.14/}</td><td>{@code bin/python3.14}</td></tr>
 *   <tr><td>windows-x86_64</td><td>{@code python314.dll}</td><td>{@code lib/} (with the {@code .pyd} modules and their DLLs)</td><td>{@code python.exe}</td></tr>
 * </table>
 *
 * <p>Nothing has to be loaded before the library: on Linux {@code _ctypes} finds {@code libffi.so.8}
 * next to libpython through its run path, macOS's {@code _ctypes} uses the system's libffi, and on
 * Windows the {@code .pyd} modules find their DLLs in their own folder ({@code lib/}) while
 * {@code python314.dll} needs only {@code VCRUNTIME140.dll}, which every JVM process has already
 * loaded. A {@code python.exe} started on its own does not have it, so its {@code PATH} gets
 * {@code lib/}, where the jar keeps a copy (see {@link #executableEnvironment}).
 */
enum BundledPlatform {
    /** Linux on x86-64 (glibc). */
    LINUX_X86_64("linux-x86_64", Os.LINUX),
    /** Linux on 64-bit ARM (glibc). */
    LINUX_ARM64("linux-arm64", Os.LINUX),
    /** macOS on Apple silicon. */
    MACOSX_ARM64("macosx-arm64", Os.MACOS),
    /** Windows on x86-64. */
    WINDOWS_X86_64("windows-x86_64", Os.WINDOWS);

    private enum Os { LINUX, MACOS, WINDOWS }

    private static final String ABI = BundledPython.ABI;
    private static final String UNIX_STDLIB = "lib/python" + ABI;

    /** Relative paths not extracted on Linux and macOS. */
    private static final List<String> UNIX_SKIPPED_PREFIXES = List.of(
            "include/", "share/", "libs/", "lib/pkgconfig/", "lib/cmake/", "lib/ossl-modules/", "lib/engines-3/",
            UNIX_STDLIB + "/test/", UNIX_STDLIB + "/idlelib/", UNIX_STDLIB + "/tkinter/", UNIX_STDLIB + "/turtledemo/",
            UNIX_STDLIB + "/lib-dynload/_test", UNIX_STDLIB + "/lib-dynload/_ctypes_test",
            UNIX_STDLIB + "/lib-dynload/_xxtestfuzz", UNIX_STDLIB + "/lib-dynload/xxlimited",
            UNIX_STDLIB + "/lib-dynload/xxsubtype",
            // bin/: scripts whose #! line names the build machine's python; the python3* binaries are kept
            "bin/idle", "bin/pip", "bin/pydoc", "bin/c_rehash");
    /** Single files not extracted on Linux and macOS. */
    private static final Set<String> UNIX_SKIPPED_FILES = Set.of(
            "libjnipython.so", "libjnipython.dylib", // JavaCPP's JNI glue: Easel uses FFM
            "python" + ABI,             // a second copy of bin/python3.14 at the top
            "libffi.so",                // the link-time name; _ctypes needs libffi.so.8, which is kept
            "bin/python3-config", "bin/python" + ABI + "-config");
    /** Relative paths not extracted on Windows: the same kinds of things as on Linux. */
    private static final List<String> WINDOWS_SKIPPED_PREFIXES = List.of(
            "include/", "libs/",
            "bin/",                     // copies of python(w).exe that cannot find python314.dll from there
            "lib/test/", "lib/idlelib/", "lib/tkinter/", "lib/turtledemo/",
            "lib/_test", "lib/_ctypes_test", "lib/_xxtestfuzz", "lib/xxlimited", "lib/xxsubtype",
            // tkinter's DLLs: without Tcl's script library (not in the jar) they cannot start
            "lib/_tkinter", "lib/tcl86t.dll", "lib/tk86t.dll",
            "lib/pyshellext.dll");      // Explorer's drag-and-drop handler for .py files
    private static final Set<String> WINDOWS_SKIPPED_FILES = Set.of("jnipython.dll");

    private final String classifier;
    private final Os os;

    BundledPlatform(String classifier, Os os) {
        this.classifier = classifier;
        this.os = os;
    }

    /**
     * The platform of this JVM.
     *
     * @return the platform named by the system properties {@code os.name} and {@code os.arch}
     * @throws UnsupportedOperationException if there is no bundled CPython for it
     */
    static BundledPlatform current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /**
     * The platform for values of {@code os.name} and {@code os.arch}: {@code Linux}, {@code Mac OS X}
     * or {@code Windows ...}, and {@code amd64}/{@code x86_64} or {@code aarch64}/{@code arm64}.
     *
     * @param osName the value of {@code os.name}
     * @param osArch the value of {@code os.arch}
     * @return the platform
     * @throws UnsupportedOperationException if there is no bundled CPython for that OS and CPU,
     *                                       naming the platforms there is one for
     */
    static BundledPlatform of(String osName, String osArch) {
        String name = osName.strip().toLowerCase(Locale.ROOT);
        String os = name.equals("linux") ? "linux"
                : name.startsWith("mac") || name.equals("darwin") ? "macosx"
                : name.startsWith("windows") ? "windows"
                : null;
        String arch = switch (osArch.strip().toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> null;
        };
        for (BundledPlatform p : values()) {
            if (p.classifier.equals(os + "-" + arch)) {
                return p;
            }
        }
        throw new UnsupportedOperationException("There is no bundled CPython for this platform (os.name \"" + osName
                + "\", os.arch \"" + osArch + "\"): org.bytedeco:cpython exists for " + supported()
                + ". Choose another Python with --python or EASEL_PYTHON.");
    }

    /** {@code "linux-x86_64, linux-arm64, macosx-arm64, windows-x86_64"}. */
    static String supported() {
        return Arrays.stream(values()).map(BundledPlatform::classifier).collect(Collectors.joining(", "));
    }

    /** The Maven classifier of the jar, e.g. {@code linux-x86_64}. */
    String classifier() {
        return classifier;
    }

    /** The folder of the jar holding the installation, e.g. {@code org/bytedeco/cpython/linux-x86_64/}. */
    String resourceRoot() {
        return "org/bytedeco/cpython/" + classifier + "/";
    }

    /** The shared library to load, relative to the installation folder. */
    String library() {
        return switch (os) {
            case LINUX -> "libpython" + ABI + ".so.1.0";
            case MACOS -> "libpython" + ABI + ".dylib";
            case WINDOWS -> "python" + ABI.replace(".", "") + ".dll";
        };
    }

    /** The standard library folder (the one holding {@code os.py}), relative to the installation folder. */
    String stdlib() {
        return os == Os.WINDOWS ? "lib" : UNIX_STDLIB;
    }

    /** {@code os.py} of the standard library, relative to the installation folder: its presence means a stdlib. */
    String landmark() {
        return stdlib() + "/os.py";
    }

    /** The python executable, relative to the installation folder. */
    String executable() {
        return os == Os.WINDOWS ? "python.exe" : "bin/python" + ABI;
    }

    /** The name of the jar as Maven stores it, whose group 1 is the artifact version. */
    Pattern jarName() {
        return Pattern.compile("cpython-(\\d[^/]*)-" + Pattern.quote(classifier) + "\\.jar");
    }

    /** The folder of the per-user cache to extract into, e.g. {@code cpython-3.14.3-1.5.13-linux-x86_64}. */
    String cacheFolder(String artifactVersion) {
        return "cpython-" + artifactVersion + "-" + classifier;
    }

    /** Whether a file of the jar (relative to {@link #resourceRoot()}) is extracted. */
    boolean keep(String name) {
        if (name.contains("__pycache__/")
                || (os == Os.WINDOWS ? WINDOWS_SKIPPED_FILES : UNIX_SKIPPED_FILES).contains(name)) {
            return false;
        }
        for (String prefix : os == Os.WINDOWS ? WINDOWS_SKIPPED_PREFIXES : UNIX_SKIPPED_PREFIXES) {
            if (name.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /** Whether an extracted file needs the execute permission (there is none to set on Windows). */
    boolean needsExecuteBit(String name) {
        return switch (os) {
            case LINUX -> name.startsWith("bin/") || name.endsWith(".so") || name.contains(".so.");
            case MACOS -> name.startsWith("bin/") || name.endsWith(".so") || name.endsWith(".dylib");
            case WINDOWS -> false;
        };
    }

    /**
     * The whole environment for running {@link #executable()} of an extracted installation:
     * {@code PYTHONHOME}, and {@code PATH} (on Windows with {@code lib/} first, for
     * {@code VCRUNTIME140.dll}, and {@code SYSTEMROOT}, which Windows' own libraries need).
     *
     * @param home the installation folder
     * @param env  this process' environment
     * @return the environment of the child process
     */
    Map<String, String> executableEnvironment(Path home, Map<String, String> env) {
        if (os != Os.WINDOWS) {
            return Map.of("PYTHONHOME", home.toString(), "PATH", env.getOrDefault("PATH", "/usr/bin:/bin"));
        }
        List<String> path = new ArrayList<>(List.of(home.resolve("lib").toString()));
        String inherited = env.get("PATH") != null ? env.get("PATH") : env.get("Path");
        if (inherited != null && !inherited.isEmpty()) {
            path.add(inherited);
        }
        String systemRoot = env.get("SYSTEMROOT") != null ? env.get("SYSTEMROOT") : env.get("SystemRoot");
        return systemRoot == null
                ? Map.of("PYTHONHOME", home.toString(), "PATH", String.join(";", path))
                : Map.of("PYTHONHOME", home.toString(), "PATH", String.join(";", path), "SYSTEMROOT", systemRoot);
    }
}
