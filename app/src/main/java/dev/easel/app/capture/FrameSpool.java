package dev.easel.app.capture;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;

/**
 * Frames waiting to be encoded, in order: reusable buffers off the Java heap, then (when the
 * encoder is further behind) fixed-size slots of a temporary file beside the recording, reused once
 * read. Nothing is allocated on the heap per frame: a frame is 2 MB at 800×600, and a heap buffer
 * per frame made the garbage collector stop every thread, the window's with them, for tenths of a
 * second on a busy machine. {@link #put} copies a frame in and never waits for the
 * encoder; it refuses one only when the buffers and the disk budget are all in use. One producer
 * and one consumer at a time (the consumer may change threads between calls).
 */
final class FrameSpool implements AutoCloseable {
    /** What {@link #put} did with a frame. */
    enum Put { TAKEN, FULL, ENDED }

    private final int width;
    private final int height;
    private final int frameBytes;
    private final Path dir;
    private final long maxDiskBytes;
    private final Arena arena = Arena.ofShared();
    private final ArrayDeque<MemorySegment> freeMemory = new ArrayDeque<>();
    private final ArrayDeque<Long> freeDisk = new ArrayDeque<>();
    /** Waiting frames, oldest first: a MemorySegment or the Long offset of a file slot. */
    private final ArrayDeque<Object> ready = new ArrayDeque<>();
    private int memoryLeft;
    private long diskEnd;
    private boolean ended;
    private boolean woken;
    /** Frames being copied in by {@link #put} now (the spool is not closed under them). */
    private int putting;
    private FileChannel file;
    private ByteBuffer putBytes;
    private ByteBuffer takeBytes;
    /** The most frames ever waiting at once (the figures). */
    private int maxWaiting;

    /**
     * A spool of {@code width × height} frames: up to {@code memoryFrames} buffers in memory, then up
     * to {@code maxDiskBytes} of temporary file in {@code dir} (0: memory only).
     */
    FrameSpool(int width, int height, int memoryFrames, Path dir, long maxDiskBytes) {
        this.width = width;
        this.height = height;
        this.frameBytes = width * height * 4;
        this.memoryLeft = memoryFrames;
        this.dir = dir;
        this.maxDiskBytes = maxDiskBytes;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Copies {@code argb} ({@code width × height}) in. Producer thread; never waits for the consumer. */
    Put put(int[] argb) throws IOException {
        if (argb.length < width * height) {
            throw new IllegalArgumentException("a frame of " + argb.length + " pixels in a spool of " + width + "x" + height);
        }
        MemorySegment mem = null;
        long slot = -1;
        synchronized (this) {
            if (ended) {
                return Put.ENDED;
            }
            if (!freeMemory.isEmpty()) {
                mem = freeMemory.pop();
            } else if (memoryLeft > 0) {
                memoryLeft--;
                mem = arena.allocate(frameBytes, 64); // the spool's own buffers, made once each
            } else if (!freeDisk.isEmpty()) {
                slot = freeDisk.pop();
            } else if (diskEnd + frameBytes <= maxDiskBytes) {
                slot = diskEnd;
                diskEnd += frameBytes;
            } else {
                return Put.FULL;
            }
            putting++;
        }
        boolean ok = false;
        try {
            if (mem != null) {
                MemorySegment.copy(argb, 0, mem, ValueLayout.JAVA_INT, 0, width * height);
            } else {
                write(argb, slot);
            }
            ok = true;
        } finally {
            synchronized (this) {
                putting--;
                if (ok) {
                    ready.add(mem != null ? mem : (Object) slot);
                    maxWaiting = Math.max(maxWaiting, ready.size());
                } else if (mem != null) {
                    freeMemory.push(mem);
                } else {
                    freeDisk.push(slot);
                }
                notifyAll();
            }
        }
        return Put.TAKEN;
    }

    private void write(int[] argb, long slot) throws IOException {
        FileChannel f;
        synchronized (this) {
            if (file == null) {
                Files.createDirectories(dir);
                Path p = Files.createTempFile(dir, ".easel-record-", ".spool");
                // Deleted when closed, or with the process (Linux unlinks it at once: no file is left behind).
                file = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.DELETE_ON_CLOSE);
            }
            f = file;
        }
        if (putBytes == null) {
            putBytes = ByteBuffer.allocateDirect(frameBytes).order(ByteOrder.nativeOrder());
        }
        putBytes.clear();
        putBytes.asIntBuffer().put(argb, 0, width * height);
        for (long at = slot; putBytes.hasRemaining(); ) {
            at += f.write(putBytes, at);
        }
    }

    /**
     * The oldest frame into {@code dst}: waits for one; false once the spool is ended and empty, or
     * when {@link #wake} was called (then nothing is taken). Consumer thread.
     */
    boolean take(int[] dst) throws IOException, InterruptedException {
        Object next;
        synchronized (this) {
            while (ready.isEmpty() && (!ended || putting > 0) && !woken) {
                wait();
            }
            if (woken || ready.isEmpty()) {
                woken = false;
                return false;
            }
            next = ready.poll();
        }
        if (next instanceof MemorySegment mem) {
            MemorySegment.copy(mem, ValueLayout.JAVA_INT, 0, dst, 0, width * height);
            synchronized (this) {
                freeMemory.push(mem);
            }
        } else {
            long slot = (Long) next;
            if (takeBytes == null) {
                takeBytes = ByteBuffer.allocateDirect(frameBytes).order(ByteOrder.nativeOrder());
            }
            takeBytes.clear();
            for (long at = slot; takeBytes.hasRemaining(); ) {
                int n = file.read(takeBytes, at);
                if (n < 0) {
                    throw new IOException("the recording's spool file ended early");
                }
                at += n;
            }
            takeBytes.flip();
            IntBuffer ints = takeBytes.asIntBuffer();
            ints.get(dst, 0, width * height);
            synchronized (this) {
                freeDisk.push(slot);
            }
        }
        return true;
    }

    /** No more frames: {@link #take} returns false once the waiting ones are taken. */
    synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** Makes a consumer waiting in {@link #take} (or its next call) return false, taking nothing. */
    synchronized void wake() {
        woken = true;
        notifyAll();
    }

    /** Undoes a {@link #wake} not yet seen by a consumer. */
    synchronized void unwake() {
        woken = false;
    }

    /** Frames waiting. */
    synchronized int waiting() {
        return ready.size();
    }

    /** Whether a frame put now would be taken without using the disk. */
    synchronized boolean memoryFree() {
        return !freeMemory.isEmpty() || memoryLeft > 0;
    }

    /** The most frames that waited at once. */
    synchronized int maxWaiting() {
        return maxWaiting;
    }

    /**
     * Frees the buffers and deletes the file (the frames still waiting are lost), once no
     * {@link #put} is copying in. Not while a {@link #take} is under way.
     */
    @Override
    public synchronized void close() throws IOException {
        ended = true;
        ready.clear();
        notifyAll();
        boolean interrupted = false;
        while (putting > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true; // a put ends in a copy's time: waited for all the same
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (arena.scope().isAlive()) {
            freeMemory.clear();
            arena.close();
        }
        if (file != null) {
            file.close();
            file = null;
        }
    }
}
