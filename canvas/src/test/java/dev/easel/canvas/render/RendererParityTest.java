package dev.easel.canvas.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.canvas.BlendMode;
import dev.easel.canvas.Colors;
import dev.easel.canvas.DisplayList;
import dev.easel.canvas.FontSpec;
import dev.easel.canvas.ImageData;
import dev.easel.canvas.LineCap;
import dev.easel.canvas.LineJoin;
import dev.easel.canvas.NumType;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The same display list must give the same picture on every renderer: a reference scene with every
 * kind of primitive, rendered by Java2D (direct rasterizer on and off) and JavaFX, compared pixel by
 * pixel. Antialiasing differs slightly between rasterizers, so the comparison allows a small mean
 * difference and a small share of edge pixels that differ a lot. The images are written to
 * target/render-parity for inspection.
 */
class RendererParityTest {
    private static final int W = 320;
    private static final int H = 240;

    /** Every primitive except text, whose glyph rasterization legitimately differs between toolkits. */
    static DisplayList referenceScene() {
        DisplayList l = new DisplayList();
        l.clear(Colors.parse("ivory"));
        l.fill(Colors.parse("tomato"));
        l.fillRect(10, 10, 60, 40);
        l.stroke(Colors.parse("navy"));
        l.lineWidth(3);
        l.strokeRect(80.5, 10.5, 60, 40);
        l.fill(Colors.parse("#3cb37180"));
        l.fillCircle(180, 30, 25);
        l.stroke(Colors.parse("darkorange"));
        l.lineWidth(4);
        l.strokeCircle(250, 30, 22);
        l.fill(Colors.parse("steelblue"));
        l.fillEllipse(40, 90, 60, 30);
        l.stroke(Colors.parse("purple"));
        l.lineWidth(2);
        l.strokeEllipse(120, 90, 60, 30);
        l.fill(Colors.parse("gold"));
        l.fillRoundRect(160, 70, 70, 45, 12);
        l.stroke(Colors.parse("black"));
        l.lineWidth(1.5);
        l.strokeRoundRect(240, 70, 70, 45, 8);
        l.fill(Colors.parse("crimson"));
        l.fillArc(40, 160, 30, 0.3, 2.2);
        l.stroke(Colors.parse("teal"));
        l.lineWidth(5);
        l.lineCap(LineCap.ROUND);
        l.strokeArc(110, 160, 28, Math.PI, 1.8 * Math.PI);
        l.lineCap(LineCap.BUTT);
        l.lineJoin(LineJoin.ROUND);
        l.stroke(Colors.parse("indigo"));
        l.lineWidth(3);
        l.polyline(new double[] {150, 140, 180, 190, 210, 140, 240, 190});
        l.lineJoin(LineJoin.MITER);
        l.fill(Colors.parse("olivedrab"));
        l.fillPolygon(new double[] {260, 130, 310, 150, 290, 200, 250, 180});
        // A path with every kind of segment.
        l.beginPath();
        l.moveTo(20, 200);
        l.lineTo(60, 200);
        l.quadTo(80, 180, 100, 200);
        l.bezierTo(110, 230, 140, 230, 150, 205);
        l.arcTo(170, 230, 200, 205, 15);
        l.arc(220, 215, 12, Math.PI, 0, false);
        l.closePath();
        l.fill(Colors.parse("#8a2be2a0"));
        l.fillPath();
        l.stroke(Colors.parse("black"));
        l.lineWidth(1);
        l.strokePath();
        // Transforms, save/restore, alpha, dash, clip.
        l.save();
        l.translate(280, 220);
        l.rotate(0.4);
        l.scale(1.5, 1);
        l.fill(Colors.parse("deeppink"));
        l.alpha(0.7);
        l.fillRect(-10, -8, 20, 16);
        l.restore();
        l.save();
        l.lineDash(new double[] {6, 4});
        l.stroke(Colors.parse("saddlebrown"));
        l.lineWidth(2);
        l.line(10, 232, 150, 232);
        l.restore();
        l.save();
        l.beginPath();
        l.rect(160, 120, 40, 15);
        l.clip();
        l.fill(Colors.parse("cyan"));
        l.fillCircle(180, 127, 30);
        l.restore();
        return l.finish();
    }

