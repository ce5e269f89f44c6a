package dev.easel.app;

/**
 * What {@link Main#main} reads from the command line before picocli parses it (the toolkit's variables
 * and its early start are decided before parsing, which costs ~0.1-0.2 s). Only options before
 * {@code --} count: after it the arguments are the sketch's own ({@code run s.py -- --headless}).
 */
final class EarlyArgs {
    private EarlyArgs() {
    }

    /** Whether {@code --headless} is among the options. */
    static boolean headless(String[] args) {
        return hasOption(args, "--headless");
    }

    /**
     * Whether the command line runs a sketch in a window: {@code run SKETCH ...} or {@code SKETCH.py}
     * (the desktop entry's "Open with"), without {@code --headless} and without help or version
     * options. A guess made before parsing: when wrong, the toolkit starts for nothing (a {@code run}
     * that then fails its options), never the other way round, since {@code run} starts it itself when
     * not started early.
     */
    static boolean windowedRun(String[] args) {
        if (args.length == 0 || !(args[0].equals("run") || args[0].endsWith(".py") && !args[0].startsWith("-"))) {
            return false;
        }
        return !hasOption(args, "--headless", "-h", "--help", "-V", "--version");
    }

    private static boolean hasOption(String[] args, String... names) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            for (String n : names) {
                if (a.equals(n)) {
                    return true;
                }
            }
        }
        return false;
    }
}
