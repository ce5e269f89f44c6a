# Canvas settings assigned while running (fps, title, size, width/height, cursor, fullscreen) take
# effect headless, read back as the values now, and refuse bad values with clear exceptions.
import math


class Runtime(easel.Canvas):
    title = "Before"
    size = (40, 30)
    fps = 60

    def setup(self):
        self.resizes = []
        check("title in setup", self.title == "Before", repr(self.title))
        check("class value of a subclass", type(self).fps == 60 and type(self).size == (40, 30), "")

    def on_resize(self, w, h):
        self.resizes.append((w, h))

    def on_draw(self, g):
        f = self.frame
        if f == 0:
            self.fps = 10
            check("fps reads the new value", self.fps == 10, repr(self.fps))
            self.title = "After"
            check("title reads the new value", self.title == "After", repr(self.title))
            self.size = (50, 20)
            check("size stays the current size until the resize", self.size == (40, 30), repr(self.size))
            self.cursor = "crosshair"
            check("cursor", self.cursor == "crosshair", repr(self.cursor))
            self.fullscreen = True
            check("fullscreen recorded headless", self.fullscreen is True, repr(self.fullscreen))
            for bad in (0.5, 0, -5, 1001, math.nan, math.inf):
                raises(f"fps = {bad!r}", ValueError, lambda: setattr(self, "fps", bad), "fps", "1 to 1000")
            for bad in ("fast", True, [30]):
                raises(f"fps = {bad!r}", TypeError, lambda: setattr(self, "fps", bad), "fps")
            for bad in ((0, 10), (10, -1), (17000, 10), (2 ** 80, 10)):
                raises(f"size = {bad!r}", ValueError, lambda: setattr(self, "size", bad), "size", "16384")
            for bad in ((10,), (1.5, 2), "10x10", None, (True, 3)):
                raises(f"size = {bad!r}", TypeError, lambda: setattr(self, "size", bad), "size", "(width, height)")
            msg = raises("cursor = 'pointy'", ValueError, lambda: setattr(self, "cursor", "pointy"), "'pointy'",
                         "'crosshair'", "'hand'", "'none'", "'ew-resize'")
            raises("cursor = 5", TypeError, lambda: setattr(self, "cursor", 5), "cursor", "int")
            raises("fullscreen = 'yes'", TypeError, lambda: setattr(self, "fullscreen", "yes"), "True or False")
            raises("title = 5", TypeError, lambda: setattr(self, "title", 5), "title", "int")
            raises("width = 0", ValueError, lambda: setattr(self, "width", 0), "size")
            check("refused values leave the settings", (self.fps, self.cursor, self.fullscreen, self.title)
                  == (10, "crosshair", True, "After"), repr((self.fps, self.cursor, self.fullscreen, self.title)))
            check("the class keeps its values", (Runtime.fps, Runtime.title, Runtime.cursor) == (60, "Before", "default"),
                  repr((Runtime.fps, Runtime.title, Runtime.cursor)))
            g.clear("red")
        elif f == 1:
            check("dt at the new fps", abs(self.dt - 0.1) < 1e-9, repr(self.dt))
            check("time goes on at the new fps", abs(self.time - 0.1) < 1e-9, repr(self.time))
            check("fps_actual headless is the new target", self.fps_actual == 10, repr(self.fps_actual))
            check("size assigned", (self.size, self.width, self.height) == ((50, 20), 50, 20),
                  repr((self.size, self.width, self.height)))
            check("on_resize for the assigned size", self.resizes == [(50, 20)], repr(self.resizes))
            check("g has the new size", (g.width, g.height) == (50, 20), repr((g.width, g.height)))
            g.clear("blue")
            self.width = 44
            self.height = 33   # both in one frame: neither undoes the other
            self.fps = None
        elif f == 2:
            img = self.snapshot()
            check("snapshot has the assigned size", (img.width, img.height) == (50, 20), f"{img.width}x{img.height}")
            check_pixel("snapshot shows frame 1", img, 45, 15, (0, 0, 255, 255))
            check("width and height assigned", self.size == (44, 33), repr(self.size))
            # Each assignment asks for a size: width then height are two resizes, both before this frame.
            check("on_resize again", self.resizes == [(50, 20), (44, 20), (44, 33)], repr(self.resizes))
            check("fps = None", self.fps is None, repr(self.fps))
            check("time on demand goes on at 1/60", abs(self.time - (0.1 + 1 / 60)) < 1e-9, repr(self.time))
            self.title = None
            check("title None is the class name", self.title == "Runtime", repr(self.title))
            self.size = (44, 33)   # the size it has: no resize
            self.fps = 25.5
        elif f == 3:
            check("no resize to the same size", len(self.resizes) == 3, repr(self.resizes))
            check("fractional fps", self.fps == 25.5 and abs(self.dt - 1 / 25.5) < 1e-9, repr((self.fps, self.dt)))


