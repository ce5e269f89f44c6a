import collections


class Colours(easel.Canvas):
    size = (40, 20)
    background = "white"

    def on_draw(self, g):
        if self.frame == 0:
            g.fill = easel.Color(255, 99, 71)
            g.fill_rect(0, 0, 10, 20)
            g.fill = easel.Color.parse("#0000ff").with_alpha(1.0)
            g.fill_rect(10, 0, 10, 20)
            P = collections.namedtuple("P", "r g b")
            g.fill = P(0, 128, 0)
            g.fill_rect(20, 0, 10, 20)
            g.stroke = easel.Color(1, 2, 3, 0.5)
            check("fill keeps the namedtuple", g.fill == (0, 128, 0), repr(g.fill))
            with g.saved():
                g.rect(30, 0, 10, 20)
                g.clip()
                g.clear(easel.Color(255, 255, 0))
            check("parse a name", easel.Color.parse("tomato") == (255, 99, 71, 1.0), repr(easel.Color.parse("tomato")))
            check("parse a Color", easel.Color.parse(easel.Color(1, 2, 3)) == (1, 2, 3, 1.0), "")
            check("parse a namedtuple", easel.Color.parse(P(4, 5, 6)) == (4, 5, 6, 1.0), "")
            check("with_alpha", easel.Color(1, 2, 3).with_alpha(0.25).a == 0.25, "")
            check("hex", easel.Color(255, 99, 71).hex() == "#ff6347", easel.Color(255, 99, 71).hex())
            raises("Color(300, 0, 0)", ValueError, lambda: easel.Color(300, 0, 0), "300")
            raises("Color(-1, 0, 0)", ValueError, lambda: easel.Color(0, -1, 0), "'g'")
            raises("Color alpha 2", ValueError, lambda: easel.Color(0, 0, 0, 2), "'a'")
            raises("Color('a', 0, 0)", TypeError, lambda: easel.Color("a", 0, 0), "'r'")
            raises("Color(0.5, 0, 0)", TypeError, lambda: easel.Color(0.5, 0, 0), "'r'")
            raises("with_alpha(5)", ValueError, lambda: easel.Color(1, 2, 3).with_alpha(5))
            raises("Color.parse('nope')", ValueError, lambda: easel.Color.parse("nope"), "'nope'")
            raises("Color.parse(object())", TypeError, lambda: easel.Color.parse(object()), "Color.parse()")
        elif self.frame == 1:
            img = self.snapshot()
            check_pixel("Color fill", img, 5, 10, (255, 99, 71, 255))
            check_pixel("parsed fill", img, 15, 10, (0, 0, 255, 255))
            check_pixel("namedtuple fill", img, 25, 10, (0, 128, 0, 255))
            check_pixel("clear(Color)", img, 35, 10, (255, 255, 0, 255))


Colours().show()
