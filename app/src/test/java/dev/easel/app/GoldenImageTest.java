package dev.easel.app;

import dev.easel.canvas.host.HeadlessOutput;
import dev.easel.canvas.host.loop.HeadlessWindows;
import dev.easel.canvas.host.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Small reference sketches rendered headless (in this JVM, on the shared runtime) and compared
 * with golden PNGs in app/src/test/resources/golden, with a per-pixel tolerance and a ceiling on
 * the share of pixels that may differ (antialiasing, and text above all, varies a little between
 * machines). {@code -Deasel.golden.update=true} rewrites the goldens: look at them before keeping them.
 * On a mismatch the picture and a map of the differing pixels (red) go to target/golden-diff.
 */
@Timeout(120)
class GoldenImageTest {
    /** A pixel differs when a channel is off by more than this (out of 255). */
    static final int TOLERANCE = 40;
    /** At most this share of the pixels may differ. */
    static final double MAX_DIFFERING = 0.01;

    static final boolean UPDATE = Boolean.getBoolean("easel.golden.update");
    static final Path GOLDEN = TestPython.root().resolve("app/src/test/resources/golden");
    static final Path DIFFS = Path.of(System.getProperty("easel.test.reports", "target")).resolve("golden-diff");

    @TempDir
    Path dir;

    static final String SHAPES_AND_PATHS = """
            import math, easel

            class Shapes(easel.Canvas):
                title = "shapes and paths"
                size = (240, 180)
                background = "#f8f4ec"
                fps = None

                def on_draw(self, g):
                    g.fill = "#e63946"
                    g.fill_rect(10, 10, 50, 35)
                    g.stroke = "#1d3557"
                    g.line_width = 3
                    g.stroke_rect(70, 10, 50, 35)
                    g.fill = "#2a9d8f"
                    g.fill_round_rect(130, 10, 45, 35, 10)
                    g.stroke = "#8338ec"
                    g.line_width = 2
                    g.stroke_round_rect(185, 10, 45, 35, 8)

                    g.fill = "#f4a261"
                    g.fill_circle(35, 78, 22)
                    g.stroke = "#264653"
                    g.line_width = 4
                    g.stroke_circle(90, 78, 18)
                    g.fill = "#457b9d"
                    g.fill_ellipse(146, 78, 48, 34)  # centred at (x, y)
                    g.fill = "#e9c46a"
                    g.fill_arc(205, 78, 22, 0, math.pi * 1.5)
                    g.stroke = "#6d597a"
                    g.line_width = 3
                    g.stroke_arc(205, 78, 22, math.pi * 1.5, math.pi * 2)

                    g.fill = "#6a994e"
                    g.fill_polygon([(10, 170), (35, 112), (60, 170), (35, 150)])
                    g.stroke = "#bc4749"
                    g.line_width = 7
                    g.line_cap = "round"
                    g.line_join = "round"
                    g.polyline([(72, 165), (88, 118), (104, 165), (120, 118)])
                    g.line_cap = "butt"
                    g.line_join = "miter"
                    g.line_width = 2
                    g.stroke = "#222222"
                    g.line_dash = (6, 4)
                    g.line(135, 112, 232, 112)
                    g.line_dash = ()

                    g.begin_path()
                    g.move_to(135, 172)
                    g.quad_to(150, 120, 168, 160)
                    g.bezier_to(180, 118, 205, 190, 215, 128)
                    g.arc_to(232, 128, 232, 172, 12)
                    g.line_to(232, 172)
                    g.close_path()
                    g.fill = "#a8dadc"
                    g.fill_path()
                    g.stroke = "#1d3557"
                    g.line_width = 2
                    g.stroke_path()

            Shapes().show()
            """;

