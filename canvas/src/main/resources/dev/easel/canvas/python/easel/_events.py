"""Input events and the names of the handlers that receive them."""

from __future__ import annotations

EVENTS = {
    "on_mouse_press": "a mouse button went down: e.x, e.y, e.button, e.clicks (2: a double click)",
    "on_mouse_release": "a mouse button went up: e.x, e.y, e.button, e.clicks",
    "on_mouse_click": "a button went down and up without the mouse moving: e.x, e.y, e.button, e.clicks",
    "on_mouse_move": "the mouse moved with no button held: e.x, e.y, e.dx, e.dy",
    "on_mouse_drag": "the mouse moved with a button held: e.x, e.y, e.dx, e.dy, e.button",
    "on_mouse_enter": "the mouse came over the canvas: e.x, e.y",
    "on_mouse_leave": "the mouse left the canvas: e.x, e.y (where it left)",
    "on_scroll": "the wheel or touchpad scrolled: e.x, e.y, e.dx, e.dy",
    "on_key_press": "a key went down: e.key, e.repeat (True: auto-repeat of a key held), and the modifiers",
    "on_key_release": "a key went up: e.key, and the modifiers",
    "on_text": "text was typed: e.text (one or more characters, after keyboard layout)",
    "on_file_drop": "files were dropped on the window: on_file_drop(paths), a list of str",
    "on_resize": "the canvas changed size: on_resize(width, height)",
    "on_close": "the window is closing: return False to keep it open",
    "on_reload": "live reload moved the canvas onto the newly saved code: on_reload()",
    "on_param": "a control (the side panel, a preset) changed a parameter: on_param(name, value)",
}
"""Every handler a Canvas may define, with what it receives. Names are fixed."""

_FIELDS = ("type", "x", "y", "button", "dx", "dy", "key", "text", "shift", "ctrl", "alt", "meta", "clicks",
           "repeat")


class Event:
    """One input event, passed to ``on_*`` handlers.

    Attributes: ``type`` (e.g. ``"mouse_press"``), ``x``, ``y`` (canvas pixels), ``button``
    (``"left"``, ``"middle"``, ``"right"`` or ``None``), ``dx``, ``dy`` (movement or scroll
    amount), ``key`` (``"a"``, ``"Enter"``, ``"ArrowLeft"``, ... or ``None``), ``text`` (typed
    characters or ``None``), the modifiers ``shift``, ``ctrl``, ``alt``, ``meta`` (bools),
    ``clicks`` (mouse press, release and click: 1, 2 for the second click of a double click, ...;
    0 for other events) and ``repeat`` (key press: True when the key was already held and this
    press is its auto-repeat).
    """

    __slots__ = _FIELDS

    def __init__(self, type: str, x: float = 0.0, y: float = 0.0, button: str | None = None, dx: float = 0.0,
                 dy: float = 0.0, key: str | None = None, text: str | None = None, shift: bool = False,
                 ctrl: bool = False, alt: bool = False, meta: bool = False, clicks: int = 0, repeat: bool = False):
        self.type = type
        self.x = x
        self.y = y
        self.button = button
        self.dx = dx
        self.dy = dy
        self.key = key
        self.text = text
        self.shift = shift
        self.ctrl = ctrl
        self.alt = alt
        self.meta = meta
        self.clicks = clicks
        self.repeat = repeat

    def __repr__(self) -> str:
        parts = [f"{k}={getattr(self, k)!r}" for k in _FIELDS[1:]
                 if getattr(self, k) not in (None, False, 0.0, 0)]
        return f"Event({self.type!r}{', ' if parts else ''}{', '.join(parts)})"
