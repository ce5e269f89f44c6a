package dev.easel.canvas;

/**
 * Receives a display list's commands, decoded and in order, from {@link DisplayList#replay}: what a
 * renderer implements. Keeping the decoding in one place means the opcode format can change without
 * touching renderers, and every renderer sees the same normalised commands.
 *
 * <p>Contract, the same for every implementation:
 * <ul>
 * <li>Replay starts from the default state: fill and stroke black (no gradient), image smoothing on, line width 1, butt caps, miter
 *     joins, no dash, {@link FontSpec#DEFAULT}, left / alphabetic text, alpha 1, source-over, identity
 *     transform (times the renderer's pixel scale), no clip, an empty path. The pixels are not
 *     cleared: a frame that does not clear draws over the previous one.</li>
 * <li>Coordinates are logical pixels; angles are radians, clockwise on screen (y points down).</li>
 * <li>Array arguments ({@code double[]}, {@code byte[]}) are the display list's own streams: read
 *     them during the call, never keep them.</li>
 * <li>{@code save} saves every state value, the transform and the clip, not the path.
 *     {@code restore} without a matching {@code save} does not occur.</li>
 * </ul>
 */
public interface CommandSink {

    /** Fill colour, packed non-premultiplied ARGB; used by fill_* shapes, points and fill_text. */
    void fill(int argb);

    /** Stroke colour, packed non-premultiplied ARGB; used by lines, stroke_* shapes and stroke_text. */
    void stroke(int argb);

    /**
     * Fill paint: a gradient, until the next {@link #fill(int)} or {@code fillGradient}. Used by
     * everything {@link #fill(int)} is; its coordinates are in the user space current when a shape is drawn.
     */
    void fillGradient(Gradient gradient);

    /** Stroke paint: a gradient, until the next {@link #stroke(int)} or {@code strokeGradient}. */
    void strokeGradient(Gradient gradient);

    /** Whether {@link #drawImage} scales smoothly (true, the default) or nearest-neighbour. */
    void imageSmoothing(boolean on);

    /** Stroke width in user units, &gt; 0. */
    void lineWidth(double width);

    /** Line cap for strokes. */
    void lineCap(LineCap cap);

    /** Line join for strokes. */
    void lineJoin(LineJoin join);

    /** Dash pattern: {@code length} (even, possibly 0 = solid) lengths in {@code dashes} from {@code offset}. */
    void lineDash(double[] dashes, int offset, int length);

    /** Font for text. Until the first call in a frame the font is {@link FontSpec#DEFAULT}. */
    void font(FontSpec font);

    /** Horizontal text alignment. */
    void textAlign(TextAlign align);

    /** Vertical text alignment. */
    void textBaseline(TextBaseline baseline);

    /** Global alpha 0..1, multiplied into everything drawn except clear and put_pixels. */
    void alpha(double alpha);

    /** How drawing combines with the canvas. */
    void blend(BlendMode mode);

    /**
     * Sets every pixel inside the clip to {@code argb} (replacing, not blending), ignoring the
     * transform, alpha and blend mode.
     */
    void clear(int argb);

    /** Makes a (transformed, clipped) rectangle transparent. */
    void clearRect(double x, double y, double w, double h);

    /** Fills {@code count} rectangles {@code x y w h} (w, h may be negative: normalise). */
    void fillRects(double[] xywh, int offset, int count);

    /** Strokes {@code count} rectangles {@code x y w h}. */
    void strokeRects(double[] xywh, int offset, int count);

    /** Fills {@code count} circles {@code x y r} (skip r &lt;= 0). */
    void fillCircles(double[] xyr, int offset, int count);

    /** Strokes {@code count} circles {@code x y r} (skip r &lt;= 0). */
    void strokeCircles(double[] xyr, int offset, int count);

    /** Fills the ellipse centred at (cx, cy) with width w and height h. */
    void fillEllipse(double cx, double cy, double w, double h);

    /** Strokes the ellipse centred at (cx, cy) with width w and height h. */
    void strokeEllipse(double cx, double cy, double w, double h);

