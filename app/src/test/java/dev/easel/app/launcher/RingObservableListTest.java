package dev.easel.app.launcher;

import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The console's ring of lines against an ArrayList doing the same, in many random sequences; a listener
 * replaying every change on a copy checks that the changes say exactly what happened (a ListView and
 * its selection read them).
 */
class RingObservableListTest {
    @Test
    void behavesAsAListKeepingTheNewestAndReportsEveryChange() {
        for (int seed = 0; seed < 300; seed++) {
            Random r = new Random(seed);
            int capacity = 1 + r.nextInt(40);
            RingObservableList<Integer> ring = new RingObservableList<>(capacity);
            List<Integer> model = new ArrayList<>();
            List<Integer> replayed = new ArrayList<>();
            int[] changes = {0};
            ring.addListener((ListChangeListener<Integer>) c -> {
                changes[0]++;
                while (c.next()) {
                    if (c.wasPermutated()) {
                        throw new AssertionError("no permutation expected");
                    }
                    replayed.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()).clear();
                    replayed.addAll(c.getFrom(), c.getAddedSubList());
                }
            });
            int next = 0;
            for (int step = 0; step < 200; step++) {
                int op = r.nextInt(10);
                int before = changes[0];
                if (op < 5) {
                    List<Integer> batch = new ArrayList<>();
                    int n = r.nextInt(2 * capacity + 2);
                    for (int i = 0; i < n; i++) {
                        batch.add(next++);
                    }
                    ring.append(batch);
                    model.addAll(batch);
                    if (!batch.isEmpty() && model.size() > capacity) { // nothing appended, nothing dropped
                        model.subList(0, model.size() - capacity).clear();
                    }
                    assertEquals(batch.isEmpty() ? before : before + 1, changes[0], "an append is one change");
                } else if (op == 5) {
                    int i = r.nextInt(model.size() + 1);
                    ring.add(i, next);
                    model.add(i, next++);
                } else if (op == 6 && !model.isEmpty()) {
                    int i = r.nextInt(model.size());
                    assertEquals(model.remove(i), ring.remove(i));
                } else if (op == 7 && !model.isEmpty()) {
                    int from = r.nextInt(model.size());
                    int to = from + r.nextInt(model.size() - from + 1);
                    ring.remove(from, to);
                    model.subList(from, to).clear();
                } else if (op == 8 && !model.isEmpty()) {
                    int i = r.nextInt(model.size());
                    assertEquals(model.set(i, next), ring.set(i, next));
                    next++;
                } else if (op == 9 && r.nextInt(8) == 0) {
                    ring.clear();
                    model.clear();
                }
                assertEquals(model, ring, "seed " + seed + " step " + step);
                assertEquals(model, replayed, "changes replayed, seed " + seed + " step " + step);
            }
        }
    }

    @Test
    void aBatchLongerThanTheCapacityKeepsItsNewest() {
        RingObservableList<Integer> ring = new RingObservableList<>(3);
        ring.append(List.of(1, 2));
        ring.append(List.of(3, 4, 5, 6, 7));
        assertEquals(List.of(5, 6, 7), ring);
        assertThrows(IndexOutOfBoundsException.class, () -> ring.get(3));
        assertThrows(IllegalArgumentException.class, () -> new RingObservableList<Integer>(0));
    }
}