    static final String TEXT_AND_TRANSFORMS = """
            import math, easel

            class Text(easel.Canvas):
                title = "text and transforms"
                size = (240, 180)
                background = "white"
                fps = None

                def on_draw(self, g):
                    g.fill = "#222222"
                    g.font = "bold 18px sans-serif"
                    g.fill_text("Easel", 10, 26)
                    g.stroke = "#d62828"
                    g.line_width = 1
                    g.font = "20px serif"
                    g.stroke_text("Aa", 80, 26)
                    # Alignment and baselines around a cross.
                    g.stroke = "#aaaaaa"
                    g.line(180, 8, 180, 44)
                    g.line(130, 26, 232, 26)
                    g.fill = "#1d3557"
                    g.font = "11px monospace"
                    g.text_align = "right"
                    g.text_baseline = "bottom"
                    g.fill_text("r", 178, 26)
                    g.text_align = "left"
                    g.text_baseline = "top"
                    g.fill_text("t", 182, 26)
                    g.text_align = "left"
                    g.text_baseline = "alphabetic"

                    # A fan of rotated squares, each in its own saved state.
                    for i in range(8):
                        with g.saved():
                            g.translate(60, 110)
                            g.rotate(i * math.pi / 8)
                            g.fill = (40 + i * 25, 80, 200 - i * 20)
                            g.fill_rect(10, -4, 40, 8)
                    # Scale and a raw matrix (a shear).
                    with g.saved():
                        g.translate(130, 70)
                        g.scale(2, 1)
                        g.fill = "#2a9d8f"
                        g.fill_circle(10, 12, 10)
                    with g.saved():
                        g.transform(1, 0, 0.6, 1, 0, 0)
                        g.fill = "#f4a261"
                        g.fill_rect(110, 110, 50, 30)
                    g.set_transform(1, 0, 0, 1, 200, 150)
                    g.fill = "#8338ec"
                    g.fill_rect(-10, -10, 20, 20)
                    g.reset_transform()
                    g.fill = "#000000"
                    g.fill_rect(0, 176, 240, 4)

            Text().show()
            """;

    static final String ALPHA_CLIP_PIXELS = """
            import easel

            class Alpha(easel.Canvas):
                title = "alpha clip pixels"
                size = (240, 180)
                background = "#101828"
                fps = None

                def on_draw(self, g):
                    # A gradient copied with put_pixels (replaces pixels; ignores alpha and transform).
                    w, h = 64, 48
                    px = bytearray(w * h * 4)
                    for y in range(h):
                        for x in range(w):
                            i = (y * w + x) * 4
                            px[i:i + 4] = bytes((x * 4, y * 5, 180, 255))
                    g.put_pixels(px, w, h, 8, 8)

                    # Overlapping translucent discs: rgba colours and global alpha.
                    g.fill = (255, 0, 0, 0.5)
                    g.fill_circle(110, 40, 26)
                    g.fill = (0, 255, 0, 0.5)
                    g.fill_circle(135, 40, 26)
                    g.alpha = 0.5
                    g.fill = "#3a86ff"
                    g.fill_circle(122, 60, 26)
                    g.alpha = 1.0

                    # Additive blending.
                    g.blend = "add"
                    g.fill = (120, 40, 0)
                    g.fill_rect(175, 10, 50, 50)
                    g.fill = (0, 60, 140)
                    g.fill_rect(195, 30, 40, 40)
                    g.blend = "source-over"

                    # Stripes clipped to a circle; the clip ends with restore().
                    with g.saved():
                        g.begin_path()
                        g.arc(60, 130, 40, 0, 6.283185307179586)
                        g.clip()
                        for i in range(0, 100, 10):
                            g.fill = "#ffbe0b" if i % 20 == 0 else "#fb5607"
                            g.fill_rect(20 + i, 80, 10, 100)
                    g.fill = "#ffffff"
                    g.fill_rect(110, 150, 20, 20)  # outside the clip: drawn
                    # clear_rect makes a transparent hole (a window shows its background there; the PNG keeps the transparency).
                    g.fill = "#06d6a0"
                    g.fill_rect(150, 100, 80, 70)
                    g.clear_rect(170, 115, 40, 40)

            Alpha().show()
            """;

