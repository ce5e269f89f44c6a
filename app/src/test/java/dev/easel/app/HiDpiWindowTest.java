package dev.easel.app;

import javafx.animation.AnimationTimer;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static dev.easel.app.FxWindowTest.WAIT;
import static dev.easel.app.FxWindowTest.onFx;
import static dev.easel.app.TestPython.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A window's frames at the scale its scene is rendered at (1, 1.25, 1.5, 2: the stage's render
 * scale stands in for a HiDPI screen, which the headless platform does not have): drawn in device
 * pixels with crisp edges, shown 1:1, redrawn at a new scale without losing what a canvas that
 * never clears has drawn; only the rows that changed re-read, yet every frame shown whole; and
 * frames recorded no faster than the window shows them.
 */
@Timeout(120)
class HiDpiWindowTest {
    static final int TOMATO = 0xFFFF6347, BLUE = 0xFF336699;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startFx() throws Exception {
        FxWindowTest.dir = dir; // FxWindowTest.Run writes its sketches there
        FxWindowTest.startFx();
    }

    static void setScale(FxCanvasWindow w, double s) throws Exception {
        onFx(() -> {
            w.stage().setRenderScaleX(s);
            w.stage().setRenderScaleY(s);
            return null;
        });
    }

    /** The shown buffer's pixels, once it is {@code pw} device pixels wide. */
    static PixelReader shown(FxCanvasWindow w, int pw) throws Exception {
        WritableImage img = await("a frame " + pw + " device pixels wide", () -> fx(w.display::shownImage),
                i -> i != null && (int) i.getWidth() == pw, WAIT);
        return img.getPixelReader();
    }

