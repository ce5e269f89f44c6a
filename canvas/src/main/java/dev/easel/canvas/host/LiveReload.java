package dev.easel.canvas.host;

import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.loop.CodeReload;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;

/**
 * Live reload of a session's sketch: saving the sketch, or a module it imports from its folder,
 * imports the code again and moves the running canvases onto it without closing them
 * (docs/live-reload.md says what survives).
 *
 * <h2>Threads</h2>
 * The watcher thread ({@link SketchWatcher}) only signals: it records which files changed and
 * wakes every canvas. Python runs on canvas threads only ({@link CodeReload}): the first canvas of
 * an interpreter to wake imports the code again there, then each canvas moves its own object onto
 * the new classes between two frames. A failed import changes nothing: the last good code keeps
 * running.
 */
public final class LiveReload implements AutoCloseable {
    private final Session session;
    private final CodeReload code;
    private final SketchWatcher watcher;

    private LiveReload(Session session, Path script, boolean watch) throws IOException {
        Path abs = script.toAbsolutePath().normalize();
        this.session = session;
        this.code = new CodeReload(abs, session::noteError);
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
        r.session.liveReload(r.code, r::close);
        return r;
    }

    /** Reloads now, as if every file of the sketch had been saved. Any thread. */
    public void reloadNow() {
        changed(Set.of("*"));
    }

    /** The watcher (or {@link #reloadNow}): these paths changed. Wakes every canvas; runs no Python. */
    void changed(Collection<String> paths) {
        code.changed(paths);
        for (CanvasHost h : session.canvases()) {
            h.reloadRequested();
        }
    }

    /** The code the session's shared canvases run (the main interpreter's). */
    CodeReload.CodeState shared() {
        return code.shared();
    }

    /** Stops watching. Canvases keep the code they run. */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
    }
}
