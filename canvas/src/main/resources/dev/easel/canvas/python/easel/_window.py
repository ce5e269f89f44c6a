"""Canvas settings that are class attributes and can also be assigned while the canvas runs:
``fps``, ``title``, ``size``, ``cursor``, ``fullscreen``."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Protocol

    from . import _easel  # the built-in module's types: _easel.pyi

    class Canvas(Protocol):
        """What settings use of a canvas (a Protocol: importing _canvas here would be a cycle)."""
        _e_width: int
        _e_height: int
else:
    import _easel

CURSORS = ("default", "none", "crosshair", "hand", "text", "move", "wait", "grab", "grabbing",
           "ew-resize", "ns-resize", "nesw-resize", "nwse-resize", "n-resize", "e-resize", "s-resize",
           "w-resize", "ne-resize", "nw-resize", "se-resize", "sw-resize")
"""The names ``Canvas.cursor`` accepts (CSS cursor names; ``"hand"`` is CSS ``pointer``)."""

_FIELD = {"title": 0, "cursor": 1, "fullscreen": 2, "fps": 3}


class Setting:
    """A Canvas class attribute that may also be assigned on the instance while it runs.

    On the class it reads as the value the class declared (``MySketch.fps``). On an instance it
    reads as the value now, and assigning it checks the value (a clear ``TypeError`` or
    ``ValueError``) and, once the canvas is shown, changes the running canvas.
    """

    def __init__(self, name: str, default: object, doc: str):
        self.name = name
        self.default = default
        self.__doc__ = doc

    def __get__(self, obj: Canvas | None, cls: type | None = None) -> Any:
        if obj is None:
            return self.default
        if self.name == "size":
            return (obj._e_width, obj._e_height)
        handle = obj.__dict__.get("_easel_handle")
        now = _easel.window_get(handle) if handle else None
        if now is not None:
            return now[_FIELD[self.name]]
        return obj.__dict__.get("_e_set_" + self.name, self.default)

    def __set__(self, obj: Canvas, value: object) -> None:
        apply(obj, self.name, value)

    def __repr__(self) -> str:
        return f"<easel.Canvas setting {self.name} (class value {self.default!r})>"


def apply(canvas: Canvas, name: str, value: object) -> None:
    """Checks ``value`` for setting ``name`` and, if the canvas is shown, changes it there."""
    handle = canvas.__dict__.get("_easel_handle") or 0
    v = _easel.window_set(handle, type(canvas).__name__, name, value)
    canvas.__dict__["_e_set_" + name] = v
    if name == "size":
        if handle:
            canvas.__dict__["_e_asked"] = v   # width and height of the next frame, for the width/height setters
        else:
            canvas._e_width, canvas._e_height = v


def settings_of_subclass(cls: type) -> None:
    """A subclass's plain values for the settings become Settings with those values as class values."""
    for name in ("fps", "title", "size", "cursor", "fullscreen"):
        value = cls.__dict__.get(name, Setting)
        if value is not Setting and not hasattr(value, "__get__"):
            setattr(cls, name, Setting(name, value, _DOCS[name]))


def check_before_show(canvas: Canvas) -> None:
    """Cursor and fullscreen as the class declared them (or __init__ set them) are checked with the
    messages of an assignment, before show() starts anything."""
    for name in ("cursor", "fullscreen"):
        _easel.window_set(0, type(canvas).__name__, name, getattr(canvas, name))


_DOCS = {
    "fps": "Target frames per second, 1 to 1000, or None: draw only after redraw() or an event. Assign it "
           "while running to change the pace from the next frame (time and dt follow).",
    "title": "The window title (None: the class name). Assign it while running to retitle the window.",
    "size": "(width, height) in pixels, each 1 to 16384: the initial size on the class, the current size on a "
            "running canvas. Assign it while running to resize the window (headless: the picture); the new "
            "size arrives as a resize (on_resize, then width and height) before a later frame.",
    "cursor": "The mouse cursor over the canvas: " + ", ".join(repr(c) for c in CURSORS)
              + ". Anything else is a ValueError listing these.",
    "fullscreen": "True: the window fills the screen (Escape leaves, and this reads False again); the canvas gets "
                  "the screen's size as a resize. Headless: recorded only.",
}
