package dev.easel.canvas.host.loop;

import dev.easel.pybridge.Attachment;
import dev.easel.pybridge.Interpreter;
import dev.easel.pybridge.PyObject;

import java.util.ArrayList;
import java.util.List;

/**
 * An isolated canvas made again in its own interpreter, on its canvas thread: the sketch (or the
 * module of its class) imported there, the object made from its {@link Recipe}, and imports of
 * extension modules that cannot run in a sub-interpreter turned into an error that says so.
 */
final class Isolation {
    private Isolation() {}

    private static final String INSTANTIATE = """
            def _easel_instantiate(module, path, qualname, payload, argv):
                import importlib, importlib.util, os, pickle, sys
                sys.argv = list(argv)
                if module == "__main__":
                    name = "__easel_main__"
                    mod = sys.modules.get(name)
                    if mod is None:
                        if path is None:
                            raise ImportError("an isolated canvas class must live in a file, not in an interactive session")
                        folder = os.path.dirname(os.path.abspath(path))
                        if folder not in sys.path:
                            sys.path.insert(0, folder)
                        spec = importlib.util.spec_from_file_location(name, path)
                        mod = importlib.util.module_from_spec(spec)
                        sys.modules[name] = mod
                        try:
                            spec.loader.exec_module(mod)
                        except BaseException:
                            del sys.modules[name]
                            raise
                else:
                    if path is not None:
                        folder = os.path.dirname(os.path.abspath(path))
                        if folder not in sys.path:
                            sys.path.append(folder)
                    mod = importlib.import_module(module)
                cls = mod
                for part in qualname.split("."):
                    cls = getattr(cls, part)
                args, kwargs = pickle.loads(payload)
                return cls(*args, **kwargs)

            def _easel_isolation_errors():
                # Extension modules that cannot load in a sub-interpreter: say why, and the fix.
                import builtins
                from importlib.machinery import ExtensionFileLoader
                original = ExtensionFileLoader.create_module
                def create_module(self, spec):
                    try:
                        return original(self, spec)
                    except ImportError as e:
                        if "interpreter" in str(e):
                            top = spec.name.partition(".")[0]
                            it = "it" if top == spec.name else f"its extension module {spec.name}"
                            error = ImportError(
                                f"{top} cannot be imported in an isolated canvas: {it} does not support "
                                f"sub-interpreters ({e}). Use it in a shared canvas: set isolated = False on the "
                                f"canvas class (and run without --isolate).", name=spec.name)
                            error._easel_isolation = True
                            raise error from e
                        raise
                ExtensionFileLoader.create_module = create_module
                # Packages such as numpy catch that error and raise their own, whose advice (a broken
                # installation) misleads here: the import statement raises the isolation error instead.
                original_import = builtins.__import__
                def isolated_import(*args, **kwargs):
                    try:
                        return original_import(*args, **kwargs)
                    except ImportError as e:
                        cause, seen = e.__cause__ or e.__context__, 0
                        while cause is not None and seen < 20 and not getattr(cause, "_easel_isolation", False):
                            cause, seen = cause.__cause__ or cause.__context__, seen + 1
                        if cause is None or seen == 20 or not getattr(cause, "_easel_isolation", False):
                            raise
                        raise cause.with_traceback(e.__traceback__) from None
                builtins.__import__ = isolated_import
            """;

    /**
     * Makes the canvas of {@code recipe} in {@code sub} (the canvas thread, for an isolated canvas),
     * with {@code sys.argv} as the script had it.
     */
    static PyObject instantiate(Interpreter sub, Recipe recipe, List<String> scriptArgv) {
        try (Attachment a = sub.attach(); PyObject g = a.newGlobals()) {
            a.exec(INSTANTIATE, g, "<easel>");
            try (PyObject guard = g.getItem("_easel_isolation_errors")) {
                guard.call().close();
            }
            List<Object> argv = new ArrayList<>(scriptArgv);
            try (PyObject make = g.getItem("_easel_instantiate")) {
                return make.call(recipe.module(), recipe.file(), recipe.qualname(), recipe.pickledArgs(), argv);
            }
        }
    }
}
