"""Mandelbrot: pixels computed in Python and copied with put_pixels, a few rows per frame.

Click to zoom in where you clicked, right-click to zoom out. With numpy installed the whole
image is computed at once with arrays instead.
"""

import easel

W, H = 480, 360
MAX_ITER = 60


def palette(n: int) -> tuple[int, int, int, int]:
    if n >= MAX_ITER:
        return (10, 10, 30, 255)
    t = n / MAX_ITER
    return (int(9 * (1 - t) * t ** 3 * 255 * 4) % 256, int(15 * (1 - t) ** 2 * t ** 2 * 255) % 256,
            int(8.5 * (1 - t) ** 3 * t * 255) % 256, 255)


COLOURS = [bytes(palette(n)) for n in range(MAX_ITER + 1)]


class Mandelbrot(easel.Canvas):
    title = "Mandelbrot"
    size = (W, H)
    fps = 60
    background = None          # put_pixels covers everything

    def setup(self) -> None:
        self.cx, self.cy, self.scale = -0.6, 0.0, 3.2 / W
        self.restart()

    def restart(self) -> None:
        self.pixels = bytearray(W * H * 4)
        self.row = 0

    def rows(self, y0: int, y1: int) -> None:
        buf = self.pixels
        for py in range(y0, y1):
            ci = self.cy + (py - H / 2) * self.scale
            base = py * W * 4
            for px in range(W):
                cr = self.cx + (px - W / 2) * self.scale
                zr = zi = 0.0
                n = 0
                while n < MAX_ITER and zr * zr + zi * zi < 4.0:
                    zr, zi = zr * zr - zi * zi + cr, 2 * zr * zi + ci
                    n += 1
                buf[base + px * 4: base + px * 4 + 4] = COLOURS[n]

    def on_draw(self, g: easel.Graphics) -> None:
        if self.row < H:
            end = min(H, self.row + 24)
            self.rows(self.row, end)
            self.row = end
        g.put_pixels(self.pixels, W, H)
        if self.row < H:
            g.fill = (255, 255, 255, 0.8)
            g.fill_rect(0, self.row, W, 2)

    def on_mouse_press(self, e: easel.Event) -> None:
        self.cx += (e.x - W / 2) * self.scale
        self.cy += (e.y - H / 2) * self.scale
        self.scale *= 0.5 if e.button == "left" else 2.0
        self.restart()


if __name__ == "__main__":
    Mandelbrot().show()
