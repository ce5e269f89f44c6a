package dev.easel.canvas;

/**
 * Decodes a {@link DisplayList}'s streams into {@link CommandSink} calls, in order: follows the op
 * chunks to their ends and the number chunks at each {@link Op#NEXT_NUMS}. Reads only: several
 * threads may replay one finished list at once.
 */
final class ListReader {
    private static final LineCap[] CAPS = LineCap.values();
    private static final LineJoin[] JOINS = LineJoin.values();
    private static final TextAlign[] ALIGNS = TextAlign.values();
    private static final TextBaseline[] BASELINES = TextBaseline.values();
    private static final BlendMode[] BLENDS = BlendMode.values();

    private ListReader() {
    }

    static void replay(DisplayList l, CommandSink sink) {
        final int[][] opChunks = l.opChunks;
        final int lastChunk = l.opChunk;
        final double[][] numChunks = l.numChunks;
        final Object[] ob = l.objs;
        int oc = 0;
        int[] o = opChunks[0];
        int end = lastChunk == 0 ? l.opCount : l.opEnds[0];
        int nc = 0;
        double[] d = numChunks[0];
        int n = 0;
        int j = 0;
        int i = 0;
        while (true) {
            if (i >= end) {
                if (oc == lastChunk) {
                    return;
                }
                o = opChunks[++oc];
                end = oc == lastChunk ? l.opCount : l.opEnds[oc];
                i = 0;
                continue;
            }
            int op = o[i];
            switch (op) {
                case Op.FILL -> { sink.fill(o[i + 1]); i += 2; }
                case Op.STROKE -> { sink.stroke(o[i + 1]); i += 2; }
                case Op.LINE_WIDTH -> { sink.lineWidth(d[n++]); i++; }
                case Op.LINE_CAP -> { sink.lineCap(CAPS[o[i + 1]]); i += 2; }
                case Op.LINE_JOIN -> { sink.lineJoin(JOINS[o[i + 1]]); i += 2; }
                case Op.LINE_DASH -> {
                    int len = o[i + 1];
                    sink.lineDash(d, n, len);
                    n += len;
                    i += 2;
                }
                case Op.FONT -> { sink.font((FontSpec) ob[j++]); i++; }
                case Op.TEXT_ALIGN -> { sink.textAlign(ALIGNS[o[i + 1]]); i += 2; }
                case Op.TEXT_BASELINE -> { sink.textBaseline(BASELINES[o[i + 1]]); i += 2; }
                case Op.ALPHA -> { sink.alpha(d[n++]); i++; }
                case Op.BLEND -> { sink.blend(BLENDS[o[i + 1]]); i += 2; }
                case Op.CLEAR -> { sink.clear(o[i + 1]); i += 2; }
                case Op.CLEAR_RECT -> { sink.clearRect(d[n], d[n + 1], d[n + 2], d[n + 3]); n += 4; i++; }
                case Op.FILL_RECTS -> { int c = o[i + 1]; sink.fillRects(d, n, c); n += 4 * c; i += 2; }
                case Op.STROKE_RECTS -> { int c = o[i + 1]; sink.strokeRects(d, n, c); n += 4 * c; i += 2; }
                case Op.FILL_CIRCLES -> { int c = o[i + 1]; sink.fillCircles(d, n, c); n += 3 * c; i += 2; }
                case Op.STROKE_CIRCLES -> { int c = o[i + 1]; sink.strokeCircles(d, n, c); n += 3 * c; i += 2; }
                case Op.FILL_ELLIPSE -> { sink.fillEllipse(d[n], d[n + 1], d[n + 2], d[n + 3]); n += 4; i++; }
                case Op.STROKE_ELLIPSE -> { sink.strokeEllipse(d[n], d[n + 1], d[n + 2], d[n + 3]); n += 4; i++; }
                case Op.LINES -> { int c = o[i + 1]; sink.lines(d, n, c); n += 4 * c; i += 2; }
                case Op.POINTS -> {
                    int c = o[i + 1];
                    sink.points(d, n + 1, c, d[n]);
                    n += 1 + 2 * c;
                    i += 2;
                }
                case Op.POLYLINE -> { int c = o[i + 1]; sink.polyline(d, n, c); n += 2 * c; i += 2; }
                case Op.FILL_POLYGON -> { int c = o[i + 1]; sink.fillPolygon(d, n, c); n += 2 * c; i += 2; }
                case Op.STROKE_POLYGON -> { int c = o[i + 1]; sink.strokePolygon(d, n, c); n += 2 * c; i += 2; }
                case Op.FILL_ROUND_RECT -> {
                    sink.fillRoundRect(d[n], d[n + 1], d[n + 2], d[n + 3], d[n + 4]);
                    n += 5;
                    i++;
                }
                case Op.STROKE_ROUND_RECT -> {
                    sink.strokeRoundRect(d[n], d[n + 1], d[n + 2], d[n + 3], d[n + 4]);
                    n += 5;
                    i++;
                }
                case Op.FILL_ARC -> { sink.fillArc(d[n], d[n + 1], d[n + 2], d[n + 3], d[n + 4]); n += 5; i++; }
                case Op.STROKE_ARC -> { sink.strokeArc(d[n], d[n + 1], d[n + 2], d[n + 3], d[n + 4]); n += 5; i++; }
                case Op.BEGIN_PATH -> { sink.beginPath(); i++; }
                case Op.MOVE_TO -> { sink.moveTo(d[n], d[n + 1]); n += 2; i++; }
                case Op.LINE_TO -> { sink.lineTo(d[n], d[n + 1]); n += 2; i++; }
                case Op.QUAD_TO -> { sink.quadTo(d[n], d[n + 1], d[n + 2], d[n + 3]); n += 4; i++; }
                case Op.BEZIER_TO -> {
                    sink.bezierTo(d[n], d[n + 1], d[n + 2], d[n + 3], d[n + 4], d[n + 5]);
                    n += 6;
                    i++;
                }
                case Op.ARC -> {
                    sink.arc(d[n], d[n + 1], d[n + 2], d[n + 3], d[n + 4], o[i + 1] != 0);
                    n += 5;
                    i += 2;
                }
                case Op.ARC_TO -> { sink.arcTo(d[n], d[n + 1], d[n + 2], d[n + 3], d[n + 4]); n += 5; i++; }
                case Op.RECT -> { sink.rect(d[n], d[n + 1], d[n + 2], d[n + 3]); n += 4; i++; }
                case Op.CLOSE_PATH -> { sink.closePath(); i++; }
                case Op.FILL_PATH -> { sink.fillPath(); i++; }
                case Op.STROKE_PATH -> { sink.strokePath(); i++; }
                case Op.CLIP -> { sink.clip(); i++; }
                case Op.FILL_TEXT -> { sink.fillText((String) ob[j++], d[n], d[n + 1], d[n + 2]); n += 3; i++; }
                case Op.STROKE_TEXT -> { sink.strokeText((String) ob[j++], d[n], d[n + 1], d[n + 2]); n += 3; i++; }
                case Op.DRAW_IMAGE -> {
                    sink.drawImage((ImageData) ob[j++], d[n], d[n + 1], d[n + 2], d[n + 3]);
                    n += 4;
                    i++;
                }
                case Op.PUT_PIXELS -> {
                    sink.putPixels(l.bytes, o[i + 5], o[i + 1], o[i + 2], o[i + 3], o[i + 4]);
                    i += 6;
                }
                case Op.TRANSLATE -> { sink.translate(d[n], d[n + 1]); n += 2; i++; }
                case Op.ROTATE -> { sink.rotate(d[n++]); i++; }
                case Op.SCALE -> { sink.scale(d[n], d[n + 1]); n += 2; i++; }
                case Op.TRANSFORM -> {
                    sink.transform(d[n], d[n + 1], d[n + 2], d[n + 3], d[n + 4], d[n + 5]);
                    n += 6;
                    i++;
                }
                case Op.SET_TRANSFORM -> {
                    sink.setTransform(d[n], d[n + 1], d[n + 2], d[n + 3], d[n + 4], d[n + 5]);
                    n += 6;
                    i++;
                }
                case Op.SAVE -> { sink.save(); i++; }
                case Op.RESTORE -> { sink.restore(); i++; }
                case Op.FILL_GRADIENT -> { sink.fillGradient((Gradient) ob[j++]); i++; }
                case Op.STROKE_GRADIENT -> { sink.strokeGradient((Gradient) ob[j++]); i++; }
                case Op.IMAGE_SMOOTHING -> { sink.imageSmoothing(o[i + 1] != 0); i += 2; }
                case Op.NEXT_NUMS -> { d = numChunks[++nc]; n = 0; i++; }
                default -> throw new IllegalStateException("corrupt display list: " + Op.name(op) + " at " + i);
            }
        }
    }
}
