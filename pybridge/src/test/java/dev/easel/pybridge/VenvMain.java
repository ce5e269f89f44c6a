package dev.easel.pybridge;

import java.time.Duration;

/**
 * Run by {@link VirtualEnvTest} in a child JVM: starts the Python it was given (a venv's
 * {@code python}, or a base Python) and prints {@link #FACTS}, from the main interpreter and, where
 * there are sub-interpreters, from an isolated one too. The test runs the same script with the
 * python executable itself and compares.
 */
public final class VenvMain {
    /**
     * Prints one {@code VENV-FACT name=repr} line per fact of the running Python: its prefixes
     * (normalized: the bundled python says {@code .../bin/..} for its folder, as its libpython is
     * loaded through {@code $ORIGIN/..}; embedded, the same folder is named without {@code bin/..}) and
     * executables, {@code sys.path} (without the script's own entry), whether the user site is on,
     * and where the probe packages of the test import from (or the error's type).
     */
    static final String FACTS = """
            import sys, site, importlib, os.path
            def _easel_facts():
                n = os.path.normpath
                facts = [("prefix", n(sys.prefix)), ("exec_prefix", n(sys.exec_prefix)),
                         ("base_prefix", n(sys.base_prefix)), ("base_exec_prefix", n(sys.base_exec_prefix)),
                         ("executable", sys.executable), ("base_executable", getattr(sys, "_base_executable", None)),
                         ("path", [n(p) for p in sys.path if p]), ("user_site_enabled", site.ENABLE_USER_SITE)]
                for name in ("easel_venv_pkg", "easel_user_site_pkg"):
                    try:
                        facts.append((name, importlib.import_module(name).__file__))
                    except ImportError as e:
                        facts.append((name, type(e).__name__))
                for k, v in facts:
                    print("VENV-FACT %s=%r" % (k, v))
            _easel_facts()
            """;

    /** The argument that has the child locate its Python itself ({@code EASEL_PYTHON}), not take the parent's. */
    static final String LOCATE = "--locate";

    private VenvMain() {}

    public static void main(String[] args) throws Exception {
        PythonRuntime rt;
        if (args.length > 0 && args[0].equals(LOCATE)) {
            PythonInstallation located = PythonLocator.locate(null);
            System.out.println("LOCATED " + located.describe());
            rt = PythonRuntime.start(located, Duration.ofSeconds(5));
        } else {
            rt = ChildMain.start(Duration.ofSeconds(5));
        }
        try (PyObject g = rt.main().newGlobals()) {
            System.out.println("MAIN INTERPRETER");
            rt.main().exec(FACTS, g);
            rt.main().exec("import sys; sys.stdout.flush()", g);
        }
        System.out.flush();
        if (rt.supportsSubInterpreters()) {
            Interpreter sub = rt.newSubInterpreter();
            try (PyObject g = sub.newGlobals()) {
                System.out.println("SUB-INTERPRETER");
                sub.exec(FACTS.replace("VENV-FACT ", "VENV-SUB-FACT "), g);
                sub.exec("import sys; sys.stdout.flush()", g);
            }
            System.out.flush();
            sub.close();
        }
        rt.close();
        ChildMain.finish("venv facts printed");
    }
}
