package dev.easel.canvas;

import java.lang.foreign.ValueLayout;

/**
 * The element type of a buffer of numbers handed to a batched drawing call: Python buffers hold
 * float64 ({@code 'd'}) or float32 ({@code 'f'}) in native byte order, possibly unaligned.
 */
public enum NumType {
    /** 4-byte IEEE floats (numpy {@code float32}, buffer format {@code 'f'}). */
    FLOAT32(ValueLayout.JAVA_FLOAT_UNALIGNED),
    /** 8-byte IEEE doubles (Python {@code float}, numpy {@code float64}, buffer format {@code 'd'}). */
    FLOAT64(ValueLayout.JAVA_DOUBLE_UNALIGNED);

    private final ValueLayout layout;

    NumType(ValueLayout layout) {
        this.layout = layout;
    }

    /** Bytes per element. */
    public int size() {
        return (int) layout.byteSize();
    }

    /** The unaligned native-order layout used to read such elements. */
    public ValueLayout layout() {
        return layout;
    }

    /**
     * The type for a Python buffer format string ({@code "d"}, {@code "f"}, optionally prefixed by a
     * byte-order character for native order: {@code "@"}, {@code "="}; on little-endian also {@code "<"}).
     *
     * @throws IllegalArgumentException for any other format, quoting it
     */
    public static NumType ofFormat(String format) {
        String f = format == null ? "" : format;
        if (f.length() == 2) {
            char order = f.charAt(0);
            char nativeOrder = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN ? '<' : '>';
            if (order != '@' && order != '=' && order != nativeOrder) {
                throw new IllegalArgumentException("unsupported buffer format " + Values.quote(format)
                        + ": expected native-order float64 'd' or float32 'f'");
            }
            f = f.substring(1);
        }
        return switch (f) {
            case "d" -> FLOAT64;
            case "f" -> FLOAT32;
            default -> throw new IllegalArgumentException("unsupported buffer format " + Values.quote(format)
                    + ": expected native-order float64 'd' or float32 'f'");
        };
    }
}
