package dev.easel.pybridge;

import java.nio.file.Path;

/**
 * Run in child JVMs by {@link PythonLocatorTest}. With arguments {@code extract <millis>}: waits until
 * that wall-clock time (so that several children start extracting together), extracts the bundled
 * CPython into the cache named by {@code EASEL_CACHE}, and prints {@code DIR <folder>} and
 * {@code EXTRACTED <true|false>}. With {@code locate}: prints {@code ORIGIN <origin>} of
 * {@link PythonLocator#locate(String) locate(null)}.
 */
public final class BundledExtractionMain {

    private BundledExtractionMain() {
    }

    /**
     * Entry point.
     *
     * @param args {@code extract <System.currentTimeMillis() at which to start>}, or {@code locate}
     * @throws Exception if the extraction fails (the exit status is then non-zero)
     */
    public static void main(String[] args) throws Exception {
        if (args[0].equals("locate")) {
            PythonInstallation i = PythonLocator.locate(null);
            System.out.println("ORIGIN " + i.origin());
            System.out.println("BUNDLED " + BundledPython.isAvailable());
            return;
        }
        long startAt = Long.parseLong(args[1]);
        long wait = startAt - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        Path root = BundledPython.cacheRoot();
        BundledPython.Extraction x = BundledPython.extract(root);
        System.out.println("DIR " + x.dir());
        System.out.println("EXTRACTED " + x.extracted());
        System.out.println("MILLIS " + x.took().toMillis());
    }
}
