package dev.easel.pybridge;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The jar (or, in an IDE or exploded class path, the folder) holding the CPython files. */
abstract sealed class BundledSource implements Closeable {

    private static final String POM_PROPERTIES = "META-INF/maven/org.bytedeco/cpython/pom.properties";

    /** One file under the platform's resource root: its relative name and size (-1 if unknown). */
    record Item(String name, long size, Object handle) {
    }

    /** Whose files these are: their resource root in the jar, and what of them to extract. */
    final BundledPlatform platform;

    BundledSource(BundledPlatform platform) {
        this.platform = platform;
    }

    /** The library of {@code platform} on the class path, or null if its jar is not there. */
    static URL resource(BundledPlatform platform) {
        String name = platform.resourceRoot() + platform.library();
        ClassLoader loader = BundledSource.class.getClassLoader();
        return loader == null ? ClassLoader.getSystemResource(name) : loader.getResource(name);
    }

    /** Opens the jar or folder holding the library of {@code platform}. */
    static BundledSource open(BundledPlatform platform) throws IOException {
        URL url = resource(platform);
        if (url == null) {
            throw new IllegalStateException("The bundled CPython (org.bytedeco:cpython, " + platform.classifier()
                    + ") is not on the class path: no resource " + platform.resourceRoot() + platform.library());
        }
        try {
            return switch (url.getProtocol()) {
                case "jar" -> {
                    String spec = url.toString();
                    int bang = spec.indexOf("!/");
                    yield new Jar(platform, Path.of(new URI(spec.substring(4, bang))));
                }
                case "file" -> new Folder(platform, Path.of(url.toURI()).getParent());
                default -> throw new IOException("cannot extract the bundled CPython from " + url);
            };
        } catch (URISyntaxException | RuntimeException e) { // e.g. a jar nested in a jar (Spring Boot): no file to open
            throw new IOException("cannot extract the bundled CPython from " + url + ": " + e, e);
        }
    }

    abstract String artifactVersion() throws IOException;

    abstract List<Item> items() throws IOException;

    abstract InputStream open(Item item) throws IOException;

    static final class Jar extends BundledSource {
        private final Path path;
        private final ZipFile zip;

        Jar(BundledPlatform platform, Path path) throws IOException {
            super(platform);
            this.path = path;
            this.zip = new ZipFile(path.toFile());
        }

        @Override
        String artifactVersion() throws IOException {
            Matcher m = platform.jarName().matcher(path.getFileName().toString());
            if (m.matches()) {
                return m.group(1);
            }
            ZipEntry pom = zip.getEntry(POM_PROPERTIES);
            if (pom != null) {
                Properties p = new Properties();
                try (InputStream in = zip.getInputStream(pom)) {
                    p.load(in);
                }
                String v = p.getProperty("version");
                if (v != null && v.matches("[\\w.+-]+")) {
                    return v;
                }
            }
            // A repackaged jar without the Maven metadata: name the folder after the jar's identity.
            return "unknown-" + Long.toHexString(Files.size(path) * 31 + Files.getLastModifiedTime(path).toMillis());
        }

        @Override
        List<Item> items() {
            List<Item> items = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                String root = platform.resourceRoot();
                if (!entry.isDirectory() && name.startsWith(root) && name.length() > root.length()) {
                    items.add(new Item(name.substring(root.length()), entry.getSize(), entry));
                }
            }
            return items;
        }

        @Override
        InputStream open(Item item) throws IOException {
            return zip.getInputStream((ZipEntry) item.handle());
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    static final class Folder extends BundledSource {
        private final Path root;

        Folder(BundledPlatform platform, Path root) {
            super(platform);
            this.root = root;
        }

        @Override
        String artifactVersion() throws IOException {
            Path classPathRoot = root.getParent().getParent().getParent().getParent();
            Path pom = classPathRoot.resolve(POM_PROPERTIES);
            if (Files.isRegularFile(pom)) {
                Properties p = new Properties();
                try (InputStream in = Files.newInputStream(pom)) {
                    p.load(in);
                }
                String v = p.getProperty("version");
                if (v != null && v.matches("[\\w.+-]+")) {
                    return v;
                }
            }
            Path lib = root.resolve(platform.library());
            return "unknown-" + Long.toHexString(root.toString().hashCode() * 31L + Files.getLastModifiedTime(lib).toMillis());
        }

        @Override
        List<Item> items() throws IOException {
            List<Item> items = new ArrayList<>();
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).forEach(f -> {
                    String name = root.relativize(f).toString().replace('\\', '/');
                    try {
                        items.add(new Item(name, Files.size(f), f));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            items.sort(Comparator.comparing(Item::name));
            return Collections.unmodifiableList(items);
        }

        @Override
        InputStream open(Item item) throws IOException {
            return Files.newInputStream((Path) item.handle());
        }

        @Override
        public void close() {
        }
    }
}
