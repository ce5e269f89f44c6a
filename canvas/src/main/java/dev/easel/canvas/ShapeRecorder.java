package dev.easel.canvas;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * The shapes and paths of a {@link DisplayList}. Consecutive calls of the same shape ({@code line},
 * {@code fillRect}, {@code strokeRect}, {@code fillCircle}, {@code strokeCircle}) merge into one
 * "run" command; no-ops (zero-size fills, drawing in a fully transparent colour, an empty path's
 * {@code beginPath}) are dropped.
 */
abstract sealed class ShapeRecorder extends TransformRecorder permits DisplayList {
    /** Whether the frame clips or draws an image (since the last reset): see {@link DisplayList#clipsOrImages}. */
    boolean clipsOrImages;

    /** Fills a rectangle with the fill colour. */
    public void fillRect(double x, double y, double w, double h) {
        checkRecording();
        if (!fillVisible || w == 0 || h == 0) {
            return;
        }
        run4(Op.FILL_RECTS, x, y, w, h);
    }

    /** Strokes a rectangle's outline with the stroke colour and line style. */
    public void strokeRect(double x, double y, double w, double h) {
        checkRecording();
        if (!strokeVisible) {
            return;
        }
        run4(Op.STROKE_RECTS, x, y, w, h);
    }

    /**
     * Fills the circle centred at (x, y) with radius r.
     *
     * @throws IllegalArgumentException if r is negative
     */
    public void fillCircle(double x, double y, double r) {
        checkRecording();
        checkRadius("fill_circle", r);
        if (!fillVisible || r == 0) {
            return;
        }
        run3(Op.FILL_CIRCLES, x, y, r);
    }

    /**
     * Strokes the circle centred at (x, y) with radius r.
     *
     * @throws IllegalArgumentException if r is negative
     */
    public void strokeCircle(double x, double y, double r) {
        checkRecording();
        checkRadius("stroke_circle", r);
        if (!strokeVisible) {
            return;
        }
        run3(Op.STROKE_CIRCLES, x, y, r);
    }

    /** Fills the ellipse centred at (cx, cy), w wide and h high (like Processing's default mode). */
    public void fillEllipse(double cx, double cy, double w, double h) {
        checkRecording();
        if (!fillVisible || w == 0 || h == 0) {
            return;
        }
        cmd4(Op.FILL_ELLIPSE, cx, cy, w, h);
    }

    /** Strokes the ellipse centred at (cx, cy), w wide and h high. */
    public void strokeEllipse(double cx, double cy, double w, double h) {
        checkRecording();
        if (!strokeVisible) {
            return;
        }
        cmd4(Op.STROKE_ELLIPSE, cx, cy, w, h);
    }

    /**
     * Strokes a line segment with the stroke colour and line style. Consecutive calls merge into one
     * command; this is the hot path for sketches drawing many lines.
     */
    public void line(double x1, double y1, double x2, double y2) {
        if (finished) {
            throw finishedError();
        }
        if (strokeVisible) {
            run4(Op.LINES, x1, y1, x2, y2);
        }
    }

    /** Strokes an open polyline through {@code points} points {@code x0 y0 x1 y1 ...} from {@code xy[offset]}. */
    public void polyline(double[] xy, int offset, int points) {
        pointsCommand(Op.POLYLINE, strokeVisible, xy, offset, points);
    }

    /** Strokes an open polyline through all the points of {@code xy} ({@code x0 y0 x1 y1 ...}). */
    public void polyline(double[] xy) {
        polyline(xy, 0, evenPoints("polyline", xy.length));
    }

    /** Strokes an open polyline through points read from a buffer of {@code elements} numbers. */
    public void polyline(MemorySegment xy, long elements, NumType type) {
        pointsCommand(Op.POLYLINE, strokeVisible, xy, elements, type, "polyline");
    }

    /** Fills a polygon (non-zero winding) through {@code points} points from {@code xy[offset]}. */
    public void fillPolygon(double[] xy, int offset, int points) {
        pointsCommand(Op.FILL_POLYGON, fillVisible, xy, offset, points);
    }

    /** Fills a polygon through all the points of {@code xy}. */
    public void fillPolygon(double[] xy) {
        fillPolygon(xy, 0, evenPoints("fill_polygon", xy.length));
    }

    /** Fills a polygon through points read from a buffer of {@code elements} numbers. */
    public void fillPolygon(MemorySegment xy, long elements, NumType type) {
        pointsCommand(Op.FILL_POLYGON, fillVisible, xy, elements, type, "fill_polygon");
    }

