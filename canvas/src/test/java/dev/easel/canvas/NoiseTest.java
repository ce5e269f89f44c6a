package dev.easel.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class NoiseTest {

    @Test
    void valuesLieInZeroToOneAndSpreadAroundTheMiddle() {
        Noise n = new Noise(1);
        Random r = new Random(2);
        double min = 1;
        double max = 0;
        double sum = 0;
        int count = 200_000;
        for (int i = 0; i < count; i++) {
            double v = n.at(r.nextDouble() * 1000 - 500, r.nextDouble() * 1000 - 500, r.nextDouble() * 50);
            assertTrue(v >= 0 && v <= 1, "value " + v);
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        assertEquals(0.5, sum / count, 0.02, "mean");
        assertTrue(min < 0.2 && max > 0.8, "range used: " + min + ".." + max);
    }

    @Test
    void sameSeedSameValuesOtherSeedOtherValues() {
        Noise a = new Noise(42);
        Noise b = new Noise(42);
        Noise c = new Noise(43);
        int differ = 0;
        for (int i = 0; i < 1000; i++) {
            double x = i * 0.137;
            double y = i * 0.071;
            assertEquals(a.at(x, y, 0.5), b.at(x, y, 0.5));
            if (a.at(x, y, 0.5) != c.at(x, y, 0.5)) {
                differ++;
            }
        }
        assertTrue(differ > 900, "another seed gives another field: " + differ);
        c.seed(42);
        assertEquals(a.at(1.3, 2.7, 0), c.at(1.3, 2.7, 0), "reseeding gives the field of that seed");
    }

    @Test
    void nearbyCoordinatesGiveNearbyValues() {
        Noise n = new Noise(7);
        double worst = 0;
        for (int i = 0; i < 10_000; i++) {
            double x = i * 0.01;
            worst = Math.max(worst, Math.abs(n.at(x + 0.001, 3.3, 0) - n.at(x, 3.3, 0)));
        }
        assertTrue(worst < 0.02, "largest step over 0.001: " + worst);
        assertNotEquals(n.at(0.5, 0, 0), n.at(10.5, 0, 0));
    }

    @Test
    void moreOctavesAddFineDetailAndBadDetailIsRefused() {
        Noise smooth = new Noise(5);
        smooth.detail(1, 0.5);
        Noise rough = new Noise(5);
        rough.detail(8, 0.6);
        assertTrue(roughness(rough) > 1.5 * roughness(smooth), roughness(rough) + " vs " + roughness(smooth));
        assertThrows(IllegalArgumentException.class, () -> smooth.detail(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> smooth.detail(17, 0.5));
        assertThrows(IllegalArgumentException.class, () -> smooth.detail(4, 1.0));
        assertThrows(IllegalArgumentException.class, () -> smooth.detail(4, Double.NaN));
    }

    private static double roughness(Noise n) {
        double total = 0;
        for (int i = 0; i < 5000; i++) {
            total += Math.abs(n.at(i * 0.01 + 0.01, 1.7, 0) - n.at(i * 0.01, 1.7, 0));
        }
        return total;
    }

    @Test
    void nonFiniteCoordinatesGiveTheMean() {
        Noise n = new Noise(3);
        assertEquals(0.5, n.at(Double.NaN, 0, 0));
        assertEquals(0.5, n.at(0, Double.POSITIVE_INFINITY, 0));
        double far = n.at(1e15, -1e15, 3e14);
        assertTrue(far >= 0 && far <= 1, "huge coordinates: " + far);
    }

    @Test
    void readersDuringReseedsSeeOneSeedOrTheOther() throws Exception {
        Noise shared = new Noise(1);
        double one = new Noise(1).at(0.3, 0.6, 0.9);
        double two = new Noise(2).at(0.3, 0.6, 0.9);
        AtomicReference<String> problem = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            for (int i = 0; i < 200_000; i++) {
                double v = shared.at(0.3, 0.6, 0.9);
                if (v != one && v != two) {
                    problem.set("a value of neither seed: " + v);
                }
            }
        });
        go.countDown();
        for (int i = 0; i < 20_000; i++) {
            shared.seed(1 + (i & 1));
        }
        reader.join();
        assertEquals(null, problem.get());
    }
}
