package dev.easel.canvas.host.view;

import dev.easel.canvas.DisplayList;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A finished display list shared by whoever shows it: the canvas keeps the last good frame (to show
 * under an error, and for snapshots) while the view renders it. Counted, so the list goes back to
 * the canvas' pool only when nobody holds it; a finished list is read-only, so holders never race.
 */
public final class Frame {
    private final DisplayList list;
    /** Where the list goes back when the last reference is released (its canvas' pool). */
    private final Consumer<DisplayList> recycle;
    private final AtomicInteger refs = new AtomicInteger(1);
    private final long number;

    /** A frame of unknown number. */
    public Frame(DisplayList list, Consumer<DisplayList> recycle) {
        this(list, recycle, -1);
    }

    /** Frame {@code number} of a canvas, holding one reference (the creator's). */
    public Frame(DisplayList list, Consumer<DisplayList> recycle, long number) {
        this.list = list;
        this.recycle = recycle;
        this.number = number;
    }

    /** The canvas' frame number ({@code Canvas.frame} while it was drawn), or -1 if unknown. */
    public long number() {
        return number;
    }

    /** The recorded frame (read-only). */
    public DisplayList list() {
        return list;
    }

    /** Takes another reference; release each one. */
    public Frame retain() {
        refs.incrementAndGet();
        return this;
    }

    /** Gives a reference back; the last one returns the list to its canvas for reuse. */
    public void release() {
        int left = refs.decrementAndGet();
        if (left == 0) {
            recycle.accept(list);
        } else if (left < 0) {
            throw new IllegalStateException("frame released more often than retained");
        }
    }
}
