package dev.easel.canvas.host;

import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.loop.CanvasOwner;
import dev.easel.canvas.host.loop.CodeReload;
import dev.easel.canvas.host.loop.WindowSystem;
import dev.easel.pybridge.Interpreter;
import dev.easel.pybridge.PythonException;

import java.util.List;

/**
 * What the canvases of a session need of it, and where they report ({@link CanvasOwner}): called
 * on their canvas threads, so a canvas never names the session.
 */
final class SessionCanvases implements CanvasOwner {
    private final Session session;

    SessionCanvases(Session session) {
        this.session = session;
    }

    @Override
    public WindowSystem windows() {
        return session.windows();
    }

    @Override
    public int headlessFrames() {
        return Math.max(1, session.options().frames());
    }

    @Override
    public CodeReload liveReload() {
        return session.liveCode();
    }

    @Override
    public boolean quitRequested() {
        return session.quitRequested();
    }

    @Override
    public boolean endedByQuit(PythonException e) {
        return session.endedByQuit(e);
    }

    @Override
    public Interpreter newInterpreter() {
        Interpreter sub = session.runtime().newSubInterpreter();
        session.prepare(sub);
        return sub;
    }

    @Override
    public List<String> scriptArgv() {
        return session.scriptArgv();
    }

    /** Headless: queues the scripted events due before frame {@code frame} of {@code host}. */
    @Override
    public void deliverScripted(CanvasHost host, long frame) {
        for (Session.ScriptedEvent e : session.options().events()) {
            if (e.frame() == frame && (e.canvas() == null || e.canvas().equals(host.slug())
                    || e.canvas().equals(host.spec().title()) || e.canvas().equals(host.spec().className()))) {
                host.post(e.event());
            }
        }
    }

    @Override
    public void noteError() {
        session.noteError();
    }

    @Override
    public void watchClose(CanvasHost host) {
        session.watchClose(host);
    }

    @Override
    public void ended(CanvasHost host) {
        session.ended(host);
    }
}
