package dev.easel.app;

import java.nio.file.Path;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Record…'s last choice per sketch: the folder, the format and the policy, kept with
 * {@link Preferences} (per user) under {@code dev/easel/app/recordings}, one key per sketch (a hash
 * of its absolute path), like the windows' places ({@link WindowMemory}). {@link #NONE} remembers
 * nothing.
 */
final class RecordMemory {
    /** Sketches remembered at most (the oldest keys go first). */
    static final int MAX = 200;

    static final RecordMemory NONE = new RecordMemory(null);

    private final Preferences root;

    RecordMemory(Preferences root) {
        this.root = root;
    }

    static RecordMemory user() {
        return new RecordMemory(Preferences.userRoot().node("dev/easel/app/recordings"));
    }

    /** The last choice for {@code sketch} (its folder, format and policy), or null. */
    synchronized RecordChoice recall(Path sketch) {
        if (root == null || sketch == null) {
            return null;
        }
        String v = root.get(key(sketch), null);
        if (v == null) {
            return null;
        }
        String[] parts = v.split("\\|", 3); // format|realTime|folder
        if (parts.length != 3) {
            return null;
        }
        try {
            RecordChoice.Format f = RecordChoice.Format.valueOf(parts[0]);
            return new RecordChoice(RecordChoice.named(Path.of(parts[2]), "recording", f), Boolean.parseBoolean(parts[1]));
        } catch (IllegalArgumentException e) { // an unknown format, a path no longer valid
            return null;
        }
    }

    /** Remembers {@code c} for {@code sketch}. */
    synchronized void remember(Path sketch, RecordChoice c) {
        if (root == null || sketch == null) {
            return;
        }
        Path folder = c.target().getParent();
        root.put(key(sketch), c.format().name() + "|" + c.realTime() + "|" + (folder == null ? "." : folder));
        try {
            String[] keys = root.keys();
            if (keys.length > MAX) {
                root.remove(keys[0]); // bounded; which one goes matters little
            }
            root.flush();
        } catch (BackingStoreException e) {
            // Remembering is a convenience: a read-only preference store records all the same.
        }
    }

    private static String key(Path sketch) {
        return Integer.toHexString(sketch.toAbsolutePath().normalize().toString().hashCode());
    }
}
