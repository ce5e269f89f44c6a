package dev.easel.canvas.host;

import dev.easel.pybridge.Attachment;
import dev.easel.pybridge.Interpreter;
import dev.easel.pybridge.PythonException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Live reload of a session's sketch: saving the sketch, or a module it imports from its folder,
 * imports the code again and moves the running canvases onto it without closing them
 * (docs/live-reload.md says what survives).
 *
 * <h2>Threads</h2>
 * The watcher thread ({@link SketchWatcher}) only signals: it records which files changed and
 * wakes every canvas. Python runs on canvas threads only: the first canvas of an interpreter to
 * wake imports the code again there (once per change: shared canvases share the main
 * interpreter's import), then each canvas moves its own object onto the new classes between two
 * frames. A failed import changes nothing: the last good code keeps running.
 */
public final class LiveReload implements AutoCloseable {
    /** An import that failed: shown over the canvases of its interpreter until one succeeds. */
    record Failure(long id, String type, String message, String traceback) {}

    /**
     * The code of one interpreter (the main one, for every shared canvas; an isolated canvas'
     * own): which changes it has looked at and how many imports succeeded. Guarded by
     * {@link #lock}, which is only ever taken detached.
     */
    static final class CodeState {
        private final ReentrantLock lock = new ReentrantLock();
        private long seen;
        private volatile long version;
        private volatile Failure failure;

        /** Successful imports so far: a canvas behind it moves onto the newest code. */
        long version() {
            return version;
        }

        /** The failure of the newest import, or null when it succeeded (or none ran). */
        Failure failure() {
            return failure;
        }
    }

    private final Session session;
    private final String script;
    private final String scriptName;
    private final SketchWatcher watcher;
    private final CodeState shared = new CodeState();
    /** The changes so far: element i is the set of paths of generation i + 1. Guarded by itself. */
    private final List<Set<String>> changes = new ArrayList<>();
    private long failures;

    private LiveReload(Session session, Path script, boolean watch) throws IOException {
        Path abs = script.toAbsolutePath().normalize();
        this.session = session;
        this.script = abs.toString();
        this.scriptName = String.valueOf(abs.getFileName());
        this.watcher = watch ? new SketchWatcher(abs.getParent(), this::changed) : null;
    }

    /**
     * Starts watching the folder of {@code script} for {@code session}: call it before
     * {@link Session#runScript}. Headless canvases of a watched session are paced at their fps on
     * real time (so that saves land between frames) and keep running after a failed setup,
     * waiting for a fix.
     *
     * @throws IOException when the folder cannot be watched
     */
    public static LiveReload start(Session session, Path script) throws IOException {
        return register(new LiveReload(session, script, true));
    }

    /** Like {@link #start} without a watcher: reloads happen only through {@link #reloadNow()}. */
    public static LiveReload manual(Session session, Path script) {
        try {
            return register(new LiveReload(session, script, false));
        } catch (IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
    }

    private static LiveReload register(LiveReload r) {
        r.session.liveReload(r);
        return r;
    }

    /** Reloads now, as if every file of the sketch had been saved. Any thread. */
    public void reloadNow() {
        changed(Set.of("*"));
    }

    /** The watcher (or {@link #reloadNow}): these paths changed. Wakes every canvas; runs no Python. */
    void changed(Collection<String> paths) {
        synchronized (changes) {
            changes.add(new LinkedHashSet<>(paths));
        }
        for (CanvasHost h : session.canvases()) {
            h.reloadRequested();
        }
    }

    /** The sketch, as an absolute path. */
    String script() {
        return script;
    }

    /** The code the session's shared canvases run (the main interpreter's). */
    CodeState shared() {
        return shared;
    }

    /**
     * Canvas thread, detached: brings {@code state} up to date with the files. Imports the code
     * again in {@code interp} when a changed file is one it runs; a failure is printed once and
     * kept in the state. {@code root}: the module that brings in the canvas' class ("__main__":
     * the sketch).
     */
    void update(CodeState state, Interpreter interp, String root, CanvasThread thread, String label) {
        state.lock.lock();
        try {
            List<String> paths = new ArrayList<>();
            synchronized (changes) {
                if (state.seen >= changes.size()) {
                    return;
                }
                for (Set<String> s : changes.subList((int) state.seen, changes.size())) {
                    paths.addAll(s);
                }
                state.seen = changes.size();
            }
            long t0 = System.nanoTime();
            try (Attachment a = interp.attach()) {
                if (!SketchCode.relevant(a, List.copyOf(new LinkedHashSet<>(paths)), script)) {
                    return;
                }
                thread.importingIsolated = true; // the sketch's show() and run() do nothing while it runs again
                try {
                    SketchCode.reimport(a, script, root);
                } finally {
                    thread.importingIsolated = false;
                }
            }
            state.version++;
            state.failure = null;
            // Not printf: its first use costs ~100 ms, on the first reload's way to the screen.
            System.err.println("easel: reloaded " + scriptName + (label == null ? "" : " in " + label) + " ("
                    + (System.nanoTime() - t0) / 1_000_000 + " ms)");
        } catch (PythonException e) {
            String tb = withoutImportMachinery(Session.scriptTraceback(e));
            synchronized (this) {
                state.failure = new Failure(++failures, e.pythonType(), e.pythonMessage(), tb);
            }
            System.err.print("easel: reloading " + scriptName + (label == null ? "" : " in " + label)
                    + " failed; the last good code keeps running:\n" + tb + (tb.endsWith("\n") ? "" : "\n"));
            System.err.flush();
            session.noteError();
        } finally {
            state.lock.unlock();
        }
    }

    /** The traceback without the frames of importlib's own (frozen) code. */
    static String withoutImportMachinery(String tb) {
        StringBuilder out = new StringBuilder();
        String[] lines = tb.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("  File \"<frozen importlib.")) {
                while (i + 1 < lines.length && lines[i + 1].startsWith("    ")) {
                    i++;
                }
                continue;
            }
            out.append(lines[i]);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** Stops watching. Canvases keep the code they run. */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
    }
}
