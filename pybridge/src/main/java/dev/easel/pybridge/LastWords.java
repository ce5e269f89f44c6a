package dev.easel.pybridge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.easel.pybridge.ffi.pyerrors_h.PyErr_Clear;

/**
 * What an interpreter must still do when it will not be ended normally now (left unfinalized under
 * a thread that would not stop, or ended later by another thread): run its {@code atexit} handlers
 * and flush {@code sys.stdout} and {@code sys.stderr}, so that nothing the program wrote is lost.
 */
final class LastWords {
    private LastWords() {}

    private static final String CODE = """
            def _easel_last_words():
                import sys
                try:
                    import atexit
                    atexit._run_exitfuncs()  # and forgets them: a later end does not run them twice
                except BaseException:
                    pass
                for f in (sys.stdout, sys.stderr):
                    try:
                        if f is not None:
                            f.flush()
                    except BaseException:
                        pass
            _easel_last_words()
            """;

    /** Runs the atexit handlers and flushes stdout and stderr. Caller: attached to {@code interp}, marked so in its slot. */
    static void say(Interpreter interp) {
        try (PyObject g = Ops.newGlobals(interp)) {
            Ops.run(interp, CODE, g, "<easel>", false).close();
        } catch (RuntimeException e) {
            PyErr_Clear(); // best effort: nothing more can be done for this interpreter
        }
    }

    private static final String WHERE = """
            def _easel_where(frames_ok):
                import sys, _thread
                me = _thread.get_ident()
                threading = sys.modules.get("threading")
                names = {t.ident: t.name for t in threading.enumerate()} if threading else {}
                # sys._current_frames() walks every interpreter's threads and makes frame objects
                # here for them: only when this is the one interpreter left.
                frames = sys._current_frames() if frames_ok else {}
                out = []
                # Threads running Python (with a frame); without frames, every thread Python knows.
                for ident in sorted(frames if frames_ok else names):
                    if ident == me:
                        continue
                    f, chain = frames.get(ident), []
                    while f is not None and len(chain) < 3:
                        chain.append(f"{f.f_code.co_name} ({f.f_code.co_filename}:{f.f_lineno})")
                        f = f.f_back
                    out.append([ident, names.get(ident), " <- ".join(chain)])
                return out
            """;

    /**
     * One line naming the threads of {@code interp} other than the caller and, when
     * {@code framesSafe} (no other interpreter left), where each is in Python (innermost frames
     * first). Java threads are named from {@code slots}. Caller: attached, marked so in its slot.
     */
    static String where(Interpreter interp, boolean framesSafe, Iterable<ThreadSlot> slots) {
        try (PyObject g = Ops.newGlobals(interp)) {
            Ops.run(interp, WHERE, g, "<easel>", false).close();
            List<?> rows;
            try (PyObject fn = g.getItem("_easel_where"); PyObject r = fn.call(framesSafe)) {
                rows = (List<?>) r.toJava();
            }
            Map<Long, String> javaNames = new HashMap<>();
            for (ThreadSlot s : slots) {
                javaNames.put(s.ident, s.thread.getName());
            }
            List<String> parts = new ArrayList<>();
            for (Object o : rows) {
                List<?> row = (List<?>) o;
                long ident = ((Number) row.get(0)).longValue();
                String name = javaNames.containsKey(ident) ? javaNames.get(ident)
                        : row.get(1) != null ? String.valueOf(row.get(1)) : "thread " + ident;
                String at = String.valueOf(row.get(2));
                parts.add(at.isEmpty() ? name : name + " in " + at);
            }
            return String.join("; ", parts);
        } catch (RuntimeException e) {
            PyErr_Clear();
            return "(could not tell: " + e.getMessage() + ")";
        }
    }
}
