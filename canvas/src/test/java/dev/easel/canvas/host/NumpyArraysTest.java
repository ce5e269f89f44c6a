package dev.easel.canvas.host;

import dev.easel.pybridge.PythonLocator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * numpy arrays in the batched drawing calls and {@code put_pixels}, with the numpy bundled with the
 * CPython ({@code api/numpy_arrays.py}): drawn without copying when float32/float64 (uint8 for pixels)
 * and C-contiguous; a clear TypeError (dtype) or ValueError (shape, layout) otherwise.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class NumpyArraysTest {

    @Test
    void numpyArraysAreDrawnAndBadOnesRefusedClearly() throws Exception {
        Assumptions.assumeTrue(PythonLocator.locate(null).origin().equals("bundled"), "numpy comes with the bundled CPython");
        ApiSketches.Sketch s = new ApiSketches.Sketch("numpy_arrays", 3, List.of());
        List<String> problems = ApiSketches.problems(s);
        assertEquals(List.of(), problems, String.join("\n", problems));
    }
}
