package dev.easel.canvas.host.loop;

import dev.easel.pybridge.Attachment;
import dev.easel.pybridge.Interpreter;
import dev.easel.pybridge.PythonException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The canvas threads' side of live reload: the changes recorded so far, and the code of each
 * interpreter brought up to date with them. The first canvas of an interpreter to wake imports the
 * code again there (once per change: shared canvases share the main interpreter's import); a
 * failed import changes nothing, the last good code keeps running. Watching the files is the
 * session's ({@code LiveReload}).
 */
public final class CodeReload {
    /** An import that failed: shown over the canvases of its interpreter until one succeeds. */
    public record Failure(long id, String type, String message, String traceback) {}

    /**
     * The code of one interpreter (the main one, for every shared canvas; an isolated canvas'
     * own): which changes it has looked at and how many imports succeeded. Guarded by
     * {@link #lock}, which is only ever taken detached.
     */
    public static final class CodeState {
        private final ReentrantLock lock = new ReentrantLock();
        private long seen;
        private volatile long version;
        private volatile Failure failure;

        /** Successful imports so far: a canvas behind it moves onto the newest code. */
        public long version() {
            return version;
        }

        /** The failure of the newest import, or null when it succeeded (or none ran). */
        public Failure failure() {
            return failure;
        }
    }

    private final String script;
    private final String scriptName;
    private final CodeState shared = new CodeState();
    /** Told of each failed import (the session counts it as an error). */
    private final Runnable onFailure;
    /** The changes so far: element i is the set of paths of generation i + 1. Guarded by itself. */
    private final List<Set<String>> changes = new ArrayList<>();
    private long failures;

    /** Reloads of {@code script} (absolute); {@code onFailure} runs on each failed import. */
    public CodeReload(Path script, Runnable onFailure) {
        this.script = script.toString();
        this.scriptName = String.valueOf(script.getFileName());
        this.onFailure = onFailure;
    }

    /** These paths changed ("*": all). Any thread; runs no Python, wakes nobody. */
    public void changed(Collection<String> paths) {
        synchronized (changes) {
            changes.add(new LinkedHashSet<>(paths));
        }
    }

    /** The sketch, as an absolute path. */
    public String script() {
        return script;
    }

    /** The code the session's shared canvases run (the main interpreter's). */
    public CodeState shared() {
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
            String tb = withoutImportMachinery(Tracebacks.script(e));
            synchronized (this) {
                state.failure = new Failure(++failures, e.pythonType(), e.pythonMessage(), tb);
            }
            System.err.print("easel: reloading " + scriptName + (label == null ? "" : " in " + label)
                    + " failed; the last good code keeps running:\n" + tb + (tb.endsWith("\n") ? "" : "\n"));
            System.err.flush();
            onFailure.run();
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
}
