package dev.easel.pybridge;

import dev.easel.pybridge.ffi.Py_buffer;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static dev.easel.pybridge.ffi.object_h.PyBuffer_Release;

/**
 * A C-contiguous view of an object's memory through the buffer protocol (bytes, bytearray,
 * memoryview, array.array, numpy arrays): no copy. Valid until closed, and only while the
 * thread stays attached; close it before returning to Python.
 */
public final class BufferView implements AutoCloseable {
    private final Arena arena;
    private final MemorySegment view;
    private final MemorySegment data;
    private boolean closed;

    BufferView(Arena arena, MemorySegment view) {
        this.arena = arena;
        this.view = view;
        this.data = Py_buffer.buf(view).reinterpret(Py_buffer.len(view));
    }

    /** The bytes, as a native segment of {@link #byteSize()} bytes. */
    public MemorySegment data() {
        return data;
    }

    /** Length in bytes. */
    public long byteSize() {
        return Py_buffer.len(view);
    }

    /** Bytes per item (1 for bytes, 8 for float64 arrays). */
    public long itemSize() {
        return Py_buffer.itemsize(view);
    }

    /** The struct-module format of the items ("B", "d", "f", "<d"...); "B" when the exporter gives none. */
    public String format() {
        String f = Py_buffer.format(view);
        return f == null ? "B" : f;
    }

    /** Number of dimensions. */
    public int ndim() {
        return Py_buffer.ndim(view);
    }

    /** Size of dimension {@code i}. */
    public long shape(int i) {
        if (i < 0 || i >= ndim()) {
            throw new IndexOutOfBoundsException("dimension " + i + " of " + ndim());
        }
        return Py_buffer.shape(view, i);
    }

    /** Whether the exporter forbids writing. */
    public boolean readOnly() {
        return Py_buffer.readonly(view) != 0;
    }

    /** Releases the view (idempotent); the caller must still be attached. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            PyBuffer_Release(view);
            arena.close();
        }
    }
}
