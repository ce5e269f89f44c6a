class Types(easel.Canvas):
    size = (20, 20)

    def on_draw(self, g):
        g.fill = "red"
        raises("fill = object()", TypeError, lambda: setattr(g, "fill", object()), "g.fill", "object")
        raises("fill = None", TypeError, lambda: setattr(g, "fill", None), "g.fill", "NoneType")
        raises("fill = 5", TypeError, lambda: setattr(g, "fill", 5), "g.fill", "int")
        raises("stroke = b'red'", TypeError, lambda: setattr(g, "stroke", b"red"), "g.stroke")
        raises("fill = 'tomatoe'", ValueError, lambda: setattr(g, "fill", "tomatoe"), "'tomatoe'")
        raises("fill = (1, 2)", ValueError, lambda: setattr(g, "fill", (1, 2)), "(1, 2)")
        raises("fill = (300, 0, 0)", ValueError, lambda: setattr(g, "fill", (300, 0, 0)), "300")
        raises("fill = ('a', 'b', 'c')", ValueError, lambda: setattr(g, "fill", ("a", "b", "c")), "'a'")
        check("a refused fill leaves the last one", g.fill == "red", repr(g.fill))
        raises("clear(5)", TypeError, lambda: g.clear(5), "clear()")
        raises("fill_text(None)", TypeError, lambda: g.fill_text(None, 0, 0), "fill_text()", "'s'", "NoneType")
        raises("fill_text(5)", TypeError, lambda: g.fill_text(5, 0, 0), "fill_text()", "int")
        raises("stroke_text(b'x')", TypeError, lambda: g.stroke_text(b"x", 0, 0), "stroke_text()")
        raises("measure_text(None)", TypeError, lambda: g.measure_text(None), "measure_text()")
        raises("draw_image('x.png')", TypeError, lambda: g.draw_image("x.png", 0, 0), "draw_image()", "str")
        raises("line_cap = 5", TypeError, lambda: setattr(g, "line_cap", 5), "g.line_cap", "int")
        raises("font = 12", TypeError, lambda: setattr(g, "font", 12), "g.font")
        raises("font = 'huge'", ValueError, lambda: setattr(g, "font", "huge"), "g.font", "'huge'")
        for name, fn in [("fill_circle", lambda: g.fill_circle(0, 0, -1)),
                         ("points", lambda: g.points([1, 2], size=-1)),
                         ("lines", lambda: g.lines([1, 2, 3])),
                         ("put_pixels", lambda: g.put_pixels(b"abc", 4, 4))]:
            msg = raises(name + " bad value", ValueError, fn, name + "()")
            check(name + " named once", msg.count(name) == 1, msg)
        raises("fill_rect('a')", TypeError, lambda: g.fill_rect("a", 0, 1, 1), "fill_rect() argument 'x'")


Types().show()
