package dev.easel.canvas.host.loop;

import dev.easel.pybridge.Attachment;
import dev.easel.pybridge.PyObject;

import java.util.List;

/**
 * The Python half of live reload: importing the sketch's code again in one interpreter, and
 * moving a running canvas onto the new code. Every function here runs attached, on a canvas
 * thread; the source is compiled as {@code <easel>} so tracebacks leave its frames out.
 */
final class SketchCode {
    private SketchCode() {}

    /** What {@link #swap} did to a canvas. */
    sealed interface Swap {
        /** Its class is not in the reloaded code (defined elsewhere): nothing to do. */
        record Same() implements Swap {}

        /** Its class is gone from the new code (renamed, deleted): it keeps its last code. */
        record Gone(String qualname) implements Swap {}

        /** The object now has the new class; its attributes are as they were. */
        record Swapped() implements Swap {}

        /** A new object of the new class (reset_on_reload, a restart, or setup never succeeded); owned. */
        record Fresh(PyObject canvas) implements Swap {}
    }

    private static final String SOURCE = """
            import importlib, importlib.machinery, importlib.util, linecache, os, sys

            _failed = [False]

            def _inside(path, folder):
                try:
                    return os.path.commonpath([path, folder]) == folder
                except ValueError:
                    return False

            def _ours(path, folder):
                # A module of the sketch's own: under its folder, but not in a virtualenv or hidden folder there.
                if not path.endswith(".py") or not _inside(path, folder):
                    return False
                parts = os.path.relpath(path, folder).split(os.sep)[:-1]
                return not any(p.startswith(".") or p in ("site-packages", "dist-packages", "__pycache__") for p in parts)

            def _modules(folder):
                out = {}
                for name, m in list(sys.modules.items()):
                    f = getattr(m, "__file__", None)
                    if name != "__main__" and isinstance(f, str) and _ours(os.path.abspath(f), folder):
                        out[name] = m
                return out

            def relevant(changed, sketch):
                try:
                    if os.path.getsize(sketch) == 0:
                        return False   # truncated by a save whose write is yet to come (and be seen)
                except OSError:
                    pass
                if "*" in changed:
                    return True
                folder = os.path.dirname(sketch)
                watched = {sketch} | {os.path.abspath(m.__file__) for m in _modules(folder).values()}
                # After a failed import any save in the folder may be the fix (the module that
                # failed is no longer in sys.modules to be recognised).
                return any(p in watched or (_failed[0] and _ours(p, folder)) for p in changed)

            class _FreshLoader(importlib.machinery.SourceFileLoader):
                # Always from the source: a .pyc written in the same second as the edit looks up to date.
                def get_code(self, fullname):
                    return self.source_to_code(self.get_data(self.path), self.path)

            class _FreshFinder:
                def __init__(self, folder):
                    self.folder = folder
                def find_spec(self, name, path=None, target=None):
                    spec = importlib.machinery.PathFinder.find_spec(name, path)
                    if (spec is not None and type(spec.loader) is importlib.machinery.SourceFileLoader
                            and spec.origin and _ours(os.path.abspath(spec.origin), self.folder)):
                        spec.loader = _FreshLoader(name, spec.origin)
                    return spec

            def _invalidate(folder):
                # Only the folder's own finders: importlib.invalidate_caches() imports importlib.metadata (~150 ms).
                for path, finder in list(sys.path_importer_cache.items()):
                    if finder is not None and isinstance(path, str) and _inside(os.path.abspath(path), folder):
                        finder.invalidate_caches()

            def reimport(sketch, root):
                \"""The sketch's modules imported anew; on failure sys.modules is as it was.\"""
                folder = os.path.dirname(sketch)
                old = _modules(folder)
                for name in old:
                    del sys.modules[name]
                _invalidate(folder)
                linecache.clearcache()
                finder = _FreshFinder(folder)
                sys.meta_path.insert(0, finder)
                try:
                    if root in ("__main__", "__easel_main__"):
                        name = "__easel_main__"
                        loader = _FreshLoader(name, sketch)
                        spec = importlib.util.spec_from_file_location(name, sketch, loader=loader)
                        mod = importlib.util.module_from_spec(spec)
                        sys.modules[name] = mod
                        loader.exec_module(mod)
                    else:
                        importlib.import_module(root)
                except BaseException:
                    for name in _modules(folder):
                        sys.modules.pop(name, None)
                    sys.modules.update(old)
                    _failed[0] = True
                    raise
                finally:
                    sys.meta_path.remove(finder)
                _failed[0] = False

            def _new_class(cls):
                name = cls.__module__
                mod = sys.modules.get("__easel_main__" if name in ("__main__", "__easel_main__") else name)
                for part in cls.__qualname__.split("."):
                    mod = getattr(mod, part, None)
                return mod

            def _renew(canvas, cls):
                args, kwargs = canvas._easel_init_args
                new = cls(*args, **kwargs)
                new._easel_check_handlers()
                for k, v in vars(canvas).items():
                    # Easel's own state (handle, size, clock, input) carries over; the rest is new.
                    if k.startswith(("_e_", "_easel_")) and k not in ("_e_graphics", "_easel_init_args"):
                        setattr(new, k, v)
                return new

            def swap(canvas, fresh):
                import easel
                old = type(canvas)
                new = _new_class(old)
                if new is None:
                    return ("gone", old.__qualname__)
                if not (isinstance(new, type) and issubclass(new, easel.Canvas)):
                    raise TypeError(f"{old.__qualname__} is no longer an easel.Canvas subclass in the new code")
                if fresh or (new is not old and getattr(new, "reset_on_reload", False)):
                    return ("fresh", _renew(canvas, new))
                if new is old:
                    return ("same", None)
                canvas.__class__ = new
                try:
                    canvas._easel_check_handlers()
                except BaseException:
                    canvas.__class__ = old
                    raise
                return ("swapped", None)

            def restart(canvas):
                return _renew(canvas, type(canvas))

            def on_reload(canvas):
                hook = getattr(canvas, "on_reload", None)
                if hook is not None:
                    hook()
            """;

