package dev.easel.pybridge;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the running Python is.
 *
 * @param version          the version, e.g. 3.13.0
 * @param versionString    {@code sys.version}
 * @param freeThreaded     a free-threaded build ({@code Py_GIL_DISABLED})
 * @param gilEnabled       whether the GIL is on now (always true on a GIL build)
 * @param subinterpreters  whether own-GIL sub-interpreters can be made (3.12+)
 * @param library          the libpython loaded
 * @param home             PYTHONHOME used
 * @param executable       {@code sys.executable}, when a matching executable exists
 * @param origin           how this Python was chosen
 */
public record PythonInfo(PythonVersion version, String versionString, boolean freeThreaded,
                         boolean gilEnabled, boolean subinterpreters, Path library, Path home,
                         Optional<Path> executable, String origin) {
}
