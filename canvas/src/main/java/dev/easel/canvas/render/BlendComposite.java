package dev.easel.canvas.render;

import dev.easel.canvas.BlendMode;
import java.awt.Composite;
import java.awt.CompositeContext;
import java.awt.RenderingHints;
import java.awt.image.ColorModel;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * The blend modes Java2D lacks (Java2D has only Porter-Duff rules): add, and the W3C separable modes
 * multiply ... exclusion, composited source-over, with an extra alpha. This is the general Java2D
 * composite path, much slower than source-over, which is fine for the occasional blended shape.
 */
final class BlendComposite implements Composite {
    private final BlendMode mode;
    private final float extraAlpha;

    BlendComposite(BlendMode mode, float extraAlpha) {
        this.mode = mode;
        this.extraAlpha = extraAlpha;
    }

    @Override
    public CompositeContext createContext(ColorModel srcCM, ColorModel dstCM, RenderingHints hints) {
        return new Context(srcCM, dstCM);
    }

    private final class Context implements CompositeContext {
        private final ColorModel srcCM;
        private final ColorModel dstCM;
        private int[] src = new int[0];
        private int[] dst = new int[0];

        Context(ColorModel srcCM, ColorModel dstCM) {
            this.srcCM = srcCM;
            this.dstCM = dstCM;
        }

        @Override
        public void compose(Raster s, Raster dIn, WritableRaster dOut) {
            int w = Math.min(s.getWidth(), dIn.getWidth());
            int h = Math.min(s.getHeight(), dIn.getHeight());
            if (src.length < w) {
                src = new int[w];
                dst = new int[w];
            }
            for (int y = 0; y < h; y++) {
                readRow(s, srcCM, y, w, src);
                readRow(dIn, dstCM, y, w, dst);
                for (int x = 0; x < w; x++) {
                    dst[x] = blend(src[x], dst[x]);
                }
                writeRow(dOut, dstCM, y, w, dst);
            }
        }

        @Override
        public void dispose() {
        }
    }

    /** Reads a row as premultiplied ARGB; fast for int ARGB rasters, general otherwise. */
    private static void readRow(Raster r, ColorModel cm, int y, int w, int[] out) {
        int x0 = r.getMinX();
        int y0 = r.getMinY() + y;
        if (isIntArgb(cm, r)) {
            r.getDataElements(x0, y0, w, 1, out);
            if (!cm.isAlphaPremultiplied()) {
                for (int i = 0; i < w; i++) {
                    out[i] = dev.easel.canvas.ImageData.premultiply(out[i]);
                }
            }
            return;
        }
        Object pixel = null;
        for (int i = 0; i < w; i++) {
            pixel = r.getDataElements(x0 + i, y0, pixel);
            out[i] = dev.easel.canvas.ImageData.premultiply(cm.getRGB(pixel));
        }
    }

    private static void writeRow(WritableRaster r, ColorModel cm, int y, int w, int[] in) {
        int x0 = r.getMinX();
        int y0 = r.getMinY() + y;
        if (isIntArgb(cm, r)) {
            if (!cm.isAlphaPremultiplied()) {
                for (int i = 0; i < w; i++) {
                    in[i] = dev.easel.canvas.ImageData.unpremultiply(in[i]);
                }
            }
            r.setDataElements(x0, y0, w, 1, in);
            return;
        }
        for (int i = 0; i < w; i++) {
            r.setDataElements(x0 + i, y0, cm.getDataElements(dev.easel.canvas.ImageData.unpremultiply(in[i]), null));
        }
    }

    private static boolean isIntArgb(ColorModel cm, Raster r) {
        return cm instanceof DirectColorModel d && r.getTransferType() == java.awt.image.DataBuffer.TYPE_INT
                && d.getRedMask() == 0x00FF0000 && d.getGreenMask() == 0x0000FF00 && d.getBlueMask() == 0x000000FF
                && d.getAlphaMask() == 0xFF000000;
    }

    /** Blends premultiplied source over premultiplied destination. */
    private int blend(int s, int d) {
        float sa = (s >>> 24) / 255f * extraAlpha;
        if (sa <= 0) {
            return d;
        }
        float k = extraAlpha / 255f;
        float sr = (s >> 16 & 0xFF) * k;
        float sg = (s >> 8 & 0xFF) * k;
        float sb = (s & 0xFF) * k;
        float da = (d >>> 24) / 255f;
        float dr = (d >> 16 & 0xFF) / 255f;
        float dg = (d >> 8 & 0xFF) / 255f;
        float db = (d & 0xFF) / 255f;
        float ra;
        float rr;
        float rg;
        float rb;
        if (mode == BlendMode.ADD) {
            ra = Math.min(1, sa + da);
            rr = Math.min(1, sr + dr);
            rg = Math.min(1, sg + dg);
            rb = Math.min(1, sb + db);
        } else {
            ra = sa + da - sa * da;
            rr = channel(sr, sa, dr, da);
            rg = channel(sg, sa, dg, da);
            rb = channel(sb, sa, db, da);
        }
        return Math.round(clamp(ra) * 255) << 24 | Math.round(clamp(rr) * 255) << 16
                | Math.round(clamp(rg) * 255) << 8 | Math.round(clamp(rb) * 255);
    }

    /** W3C: co = cs·(1 − αb) + cb·(1 − αs) + αs·αb·B(Cb, Cs), all premultiplied except B's inputs. */
    private float channel(float sc, float sa, float dc, float da) {
        float cs = sa > 0 ? sc / sa : 0;
        float cb = da > 0 ? dc / da : 0;
        return sc * (1 - da) + dc * (1 - sa) + sa * da * separable(clamp(cb), clamp(cs));
    }

    private float separable(float cb, float cs) {
        return switch (mode) {
            case MULTIPLY -> cb * cs;
            case SCREEN -> cb + cs - cb * cs;
            case OVERLAY -> hardLight(cs, cb);
            case DARKEN -> Math.min(cb, cs);
            case LIGHTEN -> Math.max(cb, cs);
            case COLOR_DODGE -> cb == 0 ? 0 : cs >= 1 ? 1 : Math.min(1, cb / (1 - cs));
            case COLOR_BURN -> cb >= 1 ? 1 : cs <= 0 ? 0 : 1 - Math.min(1, (1 - cb) / cs);
            case HARD_LIGHT -> hardLight(cb, cs);
            case SOFT_LIGHT -> softLight(cb, cs);
            case DIFFERENCE -> Math.abs(cb - cs);
            case EXCLUSION -> cb + cs - 2 * cb * cs;
            default -> cs; // SOURCE_OVER; SOURCE_ATOP and ADD never get here.
        };
    }

    private static float hardLight(float cb, float cs) {
        return cs <= 0.5f ? cb * 2 * cs : cb + (2 * cs - 1) - cb * (2 * cs - 1);
    }

    private static float softLight(float cb, float cs) {
        if (cs <= 0.5f) {
            return cb - (1 - 2 * cs) * cb * (1 - cb);
        }
        float dd = cb <= 0.25f ? ((16 * cb - 12) * cb + 4) * cb : (float) Math.sqrt(cb);
        return cb + (2 * cs - 1) * (dd - cb);
    }

    private static float clamp(float v) {
        return v < 0 ? 0 : Math.min(v, 1);
    }
}
