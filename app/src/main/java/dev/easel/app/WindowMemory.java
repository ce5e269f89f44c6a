package dev.easel.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Where each canvas window was last, per sketch file and canvas class, kept with
 * {@link Preferences} (per user) like the launcher's recent files: one node per window under
 * {@code dev/easel/app/windows}, named by a hash of the sketch's absolute path and the key (node
 * names are limited to 80 characters), at most {@link #MAX} of them (the least recently used go).
 * Tests pass a node of their own; {@link #NONE} remembers nothing.
 */
final class WindowMemory {
    /** Windows remembered at most. */
    static final int MAX = 200;

    /** Remembers nothing (windows open where the placer puts them). */
    static final WindowMemory NONE = new WindowMemory(null);

    /**
     * A window's last place: its position, the scene's size, and the size the sketch asked for
     * then ({@code codeWidth × codeHeight}): a sketch whose size in code changed since opens at its
     * new size, not the remembered one.
     */
    record Place(double x, double y, double width, double height, int codeWidth, int codeHeight) {}

    private final Preferences root;

    /** Windows remembered under {@code root} (null: none). */
    WindowMemory(Preferences root) {
        this.root = root;
    }

    /** The user's memory. */
    static WindowMemory user() {
        return new WindowMemory(Preferences.userRoot().node("dev/easel/app/windows"));
    }

    /** The place of window {@code key} (the canvas class) of {@code sketch}, or null. */
    synchronized Place recall(Path sketch, String key) {
        if (root == null || sketch == null) {
            return null;
        }
        try {
            String name = nodeName(sketch, key);
            if (!root.nodeExists(name)) {
                return null;
            }
            Preferences n = root.node(name);
            double x = n.getDouble("x", Double.NaN), y = n.getDouble("y", Double.NaN);
            double w = n.getDouble("width", Double.NaN), h = n.getDouble("height", Double.NaN);
            int cw = n.getInt("codeWidth", -1), ch = n.getInt("codeHeight", -1);
            if (!Double.isFinite(x) || !Double.isFinite(y) || !(w > 0) || !(h > 0) || cw < 1 || ch < 1) {
                return null; // written by something else, or half: as if never seen
            }
            return new Place(x, y, w, h, cw, ch);
        } catch (BackingStoreException | IllegalStateException e) {
            return null;
        }
    }

    /** Remembers {@code p} for window {@code key} of {@code sketch}, written through at once. Any thread. */
    synchronized void remember(Path sketch, String key, Place p) {
        if (root == null || sketch == null) {
            return;
        }
        try {
            Preferences n = root.node(nodeName(sketch, key));
            n.put("sketch", sketch.toAbsolutePath().normalize().toString()); // for a person reading the store
            n.put("key", key);
            n.putDouble("x", p.x());
            n.putDouble("y", p.y());
            n.putDouble("width", p.width());
            n.putDouble("height", p.height());
            n.putInt("codeWidth", p.codeWidth());
            n.putInt("codeHeight", p.codeHeight());
            n.putLong("used", System.currentTimeMillis());
            prune();
            root.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // Not remembered across starts: the window opens where the placer puts it.
        }
    }

    /** Forgets the least recently used windows beyond {@link #MAX}. */
    private void prune() throws BackingStoreException {
        String[] names = root.childrenNames();
        if (names.length <= MAX) {
            return;
        }
        Arrays.sort(names, Comparator.comparingLong(s -> root.node(s).getLong("used", 0)));
        for (int i = 0; i < names.length - MAX; i++) {
            root.node(names[i]).removeNode();
        }
    }

    static String nodeName(Path sketch, String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(
                    (sketch.toAbsolutePath().normalize() + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
