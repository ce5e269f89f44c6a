"""Typography: families, weights, alignment, baselines, measuring and outlined text."""

import easel

WORDS = "The quick brown fox jumps over the lazy dog"


class Typography(easel.Canvas):
    title = "Typography"
    size = (820, 620)
    fps = None                 # nothing moves: draw once, and again on resize
    background = "#faf7f2"

    def on_draw(self, g: easel.Graphics) -> None:
        g.fill = "#222"
        y = 50
        for font in ["28px serif", "bold 28px sans-serif", "italic 24px serif", "22px monospace",
                     "bold italic 26px sans-serif"]:
            g.font = font
            g.fill_text(f"{font}: {WORDS[:24]}", 30, y)
            w, h = g.measure_text(f"{font}: {WORDS[:24]}")
            g.stroke = "#e0b0a0"
            g.line(30, y + 6, 30 + w, y + 6)
            y += 48

        # Alignment around a guide.
        cx = self.width / 2
        g.stroke = "#4a90d9"
        g.line_width = 1
        g.line_dash = (4, 4)
        g.line(cx, y, cx, y + 120)
        g.line_dash = ()
        g.font = "20px sans-serif"
        for i, align in enumerate(["left", "center", "right"]):
            g.text_align = align
            g.fill_text(f"text_align = {align!r}", cx, y + 30 + i * 36)
        g.text_align = "left"
        y += 150

        # Baselines along one line.
        g.stroke = "#d94a4a"
        g.line(20, y, self.width - 20, y)
        x = 30.0
        g.font = "22px serif"
        for base in ["top", "middle", "alphabetic", "bottom"]:
            g.text_baseline = base
            g.fill_text(base, x, y)
            x += g.measure_text(base)[0] + 40
        g.text_baseline = "alphabetic"

        # Outlined and squeezed text.
        g.font = "bold 64px sans-serif"
        g.stroke = "#6a4c93"
        g.line_width = 2
        g.stroke_text("Easel", 30, y + 110)
        g.fill = "#ff7f50"
        g.fill_text("squeezed to 300 px wide", 330, y + 100, 300)


if __name__ == "__main__":
    Typography().show()
