package dev.easel.pybridge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The per-user package folder of the bundled CPython ({@code easel pip install} puts packages
 * there): the bundled Python's user site. Easel starts the bundled CPython with
 * {@code PYTHONUSERBASE} set to {@link #userBase()}, so {@code site} puts
 * {@code <user base>/lib/python3.14/site-packages} on {@code sys.path} (in isolated canvases'
 * interpreters too), before the bundled {@code site-packages}; pip's {@code --user} installs into the
 * same folder. Any other Python (pyenv's, the system's, a venv) is started as before and never
 * sees it, and the bundled Python no longer sees {@code ~/.local/lib/python3.14/site-packages}.
 *
 * <p>The user base is {@code $EASEL_DATA/python} if {@code EASEL_DATA} is set, else
 * {@code $XDG_DATA_HOME/easel/python}, else {@code ~/.local/share/easel/python}: data the user made,
 * kept apart from the cache (which may be deleted at any time).
 */
public final class BundledUserSite {
    private BundledUserSite() {
    }

    /**
     * The user base folder for this process' environment (it may not exist yet).
     *
     * @return the absolute folder that {@code PYTHONUSERBASE} names for the bundled CPython
     */
    public static Path userBase() {
        return userBase(System.getenv());
    }

    static Path userBase(Map<String, String> env) {
        String data = env.get("EASEL_DATA");
        if (data != null && !data.isBlank()) {
            return Path.of(data, "python").toAbsolutePath().normalize();
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "easel", "python").normalize();
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".local", "share", "easel", "python").toAbsolutePath().normalize();
    }

    /**
     * The site folder of {@code installation} under the user base, as {@code site} computes it on
     * Linux and macOS: {@code <user base>/lib/python3.14/site-packages}.
     *
     * @param installation the bundled CPython
     * @return the folder packages are installed into (it may not exist yet)
     */
    public static Path sitePackages(PythonInstallation installation) {
        return userBase().resolve("lib").resolve("python" + installation.abiName()).resolve("site-packages");
    }

    /**
     * Whether {@code installation} is the bundled CPython (an extraction of Easel's, which has
     * Easel's manifest), whichever way it was chosen ({@code bundled}, {@code 3.14}, its path).
     *
     * @param installation a located Python
     * @return {@code true} for the bundled CPython; {@code false} for any other, a venv of it included
     */
    public static boolean appliesTo(PythonInstallation installation) {
        return VirtualEnvironment.of(installation).isEmpty()
                && Files.isRegularFile(installation.home().resolve(BundledTree.MANIFEST));
    }
}
