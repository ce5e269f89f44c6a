# The events beyond press/move/key: enter and leave, clicks (double click), key auto-repeat, file
# drops, and mouse_buttons, the buttons held (from scripted events, as from a window).


class Events(easel.Canvas):
    size = (40, 30)

    def setup(self):
        self.log = []

    def on_mouse_enter(self, e):
        self.log.append(("enter", e.x, e.y))

    def on_mouse_leave(self, e):
        self.log.append(("leave", e.x, e.y, sorted(self.mouse_buttons)))

    def on_mouse_press(self, e):
        self.log.append(("press", e.button, e.clicks, sorted(self.mouse_buttons)))

    def on_mouse_release(self, e):
        self.log.append(("release", e.button, e.clicks))

    def on_mouse_click(self, e):
        self.log.append(("click", e.button, e.clicks))

    def on_key_press(self, e):
        self.log.append(("key", e.key, e.repeat))

    def on_file_drop(self, paths):
        self.log.append(("drop", paths, self.mouse))

    def on_draw(self, g):
        f = self.frame
        if f == 0:
            check("no buttons at first", self.mouse_buttons == frozenset(), repr(self.mouse_buttons))
            check("mouse_buttons is read-only", not hasattr(type(self).mouse_buttons, "__set__")
                  or type(self).mouse_buttons.fset is None, "")
        elif f == 1:
            check("enter, presses with clicks, repeat", self.log == [
                ("enter", 3.0, 4.0), ("press", "left", 1, ["left"]), ("release", "left", 1),
                ("click", "left", 1), ("press", "left", 2, ["left"]), ("key", "a", False), ("key", "a", True)],
                  repr(self.log))
            check("left held", self.mouse_buttons == {"left"}, repr(self.mouse_buttons))
            check("keys with a repeat", self.keys == {"a"}, repr(self.keys))
        elif f == 2:
            check("two held", self.mouse_buttons == {"left", "right"}, repr(self.mouse_buttons))
        elif f == 3:
            check("focus lost empties mouse_buttons", self.mouse_buttons == frozenset(), repr(self.mouse_buttons))
            check("focus lost empties keys", self.keys == frozenset(), repr(self.keys))
        elif f == 4:
            check("the window's buttons win", self.mouse_buttons == {"middle"}, repr(self.mouse_buttons))
        elif f == 5:
            tail = self.log[-3:]
            check("leave while pressed, enter released, then drop", tail == [
                ("leave", 50.0, 10.0, ["middle"]), ("enter", 39.0, 10.0),
                ("drop", ["/tmp/a picture.png", "notes.txt"], (7.0, 8.0))], repr(tail))
            check("left while pressed, released outside: nothing held", self.mouse_buttons == frozenset(),
                  repr(self.mouse_buttons))
            e = easel.Event("mouse_press", clicks=2)
            check("Event defaults", (easel.Event("key_press").clicks, easel.Event("key_press").repeat) == (0, False), "")
            check("Event repr shows clicks", "clicks=2" in repr(e), repr(e))


Events().show()
