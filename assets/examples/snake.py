"""Snake: arrow keys steer, eat the apples, don't bite yourself. Space restarts."""

import random

import easel

CELL = 24
COLS, ROWS = 28, 20


class Snake(easel.Canvas):
    title = "Snake"
    size = (COLS * CELL, ROWS * CELL + 40)
    fps = 60
    background = "#1b2d1b"

    def setup(self) -> None:
        self.rng = random.Random(7)
        self.restart()

    def restart(self) -> None:
        self.body = [(COLS // 2 - i, ROWS // 2) for i in range(4)]
        self.dir = (1, 0)
        self.next_dir = self.dir
        self.apple = self.place_apple()
        self.score = 0
        self.alive = True
        self.clock = 0.0

    def place_apple(self) -> tuple[int, int]:
        while True:
            p = (self.rng.randrange(COLS), self.rng.randrange(ROWS))
            if p not in self.body:
                return p

    def on_key_press(self, e: easel.Event) -> None:
        turns = {"ArrowLeft": (-1, 0), "ArrowRight": (1, 0), "ArrowUp": (0, -1), "ArrowDown": (0, 1),
                 "a": (-1, 0), "d": (1, 0), "w": (0, -1), "s": (0, 1)}
        if e.key in turns:
            d = turns[e.key]
            if (d[0] + self.dir[0], d[1] + self.dir[1]) != (0, 0):
                self.next_dir = d
        elif e.key == " " and not self.alive:
            self.restart()

    def step(self) -> None:
        self.dir = self.next_dir
        hx, hy = self.body[0]
        head = ((hx + self.dir[0]) % COLS, (hy + self.dir[1]) % ROWS)
        if head in self.body:
            self.alive = False
            return
        self.body.insert(0, head)
        if head == self.apple:
            self.score += 1
            self.apple = self.place_apple()
        else:
            self.body.pop()

    def on_draw(self, g: easel.Graphics) -> None:
        if self.alive:
            self.clock += self.dt
            period = max(0.05, 0.14 - self.score * 0.004)
            while self.clock >= period:
                self.clock -= period
                self.step()
        g.fill = "#203820"
        for x in range(COLS):
            for y in range(ROWS):
                if (x + y) % 2 == 0:
                    g.fill_rect(x * CELL, y * CELL + 40, CELL, CELL)
        ax, ay = self.apple
        g.fill = "#ff4d4d"
        g.fill_circle(ax * CELL + CELL / 2, ay * CELL + 40 + CELL / 2, CELL * 0.4)
        for i, (x, y) in enumerate(self.body):
            g.fill = "#b6f09c" if i == 0 else "#5cc45c"
            g.fill_round_rect(x * CELL + 2, y * CELL + 42, CELL - 4, CELL - 4, 6)
        g.fill = "white"
        g.font = "bold 20px sans-serif"
        g.fill_text(f"score {self.score}", 12, 28)
        if not self.alive:
            g.fill = (0, 0, 0, 0.6)
            g.fill_rect(0, 0, self.width, self.height)
            g.fill = "white"
            g.text_align = "center"
            g.font = "bold 36px sans-serif"
            g.fill_text("game over", self.width / 2, self.height / 2)
            g.font = "18px sans-serif"
            g.fill_text("press space", self.width / 2, self.height / 2 + 34)


if __name__ == "__main__":
    Snake().show()
