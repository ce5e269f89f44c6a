package dev.easel.pybridge;

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
}
