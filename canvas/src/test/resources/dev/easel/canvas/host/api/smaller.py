import os
import tempfile


class Smaller(easel.Canvas):
    size = (40, 30)
    background = None   # paint-style: frames draw over the previous ones

    def setup(self):
        self.m_default = easel.Graphics.measure_text("Hello")
        self.m_serif = easel.Graphics.measure_text("Hello", font="24px serif")

    def on_draw(self, g):
        if self.frame == 0:
            g.clear("white")
            check("default font", g.font == "12px sans-serif", g.font)
            m = g.measure_text("Hello")
            check("measure_text in setup = in on_draw (default font)", m == self.m_default, f"{m} != {self.m_default}")
            check("measure_text(font=) is larger", self.m_serif[0] > self.m_default[0], f"{self.m_serif}")
            g.font = "24px serif"
            check("measure_text in the current font", g.measure_text("Hello") == self.m_serif,
                  f"{g.measure_text('Hello')}")
            check("measure_text(font=) overrides", g.measure_text("Hello", font="12px sans-serif") == self.m_default, "")
            raises("measure_text(font='huge')", ValueError, lambda: g.measure_text("x", font="huge"), "'huge'")
            img = easel.Image.from_pixels(bytes([255, 0, 0, 255]) * 4, 2, 2)
            d = tempfile.mkdtemp()
            for name, magic in [("a.png", b"\x89PNG"), ("b.jpg", b"\xff\xd8\xff"), ("c.JPEG", b"\xff\xd8\xff"),
                                ("d.bmp", b"BM"), ("e.gif", b"GIF8")]:
                p = os.path.join(d, name)
                img.save(p)
                with open(p, "rb") as f:
                    head = f.read(4)
                check(f"Image.save({name!r})", head.startswith(magic), repr(head))
                back = easel.Image.load(p)
                check(f"Image.load({name!r})", (back.width, back.height) == (2, 2), "")
            raises("Image.save('x.tiff')", ValueError, lambda: img.save(os.path.join(d, "x.tiff")), ".png", "x.tiff")
            check("nothing written for .tiff", not os.path.exists(os.path.join(d, "x.tiff")), "")
            g.fill = "red"
            g.fill_rect(0, 0, 10, 10)
        elif self.frame == 1:
            g.fill = "blue"
            g.fill_rect(10, 0, 10, 10)
        elif self.frame == 3:
            check("resized", (self.width, self.height) == (60, 40), f"{self.width}x{self.height}")
            img = self.snapshot()
            check("snapshot has the new size", (img.width, img.height) == (60, 40), f"{img.width}x{img.height}")
            check_pixel("drawing before the resize stays (frame 0)", img, 5, 5, (255, 0, 0, 255))
            check_pixel("drawing before the resize stays (frame 1)", img, 15, 5, (0, 0, 255, 255))
            check_pixel("frame 0's clear stays", img, 30, 20, (255, 255, 255, 255))


Smaller().show()
