package dev.easel.canvas.host.python;

import dev.easel.canvas.DisplayList;
import dev.easel.canvas.FontSpec;
import dev.easel.canvas.ImageData;
import dev.easel.canvas.NumType;
import dev.easel.canvas.TextMetrics;
import dev.easel.canvas.host.loop.CanvasThread;
import dev.easel.canvas.host.python.Args.Body;
import dev.easel.pybridge.BufferView;
import dev.easel.pybridge.BuiltinModule;

import java.lang.foreign.MemorySegment;

import static dev.easel.canvas.host.python.Args.checkMultiple;
import static dev.easel.canvas.host.python.Args.color;
import static dev.easel.canvas.host.python.Args.font;
import static dev.easel.canvas.host.python.Args.list;
import static dev.easel.canvas.host.python.Args.numbers;
import static dev.easel.canvas.host.python.Args.pixels;
import static dev.easel.canvas.host.python.Args.text;
import static dev.easel.canvas.host.python.Args.valueError;

/**
 * The drawing built-ins: shapes, paths, text, pixels, images and the transform, each recorded into
 * the display list of the calling canvas thread's frame ({@code RuntimeError} anywhere else).
 */
final class DrawingBuiltins {
    private DrawingBuiltins() {}

    // The batched calls' ways in, made once (a call allocates no adapter); option: points' size.
    private static final Numbers POLYLINE = Numbers.of((l, s, n, t, o) -> l.polyline(s, n, t), (l, xy, o) -> l.polyline(xy));
    private static final Numbers FILL_POLYGON = Numbers.of((l, s, n, t, o) -> l.fillPolygon(s, n, t),
            (l, xy, o) -> l.fillPolygon(xy));
    private static final Numbers STROKE_POLYGON = Numbers.of((l, s, n, t, o) -> l.strokePolygon(s, n, t),
            (l, xy, o) -> l.strokePolygon(xy));
    private static final Numbers LINES = Numbers.of((l, s, n, t, o) -> l.lines(s, n, t),
            (l, xy, o) -> l.lines(checkMultiple("lines", xy, 4), 0, xy.length / 4));
    private static final Numbers POINTS = Numbers.of((l, s, n, t, size) -> l.points(s, n, t, size),
            (l, xy, size) -> l.points(checkMultiple("points", xy, 2), 0, xy.length / 2, size));
    private static final Numbers FILL_RECTS = rects(true);
    private static final Numbers STROKE_RECTS = rects(false);
    private static final Numbers FILL_CIRCLES = circles(true);
    private static final Numbers STROKE_CIRCLES = circles(false);

    private static Numbers rects(boolean fill) {
        return Numbers.of((l, s, n, t, o) -> l.rects(s, n, t, fill),
                (l, v, o) -> l.rects(MemorySegment.ofArray(v), v.length, NumType.FLOAT64, fill));
    }

    private static Numbers circles(boolean fill) {
        return Numbers.of((l, s, n, t, o) -> l.circles(s, n, t, fill),
                (l, v, o) -> l.circles(MemorySegment.ofArray(v), v.length, NumType.FLOAT64, fill));
    }

