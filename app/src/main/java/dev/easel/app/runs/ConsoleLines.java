package dev.easel.app.runs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines of a run's output waiting to be shown: any thread adds, the console takes them all at
 * once per pulse. Bounded: a sketch printing faster than the screen can follow loses its oldest
 * unshown lines (counted), never the UI's responsiveness or the JVM's memory.
 */
public final class ConsoleLines {
    /** Where a line came from: the sketch's stdout or stderr, or Easel's own note about the run. */
    public enum Stream { OUT, ERR, INFO }

    /** One line, numbered in arrival order from 1. */
    public record Line(long number, Stream stream, String text) {}

    private final int capacity;
    private final ArrayDeque<Line> pending = new ArrayDeque<>();
    private long added;
    private long dropped;

    /** A buffer holding at most {@code capacity} unshown lines. */
    public ConsoleLines(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /** Adds a line (without its line break). Any thread. */
    public synchronized void add(Stream stream, String text) {
        if (pending.size() == capacity) {
            pending.removeFirst();
            dropped++;
        }
        pending.addLast(new Line(++added, stream, text));
    }

    /** Takes every line added since the last call, oldest first. */
    public synchronized List<Line> drain() {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<Line> out = new ArrayList<>(pending);
        pending.clear();
        return out;
    }

    /** Lines added so far. */
    public synchronized long added() {
        return added;
    }

    /** Lines lost because they were not taken before {@code capacity} newer ones arrived. */
    public synchronized long dropped() {
        return dropped;
    }
}
