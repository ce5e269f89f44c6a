class TooFast(easel.Canvas):
    fps = 5000


class Fastest(easel.Canvas):
    fps = 1000
    size = (10, 10)


msg = raises("fps = 5000", ValueError, lambda: TooFast().show(), "1000")
check("fps limit documented", "1000" in (easel.Canvas.__doc__ or ""), "Canvas docstring")
Fastest().show()
