"""Parallel: two isolated canvases burn CPU in pure Python at the same time, a third one watches.

Each "Plasma" canvas computes its picture pixel by pixel in Python (slow on purpose) in its own
sub-interpreter with its own GIL, so both run at full speed on two cores. They report their frame
times through a channel to the "Dashboard", an ordinary shared canvas. Press S in the dashboard
to tell the workers (through another channel) to switch between half and full resolution.

Try ``easel run assets/examples/parallel.py`` and compare the frame times with what you get when
``isolated`` is False (shared canvases take turns on one GIL). Needs CPython 3.12+ for isolation;
on 3.11 the workers run shared.
"""

import math
import time

import easel

ISOLATION = easel.python_info()["isolation_available"]
W, H = 240, 180


class Plasma(easel.Canvas):
    title = "Plasma worker"
    size = (W, H)
    fps = 30
    background = None
    isolated = ISOLATION          # own sub-interpreter and GIL where the Python allows it

    def __init__(self, name: str, speed: float) -> None:
        super().__init__()        # arguments are pickled into the canvas' own interpreter
        self.name, self.speed = name, speed

    def setup(self) -> None:
        self.stats = easel.Channel("stats")
        self.control = easel.Channel(f"control-{self.name}")
        self.step = 2
        self.pixels = bytearray(W * H * 4)

    def on_draw(self, g: easel.Graphics) -> None:
        message = self.control.try_recv()
        if message == "toggle":
            self.step = 1 if self.step == 2 else 2
        t0 = time.perf_counter()
        t = self.time * self.speed
        buf, step = self.pixels, self.step
        for y in range(0, H, step):
            for x in range(0, W, step):
                v = (math.sin(x * 0.045 + t) + math.sin(y * 0.06 - t * 1.3)
                     + math.sin((x + y) * 0.03 + t * 0.7)) / 3
                r, gg, b = int(128 + 127 * v), int(128 + 127 * math.sin(v * 3 + t)), int(200 - 55 * v)
                for dy in range(step):
                    i = ((y + dy) * W + x) * 4
                    buf[i:i + 4 * step] = bytes((r, gg, b, 255)) * step
        compute_ms = (time.perf_counter() - t0) * 1000
        g.put_pixels(buf, W, H)
        g.fill = (0, 0, 0, 0.55)
        g.fill_rect(0, 0, W, 24)
        g.fill = "white"
        g.font = "13px sans-serif"
        mode = easel.python_info()["mode"]
        g.fill_text(f"{self.name}: {compute_ms:5.1f} ms/frame ({mode})", 8, 16)
        self.stats.send((self.name, compute_ms, self.fps, mode))


class Dashboard(easel.Canvas):
    title = "Dashboard"
    size = (360, 180)
    fps = 30
    background = "#15171f"

    def setup(self) -> None:
        self.stats = easel.Channel("stats")
        self.latest: dict[str, tuple[float, float, str] | None] = {"left": None, "right": None}

    def on_key_press(self, e: easel.Event) -> None:
        if e.key in ("s", "S"):
            for name in self.latest:
                easel.Channel(f"control-{name}").send("toggle")

    def on_draw(self, g: easel.Graphics) -> None:
        while (m := self.stats.try_recv()) is not None:
            name, ms, fps, mode = m
            self.latest[name] = (ms, fps, mode)
        g.fill = "white"
        g.font = "bold 15px sans-serif"
        g.fill_text("Python time per frame", 16, 26)
        g.font = "12px sans-serif"
        g.fill = (255, 255, 255, 0.6)
        g.fill_text("S: switch the workers' resolution", 16, 166)
        for row, (name, value) in enumerate(self.latest.items()):
            y = 48 + row * 50
            g.fill = (255, 255, 255, 0.12)
            g.fill_rect(16, y, 328, 28)
            g.fill = "white"
            if value is None:
                g.fill_text(f"{name}: waiting...", 22, y + 19)
                continue
            ms, fps, mode = value
            g.fill = "#4fc3f7" if mode != "shared" else "#ffb74d"
            g.fill_rect(16, y, min(328, 328 * ms / 100), 28)   # full bar: 100 ms
            g.fill = "white"
            g.fill_text(f"{name}: {ms:5.1f} ms ({mode})", 22, y + 19)


if __name__ == "__main__":         # the workers import this file again: keep this part to the script
    Plasma("left", 1.0).show()
    Plasma("right", 1.7).show()
    Dashboard().show()
