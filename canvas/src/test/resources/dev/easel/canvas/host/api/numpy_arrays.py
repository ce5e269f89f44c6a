# numpy arrays in the batched drawing calls and put_pixels (run by NumpyArraysTest, bundled CPython only).
import numpy as np


class NumpyArrays(easel.Canvas):
    size = (120, 40)
    background = "black"

    def on_draw(self, g):
        if self.frame == 0:
            g.clear(color="black")
            g.fill = "red"
            g.points(np.array([[5.0, 5.0], [15.0, 5.0]]), size=4)               # float64 (n, 2)
            g.fill = "lime"
            g.circles(np.array([[30, 6, 4]], dtype=np.float32))                 # float32 (n, 3)
            g.fill = "blue"
            g.rects(np.array([40, 2, 8, 8], dtype=np.float64))                  # flat float64
            g.stroke = "white"
            g.line_width = 2
            g.lines(np.array([[55, 5, 65, 5]], dtype=np.float32))               # float32 (n, 4)
            g.polyline(np.array([[70.0, 5.0], [80.0, 5.0]]))
            g.fill = "yellow"
            g.fill_polygon(np.array([[85, 1], [95, 1], [95, 9], [85, 9]], dtype=np.float32))
            px = np.zeros((4, 6, 4), dtype=np.uint8)                            # uint8 (h, w, 4)
            px[..., 0] = 255
            px[..., 3] = 255
            g.put_pixels(px, 6, 4, 100, 2)
            g.put_pixels(px.reshape(24, 4), 6, 4, 100, 10)                     # uint8 (w*h, 4): the size counts
            # A C-contiguous slice of rows is still one buffer: no copy, no error.
            g.fill = "cyan"
            g.points(np.array([[0.0, 0.0], [5.0, 30.0]])[1:], size=4)

            # Not C-contiguous: a clear error naming the layout expected and how to get it.
            every_other = np.array([[1.0, 1.0], [2.0, 2.0], [3.0, 3.0], [4.0, 4.0]])[::2]
            for name, fn in [("points", lambda: g.points(every_other)),
                             ("lines", lambda: g.lines(np.zeros((4, 8))[:, :4])),
                             ("circles", lambda: g.circles(np.zeros((3, 2)).T)),
                             ("polyline", lambda: g.polyline(every_other))]:
                raises(name + " non-contiguous", ValueError, fn, name + "()", "C-contiguous", "ascontiguousarray")
            raises("put_pixels non-contiguous", ValueError, lambda: g.put_pixels(np.zeros((4, 12, 4), np.uint8)[:, ::2], 6, 4),
                   "put_pixels()", "C-contiguous")

            # Wrong dtype: a TypeError naming the dtype given and the ones expected.
            for dtype, label in [(np.int64, "int64"), (np.float16, "float16"), (np.int32, "int32"), (np.uint8, "uint8")]:
                raises(f"points {label}", TypeError, lambda: g.points(np.zeros((3, 2), dtype=dtype)),
                       "points()", label, "float32", "float64")
            raises("circles int64", TypeError, lambda: g.circles(np.zeros((3, 3), dtype=np.int64)), "circles()", "int64")
            raises("put_pixels float32", TypeError, lambda: g.put_pixels(np.zeros((4, 6), np.float32), 6, 4),
                   "put_pixels()", "float32", "uint8")

            # Wrong shape: a ValueError naming the shape expected and the one given.
            raises("points (n, 3)", ValueError, lambda: g.points(np.zeros((4, 3))), "points()", "(n, 2)", "(4, 3)")
            raises("circles (n, 2)", ValueError, lambda: g.circles(np.zeros((3, 2))), "circles()", "(n, 3)", "(3, 2)")
            raises("lines (n, 2, 2)", ValueError, lambda: g.lines(np.zeros((3, 2, 2))), "lines()", "(n, 4)", "(3, 2, 2)")
            raises("rects odd flat", ValueError, lambda: g.rects(np.zeros(6)), "rects()", "x y w h")
            raises("put_pixels (w, h, 4)", ValueError, lambda: g.put_pixels(np.zeros((6, 4, 4), np.uint8), 6, 4),
                   "put_pixels()", "(4, 6, 4)", "(6, 4, 4)")
            raises("put_pixels (h, w, 3)", ValueError, lambda: g.put_pixels(np.zeros((4, 6, 3), np.uint8), 6, 4),
                   "put_pixels()", "(4, 6, 4)")
        elif self.frame == 1:
            img = self.snapshot()
            check_pixel("points float64 (n, 2)", img, 15, 5, (255, 0, 0, 255))
            check_pixel("circles float32 (n, 3)", img, 30, 6, (0, 255, 0, 255))
            check_pixel("rects flat float64", img, 44, 6, (0, 0, 255, 255))
            check_pixel("lines float32 (n, 4)", img, 60, 5, (255, 255, 255, 255))
            check_pixel("polyline float64 (n, 2)", img, 75, 5, (255, 255, 255, 255))
            check_pixel("fill_polygon float32", img, 90, 5, (255, 255, 0, 255))
            check_pixel("put_pixels uint8 (h, w, 4)", img, 102, 4, (255, 0, 0, 255))
            check_pixel("put_pixels uint8 (w*h, 4)", img, 102, 12, (255, 0, 0, 255))
            check_pixel("points of a contiguous slice", img, 5, 30, (0, 255, 255, 255))
            check_pixel("nothing drawn by the refused calls", img, 2, 2, (0, 0, 0, 255))


NumpyArrays().show()
