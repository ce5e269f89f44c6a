package dev.easel.app.wheel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the pure-Python wheel of the {@code easel} package ({@code easel-<version>-py3-none-any.whl},
 * PEP 427/491): the package's files as they are in the canvas module's resources (the same files
 * Easel runs), plus {@code METADATA}, {@code WHEEL} and {@code RECORD} (sha256, urlsafe base64
 * without padding). Run by the app's build ({@code package} phase); the same input gives the same
 * bytes (sorted entries, fixed times), so a rebuild does not change it.
 *
 * <p>Written in Java rather than by a Python tool: the build has no Python of its own (the bundled
 * one is extracted only when Easel runs), and none of the Pythons here has {@code build}; pip
 * checks the result as it installs it, and {@code WheelTest} has pip and {@code wheel unpack} read it.
 */
public final class WheelWriter {
    /** The distribution's name, and the import name. */
    public static final String NAME = "easel";
    // Fixed entry times: reproducible bytes (zip times start at 1980).
    private static final FileTime TIME = FileTime.from(Instant.parse("1980-01-02T00:00:00Z"));
    private static final Pattern MAVEN_VERSION = Pattern.compile("(\\d+(?:\\.\\d+)*)(-SNAPSHOT)?");

    private WheelWriter() {}

    /** {@code WheelWriter PACKAGE_DIR MAVEN_VERSION OUT_DIR}: writes the wheel, prints its path. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: WheelWriter PACKAGE_DIR MAVEN_VERSION OUT_DIR");
            System.exit(2);
        }
        Path wheel = write(Path.of(args[0]), pythonVersion(args[1]), Path.of(args[2]));
        System.out.println("easel wheel: " + wheel + " (" + Files.size(wheel) + " bytes)");
    }

    /**
     * A Maven version as a PEP 440 version: {@code 0.1.0-SNAPSHOT} is {@code 0.1.0.dev0}.
     *
     * @throws IllegalArgumentException for a version this does not know how to say in PEP 440
     */
    public static String pythonVersion(String maven) {
        Matcher m = MAVEN_VERSION.matcher(maven.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a version the wheel can carry (digits and dots, maybe -SNAPSHOT): "
                    + maven);
        }
        return m.group(1) + (m.group(2) != null ? ".dev0" : "");
    }

    /** The wheel's file name for {@code version} (PEP 440). */
    public static String fileName(String version) {
        return NAME + "-" + version + "-py3-none-any.whl";
    }

    /**
     * Writes {@code outDir/easel-<version>-py3-none-any.whl} from the package folder {@code pkg}
     * (the folder holding {@code __init__.py}); {@code __pycache__} and {@code .pyc} files are left out.
     *
     * @return the wheel's path
     */
    public static Path write(Path pkg, String version, Path outDir) throws IOException {
        return write(pkg, NAME, version, metadata(version), outDir);
    }

    /**
     * Writes {@code outDir/<name>-<version>-py3-none-any.whl} of the package folder {@code pkg},
     * installed as {@code <name>/}, with {@code metadata} as its {@code METADATA} (tests use it for
     * small packages of their own).
     *
     * @return the wheel's path
     */
    public static Path write(Path pkg, String name, String version, String metadata, Path outDir) throws IOException {
        if (!Files.isRegularFile(pkg.resolve("__init__.py"))) {
            throw new IOException("no Python package at " + pkg + " (no __init__.py)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(pkg)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".pyc"))
                    .sorted().toList();
        }
        String distInfo = name + "-" + version + ".dist-info/";
        List<Entry> entries = new ArrayList<>();
        for (Path f : files) {
            entries.add(new Entry(name + "/" + f.getFileName(), Files.readAllBytes(f)));
        }
        entries.add(new Entry(distInfo + "METADATA", metadata.getBytes(StandardCharsets.UTF_8)));
        entries.add(new Entry(distInfo + "WHEEL", ("Wheel-Version: 1.0\nGenerator: easel-build (WheelWriter)\n"
                + "Root-Is-Purelib: true\nTag: py3-none-any\n").getBytes(StandardCharsets.UTF_8)));
        StringBuilder record = new StringBuilder();
        for (Entry e : entries) {
            record.append(csv(e.name())).append(",sha256=").append(sha256(e.bytes())).append(',')
                    .append(e.bytes().length).append('\n');
        }
        record.append(distInfo).append("RECORD,,\n");
        entries.add(new Entry(distInfo + "RECORD", record.toString().getBytes(StandardCharsets.UTF_8)));

        Files.createDirectories(outDir);
        Path wheel = outDir.resolve(name + "-" + version + "-py3-none-any.whl");
        Path tmp = Files.createTempFile(outDir, ".easel-wheel-", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Entry e : entries) {
                ZipEntry z = new ZipEntry(e.name());
                z.setLastModifiedTime(TIME);
                zip.putNextEntry(z);
                zip.write(e.bytes());
                zip.closeEntry();
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--")); // not the temp file's rw-------
        }
        Files.move(tmp, wheel, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return wheel;
    }

    private record Entry(String name, byte[] bytes) {}

    private static String metadata(String version) {
        return """
                Metadata-Version: 2.1
                Name: easel
                Version: %s
                Summary: Desktop canvases drawn by Python: python sketch.py runs the sketch in Easel
                Requires-Python: >=3.11
                Description-Content-Type: text/markdown

                The `easel` package of Easel, for `python sketch.py` and for editors.

                Installed into any CPython 3.11+ (a venv too), `import easel` in the script you run hands it
                to the Easel launcher (`EASEL_HOME`, `easel` on `PATH`, or the installed app), which runs it
                with this same Python and its packages: same exit code, stdout and stderr. The package also
                carries its type information (`py.typed`, stubs) for completion and `mypy --strict`.
                Easel itself (Java, JavaFX) is installed separately.
                """.formatted(version);
    }

    /** A RECORD path field: CSV-quoted when it needs it (a comma, a quote). */
    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static String sha256(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
