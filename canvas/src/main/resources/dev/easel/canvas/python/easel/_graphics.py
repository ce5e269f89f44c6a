"""The drawing context passed to ``on_draw``."""

import _easel
from ._image import Image

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


def _state_property(name, setter, doc):
    def get(self):
        return self._s[name]

    def set(self, value):
        setter(value)          # validates (raises TypeError/ValueError) before it is kept
        self._s[name] = value

    return property(get, set, doc=doc)


def _set_image_smoothing(value):
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

    def __init__(self, canvas=None):
        self._canvas = canvas
        self._s = dict(_DEFAULTS)
        self._stack = []

    def _begin(self):
        self._s = dict(_DEFAULTS)
        self._stack = []

    @property
    def width(self) -> int:
        """The canvas width in pixels."""
        return self._canvas.width

    @property
    def height(self) -> int:
        """The canvas height in pixels."""
        return self._canvas.height

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

    def draw_image(self, img, x: float, y: float, w: float = None, h: float = None) -> None:
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

    def saved(self) -> "_Saved":
        """``with g.saved(): ...`` saves the state and restores it afterwards, even on error."""
        return _Saved(self)

    def __repr__(self):
        return "<easel.Graphics>"


# help() and reprs say "easel", not the private module the built-ins come from.
for _name, _fn in list(vars(Graphics).items()):
    if type(_fn) is type(len):
        _fn.__module__ = "easel"
del _name, _fn


class _Saved:
    """The context manager of :meth:`Graphics.saved` (contextlib would cost an import per interpreter)."""

    __slots__ = ("_g",)

    def __init__(self, g):
        self._g = g

    def __enter__(self):
        self._g.save()
        return self._g

    def __exit__(self, *exc):
        self._g.restore()
        return False
