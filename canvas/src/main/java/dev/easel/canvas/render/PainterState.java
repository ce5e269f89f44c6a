package dev.easel.canvas.render;

import dev.easel.canvas.BlendMode;
import dev.easel.canvas.Colors;
import dev.easel.canvas.CommandSink;
import dev.easel.canvas.FontSpec;
import dev.easel.canvas.Gradient;
import dev.easel.canvas.ImageData;
import dev.easel.canvas.LineCap;
import dev.easel.canvas.LineJoin;
import dev.easel.canvas.TextAlign;
import dev.easel.canvas.TextBaseline;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The state half of {@link Java2dPainter}: the drawing state as the display list has set it, what is
 * derived from it (paint, stroke, composite, whether the transform and clip let {@link DirectRaster}
 * draw), the frame's start and end, and the queue of direct shapes.
 */
abstract sealed class PainterState implements CommandSink permits PainterGeometry {
    /** Device line widths up to this go through {@link DirectRaster#line}. */
    static final double DIRECT_MAX_LINE_WIDTH = 2.0;
    static final AffineTransform IDENTITY = new AffineTransform();
    static final double[] SOLID = new double[0];

    final DirectBatch batch = new DirectBatch();
    final Map<ImageData, BufferedImage> images;
    final Line2D.Double line = new Line2D.Double();
    final Rectangle2D.Double rect = new Rectangle2D.Double();
    final Ellipse2D.Double ellipse = new Ellipse2D.Double();
    final Path2D.Double shape = new Path2D.Double();
    final DevicePath path;
    final List<Saved> stack = new ArrayList<>();
    final double[] pt = new double[4];

    Graphics2D g;
    int[] px;
    int pw;
    int ph;
    double scale;
    boolean directEnabled = true;
    /**
     * When banded: the clip the frame has set, on a Graphics2D that draws nothing and has no band, so
     * it holds exactly what a painter drawing the frame in one piece would have as its clip.
     */
    Graphics2D clipTracker;
    private final Rectangle2D.Double band = new Rectangle2D.Double();
    /**
     * The rows [bandY0, bandY1) this painter may touch: the whole buffer, or one band of a frame
     * drawn in parallel ({@link RasterBands}); g is clipped to them and nothing here writes outside.
     */
    int bandY0;
    int bandY1 = Integer.MAX_VALUE;

    // The drawing state, as the display list has set it.
    int fill;
    int stroke;
    /** The fill paint when it is a gradient (then {@link #fill} is unused), else null. */
    Gradient fillGradient;
    Gradient strokeGradient;
    boolean smoothing;
    double lineWidth;
    LineCap cap;
    LineJoin join;
    double[] dash = SOLID;
    FontSpec font;
    TextAlign align;
    TextBaseline baseline;
    double alpha;
    BlendMode blend;
    final AffineTransform tx = new AffineTransform();
    int depth;

    // Derived from the state, updated when it changes.
    /** Device pixels per user unit when the transform is a similarity (uniform scale + rotation), else NaN. */
    double uniformScale;
    /** Whether the transform keeps rectangles axis-aligned (no rotation or shear). */
    boolean axisAligned;
    /** The clip, if any, is a device rectangle [clipX0, clipX1) × [clipY0, clipY1); false for a shaped clip. */
    boolean clipIsRect;
    int clipX0;
    int clipY0;
    int clipX1;
    int clipY1;
    boolean clipped;
    BasicStroke basicStroke;
    int paintArgb;
    /** The gradient g's paint was made from (with {@link #paintAlpha}, in user space), or null. */
    Gradient paintGradient;
    double paintAlpha;
    Composite composite;

    PainterState(Map<ImageData, BufferedImage> images) {
        this.images = images;
        this.path = new DevicePath(tx);
    }

    void directEnabled(boolean on) {
        directEnabled = on;
    }

    void parallel(boolean on) {
        batch.parallel(on);
    }

    /** Limits this painter to rows [y0, y1) from the next {@link #begin} on (0, MAX_VALUE: all rows). */
    void band(int y0, int y1) {
        bandY0 = y0;
        bandY1 = y1;
    }