    static <T> T fx(java.util.concurrent.Callable<T> work) {
        try {
            return onFx(work);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void near(int expected, int actual, int tolerance, String what) {
        assertTrue(Pngs.distance(expected, actual) <= tolerance, what + ": " + Pngs.hex(actual) + ", expected " + Pngs.hex(expected));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 1.25, 1.5, 2.0})
    void framesAreDrawnAndShownInDevicePixelsAtTheRenderScale(double s) throws Exception {
        try (FxWindowTest.Run r = new FxWindowTest.Run("scale" + (int) (s * 100), """
                import easel
                class Sharp(easel.Canvas):
                    size = (160, 120)
                    fps = None
                    background = "#336699"
                    def on_draw(self, g):
                        g.fill = "tomato"
                        g.fill_rect(8, 8, 32, 16)
                Sharp().show()
                """)) {
            FxCanvasWindow w = r.window(0);
            setScale(w, s);
            int pw = (int) Math.ceil(160 * s - 1e-9);
            PixelReader px = shown(w, pw);
            // Edges on whole device pixels at every scale here (8 and 40 logical: 10 and 50 at 1.25): crisp.
            int x0 = (int) Math.round(8 * s), x1 = (int) Math.round(40 * s), y1 = (int) Math.round(24 * s);
            near(TOMATO, px.getArgb(x0, x0), 0, "first device pixel of the rect");
            near(TOMATO, px.getArgb(x1 - 1, y1 - 1), 0, "last device pixel of the rect");
            near(BLUE, px.getArgb(x0 - 1, x0 - 1), 0, "just outside the rect");
            near(BLUE, px.getArgb(x1, y1), 0, "just past the rect");
            // On screen: the scene rendered at the scale shows the buffer 1:1 (no blur at the edges).
            int[] seen = onFx(() -> {
                SnapshotParameters p = new SnapshotParameters();
                p.setTransform(Transform.scale(s, s));
                PixelReader sr = w.surface().snapshot(p, null).getPixelReader();
                return new int[]{sr.getArgb(x0, x0), sr.getArgb(x0 - 1, x0 - 1), sr.getArgb(x1 - 1, y1 - 1), sr.getArgb(x1, y1)};
            });
            near(TOMATO, seen[0], 2, "on screen, first pixel of the rect");
            near(BLUE, seen[1], 2, "on screen, just outside");
            near(TOMATO, seen[2], 2, "on screen, last pixel of the rect");
            near(BLUE, seen[3], 2, "on screen, just past");
        }
    }

    @Test
    void aScaleChangeRedrawsAtTheNewScaleKeepingWhatACanvasThatNeverClearsDrew() throws Exception {
        try (FxWindowTest.Run r = new FxWindowTest.Run("keep", """
                import easel
                class Trail(easel.Canvas):
                    size = (160, 120)
                    fps = 30
                    background = None
                    def on_draw(self, g):
                        if self.frame == 0:
                            g.fill = "tomato"
                            g.fill_rect(8, 8, 32, 32)   # only once: it stays because nothing clears it
                        g.fill = "#336699"
                        g.fill_rect(100, 60, 40, 40)
                Trail().show()
                """)) {
            FxCanvasWindow w = r.window(0);
            for (double s : new double[]{2.0, 1.25, 1.5, 1.0}) {
                setScale(w, s);
                int pw = (int) Math.ceil(160 * s - 1e-9);
                PixelReader px = shown(w, pw);
                var stats = r.host(0).stats();
                long drawn = stats.frames();
                await("frames drawn at scale " + s, stats::frames, n -> n >= drawn + 3, WAIT);
                px = shown(w, pw);
                near(TOMATO, px.getArgb((int) (24 * s), (int) (24 * s)), 0, "the first frame's rect at scale " + s);
                near(BLUE, px.getArgb((int) (120 * s), (int) (80 * s)), 0, "every frame's rect at scale " + s);
                near(0xFFFFFFFF, px.getArgb((int) (70 * s), (int) (24 * s)), 0, "untouched (white) at scale " + s);
            }
        }
    }

    @Test
    void framesAreRecordedNoFasterThanTheWindowShowsThem() throws Exception {
        try (FxWindowTest.Run r = new FxWindowTest.Run("paced", """
                import easel
                class Fast(easel.Canvas):
                    size = (200, 150)
                    fps = 1000
                    def on_draw(self, g):
                        g.fill_rect(self.frame % 100, 10, 20, 20)
                Fast().show()
                """)) {
            r.window(0);
            var stats = r.host(0).stats();
            AtomicLong pulses = new AtomicLong();
            AnimationTimer count = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses.incrementAndGet();
                }
            };
            long[] before = onFx(() -> {
                count.start();
                return new long[]{stats.frames(), stats.framesShown()};
            });
            await("120 pulses", pulses::get, n -> n >= 120, WAIT);
            long[] after = onFx(() -> {
                count.stop();
                return new long[]{stats.frames(), stats.framesShown(), pulses.get()};
            });
            long drawn = after[0] - before[0], shown = after[1] - before[1], p = after[2];
            // At most one frame per pulse is shown, and the canvas is at most a few frames ahead of the screen
            // (one recorded, one being drawn, one drawn, one waiting for the pulse).
            assertTrue(shown <= p + 1, () -> "shown " + shown + " in " + p + " pulses");
            assertTrue(drawn <= shown + 4, () -> "drawn " + drawn + ", shown " + shown + " in " + p + " pulses");
            assertTrue(shown > 0, "frames shown");
            assertEquals(0, stats.framesDropped(), "frames dropped");
        }
    }

    @Test
    void aMovingShapeIsShownWhereItIsNowAndNotWhereItWas() throws Exception {
        try (FxWindowTest.Run r = new FxWindowTest.Run("moving", """
                import easel, sys
                class Mover(easel.Canvas):
                    size = (200, 160)
                    fps = None
                    background = "#336699"
                    def on_draw(self, g):
                        g.fill = "tomato"
                        g.fill_rect(10, 10 + 12 * (self.frame % 12), 30, 10)   # a band of rows that moves down
                        sys._easel_test["frame"] = self.frame
                Mover().show()
                """)) {
            FxCanvasWindow w = r.window(0);
            var h = r.host(0);
            // 12 frames: each buffer of the ring is shown several times, each time with other rows changed.
            for (int k = 1; k <= 12; k++) {
                long shown = h.stats().framesShown();
                h.redraw();
                await("frame " + k + " shown", h.stats()::framesShown, n -> n > shown, WAIT);
                int[] seen = await("frame " + k + " on screen", () -> {
                    int frame = ((Number) TestPython.fact("frame")).intValue(); // off the FX thread: it never runs Python
                    return fx(() -> {
                        PixelReader sr = w.surface().snapshot(null, null).getPixelReader();
                        int[] px = new int[13];
                        for (int i = 0; i < 12; i++) {
                            px[i] = sr.getArgb(25, 10 + 12 * ((frame + i) % 12) + 5); // [0]: where the rect is now
                        }
                        px[12] = frame;
                        return px;
                    });
                }, px -> Pngs.distance(px[0], TOMATO) <= 2, WAIT);
                for (int i = 1; i < 12; i++) {
                    // Where it was 1..11 frames ago: the buffers of the ring held it there when they were last shown.
                    near(BLUE, seen[i], 2, "frame " + seen[12] + ": where the rect was " + (12 - i) + " frames ago");
                }
            }
        }
    }
}
