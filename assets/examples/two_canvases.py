"""Two canvases at once: each has its own thread, clock and handlers.

The left one orbits, the right one is a clock face; closing one leaves the other running.
"""

import math
import time

import easel


class Orbits(easel.Canvas):
    title = "Orbits"
    size = (420, 420)
    background = "#0b0f1a"

    def on_draw(self, g: easel.Graphics) -> None:
        cx, cy = self.width / 2, self.height / 2
        g.fill = "#ffd166"
        g.fill_circle(cx, cy, 26)
        for i, (r, speed, colour) in enumerate([(70, 1.6, "#06d6a0"), (120, 1.0, "#118ab2"),
                                               (170, 0.6, "#ef476f")]):
            g.stroke = (255, 255, 255, 0.15)
            g.stroke_circle(cx, cy, r)
            a = self.time * speed + i
            g.fill = colour
            g.fill_circle(cx + math.cos(a) * r, cy + math.sin(a) * r, 10 + i * 3)


class Clock(easel.Canvas):
    title = "Clock"
    size = (420, 420)
    fps = 10
    background = "#f4f1ea"

    def on_draw(self, g: easel.Graphics) -> None:
        cx, cy, r = self.width / 2, self.height / 2, min(self.width, self.height) * 0.42
        g.line_width = 6
        g.stroke = "#333"
        g.stroke_circle(cx, cy, r)
        g.translate(cx, cy)
        for i in range(60):
            with g.saved():
                g.rotate(i * math.tau / 60)
                g.line_width = 4 if i % 5 == 0 else 1.5
                g.line(r * (0.85 if i % 5 == 0 else 0.92), 0, r * 0.97, 0)
        now = time.localtime()
        s = now.tm_sec
        m = now.tm_min + s / 60
        h = now.tm_hour % 12 + m / 60
        for value, period, length, width, colour in [(h, 12, 0.5, 8, "#333"), (m, 60, 0.75, 5, "#333"),
                                                     (s, 60, 0.85, 2, "#d62828")]:
            with g.saved():
                g.rotate(value / period * math.tau - math.pi / 2)
                g.stroke = colour
                g.line_width = width
                g.line_cap = "round"
                g.line(-r * 0.1, 0, r * length, 0)
        g.fill = "#d62828"
        g.fill_circle(0, 0, 6)


if __name__ == "__main__":
    Orbits().show()
    Clock().show()
    easel.run()
