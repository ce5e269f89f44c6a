package dev.easel.app.launcher;

import java.nio.file.Path;

/** Paths as a user reads them: under the home folder, {@code ~/...}. */
final class HomePaths {
    private HomePaths() {}

    /** {@code folder} with the home folder as {@code ~}; "" for null. */
    static String shown(Path folder) {
        if (folder == null) {
            return "";
        }
        Path home = Path.of(System.getProperty("user.home"));
        return folder.startsWith(home) && !folder.equals(home)
                ? "~/" + home.relativize(folder) : folder.toString();
    }
}
