package dev.easel.canvas.render;

import dev.easel.canvas.BlendMode;
import dev.easel.canvas.DisplayList;
import dev.easel.canvas.FontSpec;
import dev.easel.canvas.Gradient;
import dev.easel.canvas.ImageData;
import dev.easel.canvas.LineCap;
import dev.easel.canvas.LineJoin;
import dev.easel.canvas.TextAlign;
import dev.easel.canvas.TextBaseline;
import java.util.Random;

/** Random display lists using every kind of command, for comparisons between ways of rendering. */
final class RandomScenes {
    private RandomScenes() {}

    private static final ImageData IMAGE = ImageData.fromArgb(
            new int[] {0xFFFF0000, 0x8000FF00, 0xFF0000FF, 0x40000000, 0xFFFFFFFF, 0x00000000}, 3, 2);
    private static final FontSpec[] FONTS = {FontSpec.parse("12px sans-serif"), FontSpec.parse("bold 19px serif"),
        FontSpec.parse("italic 9px monospace")};

    /** A finished list of 5 to 60 random commands on a {@code w × h} canvas; {@code clears}: it starts with a clear. */
    static DisplayList scene(Random r, int w, int h, boolean clears) {
        return scene(r, w, h, clears, Integer.MAX_VALUE);
    }

    /** {@link #scene} cut after {@code max} commands (the same commands as the whole scene up to there). */
    static DisplayList scene(Random r, int w, int h, boolean clears, int max) {
        DisplayList l = new DisplayList();
        if (clears) {
            l.clear(color(r) | 0xFF000000);
        }
        int n = 5 + r.nextInt(56);
        int depth = 0;
        for (int i = 0; i < Math.min(n, max); i++) {
            switch (r.nextInt(30)) {
                case 0 -> l.fill(color(r));
                case 1 -> l.stroke(color(r));
                case 2 -> l.lineWidth(r.nextInt(3) == 0 ? 0.3 + r.nextDouble() * 1.7 : 0.5 + r.nextDouble() * 9);
                case 3 -> l.lineCap(LineCap.values()[r.nextInt(3)]);
                case 4 -> l.lineJoin(LineJoin.values()[r.nextInt(3)]);
                case 5 -> l.lineDash(r.nextBoolean() ? new double[0] : new double[] {1 + r.nextInt(8), 1 + r.nextInt(5)});
                case 6 -> l.alpha(r.nextInt(3) == 0 ? 1 : r.nextDouble());
                case 7 -> l.blend(r.nextInt(3) == 0 ? BlendMode.values()[r.nextInt(BlendMode.values().length)]
                        : BlendMode.SOURCE_OVER);
                case 8 -> {
                    if (r.nextBoolean()) {
                        l.save();
                        depth++;
                    } else if (depth > 0) {
                        l.restore();
                        depth--;
                    }
                }
                case 9 -> {
                    switch (r.nextInt(4)) {
                        case 0 -> l.translate(x(r, w) / 3, x(r, h) / 3);
                        case 1 -> l.rotate(r.nextDouble() - 0.5);
                        case 2 -> l.scale(0.5 + r.nextDouble(), 0.5 + r.nextDouble());
                        default -> l.resetTransform();
                    }
                }
                case 10, 11, 12 -> {
                    int k = 1 + r.nextInt(r.nextInt(4) == 0 ? 3000 : 30);
                    double[] xy = new double[4 * k];
                    for (int j = 0; j < xy.length; j++) {
                        xy[j] = x(r, j % 2 == 0 ? w : h);
                    }
                    l.lines(xy, 0, k);
                }
                case 13 -> l.fillRect(x(r, w), x(r, h), x(r, w) / 2, x(r, h) / 2);
                case 14 -> l.strokeRect(x(r, w), x(r, h), x(r, w) / 2, x(r, h) / 2);
                case 15 -> l.fillCircle(x(r, w), x(r, h), r.nextDouble() * w / 3);
                case 16 -> l.strokeCircle(x(r, w), x(r, h), r.nextDouble() * w / 3);
                case 17 -> l.fillEllipse(x(r, w), x(r, h), x(r, w), x(r, h));
                case 18 -> l.fillPolygon(poly(r, w, h));
                case 19 -> l.polyline(poly(r, w, h));
                case 20 -> {
                    l.beginPath();
                    l.moveTo(x(r, w), x(r, h));
                    l.quadTo(x(r, w), x(r, h), x(r, w), x(r, h));
                    l.bezierTo(x(r, w), x(r, h), x(r, w), x(r, h), x(r, w), x(r, h));
                    l.arc(x(r, w), x(r, h), r.nextDouble() * 30, r.nextDouble() * 6, r.nextDouble() * 6, r.nextBoolean());
                    l.closePath();
                    if (r.nextBoolean()) {
                        l.fillPath();
                    } else {
                        l.strokePath();
                    }
                }
                case 21 -> {
                    l.beginPath();
                    if (r.nextBoolean()) {
                        l.rect(x(r, w), x(r, h), x(r, w) / 2, x(r, h) / 2);
                    } else {
                        l.arc(x(r, w), x(r, h), 5 + r.nextDouble() * w / 2, 0, 2 * Math.PI, false);
                    }
                    l.clip();
                }
                case 22 -> {
                    l.font(FONTS[r.nextInt(FONTS.length)]);
                    l.textAlign(TextAlign.values()[r.nextInt(3)]);
                    l.textBaseline(TextBaseline.values()[r.nextInt(4)]);
                    if (r.nextBoolean()) {
                        l.fillText("Easel 12\nbands", x(r, w), x(r, h));
                    } else {
                        l.strokeText("Seam", x(r, w), x(r, h));
                    }
                }
                case 23 -> {
                    l.imageSmoothing(r.nextBoolean());
                    l.drawImage(IMAGE, x(r, w), x(r, h), x(r, w) / 2, x(r, h) / 2);
                }
                case 24 -> {
                    Gradient.Stops stops = new Gradient.Stops(new double[] {0, 0.4, 1}, new int[] {color(r), color(r), color(r)});
                    Gradient g = r.nextBoolean()
                            ? new Gradient.Linear(x(r, w), x(r, h), x(r, w), x(r, h), stops,
                                    Gradient.Extend.values()[r.nextInt(Gradient.Extend.values().length)])
                            : new Gradient.Radial(x(r, w), x(r, h), 1 + r.nextDouble() * w, x(r, w), x(r, h), stops,
                                    Gradient.Extend.PAD);
                    if (r.nextBoolean()) {
                        l.fillGradient(g);
                    } else {
                        l.strokeGradient(g);
                    }
                }
                case 25 -> {
                    int pw = 1 + r.nextInt(20);
                    int ph = 1 + r.nextInt(60);
                    byte[] rgba = new byte[pw * ph * 4];
                    r.nextBytes(rgba);
                    l.putPixels(rgba, 0, pw, ph, (int) x(r, w), (int) x(r, h));
                }
                case 26 -> l.clearRect(x(r, w), x(r, h), x(r, w) / 2, x(r, h) / 2);
                case 27 -> l.clear(color(r));
                case 28 -> l.strokeArc(x(r, w), x(r, h), r.nextDouble() * 40, r.nextDouble() * 6, r.nextDouble() * 6);
                default -> l.fillRoundRect(x(r, w), x(r, h), x(r, w) / 2, x(r, h) / 2, r.nextDouble() * 10);
            }
        }
        return l.finish();
    }

    private static double x(Random r, int extent) {
        return r.nextDouble() * (extent + 40) - 20;
    }

    private static int color(Random r) {
        int a = r.nextInt(4) == 0 ? 255 : r.nextInt(256);
        return a << 24 | r.nextInt(0x1000000);
    }

    private static double[] poly(Random r, int w, int h) {
        double[] xy = new double[2 * (2 + r.nextInt(8))];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = x(r, i % 2 == 0 ? w : h);
        }
        return xy;
    }
}
