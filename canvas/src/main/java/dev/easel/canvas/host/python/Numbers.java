package dev.easel.canvas.host.python;

import dev.easel.canvas.DisplayList;
import dev.easel.canvas.NumType;

import java.lang.foreign.MemorySegment;

/**
 * Where a batched call ({@code lines}, {@code points}, {@code polyline}, ...) sends its numbers:
 * a buffer of float64/float32 read in place, or a Python sequence flattened into an array
 * ({@link Args#numbers}). The list and the call's one extra argument ({@code points}' size) are
 * passed in, not captured, so each call's {@code Numbers} is a constant made once: a call
 * allocates no adapter.
 *
 * @param segment what the call does with {@code elements} numbers of {@code type} in a buffer
 * @param array   what it does with the numbers of a sequence
 */
record Numbers(SegmentCall segment, ArrayCall array) {
    /** A batched call on numbers in a buffer. */
    interface SegmentCall {
        void run(DisplayList l, MemorySegment seg, long elements, NumType type, double option);
    }

    /** A batched call on numbers from a sequence. */
    interface ArrayCall {
        void run(DisplayList l, double[] xy, double option);
    }

    /** The two ways into one call; keep the result in a constant (lambdas that capture nothing). */
    static Numbers of(SegmentCall segment, ArrayCall array) {
        return new Numbers(segment, array);
    }
}
