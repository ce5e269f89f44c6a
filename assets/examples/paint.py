"""Paint: drag to draw, scroll to change the brush, keys 1-6 pick a colour, C clears.

The strokes are kept in Python and redrawn every frame with one batched call per colour.
"""

from array import array

import easel

PALETTE = ["#e63946", "#f4a261", "#2a9d8f", "#457b9d", "#8338ec", "#1d3557"]
Stroke = tuple[int, float, "array[float]"]   # colour index, width, x1 y1 x2 y2 of each segment


class Paint(easel.Canvas):
    title = "Paint"
    size = (800, 600)
    fps = 60
    background = "#fdfcf7"

    def setup(self) -> None:
        self.colour = 0
        self.width_px = 6.0
        self.strokes: list[Stroke] = []
        self.current: Stroke | None = None
        # Something to look at before the first stroke: a welcome squiggle.
        import math
        pts = array("d")
        px: float
        py: float
        for i in range(120):
            t = i / 119
            x, y = 120 + 560 * t, 420 + 60 * math.sin(t * 12)
            if i:
                pts.extend((px, py, x, y))
            px, py = x, y
        self.strokes.append((3, 8.0, pts))

    def on_mouse_press(self, e: easel.Event) -> None:
        self.current = (self.colour, self.width_px, array("d"))
        self.strokes.append(self.current)
        self.last = (e.x, e.y)

    def on_mouse_drag(self, e: easel.Event) -> None:
        if self.current is not None:
            self.current[2].extend((*self.last, e.x, e.y))
            self.last = (e.x, e.y)

    def on_mouse_release(self, e: easel.Event) -> None:
        self.current = None

    def on_scroll(self, e: easel.Event) -> None:
        self.width_px = min(60.0, max(1.0, self.width_px + (1 if e.dy > 0 else -1)))

    def on_key_press(self, e: easel.Event) -> None:
        if e.key and e.key in "123456":
            self.colour = int(e.key) - 1
        elif e.key == "c":
            self.strokes.clear()

    def on_draw(self, g: easel.Graphics) -> None:
        g.line_cap = "round"
        for colour, width, segments in self.strokes:
            g.stroke = PALETTE[colour]
            g.line_width = width
            g.lines(segments)
        # The palette.
        for i, c in enumerate(PALETTE):
            g.fill = c
            g.fill_round_rect(12 + i * 44, 12, 36, 36, 8)
            if i == self.colour:
                g.stroke = "black"
                g.line_width = 3
                g.stroke_round_rect(12 + i * 44, 12, 36, 36, 8)
        g.fill = PALETTE[self.colour]
        g.fill_circle(300, 30, self.width_px / 2)
        g.fill = "#555"
        g.font = "14px sans-serif"
        g.fill_text("drag to paint · scroll: brush · 1-6: colour · C: clear", 330, 35)
        mx, my = self.mouse
        g.stroke = "#999"
        g.line_width = 1
        g.stroke_circle(mx, my, self.width_px / 2)


if __name__ == "__main__":
    Paint().show()
