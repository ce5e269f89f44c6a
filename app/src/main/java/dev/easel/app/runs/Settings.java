package dev.easel.app.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the launcher remembers between starts: recent sketches (newest first, at most
 * {@link #MAX_RECENT}) and the Python chosen. Kept with {@link Preferences} (per user); tests
 * pass a node of their own.
 */
public final class Settings {
    /** How many recent files are kept. */
    public static final int MAX_RECENT = 10;

    private final Preferences node;

    /** Settings under {@code node} (e.g. {@code Preferences.userRoot().node("dev/easel/app")}). */
    public Settings(Preferences node) {
        this.node = node;
    }

    /** The user's settings. */
    public static Settings user() {
        return new Settings(Preferences.userRoot().node("dev/easel/app"));
    }

    /** Recent sketches, newest first. */
    public synchronized List<Path> recent() {
        List<Path> out = new ArrayList<>();
        Preferences r = node.node("recent");
        for (int i = 0; i < MAX_RECENT; i++) {
            String p = r.get(String.valueOf(i), null);
            if (p != null) {
                out.add(Path.of(p));
            }
        }
        return out;
    }

    /** Puts {@code file} first in the recent list (once). */
    public synchronized void opened(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(recent());
        list.remove(abs);
        list.addFirst(abs);
        Preferences r = node.node("recent");
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < list.size()) {
                r.put(String.valueOf(i), list.get(i).toString());
            } else {
                r.remove(String.valueOf(i));
            }
        }
        flush();
    }

    /** The Python chosen ({@code --python} value), or null for Easel's default. */
    public synchronized String python() {
        return node.get("python", null);
    }

    /** Chooses a Python ({@code --python} value; null: Easel's default). */
    public synchronized void python(String choice) {
        if (choice == null) {
            node.remove("python");
        } else {
            node.put("python", choice);
        }
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Not remembered across starts; this session still has it.
        }
    }
}
