"""The drawing context passed to ``on_draw``."""

from __future__ import annotations

from ._image import Image

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Literal, Sequence

    from . import _easel  # the built-in module's types: _easel.pyi
    from ._types import Buffer, ColorLike, FontLike, Numbers, Paint
else:
    import _easel

_DEFAULTS = {
    "fill": "black",
    "stroke": "black",
    "line_width": 1.0,
    "line_cap": "butt",
    "line_join": "miter",
    "line_dash": (),
    "font": "12px sans-serif",   # FontSpec.DEFAULT: what frames start with
    "text_align": "left",
    "text_baseline": "alphabetic",
    "alpha": 1.0,
    "blend": "source-over",
    "image_smoothing": True,
}


def _state_property(name: str, setter: Callable[[Any], None], doc: str) -> property:
    def get(self: Graphics) -> Any:
        return self._s[name]

    def set(self: Graphics, value: Any) -> None:
        setter(value)          # validates (raises TypeError/ValueError) before it is kept
        self._s[name] = value

    return property(get, set, doc=doc)


def _set_image_smoothing(value: object) -> None:
    if value is not True and value is not False:
        raise TypeError(f"g.image_smoothing must be True or False, not {type(value).__name__}")
    _easel.set_image_smoothing(value)


class Graphics:
    """The drawing context of one frame: what ``on_draw(g)`` receives.

    Vocabulary of the HTML5 canvas 2D context, in snake_case. Drawing calls are recorded
    into the frame's display list and shown once ``on_draw`` returns; nothing is drawn
    while Python runs. ``g`` is valid only inside ``on_draw`` (and the handlers of the same
    frame): using it elsewhere raises ``RuntimeError``.

    State (properties, reset to these defaults at the start of every frame, saved and
    restored by :meth:`save` / :meth:`restore`):

    ============== ===================== ==============================================
    property       default               values
    ============== ===================== ==============================================
    fill           ``"black"``           any colour (see :class:`easel.Color`), or a gradient
                                         (:class:`easel.LinearGradient`, :class:`easel.RadialGradient`)
    stroke         ``"black"``           any colour, or a gradient
    line_width     ``1.0``               pixels
    line_cap       ``"butt"``            ``"butt"``, ``"round"``, ``"square"``
    line_join      ``"miter"``           ``"miter"``, ``"round"``, ``"bevel"``
    line_dash      ``()``                dash and gap lengths, e.g. ``(6, 3)``
    font           ``"12px sans-serif"`` CSS-like: ``"bold 16px serif"``, or an :class:`easel.Font`
    text_align     ``"left"``            ``"left"``, ``"center"``, ``"right"``
    text_baseline  ``"alphabetic"``      ``"top"``, ``"middle"``, ``"alphabetic"``, ``"bottom"``
    alpha          ``1.0``               0..1, multiplies every colour
    blend          ``"source-over"``     ``"add"``, ``"multiply"``, ``"screen"``, ...
    ============== ===================== ==============================================

    and ``image_smoothing`` (default ``True``; ``False``: images scaled by ``draw_image`` get
    hard pixel edges).

    Angles are in radians; the origin is the top-left corner, y grows downwards. Every
    parameter can be passed by position or by name (``g.circles(xyr, fill=False)``); wrong
    types raise ``TypeError`` and bad values ``ValueError``, naming the call.
    :meth:`measure_text` also works outside ``on_draw`` (``easel.Graphics.measure_text(s, font=...)``
    in ``setup``).
    """

    __slots__ = ("_s", "_stack", "_canvas")

    def __init__(self, canvas: Any = None):
        self._canvas = canvas   # the easel.Canvas drawn on (None: width and height raise AttributeError)
        self._s: dict[str, Any] = dict(_DEFAULTS)
        self._stack: list[dict[str, Any]] = []

    def _begin(self) -> None:
        self._s = dict(_DEFAULTS)
        self._stack = []

    @property
    def width(self) -> int:
        """The canvas width in pixels."""
        w: int = self._canvas.width
        return w

    @property
    def height(self) -> int:
        """The canvas height in pixels."""
        h: int = self._canvas.height
        return h

    if TYPE_CHECKING:
        # What type checkers and editors see. At run time (the else branch) the state is properties
        # whose values Java checks, and the drawing calls are the Java built-ins themselves, which do
        # not take self (so they are typed as static methods). TypeCheckTest checks these signatures
        # against the built-ins'.
        @property
        def fill(self) -> Paint:
            """Colour or gradient for fill_* calls, points, rects, circles and fill_text."""

        @fill.setter
        def fill(self, value: Paint) -> None: ...

        @property
        def stroke(self) -> Paint:
            """Colour or gradient for stroke_* calls, line, lines and polyline."""

        @stroke.setter
        def stroke(self, value: Paint) -> None: ...

        @property
        def line_width(self) -> float:
            """Stroke width in pixels."""

        @line_width.setter
        def line_width(self, value: float) -> None: ...

        @property
        def line_cap(self) -> str:
            """One of "butt", "round" or "square"."""

        @line_cap.setter
        def line_cap(self, value: str) -> None: ...

        @property
        def line_join(self) -> str:
            """One of "miter", "round" or "bevel"."""

        @line_join.setter
        def line_join(self, value: str) -> None: ...

        @property
        def line_dash(self) -> Sequence[float]:
            """Dash pattern: lengths of dashes and gaps; () for solid."""

        @line_dash.setter
        def line_dash(self, value: Sequence[float]) -> None: ...

        @property
        def font(self) -> FontLike:
            """CSS-like font: "16px sans-serif", "bold italic 20px serif", or an easel.Font."""

        @font.setter
        def font(self, value: FontLike) -> None: ...

        @property
        def text_align(self) -> str:
            """One of "left", "center" or "right"."""

        @text_align.setter
        def text_align(self, value: str) -> None: ...

        @property
        def text_baseline(self) -> str:
            """One of "top", "middle", "alphabetic" or "bottom"."""

        @text_baseline.setter
        def text_baseline(self, value: str) -> None: ...

        @property
        def alpha(self) -> float:
            """Global opacity 0..1."""

        @alpha.setter
        def alpha(self, value: float) -> None: ...

        @property
        def blend(self) -> str:
            """One of "source-over", "add", "multiply", "screen", "overlay", "darken", "lighten", "difference", ..."""

        @blend.setter
        def blend(self, value: str) -> None: ...

        @property
        def image_smoothing(self) -> bool:
            """True (default): draw_image scales smoothly; False: nearest-neighbour, hard pixel edges."""

        @image_smoothing.setter
        def image_smoothing(self, value: bool) -> None: ...

        @staticmethod
        def clear(color: ColorLike | None = None) -> None:
            """Fills the whole canvas with color (default: the canvas background), replacing what is
            there; ignores transform, alpha and blend."""

        @staticmethod
        def fill_rect(x: float, y: float, w: float, h: float) -> None:
            """Fills a rectangle with the fill colour."""

        @staticmethod
        def stroke_rect(x: float, y: float, w: float, h: float) -> None:
            """Outlines a rectangle with the stroke colour and line style."""

        @staticmethod
        def clear_rect(x: float, y: float, w: float, h: float) -> None:
            """Makes a rectangle transparent."""

        @staticmethod
        def fill_circle(x: float, y: float, r: float) -> None:
            """Fills the circle centred at (x, y) with radius r."""

        @staticmethod
        def stroke_circle(x: float, y: float, r: float) -> None:
            """Outlines the circle centred at (x, y) with radius r."""

        @staticmethod
        def fill_ellipse(x: float, y: float, w: float, h: float) -> None:
            """Fills the ellipse centred at (x, y), w wide and h tall."""

        @staticmethod
        def stroke_ellipse(x: float, y: float, w: float, h: float) -> None:
            """Outlines the ellipse centred at (x, y), w wide and h tall."""

        @staticmethod
        def line(x1: float, y1: float, x2: float, y2: float) -> None:
            """Draws a line with the stroke colour and line style."""

        @staticmethod
        def polyline(points: Numbers) -> None:
            """Draws connected lines through points: [(x, y), ...], [x0, y0, x1, y1, ...] or a buffer of floats."""

        @staticmethod
        def fill_polygon(points: Numbers) -> None:
            """Fills the polygon through points (non-zero winding)."""

        @staticmethod
        def stroke_polygon(points: Numbers) -> None:
            """Outlines the closed polygon through points."""

        @staticmethod
        def fill_round_rect(x: float, y: float, w: float, h: float, r: float) -> None:
            """Fills a rectangle with corners rounded to radius r."""

        @staticmethod
        def stroke_round_rect(x: float, y: float, w: float, h: float, r: float) -> None:
            """Outlines a rectangle with corners rounded to radius r."""

        @staticmethod
        def fill_arc(x: float, y: float, r: float, start: float, end: float) -> None:
            """Fills the pie slice of the circle (x, y, r) from angle start to end (radians, 0 = east,
            clockwise on screen)."""

        @staticmethod
        def stroke_arc(x: float, y: float, r: float, start: float, end: float) -> None:
            """Draws the arc of the circle (x, y, r) from angle start to end."""

        @staticmethod
        def begin_path() -> None:
            """Starts a new, empty path."""

        @staticmethod
        def move_to(x: float, y: float) -> None:
            """Starts a subpath at (x, y)."""

        @staticmethod
        def line_to(x: float, y: float) -> None:
            """Adds a straight segment to (x, y)."""

        @staticmethod
        def quad_to(cx: float, cy: float, x: float, y: float) -> None:
            """Adds a quadratic Bezier segment."""

        @staticmethod
        def bezier_to(c1x: float, c1y: float, c2x: float, c2y: float, x: float, y: float) -> None:
            """Adds a cubic Bezier segment."""

        @staticmethod
        def arc(x: float, y: float, r: float, start: float, end: float, ccw: bool = False) -> None:
            """Adds a circular arc (HTML canvas arc())."""

        @staticmethod
        def arc_to(x1: float, y1: float, x2: float, y2: float, r: float) -> None:
            """Adds an arc tangent to two lines (HTML canvas arcTo())."""

        @staticmethod
        def rect(x: float, y: float, w: float, h: float) -> None:
            """Adds a closed rectangle to the path."""

        @staticmethod
        def close_path() -> None:
            """Closes the current subpath."""

        @staticmethod
        def fill_path() -> None:
            """Fills the path with the fill colour."""

        @staticmethod
        def stroke_path() -> None:
            """Outlines the path with the stroke colour and line style."""

        @staticmethod
        def clip() -> None:
            """Limits drawing to the inside of the path (until restore())."""

        @staticmethod
        def fill_text(s: str, x: float, y: float, max_width: float | None = None) -> None:
            """Draws text with the fill colour, font, text_align and text_baseline; squeezed to
            max_width when given. A \\n starts a new line 1.25 font sizes lower."""

        @staticmethod
        def stroke_text(s: str, x: float, y: float, max_width: float | None = None) -> None:
            """Outlines text with the stroke colour."""

        @staticmethod
        def measure_text(s: str, font: FontLike | None = None) -> tuple[float, float]:
            """(width, height) of s in pixels: in font when given, else in the current font (inside
            on_draw) or the default "12px sans-serif". Works anywhere, also in setup() and
            handlers: easel.Graphics.measure_text(s, font=...)."""

        @staticmethod
        def put_pixels(buf: Buffer, width: int, height: int, x: int = 0, y: int = 0) -> None:
            """Copies RGBA bytes (width*height*4, row by row) to the canvas at (x, y), replacing
            pixels; ignores transform and alpha. buf: bytes, bytearray, memoryview,
            array.array('B') or a numpy uint8 array of shape (height, width, 4)."""

        @staticmethod
        def translate(x: float, y: float) -> None:
            """Moves the origin by (x, y)."""

        @staticmethod
        def rotate(angle: float) -> None:
            """Rotates by angle radians (clockwise on screen)."""

        @staticmethod
        def scale(x: float, y: float | None = None) -> None:
            """Scales by x horizontally and y (default: x) vertically."""

        @staticmethod
        def transform(a: float, b: float, c: float, d: float, e: float, f: float) -> None:
            """Multiplies the transform by [a c e; b d f; 0 0 1]."""

        @staticmethod
        def set_transform(a: float, b: float, c: float, d: float, e: float, f: float) -> None:
            """Replaces the transform."""

        @staticmethod
        def reset_transform() -> None:
            """Back to the identity transform."""

        @staticmethod
        def lines(xy: Numbers) -> None:
            """Draws one line per 4 numbers x1 y1 x2 y2 of xy: any buffer of float64 or float32
            (array.array('d'), numpy) without copying on the Python side, or a sequence of numbers."""

        @staticmethod
        def points(xy: Numbers, size: float = 1) -> None:
            """Fills a size x size square centred on each point x y of xy."""

        @staticmethod
        def rects(xywh: Numbers, fill: bool = True) -> None:
            """Fills (or outlines) one rectangle per 4 numbers x y w h."""

        @staticmethod
        def circles(xyr: Numbers, fill: bool = True) -> None:
            """Fills (or outlines) one circle per 3 numbers x y r."""

    else:
        fill = _state_property("fill", _easel.set_fill, "Colour or gradient for fill_* calls, points, rects, circles "
                               "and fill_text.")
        stroke = _state_property("stroke", _easel.set_stroke, "Colour or gradient for stroke_* calls, line, lines "
                                 "and polyline.")
        line_width = _state_property("line_width", _easel.set_line_width, "Stroke width in pixels.")
        line_cap = _state_property("line_cap", _easel.set_line_cap, '"butt", "round" or "square".')
        line_join = _state_property("line_join", _easel.set_line_join, '"miter", "round" or "bevel".')
        line_dash = _state_property("line_dash", _easel.set_line_dash, "Dash pattern: lengths of dashes and gaps; () for solid.")
        font = _state_property("font", _easel.set_font, 'CSS-like font: "16px sans-serif", "bold italic 20px serif", '
                               'or an easel.Font (Font.load("x.ttf", 20)).')
        text_align = _state_property("text_align", _easel.set_text_align, '"left", "center" or "right".')
        text_baseline = _state_property("text_baseline", _easel.set_text_baseline,
                                        '"top", "middle", "alphabetic" or "bottom".')
        alpha = _state_property("alpha", _easel.set_alpha, "Global opacity 0..1.")
        blend = _state_property("blend", _easel.set_blend,
                                '"source-over", "add", "multiply", "screen", "overlay", "darken", "lighten", '
                                '"difference", "exclusion", ...')

        image_smoothing = _state_property("image_smoothing", _set_image_smoothing,
                                          "True (default): draw_image scales smoothly; False: nearest-neighbour, "
                                          "hard pixel edges (pixel art).")

        # Drawing calls are Java built-ins themselves: g.line(...) costs one call, no Python frame.
        clear = _easel.clear
        fill_rect = _easel.fill_rect
        stroke_rect = _easel.stroke_rect
        clear_rect = _easel.clear_rect
        fill_circle = _easel.fill_circle
        stroke_circle = _easel.stroke_circle
        fill_ellipse = _easel.fill_ellipse
        stroke_ellipse = _easel.stroke_ellipse
        line = _easel.line
        polyline = _easel.polyline
        fill_polygon = _easel.fill_polygon
        stroke_polygon = _easel.stroke_polygon
        fill_round_rect = _easel.fill_round_rect
        stroke_round_rect = _easel.stroke_round_rect
        fill_arc = _easel.fill_arc
        stroke_arc = _easel.stroke_arc
        begin_path = _easel.begin_path
        move_to = _easel.move_to
        line_to = _easel.line_to
        quad_to = _easel.quad_to
        bezier_to = _easel.bezier_to
        arc = _easel.arc
        arc_to = _easel.arc_to
        rect = _easel.rect
        close_path = _easel.close_path
        fill_path = _easel.fill_path
        stroke_path = _easel.stroke_path
        clip = _easel.clip
        fill_text = _easel.fill_text
        stroke_text = _easel.stroke_text
        measure_text = _easel.measure_text
        put_pixels = _easel.put_pixels
        translate = _easel.translate
        rotate = _easel.rotate
        scale = _easel.scale
        transform = _easel.transform
        set_transform = _easel.set_transform
        reset_transform = _easel.reset_transform
        lines = _easel.lines
        points = _easel.points
        rects = _easel.rects
        circles = _easel.circles

    def draw_image(self, img: Image, x: float, y: float, w: float | None = None, h: float | None = None) -> None:
        """Draws ``img`` (an :class:`easel.Image`) with its top-left corner at (x, y),
        scaled to ``w`` x ``h`` when given (else its own size)."""
        if not isinstance(img, Image):
            raise TypeError(f"draw_image() argument 'img' must be an easel.Image (Image.load(path)), "
                            f"not {type(img).__name__}")
        _easel.draw_image(img._id, x, y, -1.0 if w is None else w, -1.0 if h is None else h)

    def save(self) -> None:
        """Pushes the state (properties, transform, clip) on a stack."""
        _easel.save()
        self._stack.append(dict(self._s))

    def restore(self) -> None:
        """Pops the state pushed by the matching :meth:`save`; does nothing if none is left."""
        _easel.restore()
        if self._stack:
            self._s = self._stack.pop()

    def saved(self) -> _Saved:
        """``with g.saved(): ...`` saves the state and restores it afterwards, even on error."""
        return _Saved(self)

    def __repr__(self) -> str:
        return "<easel.Graphics>"


# help() and reprs say "easel", not the private module the built-ins come from.
for _name, _fn in list(vars(Graphics).items()):
    if type(_fn) is type(len):
        _fn.__module__ = "easel"
del _name, _fn


class _Saved:
    """The context manager of :meth:`Graphics.saved` (contextlib would cost an import per interpreter)."""

    __slots__ = ("_g",)

    def __init__(self, g: Graphics):
        self._g = g

    def __enter__(self) -> Graphics:
        self._g.save()
        return self._g

    def __exit__(self, *exc: object) -> Literal[False]:
        self._g.restore()
        return False
