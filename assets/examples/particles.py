"""Particles: 100,000 points moved with numpy arrays and drawn with one g.points call per frame.

numpy comes with Easel's bundled Python. A fountain keeps relaunching particles; click to blast
them away from the pointer. The positions are one float32 array of shape (n, 2), which g.points
reads in place: no copy, no Python loop.
"""

import numpy as np  # type: ignore[import]  # numpy is in Easel's bundled Python, maybe not in mypy's

import easel

N = 100_000
W, H = 800, 600
GRAVITY = 320.0
RELAUNCH = N // 60        # particles sent up again by the fountain each frame


class Particles(easel.Canvas):
    title = "Particles"
    size = (W, H)
    fps = 60
    background = "#080812"

    def setup(self) -> None:
        self.rng = np.random.default_rng(7)
        # Start spread over the canvas, flying in every direction.
        self.pos = self.rng.uniform((0, 0), (W, H * 0.7), (N, 2)).astype(np.float32)
        angle = self.rng.uniform(0, 2 * np.pi, N)
        speed = self.rng.uniform(20, 200, N)
        self.vel = np.stack([np.cos(angle) * speed, np.sin(angle) * speed], axis=1).astype(np.float32)

    def on_mouse_press(self, e: easel.Event) -> None:
        away = self.pos - np.array([e.x, e.y], dtype=np.float32)
        dist = np.sqrt((away * away).sum(axis=1, keepdims=True)) + 1.0
        self.vel += away / dist * (60_000.0 / (dist + 40.0))

    def on_draw(self, g: easel.Graphics) -> None:
        dt = min(self.dt, 1 / 20)   # a stalled frame must not fling everything off screen
        pos, vel = self.pos, self.vel
        # The fountain: a random few start again from the bottom centre, upwards.
        k = self.rng.integers(0, N, RELAUNCH)
        pos[k] = (W / 2, H - 4)
        vel[k, 0] = self.rng.normal(0, 70, RELAUNCH)
        vel[k, 1] = -self.rng.uniform(380, 620, RELAUNCH)
        vel[:, 1] += GRAVITY * dt
        pos += vel * dt
        # Bounce off the walls and the floor, losing some speed.
        for axis, limit in ((0, W), (1, H)):
            out = (pos[:, axis] < 0) | (pos[:, axis] > limit)
            vel[out, axis] *= -0.7
            np.clip(pos[:, axis], 0, limit, out=pos[:, axis])
        g.fill = (255, 180, 90, 0.5)
        g.points(pos, size=1.5)     # one call: the whole (N, 2) float32 array, read in place
        g.fill = "white"
        g.font = "14px sans-serif"
        g.fill_text(f"{N:,} particles, one g.points call per frame", 10, 22)


if __name__ == "__main__":
    Particles().show()
