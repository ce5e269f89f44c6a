package dev.easel.canvas.host.loop;

import dev.easel.canvas.DisplayList;
import dev.easel.pybridge.Attachment;
import dev.easel.pybridge.PythonException;

import java.util.List;

/**
 * Live reload and restart of one canvas, on its canvas thread between frames: the canvas moved
 * onto the newest code (or made anew), and why the newest reload failed, shown over the frames
 * the last good code still draws.
 */
final class CanvasReload {
    private final CanvasHost host;
    private final CanvasLoop loop;
    private final CanvasErrors errors;
    /** The version of its interpreter's code this canvas runs. */
    private long codeVersion;
    /** An isolated canvas' own interpreter's code (the shared canvases share the session's). */
    private CodeReload.CodeState ownCode;
    /** Why the newest reload failed (shown over the frames), or null. */
    private String reloadFailure;
    private long failureRecorded;
    private String goneNoted;
    private boolean reloadPrepared;

    CanvasReload(CanvasHost host, CanvasLoop loop, CanvasErrors errors) {
        this.host = host;
        this.loop = loop;
        this.errors = errors;
    }

    /** Whether the newest reload failed. */
    boolean failed() {
        return reloadFailure != null;
    }

    /** The failure of the newest reload, drawn over a frame of {@code width × height}; or null. */
    DisplayList overlay(int width, int height) {
        return reloadFailure == null ? null : errors.overlay(reloadFailure, width, height);
    }

    /** After the first frame: Easel's reload code made ready once. */
    void prepareOnce() {
        if (!reloadPrepared) {
            prepare();
        }
    }

    /**
     * Before a frame, detached: brings the canvas onto the newest code (importing it again if this
     * is the first canvas of its interpreter to wake), or restarts it. Returns whether it is set up.
     */
    boolean reload(boolean setUp) {
        boolean restart = host.restartWanted;
        host.restartWanted = false;
        CodeReload live = host.owner.liveReload();
        if (host.reloadWanted && live != null) {
            host.reloadWanted = false; // before the update: a change recorded during it wakes the canvas again
            CodeReload.CodeState code = host.recipe == null ? live.shared() : ownCode();
            live.update(code, host.interp, host.recipe == null ? "__main__" : host.recipe.module(), host.thread,
                    host.recipe == null ? null : "isolated canvas " + host.slug);
            if (code.version() > codeVersion) {
                codeVersion = code.version();
                reloadFailure = null;
                setUp = moveToNewCode(setUp);
            }
            CodeReload.Failure f = code.failure();
            if (f != null && f.id() != failureRecorded) {
                failureRecorded = f.id();
                host.stats.error(new CanvasStats.Error(host.stats.frames(), "reload", f.type(), f.message(), f.traceback()));
                reloadFailure = "reload failed, the last good code keeps running:\n" + f.traceback();
            }
        }
        if (restart) {
            try (Attachment a = host.interp.attach()) {
                loop.replaceCanvas(SketchCode.restart(a, loop.canvas));
            } catch (PythonException e) {
                errors.report(host.stats.frames(), "restart", e);
                return setUp;
            }
            host.reloads++;
            setUp = loop.runSetup();
        }
        loop.setupErrorShown = false; // the next failure shown anew
        return setUp;
    }

    /** After the first frame: Easel's reload code made ready, so the first reload is as quick as the next. */
    private void prepare() {
        reloadPrepared = true;
        CodeReload live = host.owner.liveReload();
        if (live != null) {
            try (Attachment a = host.interp.attach()) {
                SketchCode.relevant(a, List.of(), live.script());
            } catch (PythonException e) {
                errors.report(-1, "reload", e);
            }
        }
    }

    private CodeReload.CodeState ownCode() {
        if (ownCode == null) {
            ownCode = new CodeReload.CodeState();
        }
        return ownCode;
    }

    /** Swaps the canvas' class for the new one (or makes a new object: reset_on_reload, setup never succeeded). */
    private boolean moveToNewCode(boolean setUp) {
        SketchCode.Swap swap;
        try (Attachment a = host.interp.attach()) {
            swap = SketchCode.swap(a, loop.canvas, !setUp);
        } catch (PythonException e) {
            errors.report(host.stats.frames(), "reload", e);
            reloadFailure = "reload failed, the last good code keeps running:\n" + errors.lastText();
            return setUp;
        }
        switch (swap) {
            case SketchCode.Swap.Same same -> {
                return setUp;
            }
            case SketchCode.Swap.Gone gone -> {
                if (!gone.qualname().equals(goneNoted)) {
                    goneNoted = gone.qualname();
                    System.err.println("easel: " + gone.qualname() + " is no longer in the reloaded code: its canvas "
                            + "keeps running its last code");
                }
                return setUp;
            }
            case SketchCode.Swap.Swapped swapped -> {
            }
            case SketchCode.Swap.Fresh fresh -> {
                loop.replaceCanvas(fresh.canvas());
                setUp = loop.runSetup();
            }
        }
        goneNoted = null;
        host.reloads++;
        if (setUp) {
            loop.callPython(host.stats.frames(), "on_reload", () -> {
                try (Attachment a = host.interp.attach()) {
                    SketchCode.onReload(a, loop.canvas);
                }
                return null;
            });
        }
        return setUp;
    }
}
