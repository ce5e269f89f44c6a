"""Images: one made from pixels, one loaded from a PNG, both drawn scaled and rotated.

Press S to save a snapshot of the canvas as snapshot.png.
"""

import math
import os

import easel

HERE = os.path.dirname(os.path.abspath(__file__))


def gradient(w: int, h: int) -> easel.Image:
    px = bytearray(w * h * 4)
    for y in range(h):
        for x in range(w):
            i = (y * w + x) * 4
            px[i:i + 4] = bytes((x * 255 // w, y * 255 // h, 160, 255))
    return easel.Image.from_pixels(px, w, h)


class Images(easel.Canvas):
    title = "Images"
    size = (720, 480)
    background = "#202428"

    def setup(self) -> None:
        self.grad = gradient(64, 64)
        self.logo = easel.Image.load(os.path.join(HERE, "..", "images", "easel-logo.png"))

    def on_draw(self, g: easel.Graphics) -> None:
        g.draw_image(self.grad, 20, 20)
        g.draw_image(self.grad, 100, 20, 200, 120)
        for i in range(6):
            with g.saved():
                g.translate(480, 240)
                g.rotate(self.time * 0.5 + i * math.tau / 6)
                g.alpha = 0.35 + 0.1 * i
                g.draw_image(self.logo, 40, -self.logo.height / 4, self.logo.width / 2, self.logo.height / 2)
        g.fill = "white"
        g.font = "15px sans-serif"
        g.fill_text(f"gradient {self.grad.width}x{self.grad.height} · logo {self.logo.width}x{self.logo.height}"
                    " · press S to save a snapshot", 20, 460)

    def on_key_press(self, e: easel.Event) -> None:
        if e.key == "s":
            self.snapshot().save("snapshot.png")
            print("saved snapshot.png")


if __name__ == "__main__":
    Images().show()
