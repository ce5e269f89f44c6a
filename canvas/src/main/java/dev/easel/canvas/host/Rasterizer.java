package dev.easel.canvas.host;

import dev.easel.canvas.DisplayList;
import dev.easel.canvas.ImageData;
import dev.easel.canvas.render.Java2dRenderer;

/** Display lists to images off the FX thread (snapshots, headless output), with Java2D. */
final class Rasterizer {
    private Rasterizer() {}

    /** {@code list} (or a plain {@code background} when null) with {@code overlay} over it, as an image. */
    static ImageData render(DisplayList list, DisplayList overlay, int width, int height, int background) {
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

    static DisplayList blank(int background) {
        DisplayList l = new DisplayList();
        l.background(background);
        l.clear();
        return l.finish();
    }

    /** Pixels of {@code base} with {@code overlay} (rendered on transparent) composited over them. */
    static ImageData withOverlay(Java2dRenderer base, DisplayList overlay) {
        if (overlay == null) {
            return base.snapshot();
        }
        Java2dRenderer top = new Java2dRenderer(base.width(), base.height(), base.pixelScale());
        top.render(overlay);
        int[] b = base.pixels().clone();
        int[] t = top.pixels();
        for (int i = 0; i < b.length; i++) {
            int s = t[i];
            int sa = s >>> 24;
            if (sa == 0) {
                continue;
            }
            int inv = 255 - sa; // premultiplied source-over
            int d = b[i];
            int a = sa + ((d >>> 24) * inv + 127) / 255;
            int r = ((s >> 16) & 255) + (((d >> 16) & 255) * inv + 127) / 255;
            int g = ((s >> 8) & 255) + (((d >> 8) & 255) * inv + 127) / 255;
            int bl = (s & 255) + ((d & 255) * inv + 127) / 255;
            b[i] = a << 24 | r << 16 | g << 8 | bl;
        }
        return ImageData.fromPremultiplied(b, 0, base.pixelWidth(), base.pixelWidth(), base.pixelHeight());
    }
}
