# Gradients, image smoothing, loaded fonts and save_frame, checked from Python on snapshots and files.
import math
import os
import tempfile

OUT = tempfile.mkdtemp()
RED, BLUE, MID = (255, 0, 0, 255), (0, 0, 255, 255), (128, 0, 128, 255)


def check_near(name, img, x, y, want, tol=8):
    """A gradient pixel: its colour is the gradient's at the pixel centre, a few units from the ends."""
    c = pixel(img, x, y)
    check(name, near(c, want, tol), f"pixel ({x}, {y}) is {c}, expected {want} within {tol}")
TWO = easel.Image.from_pixels(bytes([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255]), 2, 2)


def gradient_errors():
    L, R = easel.LinearGradient, easel.RadialGradient
    ok = [(0, "red"), (1, "blue")]
    raises("no stops", ValueError, lambda: L(0, 0, 1, 0, []), "LinearGradient()", "stops")
    raises("offsets out of order", ValueError, lambda: L(0, 0, 1, 0, [(0.6, "red"), (0.2, "blue")]), "increasing")
    raises("offset above 1", ValueError, lambda: L(0, 0, 1, 0, [(1.5, "red")]), "between 0 and 1")
    raises("offset NaN", ValueError, lambda: L(0, 0, 1, 0, [(math.nan, "red")]), "finite")
    raises("offset str", TypeError, lambda: L(0, 0, 1, 0, [("0", "red")]), "number")
    raises("bad colour name", ValueError, lambda: L(0, 0, 1, 0, [(0, "nope")]), "stop 0 colour", "nope")
    raises("bad colour tuple", ValueError, lambda: L(0, 0, 1, 0, [(0, (300, 0, 0))]), "stop 0 colour")
    raises("colour None", TypeError, lambda: L(0, 0, 1, 0, [(0, "red"), (1, None)]), "stop 1 colour")
    raises("a gradient as a stop colour", TypeError, lambda: L(0, 0, 1, 0, [(0, L(0, 0, 1, 0, ok))]), "stop 0 colour")
    raises("stops not a sequence", TypeError, lambda: L(0, 0, 1, 0, 5), "stops")
    raises("stops a string", TypeError, lambda: L(0, 0, 1, 0, "red"), "stops")
    raises("stop not a pair", TypeError, lambda: L(0, 0, 1, 0, [0.5]), "stop 0")
    raises("stop of 3", ValueError, lambda: L(0, 0, 1, 0, [(0, "red", 1)]), "stop 0")
    raises("x0 str", TypeError, lambda: L("0", 0, 1, 0, ok), "x0")
    raises("y1 inf", ValueError, lambda: L(0, 0, 1, math.inf, ok), "y1")
    raises("huge int", ValueError, lambda: L(10 ** 400, 0, 1, 0, ok), "x0")
    raises("radius negative", ValueError, lambda: R(0, 0, -1, ok), "RadialGradient()", "r")
    raises("focus bool", TypeError, lambda: R(0, 0, 1, ok, fx=True), "fx")
    raises("extend unknown", ValueError, lambda: L(0, 0, 1, 0, ok, extend="mirror"), "extend")
    raises("extend not str", TypeError, lambda: R(0, 0, 1, ok, extend=1), "extend")
    g = L(0, 0, 1, 0, ok)
    raises("immutable", AttributeError, lambda: setattr(g, "x0", 5), "immutable")
    check("stops read back", g.stops == ((0.0, "red"), (1.0, "blue")), repr(g.stops))
    check("repr", repr(g).startswith("LinearGradient(0.0, 0.0, 1.0, 0.0"), repr(g))
    r = R(1, 2, 3, ok)
    check("focus defaults to the centre", (r.fx, r.fy, r.extend) == (1.0, 2.0, "pad"), repr(r))
    check("equal offsets and one stop are fine", L(0, 0, 1, 0, [(0, "red"), (0.5, "red"), (0.5, "blue")])
          and L(0, 0, 1, 0, [(0.3, easel.Color(1, 2, 3))]), "")


def font_errors():
    raises("Font.load(missing)", FileNotFoundError, lambda: easel.Font.load(os.path.join(OUT, "missing.ttf")),
           "missing.ttf")
    junk = os.path.join(OUT, "junk.ttf")
    with open(junk, "wb") as f:
        f.write(b"not a font at all" * 10)
    raises("Font.load(not a font)", ValueError, lambda: easel.Font.load(junk), "junk.ttf")
    raises("Font.load(5)", TypeError, lambda: easel.Font.load(5), "path")
    raises("Font.load(size=0)", ValueError, lambda: easel.Font.load(TEST_FONT, 0), "size")
    raises("Font.load(size='x')", TypeError, lambda: easel.Font.load(TEST_FONT, "x"), "size")