    /** Strokes a closed polygon through {@code points} points from {@code xy[offset]}. */
    public void strokePolygon(double[] xy, int offset, int points) {
        pointsCommand(Op.STROKE_POLYGON, strokeVisible, xy, offset, points);
    }

    /** Strokes a closed polygon through all the points of {@code xy}. */
    public void strokePolygon(double[] xy) {
        strokePolygon(xy, 0, evenPoints("stroke_polygon", xy.length));
    }

    /** Strokes a closed polygon through points read from a buffer of {@code elements} numbers. */
    public void strokePolygon(MemorySegment xy, long elements, NumType type) {
        pointsCommand(Op.STROKE_POLYGON, strokeVisible, xy, elements, type, "stroke_polygon");
    }

    /** Fills a rectangle whose corners are rounded to radius r. */
    public void fillRoundRect(double x, double y, double w, double h, double r) {
        checkRecording();
        checkRadius("fill_round_rect", r);
        if (!fillVisible || w == 0 || h == 0) {
            return;
        }
        cmd5(Op.FILL_ROUND_RECT, x, y, w, h, r);
    }

    /** Strokes a rectangle whose corners are rounded to radius r. */
    public void strokeRoundRect(double x, double y, double w, double h, double r) {
        checkRecording();
        checkRadius("stroke_round_rect", r);
        if (!strokeVisible) {
            return;
        }
        cmd5(Op.STROKE_ROUND_RECT, x, y, w, h, r);
    }

    /**
     * Fills a pie slice of the circle centred at (x, y) with radius r, from angle {@code start} to
     * angle {@code end} (radians, 0 = east, increasing clockwise on screen). The slice sweeps
     * {@code end - start}: clockwise when positive, counter-clockwise when negative, a full disc from
     * 2π on.
     */
    public void fillArc(double x, double y, double r, double start, double end) {
        checkRecording();
        checkRadius("fill_arc", r);
        if (!fillVisible || r == 0 || start == end) {
            return;
        }
        cmd5(Op.FILL_ARC, x, y, r, start, sweep(start, end));
    }

    /** Strokes the open arc of the circle (x, y, r) from {@code start} to {@code end}; see {@link #fillArc}. */
    public void strokeArc(double x, double y, double r, double start, double end) {
        checkRecording();
        checkRadius("stroke_arc", r);
        if (!strokeVisible || start == end) {
            return;
        }
        cmd5(Op.STROKE_ARC, x, y, r, start, sweep(start, end));
    }

    private static double sweep(double start, double end) {
        double s = end - start;
        return Math.max(-2 * Math.PI, Math.min(2 * Math.PI, s));
    }

    // ---------------------------------------------------------------------------------------------
    // Paths (HTML canvas semantics; points are transformed by the transform current when added)

    /** Empties the current path. */
    public void beginPath() {
        checkRecording();
        if (!pathEmpty) {
            op0(Op.BEGIN_PATH);
            pathEmpty = true;
        }
    }

    /** Starts a new subpath at (x, y). */
    public void moveTo(double x, double y) {
        checkRecording();
        cmd2(Op.MOVE_TO, x, y);
        pathEmpty = false;
    }

    /** Adds a straight segment to (x, y). */
    public void lineTo(double x, double y) {
        checkRecording();
        cmd2(Op.LINE_TO, x, y);
        pathEmpty = false;
    }

    /** Adds a quadratic Bézier segment with control point (cx, cy) to (x, y). */
    public void quadTo(double cx, double cy, double x, double y) {
        checkRecording();
        cmd4(Op.QUAD_TO, cx, cy, x, y);
        pathEmpty = false;
    }

    /** Adds a cubic Bézier segment with control points (c1x, c1y), (c2x, c2y) to (x, y). */
    public void bezierTo(double c1x, double c1y, double c2x, double c2y, double x, double y) {
        checkRecording();
        cmd6(Op.BEZIER_TO, c1x, c1y, c2x, c2y, x, y);
        pathEmpty = false;
    }