    private static final String INSTALL = """
            import sys, types
            if "_easel_reload" not in sys.modules:
                _m = types.ModuleType("_easel_reload")
                exec(compile(_source, "<easel>", "exec"), _m.__dict__)
                sys.modules["_easel_reload"] = _m
            """;

    /** The helper module of the attached interpreter, made on first use. */
    private static PyObject helper(Attachment a) {
        try (PyObject g = a.newGlobals()) {
            g.setItem("_source", SOURCE);
            a.exec(INSTALL, g, "<easel>");
        }
        return a.importModule("_easel_reload");
    }

    /** Whether any of {@code changed} (absolute paths; "*" for all) is code the interpreter runs. */
    static boolean relevant(Attachment a, List<String> changed, String sketch) {
        try (PyObject m = helper(a); PyObject f = m.getAttr("relevant"); PyObject r = f.call(changed, sketch)) {
            return r.isTrue();
        }
    }

    /** Imports the sketch's modules again ({@code root}: the module to import, "__main__" for the sketch). */
    static void reimport(Attachment a, String sketch, String root) {
        try (PyObject m = helper(a); PyObject f = m.getAttr("reimport")) {
            f.call(sketch, root).close();
        }
    }

    /** Moves {@code canvas} onto the newest imported code ({@code fresh}: a new object whatever the class says). */
    static Swap swap(Attachment a, PyObject canvas, boolean fresh) {
        try (PyObject m = helper(a); PyObject f = m.getAttr("swap"); PyObject r = f.call(canvas, fresh);
             PyObject kind = r.getItem(0); PyObject arg = r.getItem(1)) {
            return switch (kind.toStringValue()) {
                case "same" -> new Swap.Same();
                case "gone" -> new Swap.Gone(arg.toStringValue());
                case "swapped" -> new Swap.Swapped();
                default -> new Swap.Fresh(arg.newReference());
            };
        }
    }

    /** A new object of the canvas' current class, made with the same arguments; owned. */
    static PyObject restart(Attachment a, PyObject canvas) {
        try (PyObject m = helper(a); PyObject f = m.getAttr("restart")) {
            return f.call(canvas);
        }
    }

    /** Calls the canvas' {@code on_reload()}, if it has one. */
    static void onReload(Attachment a, PyObject canvas) {
        try (PyObject m = helper(a); PyObject f = m.getAttr("on_reload")) {
            f.call(canvas).close();
        }
    }
}