class Paints(easel.Canvas):
    size = (100, 130)

    def setup(self):
        self.font = easel.Font.load(TEST_FONT, 20)
        check("Font.load again: same family", easel.Font.load(TEST_FONT).family == self.font.family,
              self.font.family)
        check("Font.size", self.font.size == 20 and self.font.with_size(12).size == 12, repr(self.font))
        self.m_loaded = easel.Graphics.measure_text("Hello", font=self.font)
        self.m_default = easel.Graphics.measure_text("Hello", font="20px sans-serif")
        self.m_family = easel.Graphics.measure_text("Hello", font=f"20px '{self.font.family}'")

    def on_draw(self, g):
        getattr(self, f"frame{self.frame}")(g)

    def frame0(self, g):
        gradient_errors()
        font_errors()
        grad = easel.LinearGradient(0, 0, 100, 0, [(0, "red"), (1, "blue")])
        g.fill = grad
        check("g.fill reads back the gradient", g.fill is grad, repr(g.fill))
        raises("g.fill = 5", TypeError, lambda: setattr(g, "fill", 5), "g.fill")
        raises("g.fill = 'nope'", ValueError, lambda: setattr(g, "fill", "nope"), "g.fill")
        raises("clear(gradient)", TypeError, lambda: g.clear(grad), "clear()")
        check("a failed set keeps the gradient", g.fill is grad, repr(g.fill))
        g.fill_rect(0, 0, 100, 10)
        g.fill_circle(50, 15, 3)
        g.stroke = easel.LinearGradient(0, 0, 100, 0, [(0, "red"), (1, "blue")])
        g.line_width = 4
        g.line(0, 18, 100, 18)
        check("g.stroke reads back the gradient", isinstance(g.stroke, easel.LinearGradient), repr(g.stroke))
        g.stroke = "black"
        with g.saved():
            g.fill = "green"
        check("restore gives back the gradient", g.fill is grad, repr(g.fill))
        # image_smoothing
        check("image_smoothing defaults to True", g.image_smoothing is True, repr(g.image_smoothing))
        raises("image_smoothing = 'yes'", TypeError, lambda: setattr(g, "image_smoothing", "yes"), "image_smoothing")
        g.image_smoothing = False
        g.draw_image(TWO, 0, 22, 40, 40)
        g.image_smoothing = True
        g.draw_image(TWO, 50, 22, 40, 40)
        # fonts
        check("measure_text: loaded font differs from the default",
              self.m_loaded != self.m_default, f"{self.m_loaded} vs {self.m_default}")
        check("the family works in font strings", self.m_family == self.m_loaded, f"{self.m_family}")
        g.font = self.font
        check("g.font reads back the Font", g.font is self.font, repr(g.font))
        check("measure_text in the loaded font", g.measure_text("Hello") == self.m_loaded, f"{g.measure_text('Hello')}")
        g.fill = "black"
        g.fill_text("Hello", 0, 125)
        g.font = "20px sans-serif"
        g.fill_text("Hello", 0, 95)
        # save_frame
        raises("save_frame('x.tiff')", ValueError, lambda: self.save_frame(os.path.join(OUT, "x.tiff")), "x.tiff")
        raises("save_frame(5)", TypeError, lambda: self.save_frame(5), "path")
        self.saved0 = self.save_frame(os.path.join(OUT, "a", "b", "frame-####.png"))
        check("save_frame returns the file", self.saved0 == os.path.join(OUT, "a", "b", "frame-0000.png"), self.saved0)

    def frame1(self, g):
        img = self.snapshot()
        check_near("linear fill: start", img, 0, 5, RED)
        check_near("linear fill: middle", img, 50, 5, MID)
        check_near("linear fill: end", img, 99, 5, BLUE)
        check_near("circle in the middle", img, 50, 15, MID)
        check_near("stroke: start", img, 1, 18, RED)
        check_near("stroke: end", img, 98, 18, BLUE)
        check_pixel("smoothing off: red to the edge", img, 17, 25, RED)
        check_pixel("smoothing off: green right after", img, 23, 25, (0, 255, 0, 255))
        c = pixel(img, 67, 25)
        check("smoothing on: blended", not near(c, RED, 40) and not near(c, (0, 255, 0, 255), 40), repr(c))
        differ = sum(1 for y in range(75, 100) for x in range(100) if pixel(img, x, y) != pixel(img, x, y + 30))
        check("text in the loaded font looks different", differ > 30, f"{differ} pixels differ")
        inked = sum(1 for y in range(105, 130) for x in range(100) if pixel(img, x, y)[0] < 128)
        check("text in the loaded font is drawn", inked > 30, f"{inked} dark pixels")
        check("save_frame wrote the file after the frame", os.path.exists(self.saved0), self.saved0)
        if os.path.exists(self.saved0):
            back = easel.Image.load(self.saved0)
            check_near("the saved frame has frame 0's gradient", back, 0, 5, RED)
            check_near("the saved frame has frame 0's gradient end", back, 99, 5, BLUE)
        g.fill = "green"
        g.fill_rect(0, 0, 100, 10)
        self.saved1 = self.save_frame(os.path.join(OUT, "f-#.jpg"))

    def frame2(self, g):
        check("save_frame numbers with the frame", self.saved1.endswith("f-1.jpg"), self.saved1)
        back = easel.Image.load(self.saved1)
        c = pixel(back, 50, 5)
        check("the saved frame is frame 1 (JPEG)", near(c, (0, 128, 0, 255), 12), repr(c))

    def frame3(self, g):
        pass


Paints().show()
