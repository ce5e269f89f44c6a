package dev.easel.pybridge.bench;

/**
 * The arguments every benchmark main takes from {@code easel bench}: {@code --python CHOICE} (a
 * Python, as {@code easel run --python} takes it; null for the default) and {@code --quick}
 * (fewer rounds).
 *
 * @param python the Python chosen, or null
 * @param quick  whether to run fewer rounds
 */
public record BenchArgs(String python, boolean quick) {
    /**
     * Parses {@code argv}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static BenchArgs parse(String[] argv) {
        String choice = null;
        boolean quick = false;
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--python" -> {
                    if (i + 1 == argv.length) {
                        throw new IllegalArgumentException("--python needs a value");
                    }
                    choice = argv[++i];
                }
                case "--quick" -> quick = true;
                default -> throw new IllegalArgumentException("unknown argument " + argv[i]);
            }
        }
        return new BenchArgs(choice, quick);
    }
}