    /** Strokes {@code count} separate segments {@code x1 y1 x2 y2}, each as its own line (overlaps blend twice). */
    void lines(double[] xy, int offset, int count);

    /** Fills a {@code size} × {@code size} square centred on each of {@code count} points {@code x y}. */
    void points(double[] xy, int offset, int count, double size);

    /** Strokes an open polyline through {@code points} points {@code x y} as one shape. */
    void polyline(double[] xy, int offset, int points);

    /** Fills a polygon (non-zero winding). */
    void fillPolygon(double[] xy, int offset, int points);

    /** Strokes a closed polygon. */
    void strokePolygon(double[] xy, int offset, int points);

    /** Fills a rectangle with corners rounded to radius r. */
    void fillRoundRect(double x, double y, double w, double h, double r);

    /** Strokes a rectangle with corners rounded to radius r. */
    void strokeRoundRect(double x, double y, double w, double h, double r);

    /** Fills the pie slice of the circle (x, y, r) from angle {@code start} over {@code sweep} (|sweep| ≤ 2π). */
    void fillArc(double x, double y, double r, double start, double sweep);

    /** Strokes the open arc of the circle (x, y, r) from angle {@code start} over {@code sweep}. */
    void strokeArc(double x, double y, double r, double start, double sweep);

    /** Empties the current path. */
    void beginPath();

    /** Starts a subpath. Path points are transformed by the transform current when they are added. */
    void moveTo(double x, double y);

    /** Adds a straight segment (a move if the path has no current point). */
    void lineTo(double x, double y);

    /** Adds a quadratic Bézier segment. */
    void quadTo(double cx, double cy, double x, double y);

    /** Adds a cubic Bézier segment. */
    void bezierTo(double c1x, double c1y, double c2x, double c2y, double x, double y);

    /** Adds a circular arc, HTML {@code arc()} semantics (a line to its start first). */
    void arc(double x, double y, double r, double start, double end, boolean ccw);

    /** Adds an arc tangent to two lines, HTML {@code arcTo()} semantics. */
    void arcTo(double x1, double y1, double x2, double y2, double r);

    /** Adds a closed rectangle subpath. */
    void rect(double x, double y, double w, double h);

    /** Closes the current subpath. */
    void closePath();

    /** Fills the current path (non-zero winding) with the fill colour. */
    void fillPath();

    /** Strokes the current path with the stroke colour and line style. */
    void strokePath();

    /** Intersects the clip with the current path. */
    void clip();

    /** Draws text with the fill colour; {@code maxWidth} NaN = no limit, else squeeze horizontally to fit. */
    void fillText(String text, double x, double y, double maxWidth);

    /** Draws text outlines with the stroke colour and line style. */
    void strokeText(String text, double x, double y, double maxWidth);

    /** Draws an image scaled into the (transformed) rectangle x, y, w, h, smoothed, times alpha. */
    void drawImage(ImageData image, double x, double y, double w, double h);

    /**
     * Replaces the pixels of the logical rectangle (x, y, width, height) with RGBA bytes
     * ({@code width * height * 4} from {@code offset}), ignoring transform, clip, alpha and blend, like
     * HTML {@code putImageData}. With a pixel scale the bytes are enlarged (nearest neighbour).
     */
    void putPixels(byte[] rgba, int offset, int width, int height, int x, int y);

    /** Post-multiplies the transform by a translation. */
    void translate(double x, double y);

    /** Post-multiplies the transform by a rotation (radians, clockwise on screen). */
    void rotate(double angle);

    /** Post-multiplies the transform by a scale. */
    void scale(double x, double y);

    /** Post-multiplies the transform by {@code [a c e; b d f; 0 0 1]} (HTML order). */
    void transform(double a, double b, double c, double d, double e, double f);

    /** Replaces the transform (relative to the renderer's pixel scale) by {@code [a c e; b d f]}. */
    void setTransform(double a, double b, double c, double d, double e, double f);

    /** Pushes the state, transform and clip. */
    void save();

    /** Pops what the matching save pushed. */
    void restore();
}
