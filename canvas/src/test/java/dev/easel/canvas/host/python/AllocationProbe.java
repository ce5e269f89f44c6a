package dev.easel.canvas.host.python;

import dev.easel.pybridge.BuiltinModule;

import java.lang.management.ManagementFactory;

/**
 * A built-in module for allocation tests of the drawing calls: {@code bytes()} (bytes the calling
 * thread allocated so far) and {@code read(buf)}, which reads a batched call's numbers as the call
 * does ({@link Args#numbers}) and draws nothing: the cost a batched call cannot avoid.
 */
public final class AllocationProbe {
    private static final Numbers NOTHING = Numbers.of((l, s, n, t, o) -> {}, (l, xy, o) -> {});

    private AllocationProbe() {}

    /** The module, named {@code name}. */
    public static BuiltinModule module(String name) {
        return BuiltinModule.builder(name)
                .function("bytes", "()", "Bytes allocated so far by the calling thread.", a ->
                        (double) ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                                .getCurrentThreadAllocatedBytes())
                .function("read", "(xy)", "Reads the numbers of xy as a batched call does; draws nothing.", a -> {
                    a.expect(1, 1);
                    Args.numbers(a, 0, "lines", NOTHING, Args.list(a), 0);
                    return null;
                })
                .build();
    }
}
