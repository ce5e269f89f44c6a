package dev.easel.canvas.host.python;

import dev.easel.pybridge.BuiltinModule;

/**
 * The built-in module {@code _easel}: the Java side of the Python package {@code easel}.
 *
 * <p>Built-ins run on whichever Python thread calls them, attached. Drawing functions record into
 * the display list of the calling canvas thread's current frame
 * ({@link dev.easel.canvas.host.loop.CanvasThread#currentRecording()}); called anywhere else they
 * raise {@code RuntimeError}. Bad values raise {@code TypeError}/{@code ValueError} naming the call
 * and quoting the value. The session is reached through {@link SketchRun}, a canvas through
 * {@link dev.easel.canvas.host.loop.CanvasControl}.
 */
public final class EaselModule {
    /** Easel's version, as {@code easel.__version__}. */
    public static final String VERSION = "0.1.0";

    private EaselModule() {}

    /** The module, its functions calling into {@code session}. */
    public static BuiltinModule build(SketchRun session) {
        BuiltinModule.Builder b = BuiltinModule.builder("_easel").doc("Java built-ins behind the easel package.");
        DrawingBuiltins.register(b);
        StateBuiltins.register(b);
        LifecycleBuiltins.register(b, session);
        ImageBuiltins.register(b);
        NoiseBuiltins.register(b);
        WindowBuiltins.register(b, session);
        PaintBuiltins.register(b);
        FontBuiltins.register(b);
        SaveFrameBuiltins.register(b, session);
        ParamBuiltins.register(b, session);
        return b.build();
    }

    /**
     * A colour value as ARGB (a CSS name, "#rrggbb", (r, g, b[, a]) or easel.Color); closes a
     * Python object it is given. {@code what} names the value in the error.
     */
    public static int color(Object v, String what) {
        return Args.color(v, what);
    }
}
