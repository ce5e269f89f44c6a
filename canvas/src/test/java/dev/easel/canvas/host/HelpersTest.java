package dev.easel.canvas.host;

import static dev.easel.canvas.host.Sketches.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** easel.noise, noise_seed, noise_detail, lerp, remap and constrain, from Python, in shared and isolated canvases. */
@Timeout(120)
class HelpersTest {

    @Test
    void helpersWorkAnywhereAndNoiseRepeatsWithItsSeed() throws Exception {
        var r = run("""
                import easel, sys, math
                t = sys._easel_test
                easel.noise_seed(12)
                first = [easel.noise(i * 0.1, 2.5) for i in range(50)]
                easel.noise_seed(12)
                t["repeat"] = first == [easel.noise(i * 0.1, 2.5) for i in range(50)]
                t["range"] = all(0.0 <= v <= 1.0 for v in first)
                t["one_arg"] = easel.noise(0.3) == easel.noise(0.3, 0.0, 0.0)
                t["nan"] = easel.noise(math.nan)
                easel.noise_detail(1)
                t["detail_changes"] = easel.noise(0.37, 0.2) != first[0]
                easel.noise_detail(4, 0.5)
                for bad, exc in (((0,), ValueError), ((4, 2.0), ValueError), (("x",), TypeError)):
                    try:
                        easel.noise_detail(*bad)
                    except exc as e:
                        t.setdefault("errors", []).append(type(e).__name__)
                try:
                    easel.noise("x")
                except TypeError:
                    t["noise_type"] = True
                t["lerp"] = (easel.lerp(10, 20, 0.25), easel.lerp(0, 1, 2))
                t["remap"] = easel.remap(5, 0, 10, 100, 200)
                t["constrain"] = (easel.constrain(-1, 0, 1), easel.constrain(0.5, 0, 1), easel.constrain(9, 0, 1))
                t["doc"] = "Perlin" in easel.noise.__doc__ and "range" in easel.remap.__doc__

                class N(easel.Canvas):
                    size = (40, 30)
                    def on_draw(self, g):
                        easel.noise_seed(12)
                        sys._easel_test["in_canvas"] = easel.noise(0.0, 2.5) == first[0]
                N().show()
                """, 1);
        assertEquals(true, r.fact("repeat"));
        assertEquals(true, r.fact("range"));
        assertEquals(true, r.fact("one_arg"));
        assertEquals(0.5, r.fact("nan"));
        assertEquals(true, r.fact("detail_changes"));
        assertEquals(java.util.List.of("ValueError", "ValueError", "TypeError"), r.fact("errors"));
        assertEquals(true, r.fact("noise_type"));
        assertEquals(java.util.List.of(12.5, 2L), r.fact("lerp"));
        assertEquals(150.0, r.fact("remap"));
        assertEquals(java.util.List.of(0L, 0.5, 1L), r.fact("constrain"));
        assertEquals(true, r.fact("doc"));
        assertEquals(true, r.fact("in_canvas"));
        assertEquals(0, r.session().exitCode());
    }
}
