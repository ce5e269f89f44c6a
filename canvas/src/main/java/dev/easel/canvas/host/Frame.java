package dev.easel.canvas.host;

import dev.easel.canvas.DisplayList;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A finished display list shared by whoever shows it: the host keeps the last good frame (to show
 * under an error, and for snapshots) while the view renders it. Counted, so the list goes back to
 * the host's pool only when nobody holds it; a finished list is read-only, so holders never race.
 */
public final class Frame {
    private final DisplayList list;
    private final CanvasHost owner;
    private final AtomicInteger refs = new AtomicInteger(1);
    private final long number;

    Frame(DisplayList list, CanvasHost owner) {
        this(list, owner, -1);
    }

    Frame(DisplayList list, CanvasHost owner, long number) {
        this.list = list;
        this.owner = owner;
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
            owner.recycle(list);
        } else if (left < 0) {
            throw new IllegalStateException("frame released more often than retained");
        }
    }
}