    /** Renders {@code source} headless (2 frames, so what the last frame shows is what counts). */
    BufferedImage render(String source) throws Exception {
        var rt = TestPython.runtime();
        Path script = dir.resolve("golden_sketch.py");
        Files.writeString(script, source);
        HeadlessWindows windows = new HeadlessWindows();
        Session session = new Session(rt, windows, new Session.Options(false, null, 2, List.of()));
        try {
            session.runScript(script, List.of());
            Thread waiter = Thread.ofPlatform().start(() -> {
                try {
                    session.awaitEnd();
                } catch (InterruptedException ignored) {
                    // bounded below
                }
            });
            waiter.join(Duration.ofSeconds(60));
            if (waiter.isAlive()) {
                fail("the sketch did not finish within 60 s");
            }
            assertEquals(0, session.exitCode(), "the sketch raised (see the test's stderr)");
            Path out = dir.resolve("out");
            HeadlessOutput.write(session, windows, out);
            assertEquals(1, session.canvases().size());
            return Pngs.read(out.resolve(session.canvases().getFirst().slug() + ".png"));
        } finally {
            session.close();
        }
    }

    void compareWithGolden(String name, String source) throws Exception {
        BufferedImage actual = render(source);
        Path golden = GOLDEN.resolve(name + ".png");
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            ImageIO.write(actual, "png", golden.toFile());
            System.out.println("golden rewritten: " + golden);
            return;
        }
        assertTrue(Files.isRegularFile(golden), "no golden " + golden + ": run once with -Deasel.golden.update=true "
                + "and look at the picture before keeping it");
        BufferedImage expected = Pngs.read(golden);
        assertEquals(expected.getWidth() + "x" + expected.getHeight(), actual.getWidth() + "x" + actual.getHeight());
        Pngs.Diff d = Pngs.diff(expected, actual, TOLERANCE);
        if (d.share() > MAX_DIFFERING) {
            Files.createDirectories(DIFFS);
            ImageIO.write(actual, "png", DIFFS.resolve(name + "-actual.png").toFile());
            ImageIO.write(d.map(), "png", DIFFS.resolve(name + "-diff.png").toFile());
            fail(String.format("%s: %.2f%% of pixels differ by more than %d (max %.2f%% allowed; largest difference %d); "
                            + "see %s", name, d.share() * 100, TOLERANCE, MAX_DIFFERING * 100, d.maxDistance(), DIFFS));
        }
    }

    @Test
    void shapesAndPaths() throws Exception {
        compareWithGolden("shapes-and-paths", SHAPES_AND_PATHS);
    }

    @Test
    void textAndTransforms() throws Exception {
        compareWithGolden("text-and-transforms", TEXT_AND_TRANSFORMS);
    }

    @Test
    void alphaClipAndPixels() throws Exception {
        compareWithGolden("alpha-clip-pixels", ALPHA_CLIP_PIXELS);
    }

    /** The tolerance is not so loose that it lets a real change through: moving four shapes by 3 px fails. */
    @Test
    void theComparisonCatchesASmallShift() throws Exception {
        if (UPDATE || !Files.isRegularFile(GOLDEN.resolve("shapes-and-paths.png"))) {
            return;
        }
        BufferedImage expected = Pngs.read(GOLDEN.resolve("shapes-and-paths.png"));
        String shifted = SHAPES_AND_PATHS.replace("g.fill_circle(35, 78, 22)", "g.fill_circle(38, 78, 22)")
                .replace("g.fill_rect(10, 10, 50, 35)", "g.fill_rect(13, 10, 50, 35)")
                .replace("g.stroke_rect(70, 10, 50, 35)", "g.stroke_rect(70, 13, 50, 35)")
                .replace("g.fill_ellipse(146, 78, 48, 34)", "g.fill_ellipse(149, 78, 48, 34)");
        assertFalse(shifted.equals(SHAPES_AND_PATHS));
        Pngs.Diff d = Pngs.diff(expected, render(shifted), TOLERANCE);
        assertTrue(d.share() > MAX_DIFFERING, String.format("a 3 px shift of four shapes changes only %.2f%% of pixels:"
                + " the comparison is too lenient", d.share() * 100));
    }
}