    static void register(BuiltinModule.Builder b) {
        b.function("clear", "(color=None)", "Fills the whole canvas with color (default: the canvas background),\n"
                + "replacing what is there; ignores transform, alpha and blend.", a -> {
            a.expect(0, 1);
            DisplayList l = list(a);
            if (a.isNone(0)) {
                l.clear();
            } else {
                l.clear(color(a, 0, "clear()"));
            }
            return null;
        });
        draw(b, "fill_rect", "(x, y, w, h)", "Fills a rectangle with the fill colour.", 4, 4,
                (l, a) -> l.fillRect(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3)));
        draw(b, "stroke_rect", "(x, y, w, h)", "Outlines a rectangle with the stroke colour and line style.", 4, 4,
                (l, a) -> l.strokeRect(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3)));
        draw(b, "clear_rect", "(x, y, w, h)", "Makes a rectangle transparent.", 4, 4,
                (l, a) -> l.clearRect(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3)));
        draw(b, "fill_circle", "(x, y, r)", "Fills the circle centred at (x, y) with radius r.", 3, 3,
                (l, a) -> l.fillCircle(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2)));
        draw(b, "stroke_circle", "(x, y, r)", "Outlines the circle centred at (x, y) with radius r.", 3, 3,
                (l, a) -> l.strokeCircle(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2)));
        draw(b, "fill_ellipse", "(x, y, w, h)", "Fills the ellipse centred at (x, y), w wide and h tall.", 4, 4,
                (l, a) -> l.fillEllipse(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3)));
        draw(b, "stroke_ellipse", "(x, y, w, h)", "Outlines the ellipse centred at (x, y), w wide and h tall.", 4, 4,
                (l, a) -> l.strokeEllipse(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3)));
        draw(b, "line", "(x1, y1, x2, y2)", "Draws a line with the stroke colour and line style.", 4, 4,
                (l, a) -> l.line(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3)));
        draw(b, "polyline", "(points)", "Draws connected lines through points: [(x, y), ...], [x0, y0, x1, y1, ...]\n"
                + "or a buffer of floats.", 1, 1, (l, a) -> numbers(a, 0, "polyline", POLYLINE, l, 0));
        draw(b, "fill_polygon", "(points)", "Fills the polygon through points (non-zero winding).", 1, 1,
                (l, a) -> numbers(a, 0, "fill_polygon", FILL_POLYGON, l, 0));
        draw(b, "stroke_polygon", "(points)", "Outlines the closed polygon through points.", 1, 1,
                (l, a) -> numbers(a, 0, "stroke_polygon", STROKE_POLYGON, l, 0));
        draw(b, "fill_round_rect", "(x, y, w, h, r)", "Fills a rectangle with corners rounded to radius r.", 5, 5,
                (l, a) -> l.fillRoundRect(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3), a.doubleAt(4)));
        draw(b, "stroke_round_rect", "(x, y, w, h, r)", "Outlines a rectangle with corners rounded to radius r.", 5, 5,
                (l, a) -> l.strokeRoundRect(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3), a.doubleAt(4)));
        draw(b, "fill_arc", "(x, y, r, start, end)", "Fills the pie slice of the circle (x, y, r) from angle start to end\n"
                + "(radians, 0 = east, clockwise on screen).", 5, 5,
                (l, a) -> l.fillArc(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3), a.doubleAt(4)));
        draw(b, "stroke_arc", "(x, y, r, start, end)", "Draws the arc of the circle (x, y, r) from angle start to end.", 5, 5,
                (l, a) -> l.strokeArc(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3), a.doubleAt(4)));
        draw(b, "begin_path", "()", "Starts a new, empty path.", 0, 0, (l, a) -> l.beginPath());
        draw(b, "move_to", "(x, y)", "Starts a subpath at (x, y).", 2, 2, (l, a) -> l.moveTo(a.doubleAt(0), a.doubleAt(1)));
        draw(b, "line_to", "(x, y)", "Adds a straight segment to (x, y).", 2, 2, (l, a) -> l.lineTo(a.doubleAt(0), a.doubleAt(1)));
        draw(b, "quad_to", "(cx, cy, x, y)", "Adds a quadratic Bezier segment.", 4, 4,
                (l, a) -> l.quadTo(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3)));
        draw(b, "bezier_to", "(c1x, c1y, c2x, c2y, x, y)", "Adds a cubic Bezier segment.", 6, 6,
                (l, a) -> l.bezierTo(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3), a.doubleAt(4), a.doubleAt(5)));
        draw(b, "arc", "(x, y, r, start, end, ccw=False)", "Adds a circular arc (HTML canvas arc()).", 5, 6,
                (l, a) -> l.arc(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3), a.doubleAt(4),
                        !a.isNone(5) && a.booleanAt(5)));
        draw(b, "arc_to", "(x1, y1, x2, y2, r)", "Adds an arc tangent to two lines (HTML canvas arcTo()).", 5, 5,
                (l, a) -> l.arcTo(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3), a.doubleAt(4)));
        draw(b, "rect", "(x, y, w, h)", "Adds a closed rectangle to the path.", 4, 4,
                (l, a) -> l.rect(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3)));
        draw(b, "close_path", "()", "Closes the current subpath.", 0, 0, (l, a) -> l.closePath());
        draw(b, "fill_path", "()", "Fills the path with the fill colour.", 0, 0, (l, a) -> l.fillPath());
        draw(b, "stroke_path", "()", "Outlines the path with the stroke colour and line style.", 0, 0, (l, a) -> l.strokePath());
        draw(b, "clip", "()", "Limits drawing to the inside of the path (until restore()).", 0, 0, (l, a) -> l.clip());
        draw(b, "fill_text", "(s, x, y, max_width=None)", "Draws text with the fill colour, font, text_align and\n"
                + "text_baseline; squeezed to max_width when given. A \\n starts a new line 1.25 font sizes lower.", 3, 4,
                (l, a) -> l.fillText(text(a, 0), a.doubleAt(1), a.doubleAt(2), a.isNone(3) ? Double.NaN : a.doubleAt(3)));
        draw(b, "stroke_text", "(s, x, y, max_width=None)", "Outlines text with the stroke colour.", 3, 4,
                (l, a) -> l.strokeText(text(a, 0), a.doubleAt(1), a.doubleAt(2), a.isNone(3) ? Double.NaN : a.doubleAt(3)));
        b.function("measure_text", "(s, font=None)", "(width, height) of s in pixels: in font when given (a CSS-like\n"
                + "font string), else in the current font (inside on_draw) or the default \"12px sans-serif\".\n"
                + "Works anywhere, also in setup() and handlers: easel.Graphics.measure_text(s, font=...).", a -> {
            a.expect(1, 2);
            String s = text(a, 0);
            TextMetrics m;
            if (!a.isNone(1)) {
                m = dev.easel.canvas.Fonts.measure(s, font(a, 1, "measure_text()"));
            } else {
                DisplayList l = CanvasThread.currentRecording();
                m = l != null ? l.measureText(s) : dev.easel.canvas.Fonts.measure(s, FontSpec.DEFAULT);
            }
            return new Object[]{m.width(), m.height()};
        });
        draw(b, "put_pixels", "(buf, width, height, x=0, y=0)", "Copies RGBA bytes (width*height*4, row by row) to the\n"
                + "canvas at (x, y), replacing pixels; ignores transform and alpha. buf: bytes, bytearray,\n"
                + "memoryview, array.array('B') or a numpy uint8 array of shape (height, width, 4).", 3, 5, (l, a) -> {
            int w = a.intAt(1), h = a.intAt(2);
            int x = a.isNone(3) ? 0 : a.intAt(3), y = a.isNone(4) ? 0 : a.intAt(4);
            if (w <= 0 || h <= 0) {
                throw a.badValue(w <= 0 ? 1 : 2, "width and height must be positive, got " + w + "x" + h);
            }
            try (BufferView v = pixels(a, w, h)) {
                l.putPixels(v.data(), w, h, x, y);
            }
        });
        b.function("draw_image", "(image_id, x, y, w, h)", "Internal: Graphics.draw_image.", a -> {
            a.expect(5);
            DisplayList l = list(a);
            ImageData img = Images.get(a.intAt(0));
            double w = a.doubleAt(3), h = a.doubleAt(4);
            l.drawImage(img, a.doubleAt(1), a.doubleAt(2), w < 0 ? img.width() : w, h < 0 ? img.height() : h);
            return null;
        });
        draw(b, "translate", "(x, y)", "Moves the origin by (x, y).", 2, 2, (l, a) -> l.translate(a.doubleAt(0), a.doubleAt(1)));
        draw(b, "rotate", "(angle)", "Rotates by angle radians (clockwise on screen).", 1, 1, (l, a) -> l.rotate(a.doubleAt(0)));
        draw(b, "scale", "(x, y=None)", "Scales by x horizontally and y (default: x) vertically.", 1, 2,
                (l, a) -> l.scale(a.doubleAt(0), a.isNone(1) ? a.doubleAt(0) : a.doubleAt(1)));
        draw(b, "transform", "(a, b, c, d, e, f)", "Multiplies the transform by [a c e; b d f; 0 0 1].", 6, 6,
                (l, a) -> l.transform(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3), a.doubleAt(4), a.doubleAt(5)));
        draw(b, "set_transform", "(a, b, c, d, e, f)", "Replaces the transform.", 6, 6,
                (l, a) -> l.setTransform(a.doubleAt(0), a.doubleAt(1), a.doubleAt(2), a.doubleAt(3), a.doubleAt(4), a.doubleAt(5)));
        draw(b, "reset_transform", "()", "Back to the identity transform.", 0, 0, (l, a) -> l.resetTransform());
        draw(b, "save", "()", "Internal: Graphics.save.", 0, 0, (l, a) -> l.save());
        draw(b, "restore", "()", "Internal: Graphics.restore.", 0, 0, (l, a) -> {
            if (l.saveDepth() > 0) {
                l.restore();
            }
        });
        draw(b, "lines", "(xy)", "Draws one line per 4 numbers x1 y1 x2 y2 of xy: any buffer of float64 or float32\n"
                + "(array.array('d'), numpy) without copying on the Python side, or a sequence of numbers.", 1, 1,
                (l, a) -> numbers(a, 0, "lines", LINES, l, 0));
        draw(b, "points", "(xy, size=1)", "Fills a size x size square centred on each point x y of xy.", 1, 2,
                (l, a) -> numbers(a, 0, "points", POINTS, l, a.isNone(1) ? 1.0 : a.doubleAt(1)));
        draw(b, "rects", "(xywh, fill=True)", "Fills (or outlines) one rectangle per 4 numbers x y w h.", 1, 2,
                (l, a) -> numbers(a, 0, "rects", a.isNone(1) || a.booleanAt(1) ? FILL_RECTS : STROKE_RECTS, l, 0));
        draw(b, "circles", "(xyr, fill=True)", "Fills (or outlines) one circle per 3 numbers x y r.", 1, 2,
                (l, a) -> numbers(a, 0, "circles", a.isNone(1) || a.booleanAt(1) ? FILL_CIRCLES : STROKE_CIRCLES, l, 0));
    }

    /** A drawing function taking exactly {@code params.length} numbers (or a fixed signature). */
    private static void draw(BuiltinModule.Builder b, String name, String sig, String doc, int min, int max, Body body) {
        b.function(name, sig, doc, a -> {
            a.expect(min, max);
            DisplayList l = list(a);
            try {
                body.run(l, a);
            } catch (IllegalArgumentException e) {
                throw valueError(name, e.getMessage());
            }
            return null;
        });
    }
}
