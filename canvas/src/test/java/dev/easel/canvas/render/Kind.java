package dev.easel.canvas.render;

import dev.easel.canvas.DisplayList;
import dev.easel.canvas.ImageData;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** The renderers under test, each able to render a finished list into an image of device pixels. */
enum Kind {
    /** Java2D with the direct rasterizer (the default). */
    JAVA2D,
    /** Java2D with every shape through Marlin. */
    JAVA2D_MARLIN,
    /** JavaFX GraphicsContext, snapshotted. */
    FX,
    /** OpenGL through LWJGL (NanoVG), read back (Mesa llvmpipe in CI). */
    GL;

    ImageData render(DisplayList list, int width, int height, double scale) {
        if (this == FX) {
            return FxThread.call(() -> {
                Canvas canvas = new Canvas(Math.ceil(width * scale - 1e-9), Math.ceil(height * scale - 1e-9));
                new FxRenderer(canvas.getGraphicsContext2D(), scale).render(list);
                return snapshot(canvas);
            });
        }
        if (this == GL) {
            return GlKind.render(list, width, height, scale);
        }
        Java2dRenderer r = new Java2dRenderer(width, height, scale);
        r.setDirectRasterization(this == JAVA2D);
        r.render(list);
        return r.snapshot();
    }

    ImageData render(DisplayList list, int width, int height) {
        return render(list, width, height, 1);
    }

    /** Reads a canvas's pixels with a transparent background (FX thread). */
    static ImageData snapshot(Canvas canvas) {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        WritableImage img = canvas.snapshot(p, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return ImageData.fromArgb(argb, w, h);
    }
}
