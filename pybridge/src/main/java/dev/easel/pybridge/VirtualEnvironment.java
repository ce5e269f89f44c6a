package dev.easel.pybridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A virtual environment ({@code python -m venv}, virtualenv, uv) that a chosen python executable
 * belongs to: the {@code pyvenv.cfg} that CPython itself finds next to the executable.
 *
 * <p>CPython looks for {@code pyvenv.cfg} one folder above the executable (as it was run, not the
 * file a link points to), then in the executable's own folder; the file counts only when it has a
 * {@code home} key (the folder of the base Python's executable). Easel starts such a Python the way
 * running its {@code python} would: {@code PYTHONHOME} unset and the venv's executable as the program
 * name, so CPython's own path calculation and {@code site} give {@code sys.prefix} (the venv),
 * {@code sys.base_prefix} (the base installation) and the venv's {@code site-packages}.
 *
 * @param prefix                    the venv's folder, the value of {@code sys.prefix} there
 * @param config                    its {@code pyvenv.cfg}
 * @param home                      the {@code home} key: the folder of the base Python's executable
 * @param includeSystemSitePackages the {@code include-system-site-packages} key ({@code false} when
 *                                  absent, as in CPython's {@code site}): whether the base
 *                                  installation's and the user's {@code site-packages} are used too
 */
public record VirtualEnvironment(Path prefix, Path config, Path home, boolean includeSystemSitePackages) {
    /** CPython's name for the file, {@code VENV_LANDMARK} in its path calculation. */
    public static final String CONFIG_NAME = "pyvenv.cfg";

    /**
     * The virtual environment an installation's executable belongs to.
     *
     * @param installation a located Python
     * @return its venv, or empty when it has no executable or that is not in a venv
     */
    public static Optional<VirtualEnvironment> of(PythonInstallation installation) {
        return installation.executable().flatMap(VirtualEnvironment::around);
    }

    /**
     * The virtual environment of a python executable, found as CPython finds it: {@code pyvenv.cfg}
     * in the folder above the executable's, else in its own, and only if it has a {@code home} key.
     *
     * @param executable the python executable, as it would be run (links not resolved)
     * @return the venv, or empty when there is no such {@code pyvenv.cfg}
     */
    public static Optional<VirtualEnvironment> around(Path executable) {
        Path exe = executable.toAbsolutePath().normalize();
        Path bin = exe.getParent();
        if (bin == null) {
            return Optional.empty();
        }
        for (Path dir : bin.getParent() == null ? List.of(bin) : List.of(bin.getParent(), bin)) {
            Path cfg = dir.resolve(CONFIG_NAME);
            if (!Files.isRegularFile(cfg)) {
                continue;
            }
            // Like CPython's getpath: the first pyvenv.cfg found decides, even without a home key.
            return read(dir, cfg);
        }
        return Optional.empty();
    }

    private static Optional<VirtualEnvironment> read(Path dir, Path cfg) {
        List<String> lines;
        try {
            lines = Files.readAllLines(cfg, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // CPython ignores a pyvenv.cfg it cannot read
        }
        String home = null;
        boolean system = false;
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            if (key.equals("home") && home == null) {
                home = value;
            } else if (key.equals("include-system-site-packages")) {
                system = value.equalsIgnoreCase("true");
            }
        }
        if (home == null || home.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new VirtualEnvironment(dir, cfg, dir.resolve(home).normalize(), system));
    }
}
