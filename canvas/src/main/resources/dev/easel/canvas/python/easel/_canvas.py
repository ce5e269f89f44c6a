"""The Canvas base class and easel.run()."""

from __future__ import annotations

import sys

from ._events import EVENTS, Event
from ._graphics import Graphics
from . import _quit
from . import _window
from . import _params
from ._window import Setting

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, TypeVar

    from . import _easel  # the built-in module's types: _easel.pyi
    from ._image import Image
    from ._types import ColorLike, PathLike

    _C = TypeVar("_C", bound="Canvas")
else:
    import _easel

_LIFECYCLE = {"setup": 0, "on_draw": 1}
_ARITY = {"on_resize": 2, "on_close": 0, "on_reload": 0, "on_param": 2}
_SHOWN_ARGS = {"on_file_drop": "(paths)", "on_resize": "(width, height)", "on_close": "()",
               "on_param": "(name, value)"}


def _where(fn: Callable[..., object]) -> str:
    code = getattr(fn, "__code__", None)
    return f"{code.co_filename}:{code.co_firstlineno}" if code else "?"


class Canvas:
    """A window (or, headless, an image) whose picture Python draws, frame after frame.

    Subclass it, set class attributes, override ``setup``, ``on_draw`` and the handlers you
    need (see :data:`easel.EVENTS`), then call :meth:`show`.

    Class attributes:
      ``title`` (window title; default: the class name), ``size`` (initial client size in
      pixels, default ``(640, 480)``), ``fps`` (target frame rate, from 1 to 1000, default 60;
      ``None`` draws only after :meth:`redraw` or an event; anything else makes :meth:`show`
      raise ``ValueError``), ``cursor`` (default ``"default"``), ``fullscreen`` (default
      False), ``resizable`` (default True), ``background``
      (colour the canvas is cleared to before each frame, default ``"white"``; ``None``: not
      cleared, frames paint over the previous ones, and a resize keeps what they drew),
      ``isolated`` (True: own sub-interpreter with its own GIL, CPython 3.12+),
      ``renderer`` (``"auto"``, the default: OpenGL on a hardware GPU that measures faster at
      start-up, else the raster renderer; ``"raster"``: Java2D on the CPU; ``"gl"``: OpenGL even
      on a CPU rasterizer; GL that fails falls back to raster with one warning; ``--renderer``
      overrides it),
      ``pace`` (what ``fps`` paces: ``"shown"``, the default, frames the window shows: a frame is
      drawn only once the window can show it, so a slow display slows ``on_draw`` down;
      ``"drawn"``: ``on_draw`` runs at ``fps`` even when the window shows fewer frames, for
      simulations that step once per frame; frames drawn but never shown count in
      ``frames_dropped``; anything else makes :meth:`show` raise ``ValueError``),
      ``reset_on_reload`` (live reload: True makes a new object, whose ``setup`` runs, instead
      of moving this one onto the new code; ``on_reload()`` is called after either).

    Assignable while running (from any thread; checked at once, ``TypeError``/``ValueError``):
    ``fps``, ``title``, ``size`` (and ``width``, ``height``), ``cursor``, ``fullscreen``. They
    read as the values now: ``size`` the current size, ``fullscreen`` False again after the
    user left full screen.

    Read while running: ``width``, ``height``, ``frame`` (frames drawn so far), ``time``
    (seconds since the first frame), ``dt`` (seconds since the previous frame),
    ``fps_actual`` (frames shown per second), ``frames_drawn``, ``frames_shown``,
    ``frames_dropped``, ``mouse`` ((x, y) last seen), ``mouse_buttons`` (buttons held),
    ``keys`` (set of keys held; emptied when the window loses the focus).

    Errors: an exception in ``setup``, ``on_draw`` or a handler is reported under that
    callback's name; the frame's other events are still delivered and ``on_draw`` still runs.
    After a failing ``setup``, neither ``on_draw`` nor the handlers nor ``on_close`` are called: the window
    shows the traceback. ``SystemExit`` (``sys.exit(n)``) in any of them ends the app with
    that code, as :func:`easel.quit` does.

    Threads: ``setup``, ``on_draw`` and handlers run on the canvas' own thread, one at a time.
    ``show``, ``close`` and ``redraw`` may be called from any thread.
    """

    if TYPE_CHECKING:
        # What type checkers and editors see: at run time these five are Settings (descriptors that
        # read as plain values and check assignments), so that they can change while the canvas runs.
        title: str | None = None
        size: tuple[int, int] = (640, 480)
        fps: float | None = 60
        cursor: str = "default"
        fullscreen: bool = False
        # State Easel keeps on the instance (made in __new__, updated before each frame and event).
        _easel_init_args: tuple[tuple[Any, ...], dict[str, Any]]
        _easel_handle: int | None
        _e_width: int
        _e_height: int
        _e_frame: int
        _e_time: float
        _e_dt: float
        _e_fps: float
        _e_mouse: tuple[float, float]
        _e_keys: set[Any]      # of str: a key or button event always names one (Event says str | None)
        _e_buttons: set[Any]
        _e_counts: tuple[int, int, int]
        _e_graphics: Graphics
    else:
        title = Setting("title", None, _window._DOCS["title"])
        size = Setting("size", (640, 480), _window._DOCS["size"])
        fps = Setting("fps", 60, _window._DOCS["fps"])
        cursor = Setting("cursor", "default", _window._DOCS["cursor"])
        fullscreen = Setting("fullscreen", False, _window._DOCS["fullscreen"])
    resizable: bool = True
    background: ColorLike | None = "white"
    isolated: bool = False
    renderer: str = "auto"
    pace: str = "shown"
    reset_on_reload: bool = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _window.settings_of_subclass(cls)   # `fps = 30` in a subclass stays assignable at run time

    def __new__(cls: type[_C], *args: Any, **kwargs: Any) -> _C:
        self = super().__new__(cls)
        # Kept so an isolated canvas can be made again, with the same arguments, in its own interpreter.
        self._easel_init_args = (args, kwargs)
        self._easel_handle = None
        self._e_width, self._e_height = cls.size
        self._e_frame = 0
        self._e_time = 0.0
        self._e_dt = 0.0
        self._e_fps = 0.0
        self._e_mouse = (0.0, 0.0)
        self._e_keys = set()
        self._e_buttons = set()
        self._e_counts = (0, 0, 0)
        self._e_graphics = Graphics(self)
        return self

    # -------------------------------------------------------------- overridables

    def setup(self) -> None:
        """Called once on the canvas thread before the first frame."""

    def on_draw(self, g: Graphics) -> None:
        """Draws one frame with ``g``. Called on the canvas thread at ``fps`` (or on demand).

        Before it: the canvas is cleared to ``background``, input that arrived since the
        previous frame has gone to its handlers, and ``dt``, ``time``, ``frame`` are updated.
        Right after it returns the frame is shown; nothing is drawn while it runs. Keep state
        in ``self``: ``g`` is only valid during this call.
        """

    if TYPE_CHECKING:
        # The handlers (easel.EVENTS): not defined on Canvas at run time (a subclass defines the ones
        # it wants, and only those are called), declared here so that editors offer them and type
        # checkers check a subclass's signatures.
        def on_mouse_press(self, e: Event) -> None:
            """A mouse button went down: e.x, e.y, e.button, e.clicks (2: a double click)."""

        def on_mouse_release(self, e: Event) -> None:
            """A mouse button went up: e.x, e.y, e.button, e.clicks."""

        def on_mouse_click(self, e: Event) -> None:
            """A button went down and up without the mouse moving: e.x, e.y, e.button, e.clicks."""

        def on_mouse_move(self, e: Event) -> None:
            """The mouse moved with no button held: e.x, e.y, e.dx, e.dy."""

        def on_mouse_drag(self, e: Event) -> None:
            """The mouse moved with a button held: e.x, e.y, e.dx, e.dy, e.button."""

        def on_mouse_enter(self, e: Event) -> None:
            """The mouse came over the canvas: e.x, e.y."""

        def on_mouse_leave(self, e: Event) -> None:
            """The mouse left the canvas: e.x, e.y (where it left)."""

        def on_scroll(self, e: Event) -> None:
            """The wheel or touchpad scrolled: e.x, e.y, e.dx, e.dy."""

        def on_key_press(self, e: Event) -> None:
            """A key went down: e.key, e.repeat (True: auto-repeat of a key held), and the modifiers."""

        def on_key_release(self, e: Event) -> None:
            """A key went up: e.key, and the modifiers."""

        def on_text(self, e: Event) -> None:
            """Text was typed: e.text (one or more characters, after keyboard layout)."""

        def on_file_drop(self, paths: list[str]) -> None:
            """Files were dropped on the window: a list of absolute paths."""

        def on_resize(self, width: int, height: int) -> None:
            """The canvas changed size."""

        def on_close(self) -> bool | None:
            """The window is closing: return False to keep it open."""

        def on_reload(self) -> None:
            """Live reload moved the canvas onto the newly saved code."""

        def on_param(self, name: str, value: Any) -> None:
            """A control (the side panel, a preset) changed parameter ``name``; ``value`` is its new value."""

    # -------------------------------------------------------------- calls

    def show(self: _C) -> _C:
        """Opens the canvas and starts its thread. Returns at once (``self``, for chaining)."""
        if self._easel_handle is not None:
            raise RuntimeError(f"{type(self).__name__} is already shown")
        self._easel_check_handlers()
        _window.check_before_show(self)   # a bad class cursor or fullscreen raises before anything starts
        self._easel_handle = _easel.show(self)
        return self

    def close(self) -> None:
        """Closes the canvas (``on_close`` runs, but cannot keep it open). Any thread."""
        if self._easel_handle is not None:
            _easel.close(self._easel_handle)

    def redraw(self) -> None:
        """Asks for a frame soon: the way to animate a canvas with ``fps = None``. Any thread."""
        if self._easel_handle is not None:
            _easel.redraw(self._easel_handle)

    def snapshot(self) -> Image:
        """The last frame shown, as an :class:`easel.Image`."""
        from ._image import Image
        if self._easel_handle is None:
            raise RuntimeError("snapshot() needs a shown canvas")
        return Image(*_easel.snapshot(self._easel_handle))

    def save_frame(self, path: PathLike) -> str:
        """Writes the picture shown after this frame's drawing to ``path`` (``str`` or
        ``pathlib.Path``), in the format its name ends with, as :meth:`Image.save` does (``.png``,
        ``.jpg``, ``.bmp``, ``.gif``; else ``ValueError``). Each run of ``#`` in the name becomes
        the frame number, zero-padded to the run's length: ``"out/frame-####.png"`` in frame 7
        writes ``out/frame-0007.png``. Missing folders are made. Returns the file name.

        The file is written by the renderer once the frame is shown (in setup: the first frame;
        from another thread: the next one), without the error overlay. Works in windows and
        headless. A file that cannot be written then is reported on stderr."""
        from ._image import _path
        if self._easel_handle is None:
            raise RuntimeError("save_frame() needs a shown canvas")
        return _easel.save_frame(self._easel_handle, _path("save_frame", path))

    # -------------------------------------------------------------- state

    @property
    def width(self) -> int:
        """Canvas width in pixels. Assigning it asks for a new size, as ``size`` does."""
        return self._e_width

    @width.setter
    def width(self, w: int) -> None:
        self.size = (w, self.__dict__.get("_e_asked", self.size)[1])

    @property
    def height(self) -> int:
        """Canvas height in pixels. Assigning it asks for a new size, as ``size`` does."""
        return self._e_height

    @height.setter
    def height(self, h: int) -> None:
        self.size = (self.__dict__.get("_e_asked", self.size)[0], h)

    @property
    def frame(self) -> int:
        """Frames drawn before this one (0 during the first ``on_draw``)."""
        return self._e_frame

    @property
    def time(self) -> float:
        """Seconds since the first frame."""
        return self._e_time

    @property
    def dt(self) -> float:
        """Seconds since the previous frame (0 in the first)."""
        return self._e_dt

    @property
    def fps_actual(self) -> float:
        """Frames per second actually shown, averaged over the last second (the target ``fps``
        when headless, which runs on simulated time)."""
        return self._e_fps

    @property
    def frames_drawn(self) -> int:
        """``on_draw`` calls completed before this frame."""
        return self._e_counts[0]

    @property
    def frames_shown(self) -> int:
        """Frames that reached the screen (or, headless, the picture) before this frame."""
        return self._e_counts[1]

    @property
    def frames_dropped(self) -> int:
        """Frames drawn but never shown: a newer one replaced them while the window was still
        rasterizing an older one (``on_draw`` is faster than the screen)."""
        return self._e_counts[2]

    @property
    def mouse(self) -> tuple[float, float]:
        """(x, y) of the mouse as last seen over the canvas."""
        return self._e_mouse

    @property
    def mouse_buttons(self) -> frozenset[str]:
        """The mouse buttons held now (``"left"``, ``"middle"``, ``"right"``), as the latest mouse
        event saw them; emptied when the window loses the focus."""
        return frozenset(self._e_buttons)

    @property
    def keys(self) -> frozenset[str]:
        """The keys held down now (names as in ``Event.key``); emptied when the window loses
        the keyboard focus."""
        return frozenset(self._e_keys)

    # -------------------------------------------------------------- internals, called by Easel

    def _easel_check_handlers(self) -> None:
        """Misspelled handlers and wrong signatures are reported with file and line, as pyglet does."""
        import difflib   # imported here: every interpreter imports easel, few call show()
        import inspect
        cls = type(self)
        known = set(EVENTS) | set(_LIFECYCLE)
        for name in dir(cls):
            if not name.startswith("on_") or name in known:
                continue
            fn = getattr(cls, name)
            if callable(fn):
                close = difflib.get_close_matches(name, known, n=1)
                hint = f"; did you mean {close[0]}?" if close else ""
                print(f"easel: warning: {cls.__name__}.{name} ({_where(fn)}) is not an event handler{hint}",
                      file=sys.stderr)
        for name in list(EVENTS) + list(_LIFECYCLE):
            fn = getattr(cls, name, None)
            if fn is None or not inspect.isfunction(fn):
                continue
            n = _LIFECYCLE.get(name, _ARITY.get(name, 1))
            try:
                inspect.signature(fn).bind(self, *range(n))
            except TypeError:
                shown = _SHOWN_ARGS.get(name, "(g)" if name == "on_draw" else "()" if n == 0 else "(e)")
                raise TypeError(f"{cls.__name__}.{name} at {_where(fn)} must accept {shown} after self; "
                                f"its signature is {name}{inspect.signature(fn)}") from None

    def _easel_recipe(self) -> tuple[str, str | None, str, bytes]:
        """How Easel makes this canvas again in its own interpreter (isolated canvases)."""
        import pickle
        cls = type(self)
        module = sys.modules.get(cls.__module__)
        path = getattr(module, "__file__", None)
        if "<locals>" in cls.__qualname__:
            raise TypeError(f"{cls.__qualname__} is defined inside a function: an isolated canvas class must be "
                            f"defined at the top level of a module")
        try:
            payload = pickle.dumps(self._easel_init_args)
        except Exception as e:
            raise TypeError(f"the arguments of {cls.__name__}(...) cannot be pickled, and an isolated canvas is "
                            f"made again from them in its own interpreter: {e}") from None
        return (cls.__module__, path, cls.__qualname__, payload)

    # Each runs one of the sketch's callbacks. SystemExit ends the app with its code; Easel's own
    # stop of a stuck canvas (also a SystemExit) is told apart in Java. Names start with _easel_ so
    # that tracebacks leave these frames out.

    def _easel_setup(self, handle: int) -> None:
        self._easel_handle = handle
        try:
            start = _easel.param_start()
            if start is not None:
                _params.start(self, start[0], start[1])
            self.setup()
        except SystemExit as e:
            _quit.exiting(e)
            raise

    def _easel_begin(self, frame: int, time: float, dt: float, fps: float, width: int, height: int, drawn: int,
                     shown: int, dropped: int) -> None:
        self._e_frame = frame
        self._e_time = time
        self._e_dt = dt
        self._e_fps = fps
        self._e_width = width
        self._e_height = height
        self._e_counts = (drawn, shown, dropped)

    def _easel_event(self, ev: tuple[Any, ...]) -> None:
        """One input event: the canvas' state first (so keys stays in sync), then its handler."""
        try:
            kind = ev[0]
            if kind == "resize":
                self._e_width, self._e_height = int(ev[1]), int(ev[2])
                self.__dict__.pop("_e_asked", None)
                handler = getattr(self, "on_resize", None)
                if handler is not None:
                    handler(self._e_width, self._e_height)
                return
            if kind == "param":
                _params.deliver(self, ev[6], ev[7])   # key: the name, text: the value as text
                return
            if kind == "focus_lost":
                self._e_keys.clear()   # the releases of keys and buttons held now go to another window
                self._e_buttons.clear()
                return
            if kind == "file_drop":
                self._e_mouse = (ev[1], ev[2])
                handler = getattr(self, "on_file_drop", None)
                if handler is not None:
                    handler(list(ev[15]))
                return
            e = Event(*ev[:14])
            if kind.startswith("mouse"):
                self._e_mouse = (e.x, e.y)
                held = ev[14]
                if held is not None:
                    self._e_buttons = set(held)   # the window says what is held: always right
                elif kind == "mouse_press":
                    self._e_buttons.add(e.button)
                elif kind == "mouse_release":
                    self._e_buttons.discard(e.button)
            elif kind == "key_press":
                self._e_keys.add(e.key)
            elif kind == "key_release":
                self._e_keys.discard(e.key)
            handler = getattr(self, "on_" + kind, None)
            if handler is not None:
                handler(e)
        except SystemExit as e:
            _quit.exiting(e)
            raise

    def _easel_draw(self) -> None:
        try:
            g = self._e_graphics
            g._begin()
            self.on_draw(g)
        except SystemExit as e:
            _quit.exiting(e)
            raise

    def _easel_close(self) -> bool:
        try:
            handler = getattr(self, "on_close", None)
            return True if handler is None else handler() is not False
        except SystemExit as e:
            _quit.exiting(e)
            raise

    def __repr__(self) -> str:
        return f"<{type(self).__name__} canvas {self._e_width}x{self._e_height}>"


def run() -> None:
    """Blocks until every canvas is closed (without holding the GIL). Optional: the app keeps
    running while windows are open, even when the script has finished."""
    _easel.run()
