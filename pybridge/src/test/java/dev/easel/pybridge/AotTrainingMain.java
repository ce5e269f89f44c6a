package dev.easel.pybridge;

import java.time.Duration;
import java.util.Random;

/**
 * The training run of {@link ChildAot}'s cache: starts the runtime, does a few hundred
 * {@link StressWorkload} actions (with sub-interpreters where there are some) and closes it, so
 * the classes children load are in the cache.
 */
public final class AotTrainingMain {
    private AotTrainingMain() {}

    public static void main(String[] args) throws Exception {
        PythonRuntime rt = ChildMain.start(Duration.ofSeconds(5));
        StressWorkload w = new StressWorkload(rt, "_easel_aot_training");
        Random r = new Random(1);
        for (int i = 0; i < 300; i++) {
            w.randomAction(r, rt.supportsSubInterpreters());
        }
        rt.close();
        ChildMain.finish("AOT training: " + w.total() + " actions");
    }
}