    /**
     * Adds an arc of the circle (x, y, r) from angle {@code start} to {@code end} (radians, clockwise
     * on screen; counter-clockwise when {@code ccw}), preceded by a line from the current point to the
     * arc's start: HTML {@code arc()}.
     *
     * @throws IllegalArgumentException if r is negative
     */
    public void arc(double x, double y, double r, double start, double end, boolean ccw) {
        checkRecording();
        checkRadius("arc", r);
        int k = nums(5);
        op1(Op.ARC, ccw ? 1 : 0);
        double[] n = nums;
        n[k] = x;
        n[k + 1] = y;
        n[k + 2] = r;
        n[k + 3] = start;
        n[k + 4] = end;
        pathEmpty = false;
    }

    /**
     * Adds an arc of radius r tangent to the line from the current point to (x1, y1) and to the line
     * from (x1, y1) to (x2, y2): HTML {@code arcTo()}.
     *
     * @throws IllegalArgumentException if r is negative
     */
    public void arcTo(double x1, double y1, double x2, double y2, double r) {
        checkRecording();
        checkRadius("arc_to", r);
        cmd5(Op.ARC_TO, x1, y1, x2, y2, r);
        pathEmpty = false;
    }

    /** Adds a closed rectangle subpath. */
    public void rect(double x, double y, double w, double h) {
        checkRecording();
        cmd4(Op.RECT, x, y, w, h);
        pathEmpty = false;
    }

    /** Closes the current subpath with a straight line to its start. */
    public void closePath() {
        checkRecording();
        if (!pathEmpty) {
            op0(Op.CLOSE_PATH);
        }
    }

    /** Fills the current path (non-zero winding) with the fill colour. The path is kept. */
    public void fillPath() {
        checkRecording();
        if (fillVisible && !pathEmpty) {
            op0(Op.FILL_PATH);
        }
    }

    /** Strokes the current path with the stroke colour and line style. The path is kept. */
    public void strokePath() {
        checkRecording();
        if (strokeVisible && !pathEmpty) {
            op0(Op.STROKE_PATH);
        }
    }

    /** Intersects the clip with the current path; undone only by {@link #restore()}. */
    public void clip() {
        checkRecording();
        op0(Op.CLIP);
        st.clipped = true;
        clipsOrImages = true;
    }

    static void checkRadius(String call, double r) {
        if (r < 0) {
            throw new IllegalArgumentException(call + ": radius must be >= 0, got " + r);
        }
    }

    static int evenPoints(String call, int length) {
        if (length % 2 != 0) {
            throw new IllegalArgumentException(call + ": expected x y pairs, got " + length + " numbers");
        }
        return length / 2;
    }

    private void pointsCommand(int op, boolean visible, double[] xy, int offset, int points) {
        checkRecording();
        Objects.checkFromIndexSize(offset, points * 2, xy.length);
        if (!visible || points < 2) {
            return;
        }
        int k = nums(points * 2);
        op1(op, points);
        System.arraycopy(xy, offset, nums, k, points * 2);
    }

    private void pointsCommand(int op, boolean visible, MemorySegment xy, long elements, NumType type, String call) {
        checkRecording();
        int points = items(call, xy, elements, type, 2, "x y pairs");
        if (!visible || points < 2) {
            return;
        }
        int k = nums((int) elements);
        op1(op, points);
        copyNumbers(xy, 0, type, k, (int) elements);
    }

    final int items(String call, MemorySegment src, long elements, NumType type, int arity, String layout) {
        if (elements < 0 || elements % arity != 0) {
            throw new IllegalArgumentException(call + ": expected " + layout + ", got " + elements + " numbers");
        }
        if (elements * type.size() > src.byteSize()) {
            throw new IllegalArgumentException(call + ": " + elements + " " + type + " numbers need "
                    + elements * type.size() + " bytes, the buffer has " + src.byteSize());
        }
        if (elements > MAX_ARRAY) {
            throw new IllegalArgumentException(call + ": " + elements + " numbers do not fit in one display list");
        }
        return (int) (elements / arity);
    }

    /** Copies {@code count} numbers from index {@code from} of {@code src} to {@code nums[at]}. */
    final void copyNumbers(MemorySegment src, long from, NumType type, int at, int count) {
        if (type == NumType.FLOAT64) {
            MemorySegment.copy(src, ValueLayout.JAVA_DOUBLE_UNALIGNED, from * 8, nums, at, count);
        } else {
            // No bulk copy converts float to double; this loop is bounds-check-free after JIT and
            // vectorised (about 0.3 ns per number), far above the target rate.
            double[] n = nums;
            for (int i = 0; i < count; i++) {
                n[at + i] = src.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, from + i);
            }
        }
    }
}
