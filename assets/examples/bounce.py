"""Bounce: a ball, gravity, and a click to kick it. The classic first sketch."""

import math

import easel


class Bounce(easel.Canvas):
    title = "Bounce"
    size = (640, 480)
    fps = 60
    background = "#101020"

    def setup(self) -> None:
        self.x, self.y = 120.0, 80.0
        self.vx, self.vy = 220.0, 0.0
        self.r = 28
        self.trail: list[tuple[float, float]] = []

    def on_draw(self, g: easel.Graphics) -> None:
        dt = min(self.dt, 1 / 20)   # a stalled frame (a busy machine) must not fling the ball off screen
        self.vy += 900 * dt
        self.x += self.vx * dt
        self.y += self.vy * dt
        if self.x < self.r or self.x > self.width - self.r:
            self.vx = -self.vx
            self.x = min(max(self.x, self.r), self.width - self.r)
        if self.y > self.height - self.r:
            self.y = self.height - self.r
            self.vy = -self.vy * 0.88
        self.trail = (self.trail + [(self.x, self.y)])[-40:]

        for i, (tx, ty) in enumerate(self.trail):
            g.alpha = (i + 1) / len(self.trail) * 0.35
            g.fill = "deepskyblue"
            g.fill_circle(tx, ty, self.r * (0.3 + 0.7 * i / len(self.trail)))
        g.alpha = 1.0
        g.fill = "tomato"
        g.fill_circle(self.x, self.y, self.r)
        g.stroke = "white"
        g.line_width = 2
        g.stroke_circle(self.x, self.y, self.r)
        # A shine that turns with the ball.
        a = self.x / self.r
        g.fill = (255, 255, 255, 0.6)
        g.fill_circle(self.x + math.cos(a) * self.r * 0.5, self.y + math.sin(a) * self.r * 0.5, 5)

        g.fill = "white"
        g.font = "16px sans-serif"
        g.fill_text(f"{self.fps_actual:.0f} fps   click to kick", 12, 24)

    def on_mouse_press(self, e: easel.Event) -> None:
        self.vy = -650
        self.vx = math.copysign(260, e.x - self.x) * -1


if __name__ == "__main__":
    Bounce().show()
    easel.run()
