package dev.easel.pybridge;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** numpy extracted with the bundled CPython, and imported by it with no other Python on the machine needed. */
class BundledNumpyTest {

    private static final String SITE = "lib/python3.14/site-packages/";

    @Test
    void numpyIsExtractedWithTheBundledCPythonAndImportsInItsExecutable(@TempDir Path cache) throws Exception {
        Assumptions.assumeTrue(TestPython.choice().equals("bundled"), "once, in the default run");
        BundledPlatform platform = BundledPlatform.current();
        Assumptions.assumeTrue(BundledNumpy.isAvailable(platform), "numpy is bundled on Linux only");
        BundledPython.Extraction x = BundledPython.extract(cache);
        Path dir = x.dir();
        assertTrue(dir.getFileName().toString().endsWith("-numpy-2.4.2-1.5.13"), "the numpy version names the folder: " + dir);
        assertTrue(Files.isRegularFile(dir.resolve(SITE + "numpy/__init__.py")));
        assertTrue(Files.isRegularFile(dir.resolve(SITE + "numpy/_distributor_init_local.py")));
        for (String library : BundledNumpy.LIBRARIES) {
            assertTrue(Files.isExecutable(dir.resolve(SITE + "numpy.libs/" + library)), library);
        }
        assertFalse(Files.exists(dir.resolve(SITE + "numpy/_core/tests")), "numpy's test suite is left out");

        // The bundled executable, with only PYTHONHOME: numpy and its BLAS work (a matrix product and an inverse).
        Subprocess.Output out = Subprocess.run(List.of(dir.resolve(platform.executable()).toString(), "-c",
                        "import numpy as np; a = np.arange(4.0).reshape(2, 2); "
                                + "print(np.__version__, (a @ np.linalg.inv(a)).round(6).tolist())"),
                platform.executableEnvironment(dir, System.getenv()), Duration.ofSeconds(60));
        assertEquals(0, out.exitCode(), out.output());
        assertEquals("2.4.2 [[1.0, 0.0], [0.0, 1.0]]", out.output().strip());

        // A missing library is a damaged extraction: done again.
        Files.delete(dir.resolve(SITE + "numpy.libs/libopenblas.so.0"));
        assertTrue(BundledPython.extract(cache).extracted());
        assertTrue(Files.isRegularFile(dir.resolve(SITE + "numpy.libs/libopenblas.so.0")));
    }

    @Test
    void numpyImportsInTheEmbeddedBundledCPython() {
        Assumptions.assumeTrue(TestPython.choice().equals("bundled"), "numpy is bundled with the bundled CPython only");
        Assumptions.assumeTrue(BundledNumpy.isAvailable(BundledPlatform.current()), "numpy is bundled on Linux only");
        try (Attachment py = TestPython.main().attach(); PyObject g = py.newGlobals()) {
            py.exec("import numpy as np\nv = np.linalg.norm(np.array([3.0, 4.0], dtype=np.float32))\n", g);
            try (PyObject v = py.eval("float(v)", g); PyObject version = py.eval("np.__version__", g)) {
                assertEquals(5.0, (Double) v.toJava());
                assertEquals("2.4.2", version.toJava());
            }
        }
    }
}
