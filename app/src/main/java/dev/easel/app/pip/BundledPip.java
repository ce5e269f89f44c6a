package dev.easel.app.pip;

import dev.easel.pybridge.BundledPython;
import dev.easel.pybridge.BundledUserSite;
import dev.easel.pybridge.PythonInstallation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * pip for the bundled CPython ({@code easel pip}): pip from the bundled standard library's
 * {@code ensurepip} wheel, unpacked once into a private folder of the cache ({@code pip-<version>/},
 * offline; the wheel is pip's own installer), run by the bundled {@code python3.14} with
 * {@code PYTHONUSERBASE} set to {@link BundledUserSite#userBase()}: {@code install} adds
 * {@code --user}, so packages land in the folder that only the bundled Python puts on
 * {@code sys.path}; {@code uninstall} removes only what is there (never numpy or pip, which come
 * with Easel).
 */
public final class BundledPip {
    private final PythonInstallation python;
    private final Path executable;

    /**
     * @param python the bundled CPython ({@link BundledUserSite#appliesTo})
     * @throws IllegalArgumentException if it is not the bundled one, or its executable does not run here
     */
    public BundledPip(PythonInstallation python) {
        if (!BundledUserSite.appliesTo(python)) {
            throw new IllegalArgumentException("not the bundled CPython: " + python.describe());
        }
        this.python = python;
        this.executable = python.executable().orElseThrow(() -> new IllegalArgumentException(
                "the bundled CPython's executable does not run on this machine (" + python.home() + "/bin)"));
    }

    /** The folder packages are installed into. */
    public Path sitePackages() {
        return BundledUserSite.sitePackages(python);
    }

    /**
     * The pip command line for {@code args} (a pip command and its arguments), adjusted for Easel.
     *
     * @throws IllegalArgumentException for an uninstall of something not installed with easel pip
     */
    public List<String> command(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(executable.toString(), "-m", "pip"));
        List<String> rest = new ArrayList<>(args);
        String verb = rest.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
        if (verb.equals("install") && rest.stream().noneMatch(a -> a.equals("--user") || a.startsWith("--target")
                || a.startsWith("--prefix") || a.startsWith("--root") || a.equals("-t") || a.equals("--help")
                || a.equals("-h"))) {
            rest.add(rest.indexOf("install") + 1, "--user");
            rest.add(rest.indexOf("install") + 2, "--no-warn-script-location");
        } else if (verb.equals("uninstall")) {
            checkUninstall(rest.subList(rest.indexOf("uninstall") + 1, rest.size()));
            if (!rest.contains("-y") && !rest.contains("--yes")) {
                rest.add(rest.indexOf("uninstall") + 1, "--yes");
            }
        }
        cmd.addAll(rest);
        return cmd;
    }

    /** The environment pip runs with (added to, and removed from, this process' environment). */
    public void environment(Map<String, String> env) throws IOException {
        for (String k : List.of("PYTHONPATH", "PYTHONNOUSERSITE", "PYTHONSAFEPATH", "PIP_REQUIRE_VIRTUALENV",
                "PIP_TARGET", "PIP_PREFIX", "PIP_USER", "PIP_ROOT")) {
            env.remove(k);
        }
        env.put("PYTHONHOME", python.home().toString());
        env.put("PYTHONUSERBASE", BundledUserSite.userBase().toString());
        env.put("PYTHONPATH", pip().toString());
        env.put("PIP_DISABLE_PIP_VERSION_CHECK", "1"); // no network at every call
        env.put("PIP_ROOT_USER_ACTION", "ignore"); // a per-user folder: root's "use a venv" warning does not apply
    }

    /** Runs pip with {@code args}, its input and output this process'; returns its exit code. */
    public int run(List<String> args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command(args)).inheritIO();
        environment(pb.environment());
        return pb.start().waitFor();
    }

    /** Only names installed in the user site can be uninstalled (numpy and pip come with Easel). */
    private void checkUninstall(List<String> args) {
        List<String> names = new ArrayList<>();
        for (String a : args) {
            if (a.equals("-r") || a.startsWith("--requirement")) {
                throw new IllegalArgumentException("easel pip uninstall takes package names, not a requirements file");
            }
            if (!a.startsWith("-")) {
                names.add(a);
            }
        }
        for (String n : names) {
            if (installed(n).isEmpty()) {
                throw new IllegalArgumentException(n + " is not installed in Easel's package folder " + sitePackages()
                        + " (what comes with Easel, such as numpy and pip, cannot be uninstalled; easel pip list shows "
                        + "what is there)");
            }
        }
    }

    /** The {@code .dist-info} folder of {@code name} in the user site, if it is installed there. */
    Optional<Path> installed(String name) {
        String wanted = normalize(name);
        Path site = sitePackages();
        if (!Files.isDirectory(site)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(site, "*.dist-info")) {
            for (Path d : s) {
                String project = d.getFileName().toString().replaceFirst("-[^-]*\\.dist-info$", "");
                if (normalize(project).equals(wanted)) {
                    return Optional.of(d);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** PEP 503 names: case and runs of {@code -_.} do not matter. */
    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    /**
     * pip, unpacked from the bundled {@code ensurepip/_bundled/pip-*.whl} into
     * {@code <cache>/pip-<version>/} on first use (atomically: a temporary folder renamed into place).
     */
    Path pip() throws IOException {
        Path bundled = python.stdlib().resolve("ensurepip/_bundled");
        Path wheel;
        try (var s = Files.list(bundled)) {
            wheel = s.filter(p -> p.getFileName().toString().matches("pip-.*-py3-none-any\\.whl")).max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IOException("no pip wheel in " + bundled));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("the bundled CPython has no ensurepip (" + bundled + ")");
        }
        String version = wheel.getFileName().toString().replaceFirst("^pip-", "").replaceFirst("-py3-none-any\\.whl$", "");
        Path target = BundledPython.cacheRoot().resolve("pip-" + version);
        if (Files.isDirectory(target.resolve("pip"))) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), ".pip-" + version + "-");
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                Path out = tmp.resolve(e.getName()).normalize();
                if (!out.startsWith(tmp)) {
                    throw new IOException("unsafe entry in " + wheel + ": " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, out);
                }
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
            // another easel pip unpacked it meanwhile: the same files
        } finally {
            deleteTree(tmp);
        }
        return target;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
