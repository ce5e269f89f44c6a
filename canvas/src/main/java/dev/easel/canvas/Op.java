package dev.easel.canvas;

/**
 * The opcodes of a {@link DisplayList}: the first int of each command in its int stream. Listed with
 * their operands: ints that follow the opcode in the int stream, doubles taken in order from the
 * number stream, objects from the object stream, bytes from the byte stream. docs/rendering.md has
 * the same table; keep them in step.
 */
final class Op {
    private Op() {
    }

    // State, recorded only when the value changes.
    /** int argb. */
    static final int FILL = 1;
    /** int argb. */
    static final int STROKE = 2;
    /** num width. */
    static final int LINE_WIDTH = 3;
    /** int LineCap ordinal. */
    static final int LINE_CAP = 4;
    /** int LineJoin ordinal. */
    static final int LINE_JOIN = 5;
    /** int n; n nums (even; 0 = solid). */
    static final int LINE_DASH = 6;
    /** obj FontSpec. */
    static final int FONT = 7;
    /** int TextAlign ordinal. */
    static final int TEXT_ALIGN = 8;
    /** int TextBaseline ordinal. */
    static final int TEXT_BASELINE = 9;
    /** num alpha. */
    static final int ALPHA = 10;
    /** int BlendMode ordinal. */
    static final int BLEND = 11;

    // Whole canvas and shapes. "Run" opcodes carry a count and merge consecutive calls.
    /** int argb. */
    static final int CLEAR = 12;
    /** nums x y w h. */
    static final int CLEAR_RECT = 13;
    /** Run: int n; 4n nums x y w h. */
    static final int FILL_RECTS = 14;
    /** Run: int n; 4n nums x y w h. */
    static final int STROKE_RECTS = 15;
    /** Run: int n; 3n nums x y r. */
    static final int FILL_CIRCLES = 16;
    /** Run: int n; 3n nums x y r. */
    static final int STROKE_CIRCLES = 17;
    /** nums cx cy w h. */
    static final int FILL_ELLIPSE = 18;
    /** nums cx cy w h. */
    static final int STROKE_ELLIPSE = 19;
    /** Run: int n; 4n nums x1 y1 x2 y2. */
    static final int LINES = 20;
    /** int n; nums size, then 2n nums x y. */
    static final int POINTS = 21;
    /** int n points; 2n nums. */
    static final int POLYLINE = 22;
    /** int n points; 2n nums. */
    static final int FILL_POLYGON = 23;
    /** int n points; 2n nums. */
    static final int STROKE_POLYGON = 24;
    /** nums x y w h r. */
    static final int FILL_ROUND_RECT = 25;
    /** nums x y w h r. */
    static final int STROKE_ROUND_RECT = 26;
    /** nums x y r start sweep. */
    static final int FILL_ARC = 27;
    /** nums x y r start sweep. */
    static final int STROKE_ARC = 28;

    // Paths.
    /** No operands. */
    static final int BEGIN_PATH = 29;
    /** nums x y. */
    static final int MOVE_TO = 30;
    /** nums x y. */
    static final int LINE_TO = 31;
    /** nums cx cy x y. */
    static final int QUAD_TO = 32;
    /** nums c1x c1y c2x c2y x y. */
    static final int BEZIER_TO = 33;
    /** int ccw (0/1); nums x y r start end. */
    static final int ARC = 34;
    /** nums x1 y1 x2 y2 r. */
    static final int ARC_TO = 35;
    /** nums x y w h. */
    static final int RECT = 36;
    /** No operands. */
    static final int CLOSE_PATH = 37;
    /** No operands. */
    static final int FILL_PATH = 38;
    /** No operands. */
    static final int STROKE_PATH = 39;
    /** No operands. */
    static final int CLIP = 40;

    // Text and images.
    /** obj String; nums x y maxWidth (NaN = none). */
    static final int FILL_TEXT = 41;
    /** obj String; nums x y maxWidth (NaN = none). */
    static final int STROKE_TEXT = 42;
    /** obj ImageData; nums x y w h. */
    static final int DRAW_IMAGE = 43;
    /** ints w h x y byteOffset; w*h*4 bytes RGBA. */
    static final int PUT_PIXELS = 44;

    // Transforms and the state stack.
    /** nums tx ty. */
    static final int TRANSLATE = 45;
    /** num angle (radians, clockwise on screen). */
    static final int ROTATE = 46;
    /** nums sx sy. */
    static final int SCALE = 47;
    /** nums a b c d e f. */
    static final int TRANSFORM = 48;
    /** nums a b c d e f. */
    static final int SET_TRANSFORM = 49;
    /** No operands. */
    static final int SAVE = 50;
    /** No operands. */
    static final int RESTORE = 51;

    // Paints and image drawing.
    /** obj Gradient: the fill paint (until the next FILL or FILL_GRADIENT). */
    static final int FILL_GRADIENT = 52;
    /** obj Gradient: the stroke paint (until the next STROKE or STROKE_GRADIENT). */
    static final int STROKE_GRADIENT = 53;
    /** int on (0/1): smooth (bilinear) or nearest-neighbour scaling of images. */
    static final int IMAGE_SMOOTHING = 54;

    /** Not a command: the numbers continue at the start of the next number chunk (see RecordingStreams). */
    static final int NEXT_NUMS = 55;

    /** Opcode names for dumps and error messages, indexed by opcode. */
    static final String[] NAMES = {"?", "FILL", "STROKE", "LINE_WIDTH", "LINE_CAP", "LINE_JOIN", "LINE_DASH",
        "FONT", "TEXT_ALIGN", "TEXT_BASELINE", "ALPHA", "BLEND", "CLEAR", "CLEAR_RECT", "FILL_RECTS",
        "STROKE_RECTS", "FILL_CIRCLES", "STROKE_CIRCLES", "FILL_ELLIPSE", "STROKE_ELLIPSE", "LINES", "POINTS",
        "POLYLINE", "FILL_POLYGON", "STROKE_POLYGON", "FILL_ROUND_RECT", "STROKE_ROUND_RECT", "FILL_ARC",
        "STROKE_ARC", "BEGIN_PATH", "MOVE_TO", "LINE_TO", "QUAD_TO", "BEZIER_TO", "ARC", "ARC_TO", "RECT",
        "CLOSE_PATH", "FILL_PATH", "STROKE_PATH", "CLIP", "FILL_TEXT", "STROKE_TEXT", "DRAW_IMAGE", "PUT_PIXELS",
        "TRANSLATE", "ROTATE", "SCALE", "TRANSFORM", "SET_TRANSFORM", "SAVE", "RESTORE",
        "FILL_GRADIENT", "STROKE_GRADIENT", "IMAGE_SMOOTHING", "NEXT_NUMS"};

    static String name(int op) {
        return op > 0 && op < NAMES.length ? NAMES[op] : "opcode " + op;
    }
}
