"""Easel's app icon: easel run assets/images/make_icon.py --headless --out out/ (then copy out/icon.png to app/src/main/resources/dev/easel/app/icon.png)."""
import easel, math
class Icon(easel.Canvas):
    size = (256, 256)
    background = None
    def on_draw(self, g):
        g.clear((0, 0, 0, 0))
        g.fill = "#1f2030"
        g.fill_round_rect(8, 8, 240, 240, 48) if hasattr(g, "fill_round_rect") else g.fill_rect(8, 8, 240, 240)
        cols = ["#ff6347", "#ffd166", "#06d6a0", "#118ab2"]
        for i, c in enumerate(cols):
            g.fill = c
            a = -math.pi / 2 + i * math.pi / 2 + 0.4
            g.fill_circle(128 + 58 * math.cos(a), 128 + 58 * math.sin(a), 34)
        g.stroke = "#f5f5f5"
        g.line_width = 10
        g.line(70, 200, 190, 70)
Icon().show()
