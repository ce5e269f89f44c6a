package dev.easel.canvas.host.python;

import dev.easel.canvas.Noise;
import dev.easel.pybridge.BuiltinModule;

/**
 * The built-ins behind {@code easel.noise}, {@code easel.noise_seed} and {@code easel.noise_detail}:
 * Java, because sketches call noise thousands of times a frame. One {@link Noise} per session, so
 * every canvas of a run (isolated ones too) sees the same field for the same seed.
 */
final class NoiseBuiltins {
    private NoiseBuiltins() {}

    static void register(BuiltinModule.Builder b) {
        Noise noise = new Noise();
        b.function("noise", "(x, y=0, z=0)", """
                Perlin noise at (x, y, z): a smooth pseudo-random value in [0, 1].

                Nearby coordinates give nearby values; step by about 0.01-0.1 per pixel or frame for
                gentle change. The same coordinates give the same value until noise_seed() is called
                (the seed is random per run, as in Processing). NaN or infinite coordinates give 0.5.""", a -> {
            a.expect(1, 3);
            double x = a.doubleAt(0);
            double y = a.size() > 1 ? a.doubleAt(1) : 0;
            double z = a.size() > 2 ? a.doubleAt(2) : 0;
            return noise.at(x, y, z);
        });
        b.function("noise_seed", "(n)", """
                Makes noise() repeatable: the same seed gives the same values on every run.""", a -> {
            a.expect(1);
            noise.seed(a.longAt(0));
            return null;
        });
        b.function("noise_detail", "(octaves, falloff=0.5)", """
                How much fine detail noise() has: the number of octaves summed (1-16, default 4) and the
                weight of each octave relative to the one before (between 0 and 1, default 0.5).""", a -> {
            a.expect(1, 2);
            int octaves = a.intAt(0);
            double falloff = a.size() > 1 ? a.doubleAt(1) : 0.5;
            try {
                noise.detail(octaves, falloff);
            } catch (IllegalArgumentException e) {
                throw a.badValue(e.getMessage().startsWith("octaves") ? 0 : 1, e.getMessage());
            }
            return null;
        });
    }
}
