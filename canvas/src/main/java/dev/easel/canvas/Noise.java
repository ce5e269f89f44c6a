package dev.easel.canvas;

import java.util.SplittableRandom;

/**
 * Perlin noise as sketchers know it from Processing and p5.js: smooth pseudo-random values in
 * [0, 1] of up to three coordinates, the same for the same coordinates and seed, summed over
 * octaves (by default 4, each at twice the frequency and half the weight of the one before).
 *
 * <p>Underneath is Ken Perlin's improved gradient noise (2002), so neighbouring integer coordinates
 * are not special the way they are in Processing's value noise. Thread-safe: a reseed swaps the
 * whole table at once, so a caller sees either the old or the new seed, never a mix.
 */
public final class Noise {
    /** The settings one reseed or detail change installs, replaced as a whole. */
    private record Table(int[] perm, int octaves, double falloff, double norm) {
    }

    private volatile Table table;

    /** Noise with a random seed (a new one per run, as in Processing until noiseSeed is called). */
    public Noise() {
        this(new SplittableRandom().nextLong());
    }

    /** Noise with a fixed seed: the same values on every run and every machine. */
    public Noise(long seed) {
        table = table(permutation(seed), 4, 0.5);
    }

    /** Reseeds: from now on the values are those of {@code new Noise(seed)} with the current detail. */
    public void seed(long seed) {
        Table t = table;
        table = table(permutation(seed), t.octaves(), t.falloff());
    }

    /**
     * Sets the number of octaves (1..16) and the weight of each octave relative to the one before
     * (0 < falloff < 1; 0.5 by default).
     *
     * @throws IllegalArgumentException for values out of range
     */
    public void detail(int octaves, double falloff) {
        if (octaves < 1 || octaves > 16) {
            throw new IllegalArgumentException("octaves must be 1 to 16, not " + octaves);
        }
        if (!(falloff > 0 && falloff < 1)) {
            throw new IllegalArgumentException("falloff must be more than 0 and less than 1, not " + falloff);
        }
        table = table(table.perm(), octaves, falloff);
    }

    /**
     * The noise at (x, y, z), in [0, 1]. Non-finite coordinates give 0.5 (the mean), so a NaN
     * does not poison a sketch's arithmetic with an exception from deep inside a frame.
     */
    public double at(double x, double y, double z) {
        if (!(Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z))) {
            return 0.5;
        }
        Table t = table;
        int[] p = t.perm();
        double sum = 0;
        double amp = 1;
        double fx = x;
        double fy = y;
        double fz = z;
        for (int o = 0; o < t.octaves(); o++) {
            sum += amp * perlin(p, fx, fy, fz);
            amp *= t.falloff();
            fx *= 2;
            fy *= 2;
            fz *= 2;
        }
        // perlin() lies in [-1, 1]; the weighted sum is scaled back to [-1, 1], then to [0, 1].
        double v = 0.5 + 0.5 * sum * t.norm();
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    private static Table table(int[] perm, int octaves, double falloff) {
        double total = 0;
        double amp = 1;
        for (int o = 0; o < octaves; o++) {
            total += amp;
            amp *= falloff;
        }
        return new Table(perm, octaves, falloff, 1 / total);
    }

    /** The 256 values 0..255 shuffled by the seed, repeated once so that p[i + 1] needs no mask. */
    private static int[] permutation(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] p = new int[512];
        for (int i = 0; i < 256; i++) {
            p[i] = i;
        }
        for (int i = 255; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        System.arraycopy(p, 0, p, 256, 256);
        return p;
    }

    /** Improved Perlin noise at one frequency: roughly [-1, 1]. */
    private static double perlin(int[] p, double x, double y, double z) {
        double fx = Math.floor(x);
        double fy = Math.floor(y);
        double fz = Math.floor(z);
        int xi = (int) ((long) fx & 255);
        int yi = (int) ((long) fy & 255);
        int zi = (int) ((long) fz & 255);
        x -= fx;
        y -= fy;
        z -= fz;
        double u = fade(x);
        double v = fade(y);
        double w = fade(z);
        int a = p[xi] + yi;
        int aa = p[a] + zi;
        int ab = p[a + 1] + zi;
        int b = p[xi + 1] + yi;
        int ba = p[b] + zi;
        int bb = p[b + 1] + zi;
        return lerp(w,
                lerp(v, lerp(u, grad(p[aa], x, y, z), grad(p[ba], x - 1, y, z)),
                        lerp(u, grad(p[ab], x, y - 1, z), grad(p[bb], x - 1, y - 1, z))),
                lerp(v, lerp(u, grad(p[aa + 1], x, y, z - 1), grad(p[ba + 1], x - 1, y, z - 1)),
                        lerp(u, grad(p[ab + 1], x, y - 1, z - 1), grad(p[bb + 1], x - 1, y - 1, z - 1))));
    }

    private static double fade(double t) {
        return t * t * t * (t * (t * 6 - 15) + 10);
    }

    private static double lerp(double t, double a, double b) {
        return a + t * (b - a);
    }

    /** The dot product of (x, y, z) with one of 12 edge gradients picked by the hash. */
    private static double grad(int hash, double x, double y, double z) {
        int h = hash & 15;
        double u = h < 8 ? x : y;
        double v = h < 4 ? y : h == 12 || h == 14 ? x : z;
        return ((h & 1) == 0 ? u : -u) + ((h & 2) == 0 ? v : -v);
    }
}
