import inspect
import pydoc


class Keywords(easel.Canvas):
    size = (130, 40)
    background = "white"

    def on_draw(self, g):
        if self.frame == 0:
            g.clear(color="black")
            g.fill = "red"
            g.circles(xyr=[10, 10, 6], fill=True)
            g.stroke = "lime"
            g.line_width = 2
            g.rects([22, 2, 16, 16], fill=False)
            g.fill = "blue"
            g.points(xy=[50, 10], size=6)
            g.fill = "white"
            g.fill_text("WWWWWWWW", 60, 15, max_width=8)
            g.put_pixels(bytes([255, 255, 0, 255]) * 16, width=4, height=4, x=80, y=8)
            g.fill = "magenta"
            g.begin_path()
            g.move_to(x=100, y=10)
            g.arc(x=100, y=10, r=8, start=0, end=3.14159, ccw=True)
            g.fill_path()
            g.fill_rect(x=112, y=0, w=10, h=20)
            g.fill = "cyan"
            g.fill_circle(r=5, y=30, x=10)
            g.draw_image(img=easel.Image.from_pixels(bytes([0, 255, 255, 255]) * 4, 2, 2), x=30, y=25, w=10, h=10)
            w, h = g.measure_text(s="W")
            check("measure_text(s=)", w > 0 and h > 0, f"{w}x{h}")
            raises("unknown keyword", TypeError, lambda: g.fill_rect(1, 2, 3, 4, q=1),
                   "fill_rect()", "unexpected keyword argument 'q'")
            raises("duplicate", TypeError, lambda: g.fill_rect(1, 2, 3, 4, x=1), "fill_rect()", "multiple values")
            raises("missing", TypeError, lambda: g.fill_rect(x=1, y=2, w=3), "fill_rect()", "'h'")
            raises("clear(colour=)", TypeError, lambda: g.clear(colour="red"), "'colour'")
            # What help() and inspect show for every drawing call: real signatures and docstrings.
            sigs = {
                "fill_rect": "(x, y, w, h)", "clear": "(color=None)", "fill_circle": "(x, y, r)",
                "circles": "(xyr, fill=True)", "rects": "(xywh, fill=True)", "points": "(xy, size=1)",
                "lines": "(xy)", "fill_text": "(s, x, y, max_width=None)", "arc": "(x, y, r, start, end, ccw=False)",
                "put_pixels": "(buf, width, height, x=0, y=0)", "measure_text": "(s, font=None)",
                "scale": "(x, y=None)", "polyline": "(points)",
            }
            for name, want in sigs.items():
                got = str(inspect.signature(getattr(easel.Graphics, name)))
                check(f"signature of {name}", got == want, got)
            for name in dir(easel.Graphics):
                fn = getattr(easel.Graphics, name)
                if name.startswith("_") or not callable(fn):
                    continue
                try:
                    inspect.signature(fn)
                except (TypeError, ValueError) as e:
                    check(f"signature of {name}", False, str(e))
                check(f"docstring of {name}", bool(fn.__doc__ and fn.__doc__.strip()), repr(fn.__doc__))
            text = pydoc.render_doc(easel.Graphics.fill_rect, renderer=pydoc.plaintext)
            check("help(fill_rect)", "fill_rect(x, y, w, h)" in text and "Fills a rectangle" in text, text)
            check("help does not name _easel", "_easel" not in text, text)
        elif self.frame == 1:
            img = self.snapshot()
            check_pixel("circles(fill=True)", img, 10, 10, (255, 0, 0, 255))
            check_pixel("rects(fill=False): edge", img, 22, 10, (0, 255, 0, 255))
            check_pixel("rects(fill=False): inside", img, 30, 10, (0, 0, 0, 255))
            check_pixel("points(size=6)", img, 52, 12, (0, 0, 255, 255))
            check_pixel("points(size=6): outside", img, 55, 15, (0, 0, 0, 255))
            check_pixel("fill_text(max_width=8): squeezed", img, 75, 10, (0, 0, 0, 255))
            check_pixel("put_pixels(x=80, y=8)", img, 81, 9, (255, 255, 0, 255))
            check_pixel("put_pixels: not at 0, 0", img, 1, 1, (0, 0, 0, 255))
            check_pixel("arc(ccw=True): upper half", img, 100, 5, (255, 0, 255, 255))
            check_pixel("arc(ccw=True): not the lower half", img, 100, 15, (0, 0, 0, 255))
            check_pixel("fill_rect by name", img, 115, 10, (255, 0, 255, 255))
            check_pixel("fill_circle by name, any order", img, 10, 30, (0, 255, 255, 255))
            check_pixel("draw_image by name", img, 35, 30, (0, 255, 255, 255))


Keywords().show()
