"""Stress: 10,000 random lines and 2,000 circles a frame, each set in one batched call.

Shows what batched calls buy: the numbers are made in Python once per frame and handed to
Java in one call, read straight from the array's memory.
"""

import math
import random
from array import array

import easel

N_LINES = 10_000
N_CIRCLES = 2_000


class Stress(easel.Canvas):
    title = "Stress: 10k lines"
    size = (800, 600)
    fps = 60
    background = "black"

    def setup(self) -> None:
        rng = random.Random(1)
        self.base = array("d", (rng.random() for _ in range(N_LINES * 4)))
        self.circles = array("d", [0.0] * (N_CIRCLES * 3))
        self.phase = [rng.random() * 6.28 for _ in range(N_CIRCLES)]
        self.lines = array("d", [0.0] * (N_LINES * 4))

    def on_draw(self, g: easel.Graphics) -> None:
        w, h, t = self.width, self.height, self.time
        base, out = self.base, self.lines
        sx = w * (0.5 + 0.5 * math.sin(t * 0.7))
        for i in range(0, N_LINES * 4, 4):
            out[i] = base[i] * w
            out[i + 1] = base[i + 1] * h
            out[i + 2] = base[i + 2] * sx
            out[i + 3] = base[i + 3] * h
        g.stroke = (80, 160, 255, 0.08)
        g.lines(out)
        c, ph = self.circles, self.phase
        for k in range(N_CIRCLES):
            a = ph[k] + t
            c[3 * k] = w / 2 + math.cos(a * 1.3) * (k % 300 + 20)
            c[3 * k + 1] = h / 2 + math.sin(a) * (k % 200 + 20)
            c[3 * k + 2] = 3
        g.fill = (255, 140, 60, 0.7)
        g.circles(c)
        g.fill = "white"
        g.font = "bold 16px sans-serif"
        g.fill_text(f"{N_LINES} lines + {N_CIRCLES} circles   {self.fps_actual:.0f} fps", 12, 24)


if __name__ == "__main__":
    Stress().show()
