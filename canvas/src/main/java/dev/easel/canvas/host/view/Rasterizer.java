package dev.easel.canvas.host.view;

import dev.easel.canvas.DisplayList;
import dev.easel.canvas.ImageData;
import dev.easel.canvas.render.Java2dRenderer;

/** Display lists to images off the FX thread (snapshots, headless output), with Java2D. */
public final class Rasterizer {
    private Rasterizer() {}

    /** {@code list} (or a plain {@code background} when null) with {@code overlay} over it, as an image. */
    public static ImageData render(DisplayList list, DisplayList overlay, int width, int height, int background) {
        Java2dRenderer r = new Java2dRenderer(width, height, 1.0);
        if (list == null) {
            list = blank(background);
        }
        r.render(list);
        if (overlay != null) {
            r.render(overlay);
        }
        return r.snapshot();
    }

    /** A finished list that only clears to {@code background}. */
    public static DisplayList blank(int background) {
        DisplayList l = new DisplayList();
        l.background(background);
        l.clear();
        return l.finish();
    }
}