    /** Thousands of thin lines, points, rectangles and circles: the direct rasterizer's territory. */
    static DisplayList batchScene() {
        Random r = new Random(42);
        DisplayList l = new DisplayList();
        l.clear(Colors.WHITE);
        for (int i = 0; i < 400; i++) {
            l.stroke(Colors.argb(128 + r.nextInt(128), r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            l.line(r.nextDouble() * W, r.nextDouble() * H, r.nextDouble() * W, r.nextDouble() * H);
        }
        l.lineWidth(1.7);
        l.stroke(Colors.BLACK);
        double[] xy = new double[400];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = r.nextDouble() * (i % 2 == 0 ? W : H);
        }
        l.lines(xy, 0, 100);
        l.fill(0xC0FF0000);
        float[] rects = new float[200];
        for (int i = 0; i < 50; i++) {
            rects[4 * i] = r.nextFloat() * W;
            rects[4 * i + 1] = r.nextFloat() * H;
            rects[4 * i + 2] = 2 + r.nextFloat() * 20;
            rects[4 * i + 3] = 2 + r.nextFloat() * 20;
        }
        l.rects(MemorySegment.ofArray(rects), rects.length, NumType.FLOAT32, true);
        double[] circles = new double[150];
        for (int i = 0; i < 50; i++) {
            circles[3 * i] = r.nextDouble() * W;
            circles[3 * i + 1] = r.nextDouble() * H;
            circles[3 * i + 2] = 1 + r.nextDouble() * 12;
        }
        l.fill(0xA00000FF);
        l.circles(MemorySegment.ofArray(circles), circles.length, NumType.FLOAT64, true);
        l.stroke(0xFF008000);
        l.lineWidth(1);
        l.circles(MemorySegment.ofArray(circles), circles.length, NumType.FLOAT64, false);
        l.fill(Colors.BLACK);
        l.points(xy, 0, 200, 2);
        return l.finish();
    }

    private static void save(String name, ImageData img) throws IOException {
        Path dir = Path.of(System.getProperty("easel.test.reports", "target"), "render-parity");
        Files.createDirectories(dir);
        img.save(dir.resolve(name + ".png"));
    }

    private static void assertClose(String what, ImageData a, ImageData b, double maxMean, double maxFarShare) {
        Pixels.Diff d = Pixels.diff(a, b);
        System.out.println(what + ": " + d); // Kept in target/surefire-reports/*-output.txt for tuning.
        assertTrue(d.mean() <= maxMean && d.farShare() <= maxFarShare, what + ": " + d);
    }

    @Test
    void referenceSceneLooksTheSameOnEveryRenderer() throws IOException {
        DisplayList scene = referenceScene();
        ImageData java2d = Kind.JAVA2D.render(scene, W, H);
        ImageData marlin = Kind.JAVA2D_MARLIN.render(scene, W, H);
        ImageData fx = Kind.FX.render(scene, W, H);
        save("reference-java2d", java2d);
        save("reference-java2d-marlin", marlin);
        save("reference-fx", fx);
        assertClose("Java2D vs JavaFX", java2d, fx, 0.5, 0.001);
        assertClose("direct vs Marlin", java2d, marlin, 0.5, 0.001);
    }

    @Test
    void referenceSceneAtPixelScale2() throws IOException {
        DisplayList scene = referenceScene();
        ImageData java2d = Kind.JAVA2D.render(scene, W, H, 2);
        ImageData fx = Kind.FX.render(scene, W, H, 2);
        save("reference-java2d-x2", java2d);
        save("reference-fx-x2", fx);
        assertClose("Java2D vs JavaFX at 2x", java2d, fx, 0.5, 0.001);
    }

    @Test
    void batchSceneLooksTheSameOnEveryRenderer() throws IOException {
        DisplayList scene = batchScene();
        ImageData java2d = Kind.JAVA2D.render(scene, W, H);
        ImageData marlin = Kind.JAVA2D_MARLIN.render(scene, W, H);
        ImageData fx = Kind.FX.render(scene, W, H);
        save("batch-java2d", java2d);
        save("batch-java2d-marlin", marlin);
        save("batch-fx", fx);
        assertClose("direct vs Marlin", java2d, marlin, 2.5, 0.002);
        assertClose("Java2D vs JavaFX", java2d, fx, 2.5, 0.002);
    }

    @Test
    void textLandsInTheSamePlace() throws IOException {
        DisplayList l = new DisplayList();
        l.clear(Colors.WHITE);
        l.fill(Colors.BLACK);
        l.font(FontSpec.parse("20px serif"));
        l.fillText("Easel draws text", 10, 30);
        l.font(FontSpec.parse("bold 16px monospace"));
        l.stroke(Colors.parse("red"));
        l.strokeText("outlined", 10, 60);
        l.textAlign(dev.easel.canvas.TextAlign.RIGHT);
        l.fillText("squeezed into 80px", 310, 90, 80);
        l.blend(BlendMode.SOURCE_OVER);
        l.finish();
        ImageData java2d = Kind.JAVA2D.render(l, W, 100);
        ImageData fx = Kind.FX.render(l, W, 100);
        save("text-java2d", java2d);
        save("text-fx", fx);
        // Same glyphs from the same font file, different glyph rasterizers: compare where the ink is.
        int[] a = inkBox(java2d);
        int[] b = inkBox(fx);
        for (int i = 0; i < 4; i++) {
            assertTrue(Math.abs(a[i] - b[i]) <= 3, "ink boxes " + java.util.Arrays.toString(a) + " vs "
                    + java.util.Arrays.toString(b));
        }
        assertClose("text rows", java2d, fx, 2, 0.02);
    }

    private static int[] inkBox(ImageData img) {
        int x0 = img.width();
        int y0 = img.height();
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                if (Pixels.maxDiff(img.argb(x, y), Colors.WHITE) > 64) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return new int[] {x0, y0, x1, y1};
    }
}