    /**
     * Sets g's clip to the band's rows within {@code user}, the clip the frame has set (device
     * space, null: none), so that it selects the pixels {@code user} alone would: Java2D rounds an
     * intersection that comes out rectangular to whole pixels, so rectangles are intersected here, exactly.
     */
    void bandClip(Shape user) {
        band.setRect(0, bandY0, pw, bandY1 - bandY0);
        g.setTransform(IDENTITY);
        if (user == null) {
            g.setClip(band);
        } else if (user instanceof Rectangle2D r) {
            g.setClip(r.createIntersection(band));
        } else {
            g.setClip(band);
            g.clip(user); // A shaped clip: its intersection with the band, as an Area.
        }
        g.setTransform(tx);
    }

    /** Whether this painter draws only a band of the rows. */
    boolean banded() {
        return bandY0 > 0 || bandY1 < ph;
    }

    /** Draws the queued direct shapes; called before anything else touches the pixels or the clip. */
    void flush() {
        if (!batch.isEmpty()) {
            batch.flush(px, pw, ph, clipX0, clipY0, clipX1, clipY1);
        }
    }

    /** Starts a frame on {@code graphics}, which draws into {@code pixels} ({@code width} × {@code height}). */
    void begin(Graphics2D graphics, int[] pixels, int width, int height, double pixelScale) {
        g = graphics;
        px = pixels;
        pw = width;
        ph = height;
        scale = pixelScale;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        // Pure strokes: geometry exactly where the coordinates say, as JavaFX and HTML canvas draw it.
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        fill = Colors.BLACK;
        stroke = Colors.BLACK;
        fillGradient = null;
        strokeGradient = null;
        smoothing = true;
        lineWidth = 1;
        cap = LineCap.BUTT;
        join = LineJoin.MITER;
        dash = SOLID;
        font = null; // FontSpec.DEFAULT, resolved when text is first drawn
        align = TextAlign.LEFT;
        baseline = TextBaseline.ALPHABETIC;
        alpha = 1;
        blend = BlendMode.SOURCE_OVER;
        depth = 0;
        tx.setToScale(scale, scale);
        bandY1 = Math.min(bandY1, ph);
        if (banded()) {
            if (clipTracker == null) {
                clipTracker = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB_PRE).createGraphics();
            }
            clipTracker.setClip(null);
            bandClip(null);
        } else {
            g.setClip(null);
        }
        g.setTransform(tx);
        clipped = false;
        setClipRect(0, 0, pw, ph);
        basicStroke = null;
        paintArgb = 0;
        paintGradient = null;
        g.setColor(new Color(0, true));
        composite = AlphaComposite.SrcOver;
        g.setComposite(composite);
        path.reset();
        transformChanged();
    }

    /** Ends the frame: unbalanced saves are dropped. */
    void end() {
        flush();
        stack.subList(0, Math.min(depth, stack.size())).forEach(Saved::clear);
        depth = 0;
        g = null;
    }

    // ---------------------------------------------------------------------------------------------
    // State

    @Override
    public void fill(int argb) {
        fill = argb;
        fillGradient = null;
    }

    @Override
    public void stroke(int argb) {
        stroke = argb;
        strokeGradient = null;
    }

    @Override
    public void fillGradient(Gradient gradient) {
        fillGradient = gradient;
    }

    @Override
    public void strokeGradient(Gradient gradient) {
        strokeGradient = gradient;
    }

    @Override
    public void imageSmoothing(boolean on) {
        smoothing = on;
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, on ? RenderingHints.VALUE_INTERPOLATION_BILINEAR
                : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    }

    @Override
    public void lineWidth(double width) {
        lineWidth = width;
        basicStroke = null;
    }

    @Override
    public void lineCap(LineCap c) {
        cap = c;
        basicStroke = null;
    }

    @Override
    public void lineJoin(LineJoin j) {
        join = j;
        basicStroke = null;
    }

    @Override
    public void lineDash(double[] dashes, int offset, int length) {
        dash = length == 0 ? SOLID : Arrays.copyOfRange(dashes, offset, offset + length);
        basicStroke = null;
    }

    @Override
    public void font(FontSpec f) {
        font = f;
    }

    @Override
    public void textAlign(TextAlign a) {
        align = a;
    }

    @Override
    public void textBaseline(TextBaseline b) {
        baseline = b;
    }

    @Override
    public void alpha(double a) {
        alpha = a;
        paintArgb = 0; // The colour set on g folds the alpha in: force it to be set again.
        paintGradient = null;
    }

    @Override
    public void blend(BlendMode mode) {
        blend = mode;
        composite = switch (mode) {
            case SOURCE_OVER -> AlphaComposite.SrcOver;
            case SOURCE_ATOP -> AlphaComposite.SrcAtop;
            default -> new BlendComposite(mode, 1f);
        };
        g.setComposite(composite);
    }

    boolean directShapes() {
        return directEnabled && clipIsRect && blend == BlendMode.SOURCE_OVER;
    }

    boolean directLines() {
        return directShapes() && dash.length == 0 && uniformScale * lineWidth <= DIRECT_MAX_LINE_WIDTH;
    }

    /** Sets g's paint to the fill: its gradient, else its colour. */
    void useFill() {
        if (fillGradient != null) {
            useGradient(fillGradient);
        } else {
            usePaint(fill);
        }
    }

    /** Sets g's paint to the stroke: its gradient, else its colour. */
    void useStrokePaint() {
        if (strokeGradient != null) {
            useGradient(strokeGradient);
        } else {
            usePaint(stroke);
        }
    }

    /** Sets g's colour to {@code argb} times the global alpha, if it is not already. */
    void usePaint(int argb) {
        int a = (int) Math.round((argb >>> 24) * alpha);
        int effective = a << 24 | (argb & 0xFFFFFF);
        if (effective != paintArgb || paintArgb == 0) {
            g.setColor(new Color(effective, true));
            paintArgb = effective;
            paintGradient = null;
        }
    }

    /** Sets g's paint to {@code gr} (in the current user space) times the global alpha, if it is not already. */
    void useGradient(Gradient gr) {
        if (gr != paintGradient || paintAlpha != alpha) {
            g.setPaint(AwtPaints.awtPaint(gr, alpha, IDENTITY));
            paintGradient = gr;
            paintAlpha = alpha;
            paintArgb = 0;
        }
    }

    void useStroke() {
        if (basicStroke == null) {
            int c = switch (cap) {
                case BUTT -> BasicStroke.CAP_BUTT;
                case ROUND -> BasicStroke.CAP_ROUND;
                case SQUARE -> BasicStroke.CAP_SQUARE;
            };
            int j = switch (join) {
                case MITER -> BasicStroke.JOIN_MITER;
                case ROUND -> BasicStroke.JOIN_ROUND;
                case BEVEL -> BasicStroke.JOIN_BEVEL;
            };
            float[] pattern = null;
            if (dash.length > 0) {
                pattern = new float[dash.length];
                for (int i = 0; i < dash.length; i++) {
                    pattern[i] = (float) dash[i];
                }
            }
            basicStroke = new BasicStroke((float) lineWidth, c, j, 10f, pattern, 0f);
        }
        g.setStroke(basicStroke);
    }


    void transformChanged() {
        g.setTransform(tx);
        double a = tx.getScaleX();
        double b = tx.getShearY();
        double c = tx.getShearX();
        double d = tx.getScaleY();
        axisAligned = b == 0 && c == 0;
        // A similarity maps circles to circles: columns orthogonal and of equal length.
        double l1 = a * a + b * b;
        double l2 = c * c + d * d;
        boolean similar = Math.abs(l1 - l2) <= 1e-9 * Math.max(l1, l2) && Math.abs(a * c + b * d) <= 1e-9 * Math.max(l1, l2);
        uniformScale = similar ? Math.sqrt(l1) : Double.NaN;
    }

    /** Tracks whether the clip is a device rectangle, rounded the way Java2D rounds clips (pixel centres). */
    void updateClipRect(Shape deviceClip) {
        if (deviceClip == null) {
            setClipRect(0, 0, pw, ph);
            return;
        }
        Area area = new Area(deviceClip);
        if (!area.isRectangular()) {
            clipIsRect = false;
            return;
        }
        Rectangle2D b = area.getBounds2D();
        setClipRect((int) Math.ceil(b.getMinX() - 0.5), (int) Math.ceil(b.getMinY() - 0.5),
                (int) Math.ceil(b.getMaxX() - 0.5), (int) Math.ceil(b.getMaxY() - 0.5));
    }

    void setClipRect(int x0, int y0, int x1, int y1) {
        clipIsRect = true;
        clipX0 = Math.max(0, x0);
        clipY0 = Math.max(bandY0, y0);
        // A clip wholly off the canvas (or the band) is empty, never inverted.
        clipX1 = Math.max(clipX0, Math.min(pw, x1));
        clipY1 = Math.max(clipY0, Math.min(bandY1, y1));
    }
}
