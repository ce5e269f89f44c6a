package dev.easel.canvas.render;

import static dev.easel.canvas.render.Pixels.assertPixel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.canvas.Colors;
import dev.easel.canvas.DisplayList;
import dev.easel.canvas.ImageData;
import java.util.concurrent.CompletableFuture;
import javafx.scene.canvas.Canvas;
import org.junit.jupiter.api.Test;

/** What holds across frames and threads: no state leaks between frames, thread rules, finished lists only. */
class RendererLifecycleTest {
    private static final int RED = 0xFFFF0000;

    /** Frame 1 leaves a save, a clip, a transform and a fill unbalanced; frame 2 must start from defaults. */
    private static DisplayList leaky() {
        DisplayList l = new DisplayList();
        l.clear(Colors.WHITE);
        l.save();
        l.fill(RED);
        l.translate(50, 50);
        l.beginPath();
        l.rect(0, 0, 10, 10);
        l.clip();
        return l.finish();
    }

    private static DisplayList second() {
        DisplayList l = new DisplayList();
        l.fillRect(0, 0, 20, 20); // default black, no transform, no clip
        return l.finish();
    }

    @Test
    void java2dFramesStartFromTheDefaults() {
        Java2dRenderer r = new Java2dRenderer(100, 100, 1);
        r.render(leaky());
        r.render(second());
        ImageData img = r.snapshot();
        assertPixel(img, 10, 10, Colors.BLACK, "second frame: black, untransformed, unclipped");
        assertPixel(img, 60, 60, Colors.WHITE, "first frame's clear persists");
    }

    @Test
    void fxFramesStartFromTheDefaults() {
        ImageData img = FxThread.call(() -> {
            Canvas c = new Canvas(100, 100);
            FxRenderer r = new FxRenderer(c.getGraphicsContext2D(), 1);
            r.render(leaky());
            r.render(second());
            return Kind.snapshot(c);
        });
        assertPixel(img, 10, 10, Colors.BLACK, "second frame: black, untransformed, unclipped");
        assertPixel(img, 60, 60, Colors.WHITE, "first frame's clear persists");
    }

    @Test
    void fxRendererRefusesOtherThreads() {
        Canvas c = FxThread.call(() -> new Canvas(10, 10));
        FxRenderer r = FxThread.call(() -> new FxRenderer(c.getGraphicsContext2D(), 1));
        var e = assertThrows(IllegalStateException.class, () -> r.render(second()));
        assertTrue(e.getMessage().contains("JavaFX Application Thread"), e.getMessage());
    }

    @Test
    void renderersRefuseUnfinishedLists() {
        DisplayList open = new DisplayList();
        open.fillRect(0, 0, 1, 1);
        assertThrows(IllegalStateException.class, () -> new Java2dRenderer(10, 10, 1).render(open));
        assertThrows(IllegalStateException.class, () -> FxThread.call(() -> {
            new FxRenderer(new Canvas(10, 10).getGraphicsContext2D(), 1).render(open);
            return null;
        }));
    }

    @Test
    void twoCanvasThreadsRenderTheSameListAtOnce() throws Exception {
        DisplayList scene = RendererParityTest.batchScene();
        Java2dRenderer a = new Java2dRenderer(320, 240, 1);
        Java2dRenderer b = new Java2dRenderer(320, 240, 1);
        CompletableFuture<Void> fa = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 20; i++) {
                a.render(scene);
            }
        }, r -> Thread.ofPlatform().start(r));
        for (int i = 0; i < 20; i++) {
            b.render(scene);
        }
        fa.get();
        assertArrayEquals(a.pixels(), b.pixels());
    }

    @Test
    void pixelScaleSizesTheBuffer() {
        Java2dRenderer r = new Java2dRenderer(101, 50, 1.5);
        assertEquals(152, r.pixelWidth());
        assertEquals(75, r.pixelHeight());
        assertEquals(152 * 75, r.pixels().length);
        assertThrows(IllegalArgumentException.class, () -> new Java2dRenderer(0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new Java2dRenderer(10, 10, 0));
    }
}
