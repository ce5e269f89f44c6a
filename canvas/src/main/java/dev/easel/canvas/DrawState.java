package dev.easel.canvas;

/** The drawing state a recorder tracks, one per save level. Mutable and reused: no garbage. */
final class DrawState {
    int fill;
    int stroke;
    Gradient fillGradient;
    Gradient strokeGradient;
    boolean smoothing;
    double lineWidth;
    LineCap cap;
    LineJoin join;
    double[] dash = new double[4];
    int dashLength;
    FontSpec font;
    TextAlign align;
    TextBaseline baseline;
    double alpha;
    BlendMode blend;
    double a;
    double b;
    double c;
    double d;
    double e;
    double f;
    boolean clipped;

    DrawState() {
        reset();
    }

    void reset() {
        fill = Colors.BLACK;
        stroke = Colors.BLACK;
        fillGradient = null;
        strokeGradient = null;
        smoothing = true;
        lineWidth = 1;
        cap = LineCap.BUTT;
        join = LineJoin.MITER;
        dashLength = 0;
        font = null; // FontSpec.DEFAULT, resolved only when needed
        align = TextAlign.LEFT;
        baseline = TextBaseline.ALPHABETIC;
        alpha = 1;
        blend = BlendMode.SOURCE_OVER;
        a = 1;
        b = 0;
        c = 0;
        d = 1;
        e = 0;
        f = 0;
        clipped = false;
    }

    void copyFrom(DrawState o) {
        fill = o.fill;
        stroke = o.stroke;
        fillGradient = o.fillGradient;
        strokeGradient = o.strokeGradient;
        smoothing = o.smoothing;
        lineWidth = o.lineWidth;
        cap = o.cap;
        join = o.join;
        if (dash.length < o.dashLength) {
            dash = new double[o.dash.length];
        }
        System.arraycopy(o.dash, 0, dash, 0, o.dashLength);
        dashLength = o.dashLength;
        font = o.font;
        align = o.align;
        baseline = o.baseline;
        alpha = o.alpha;
        blend = o.blend;
        a = o.a;
        b = o.b;
        c = o.c;
        d = o.d;
        e = o.e;
        f = o.f;
        clipped = o.clipped;
    }

    /** this = this × m, for m = [ma mc me; mb md mf]. */
    void concat(double ma, double mb, double mc, double md, double me, double mf) {
        double na = a * ma + c * mb;
        double nb = b * ma + d * mb;
        double nc = a * mc + c * md;
        double nd = b * mc + d * md;
        double ne = a * me + c * mf + e;
        double nf = b * me + d * mf + f;
        a = na;
        b = nb;
        c = nc;
        d = nd;
        e = ne;
        f = nf;
    }
}
