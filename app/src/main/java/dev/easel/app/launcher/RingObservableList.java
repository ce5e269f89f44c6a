package dev.easel.app.launcher;

import javafx.collections.ModifiableObservableListBase;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An observable list that keeps the newest {@code capacity} items of what is {@link #append appended},
 * in a ring: an append costs what it adds and drops, not the list's length. (JavaFX's list over an
 * ArrayList drops a range from its head one item at a time, each shifting all the rest: at a console's
 * 20,000 lines and a flood of output that was most of the FX thread's work a pulse.) The other
 * {@link java.util.List} operations work too, at an ArrayList's cost. FX thread, like any list a
 * control shows.
 */
final class RingObservableList<E> extends ModifiableObservableListBase<E> {
    private final int capacity;
    private Object[] ring = new Object[16];
    private int head;
    private int size;

    RingObservableList(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds {@code items} at the end and drops the oldest beyond the capacity: one change. */
    void append(List<? extends E> items) {
        if (items.isEmpty()) {
            return;
        }
        List<? extends E> kept = items.size() > capacity ? items.subList(items.size() - capacity, items.size()) : items;
        int drop = Math.max(0, size + kept.size() - capacity);
        beginChange();
        try {
            if (drop > 0) {
                List<E> removed = new ArrayList<>(drop);
                for (int i = 0; i < drop; i++) {
                    removed.add(get(0));
                    dropHead();
                }
                nextRemove(0, removed);
            }
            int from = size;
            ensureRoom(size + kept.size());
            for (E e : kept) {
                ring[slot(size)] = e;
                size++;
            }
            modCount++;
            nextAdd(from, size);
        } finally {
            endChange();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        Objects.checkIndex(index, size);
        return (E) ring[slot(index)];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    protected void doAdd(int index, E element) {
        Objects.checkIndex(index, size + 1);
        ensureRoom(size + 1);
        for (int i = size; i > index; i--) {
            ring[slot(i)] = ring[slot(i - 1)];
        }
        ring[slot(index)] = element;
        size++;
    }

    @Override
    protected E doSet(int index, E element) {
        E old = get(index);
        ring[slot(index)] = element;
        return old;
    }

    @Override
    protected E doRemove(int index) {
        E old = get(index);
        if (index == 0) {
            dropHead();
            return old;
        }
        for (int i = index; i < size - 1; i++) {
            ring[slot(i)] = ring[slot(i + 1)];
        }
        ring[slot(size - 1)] = null;
        size--;
        return old;
    }

    private void dropHead() {
        ring[head] = null; // no line kept alive by the ring
        head = (head + 1) % ring.length;
        size--;
    }

    private int slot(int index) {
        return (head + index) % ring.length;
    }

    private void ensureRoom(int needed) {
        if (needed <= ring.length) {
            return;
        }
        Object[] bigger = new Object[Math.max(needed, Math.min(Math.max(capacity, needed), ring.length * 2))];
        for (int i = 0; i < size; i++) {
            bigger[i] = ring[slot(i)];
        }
        ring = bigger;
        head = 0;
    }
}