class Early(easel.Canvas):
    """Settings assigned in __init__, before show(), are what the canvas starts with."""

    def __init__(self):
        self.title = "Made in init"
        self.size = (12, 8)
        self.cursor = "wait"
        self.fps = 5
        check("size before show", (self.size, self.width) == ((12, 8), 12), repr(self.size))

    def on_draw(self, g):
        if self.frame == 0:
            check("early size", (self.width, self.height) == (12, 8), f"{self.width}x{self.height}")
            check("early title, cursor, fps", (self.title, self.cursor, self.fps) == ("Made in init", "wait", 5),
                  repr((self.title, self.cursor, self.fps)))
        elif self.frame == 1:
            check("early fps paces", abs(self.dt - 0.2) < 1e-9, repr(self.dt))


class Pointy(easel.Canvas):
    cursor = "pointy"


class Slow(easel.Canvas):
    fps = 0.5


raises("class cursor = 'pointy'", ValueError, lambda: Pointy().show(), "Pointy.cursor", "'hand'")
raises("class fps = 0.5", ValueError, lambda: Slow().show(), "Slow.fps", "1 to 1000")
Runtime().show()
Early().show()


class SettingsFuzz(easel.Canvas):
    """Random values assigned to every setting from the canvas thread and two others at once: each
    is taken or refused with TypeError/ValueError and a message; the canvas goes on drawing."""
    size = (30, 20)

    VALUES = [None, True, False, 0, -1, 1, 7, 60, 1000, 1001, 2 ** 70, -2 ** 70, 0.5, 12.5, math.nan, math.inf,
              -math.inf, "", "x" * 10000, "crosshair", "hand", "none", "\0", (1, 1), (30, 20), (0, 0), (1, 2, 3),
              [25, 15], (1.0, 2.0), ("a", "b"), object(), b"bytes", {"w": 1}]
    NAMES = ["fps", "title", "size", "width", "height", "cursor", "fullscreen"]

    def fuzz(self, seed, n):
        import random
        r = random.Random(seed)
        for _ in range(n):
            name, value = r.choice(self.NAMES), r.choice(self.VALUES)
            try:
                setattr(self, name, value)
                getattr(self, name)
            except (TypeError, ValueError, OverflowError) as e:
                if not str(e).strip():
                    self.bad.append(f"{name} = {value!r:.40}: {type(e).__name__} without a message")
            except BaseException as e:
                self.bad.append(f"{name} = {value!r:.40}: {type(e).__name__}: {e}")

    def on_draw(self, g):
        if self.frame == 0:
            import threading
            self.bad = []
            threads = [threading.Thread(target=self.fuzz, args=(s, 1500)) for s in (1, 2)]
            for t in threads:
                t.start()
            self.fuzz(3, 1500)
            for t in threads:
                t.join()
            check("settings fuzz: only clear TypeError/ValueError", self.bad == [], "\n".join(self.bad[:10]))
            self.fps, self.size, self.fullscreen, self.cursor = 60, (30, 20), False, "default"
        elif self.frame == 3:
            check("settings fuzz: the canvas still draws", (self.width, self.height) == (30, 20),
                  f"{self.width}x{self.height}")
            g.clear("lime")


SettingsFuzz().show()
