package dev.easel.canvas.render;

import dev.easel.canvas.BlendMode;
import dev.easel.canvas.FontSpec;
import dev.easel.canvas.Gradient;
import dev.easel.canvas.LineCap;
import dev.easel.canvas.LineJoin;
import dev.easel.canvas.TextAlign;
import dev.easel.canvas.TextBaseline;
import java.awt.Shape;
import java.awt.geom.AffineTransform;

/** One save level; pooled, so save/restore allocate only the clip copy Java2D hands out. */
final class Saved {
    int fill;
    int stroke;
    Gradient fillGradient;
    Gradient strokeGradient;
    boolean smoothing;
    double lineWidth;
    LineCap cap;
    LineJoin join;
    double[] dash;
    FontSpec font;
    TextAlign align;
    TextBaseline baseline;
    double alpha;
    BlendMode blend;
    final AffineTransform tx = new AffineTransform();
    Shape clip;
    boolean clipped;
    boolean clipIsRect;
    int clipX0;
    int clipY0;
    int clipX1;
    int clipY1;

    void clear() {
        clip = null;
    }
}
