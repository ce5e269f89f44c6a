package dev.easel.app;

import dev.easel.pybridge.BundledPython;
import dev.easel.pybridge.PythonInstallation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The {@code python sketch.py} half of {@code easel bench startup}: the bundled CPython's own
 * {@code python3.14} runs the one-rect sketch with the easel package on {@code PYTHONPATH} (from
 * the built wheel, else the checkout's package folder) and {@code EASEL_HOME} naming the launcher
 * measured, so the package hands the sketch over to it ({@code easel run --python python3.14 ...}).
 * The same Python runs in both halves; the difference is the shim: Python's start, the import, the
 * launcher search, and Easel checking the {@code --python} it is given.
 */
final class PythonShimBench {
    private final StartupBench python;
    private final Path executable;

    private PythonShimBench(StartupBench python, Path executable) {
        this.python = python;
        this.executable = executable;
    }

    /** Ready to measure beside {@code launcher}, or null (saying why on stderr) where it cannot. */
    static PythonShimBench prepare(List<String> launcher, Path work) throws IOException {
        Optional<Path> exe = BundledPython.find().flatMap(PythonInstallation::executable);
        if (exe.isEmpty()) {
            System.err.println("easel bench startup: no python sketch.py figures: the bundled CPython's python3.14 "
                    + "does not run here");
            return null;
        }
        Path root = Path.of(System.getProperty("easel.root", ".")).toAbsolutePath().normalize();
        Path site = packageFolder(root, work);
        if (site == null) {
            System.err.println("easel bench startup: no python sketch.py figures: no easel wheel in " + root
                    + "/app/target and no package folder in a checkout there");
            return null;
        }
        Map<String, String> env = Map.of("EASEL_HOME", easelHome(launcher, work).toString(), "PYTHONPATH", site.toString());
        return new PythonShimBench(new StartupBench(List.of(exe.get().toString()), work, env, true), exe.get());
    }

    /** The launcher's line and the python line for one mode, their runs interleaved. */
    List<String> measure(StartupBench launcher, boolean window, int runs, String launcherName)
            throws IOException, InterruptedException {
        Path sketch = launcher.sketch();
        launcher.once(sketch, window); // warm-ups
        python.once(sketch, window);
        List<Map<String, Long>> viaLauncher = new ArrayList<>();
        List<Map<String, Long>> viaPython = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            viaLauncher.add(launcher.once(sketch, window));
            viaPython.add(python.once(sketch, window));
        }
        long extra = median(viaPython) - median(viaLauncher);
        return List.of(StartupBench.json(viaLauncher, window, runs, launcherName, Map.of()),
                StartupBench.json(viaPython, window, runs, "python sketch.py (" + executable + ") via " + launcherName,
                        Map.of("shim_extra_ms", extra)));
    }

    private static long median(List<Map<String, Long>> runs) {
        return StartupBench.median(runs.stream().mapToLong(r -> r.get("first_frame_ms")).toArray());
    }

    /** A folder holding easel/: the wheel's files unpacked (as pip would install them), or the checkout's. */
    private static Path packageFolder(Path root, Path work) throws IOException {
        Path target = root.resolve("app/target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> s = Files.list(target)) {
                Optional<Path> wheel = s.filter(p -> p.getFileName().toString().matches("easel-.*-py3-none-any\\.whl"))
                        .findFirst();
                if (wheel.isPresent()) {
                    return unpack(wheel.get(), work.resolve("shim-site"));
                }
            }
        }
        Path checkout = root.resolve("canvas/src/main/resources/dev/easel/canvas/python");
        return Files.isRegularFile(checkout.resolve("easel/__init__.py")) ? checkout : null;
    }

    private static Path unpack(Path wheel, Path into) throws IOException {
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                Path out = into.resolve(e.getName()).normalize();
                if (e.isDirectory() || !out.startsWith(into)) {
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return into;
    }

    /**
     * The EASEL_HOME that makes the package find {@code launcher}: an {@code easel} executable's own
     * folder, else (the JVM's command line) a folder with an {@code easel} script that starts it.
     */
    private static Path easelHome(List<String> launcher, Path work) throws IOException {
        if (launcher.size() == 1 && Path.of(launcher.getFirst()).getFileName().toString().equals("easel")) {
            return Path.of(launcher.getFirst()).getParent();
        }
        Path home = Files.createDirectories(work.resolve("easel-home"));
        Path script = home.resolve("easel");
        String cmd = launcher.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        Files.writeString(script, "#!/bin/sh\nexec " + cmd + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
