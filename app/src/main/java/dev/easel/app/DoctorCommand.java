package dev.easel.app;

import dev.easel.pybridge.Attachment;
import dev.easel.pybridge.BundledUserSite;
import dev.easel.pybridge.PyObject;
import dev.easel.pybridge.PythonInfo;
import dev.easel.pybridge.PythonInstallation;
import dev.easel.pybridge.PythonLocator;
import dev.easel.pybridge.PythonNotFoundException;
import dev.easel.pybridge.PythonRuntime;
import dev.easel.pybridge.VirtualEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code easel doctor}: what Easel would run on, and what it tried. */
@Command(name = "doctor", description = "Show Java, JavaFX, and the Python Easel would use.",
        mixinStandardHelpOptions = true)
final class DoctorCommand implements Callable<Integer> {
    @Option(names = "--python", description = "a Python executable, libpython, version (3.12) or 'bundled'")
    String python;

    @Override
    public Integer call() {
        System.out.println("Easel " + Main.version());
        System.out.println("Java        " + Runtime.version() + " (" + System.getProperty("java.vendor") + ") at "
                + System.getProperty("java.home"));
        System.out.println("JavaFX      " + javafxVersion() + ", pipeline: "
                + System.getProperty("prism.order", "default (es2, then sw)")
                + ", glass: " + System.getProperty("glass.platform", "gtk")
                + ", display: " + (System.getenv("DISPLAY") == null ? "none (use --headless)" : System.getenv("DISPLAY")));
        printOpenGl();
        PythonInstallation inst;
        try {
            inst = PythonLocator.locate(python);
        } catch (PythonNotFoundException e) {
            System.out.println("Python      NOT FOUND");
            System.out.println(e.getMessage());
            return 2;
        }
        System.out.println("Python      " + inst.version() + " (" + inst.origin() + ")");
        System.out.println("  library   " + inst.library());
        System.out.println("  home      " + inst.home());
        System.out.println("  executable " + inst.executable().map(Object::toString).orElse("(none)"));
        VirtualEnvironment.of(inst).ifPresent(v -> {
            System.out.println("  venv      " + v.prefix() + " (" + v.config().getFileName() + ": home " + v.home()
                    + ", include-system-site-packages " + v.includeSystemSitePackages() + ")");
            System.out.println("  base      " + inst.home() + " (the venv's base Python, whose standard library it uses)");
        });
        try (PythonRuntime rt = PythonRuntime.start(inst)) {
            PythonInfo info = rt.info();
            System.out.println("  build     " + (info.freeThreaded() ? "free-threaded" : "with GIL")
                    + (info.freeThreaded() ? ", GIL " + (info.gilEnabled() ? "enabled" : "disabled") : ""));
            System.out.println("  isolation " + (info.subinterpreters()
                    ? "own-GIL sub-interpreters available (isolated = True works)"
                    : "no own-GIL sub-interpreters (needs 3.12+): isolated canvases unavailable"));
            System.out.println("  canvases  " + (info.freeThreaded() && !info.gilEnabled()
                    ? "shared canvases run in parallel (free-threaded)"
                    : "shared canvases take turns on one GIL" + (info.subinterpreters() ? "; isolated ones run in parallel" : "")));
            System.out.println("  sys.version " + info.versionString().replace('\n', ' '));
            System.out.println("  sys.prefix " + rt.main().evalToJava("__import__('sys').prefix")
                    + " (base_prefix " + rt.main().evalToJava("__import__('sys').base_prefix") + ")");
            System.out.println("  site-packages " + rt.main().evalToJava(
                    "', '.join(p for p in __import__('sys').path if p.endswith(('site-packages', 'dist-packages'))) or '(none)'"));
            System.out.println("  numpy     " + numpy(rt));
            System.out.println("  packages  " + (BundledUserSite.appliesTo(inst)
                    ? BundledUserSite.sitePackages(inst) + " (easel pip install; only the bundled Python sees it)"
                    : "this Python's own (easel pip is for the bundled Python)"));
        } catch (RuntimeException e) {
            System.out.println("  could not start: " + e.getMessage());
            return 2;
        }
        System.out.println("Other Pythons found:");
        for (PythonInstallation i : PythonLocator.findAll()) {
            System.out.println("  " + i.version() + "  " + i.library() + "  (" + i.origin() + ")");
        }
        return 0;
    }

    /** numpy's version and folder in that Python (imported: that it loads is what counts), or why not. */
    private static String numpy(PythonRuntime rt) {
        try (Attachment a = rt.main().attach(); PyObject g = a.newGlobals()) {
            a.exec("""
                    try:
                        import numpy, os
                        result = f"{numpy.__version__} in {os.path.dirname(os.path.dirname(numpy.__file__))}"
                    except Exception as e:
                        lines = str(e).strip().splitlines()
                        result = f"not available ({type(e).__name__}: {lines[-1] if lines else ''})"
                    """, g);
            try (PyObject result = g.getItem("result")) {
                return result.toStringValue();
            }
        } catch (RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** JavaFX's own javafx.properties (a resource outside any package, so never encapsulated). */
    private static String javafxVersion() {
        try (java.io.InputStream in = ModuleLayer.boot().findModule("javafx.base")
                .map(m -> {
                    try {
                        return m.getResourceAsStream("javafx.properties");
                    } catch (java.io.IOException e) {
                        return null;
                    }
                })
                .orElseGet(() -> ClassLoader.getSystemResourceAsStream("javafx.properties"))) {
            if (in == null) {
                return "not found";
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("javafx.runtime.version", p.getProperty("javafx.version", "unknown"));
        } catch (java.io.IOException e) {
            return "not found (" + e.getMessage() + ")";
        }
    }

    /** The GL device the GL renderer would use, or why there is none, and what renderer = "auto" picks. */
    private static void printOpenGl() {
        try {
            System.out.println("OpenGL      " + dev.easel.canvas.render.GlRenderer.probe());
        } catch (dev.easel.canvas.render.GlUnavailableException | RuntimeException | LinkageError e) {
            System.out.println("OpenGL      none: " + e.getMessage());
        }
        System.out.println("  renderer  auto picks " + dev.easel.canvas.render.FrameRenderer.autoChoice());
    }
}
