package dev.easel.app.capture;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * Records a live window's frames without slowing it down. {@link #offer} copies a frame (premultiplied
 * ARGB, as the window's buffers hold it) into a {@link FrameSpool} and returns at once; an encoder
 * thread of its own turns the spool into the {@link Recording}.
 *
 * <p>Two policies. <b>Every frame</b> (the default): the encoder runs at the lowest OS priority
 * ({@link LowPriority}) so it only takes processor time the canvas does not use; frames it has not
 * reached wait in the spool (memory, then a temporary file beside the recording), and after
 * {@link #finish} the rest is encoded at normal priority on a new thread, so the file is complete a
 * while after the stop. A frame is skipped only when the spool's disk budget is used up.
 * <b>Real time</b>: the encoder runs at normal priority with a few frames of room; a frame due while
 * they are full is skipped, so the file is complete at the stop, with fewer frames when the encoder
 * is slower than the canvas.
 */
public final class LiveRecorder {
    /** What {@link #offer} did. */
    public enum Offer { TAKEN, SKIPPED, FAILED }

    private static final long GIB = 1L << 30;

    /** Opens the recording (on the encoder's thread: jcodec's classes take a while to load). */
    @FunctionalInterface
    public interface Opener {
        Recording open() throws IOException;
    }

    private final Opener opener;
    private Recording recording;
    private final FrameSpool spool;
    private final String name;
    private final CompletableFuture<Integer> done = new CompletableFuture<>();
    private final int[] pixels;
    private final BufferedImage image;
    private final Thread encoder;
    private volatile boolean finishing;
    private volatile boolean cancelled;
    private volatile int encoded;

    /**
     * Starts the encoder for {@code width × height} frames into {@code recording}; {@code spoolDir}:
     * where the spool's temporary file may go (every-frame policy).
     */
    public LiveRecorder(Recording recording, String name, int width, int height, boolean realTime, Path spoolDir) {
        this(() -> recording, name, width, height, realTime, spoolDir);
    }

    /**
     * As above, the recording opened by {@code opener} on the encoder's thread (a failure to open it
     * fails the recording: {@link #offer} then says {@link Offer#FAILED}).
     */
    public LiveRecorder(Opener opener, String name, int width, int height, boolean realTime, Path spoolDir) {
        this.opener = opener;
        this.name = name;
        long frameBytes = (long) width * height * 4;
        // Every frame: a few buffers off the heap, then the disk, leaving 1 GiB free and using at most
        // 8 GiB. A frame written to the spool file costs the raster thread less than one copied into
        // fresh memory (the kernel's page cache is cheaper to grow than a process's memory: 5 against
        // 20 ms for 800×600 on a loaded 2-core machine); buffers are reused once encoded, a copy of 1 ms.
        int memoryFrames = realTime ? 8 : (int) Math.max(2, Math.min(8, (32L << 20) / Math.max(1, frameBytes)));
        long disk = realTime ? 0 : Math.max(0, Math.min(8 * GIB, usable(spoolDir) - GIB));
        this.spool = new FrameSpool(width, height, memoryFrames, spoolDir, disk);
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
        this.pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData(); // each frame read into it
        this.encoder = Thread.ofPlatform().daemon(true).name("easel-record-" + name).start(() -> {
            if (!realTime) {
                LowPriority.lowerCurrentThread();
            }
            encode(true);
        });
    }

    private static long usable(Path dir) {
        try {
            Path d = dir;
            while (d != null && !java.nio.file.Files.exists(d)) {
                d = d.getParent();
            }
            return d == null ? 0 : java.nio.file.Files.getFileStore(d).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Runs on the encoder thread, and after {@link #finish} on the finishing one: encodes the spool's
     * frames; {@code handsOver}: stops (without closing) when finishing, for the finishing thread.
     */
    private void encode(boolean handsOver) {
        try {
            if (recording == null) {
                recording = opener.open();
            }
            while (!(handsOver && finishing) && !cancelled) {
                if (!spool.take(pixels)) {
                    if (handsOver && finishing) {
                        return; // the finishing thread takes over
                    }
                    break; // ended and empty
                }
                recording.add(image);
                encoded++;
            }
            if (handsOver) {
                return;
            }
            if (cancelled) {
                abandon();
                return;
            }
            if (done.isDone()) {
                fail(done.exceptionNow() instanceof Exception x ? x : new IOException("recording failed"));
                return; // the producer failed (a full disk): closed here, where no frame is being read
            }
            int frames = recording.frames();
            recording.close();
            spool.close();
            done.complete(frames);
        } catch (IOException | RuntimeException e) {
            fail(e);
        } catch (InterruptedException e) {
            fail(e);
        }
    }

    /** Cancelled: the partial file deleted before anyone is told, so nothing is left at the target then. */
    private void abandon() {
        if (recording != null) {
            recording.abort();
        }
        try {
            spool.close();
        } catch (IOException ignored) {
            // The spool is a temporary file: deleted on close, or with the process.
        }
        done.completeExceptionally(new CancellationException("the recording was cancelled"));
    }

    private void fail(Exception e) {
        done.completeExceptionally(e);
        try {
            spool.close();
        } catch (IOException ignored) {
            // The spool is a temporary file: deleted on close, or with the process.
        }
        try {
            if (recording != null) {
                recording.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // The first error is the one said.
        }
    }

    /**
     * Copies {@code argbPre} (this recorder's size) in; never waits for the encoder. Any one thread.
     *
     * @throws IllegalArgumentException for a frame of another size (the recording goes on)
     */
    public Offer offer(int[] argbPre) {
        if (finishing || done.isDone()) {
            return done.isCompletedExceptionally() ? Offer.FAILED : Offer.SKIPPED;
        }
        try {
            return switch (spool.put(argbPre)) {
                case TAKEN -> Offer.TAKEN;
                case FULL -> Offer.SKIPPED;
                case ENDED -> done.isCompletedExceptionally() ? Offer.FAILED : Offer.SKIPPED;
            };
        } catch (IOException e) {
            // Said by the encoder's thread, which closes the spool: it may be reading a frame now.
            done.completeExceptionally(e);
            spool.end();
            return Offer.FAILED;
        }
    }

    /** Frames the recording is made of: its width and height. */
    public int width() {
        return spool.width();
    }

    public int height() {
        return spool.height();
    }

    /** Frames waiting for the encoder. */
    public int waiting() {
        return spool.waiting();
    }

    /** Frames encoded so far. */
    public int encoded() {
        return encoded;
    }

    /** Whether encoding failed: nothing more is taken. */
    public boolean failed() {
        return done.isCompletedExceptionally();
    }

    /** The cause of a failure, or null. */
    public Throwable failure() {
        return done.isCompletedExceptionally() ? done.exceptionNow() : null;
    }

    /**
     * Ends the recording: the frames waiting are encoded at normal priority on a thread of its own
     * (the low-priority encoder finishes the frame it is on and hands over), then the file closed.
     * Completes with the number of frames written, or the encoding error. Any thread.
     */
    public synchronized CompletableFuture<Integer> finish() {
        if (!finishing) {
            finishing = true;
            spool.end();
            spool.wake();
            Thread.ofPlatform().daemon(true).name("easel-record-end-" + name).start(() -> {
                try {
                    encoder.join();
                } catch (InterruptedException e) {
                    fail(e);
                    return;
                }
                if (!done.isDone()) {
                    spool.unwake(); // the encoder may have stopped before it saw the wake-up
                    encode(false);
                }
            });
        }
        return done;
    }

    /**
     * Gives the recording up (Quit's Cancel): the frame being encoded is the last, the file is
     * deleted, nothing is left at the target, and {@link #finish}'s future completes with a
     * {@link CancellationException}. Does nothing once the file is complete. Any thread.
     */
    public void cancel() {
        cancelled = true;
        finish();
    }
}
