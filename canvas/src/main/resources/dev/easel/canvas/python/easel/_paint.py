"""Gradients: paints for ``g.fill`` and ``g.stroke``."""

from __future__ import annotations

import math

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterable

    from ._types import ColorLike
    from . import _easel  # the built-in module's types: _easel.pyi
else:
    import _easel

_EXTENDS = ("pad", "repeat", "reflect")


def _number(call: str, what: str, v: Any) -> float:
    """A finite float from an int, a float or anything with __float__/__index__ (not bool, not str)."""
    t = type(v)
    if isinstance(v, bool) or not (hasattr(t, "__float__") or hasattr(t, "__index__")):
        raise TypeError(f"{call}() {what} must be a number, not {t.__name__}")
    try:
        f = float(v)
    except OverflowError:
        raise ValueError(f"{call}() {what} is too large") from None
    if not math.isfinite(f):
        raise ValueError(f"{call}() {what} must be a finite number, got {f!r}")
    return f


def _stops(call: str, stops: Any) -> tuple[tuple[tuple[float, ColorLike], ...], tuple[float, ...], tuple[int, ...]]:
    """Checks (offset, colour) pairs; returns (pairs as given, offsets, packed ARGB colours)."""
    if isinstance(stops, (str, bytes)) or not hasattr(type(stops), "__iter__"):
        raise TypeError(f"{call}() stops must be a sequence of (offset, colour) pairs, not {type(stops).__name__}")
    items = list(stops)
    if not items:
        raise ValueError(f"{call}() stops is empty: give at least one (offset, colour) pair")
    pairs: list[tuple[float, ColorLike]]
    offsets: list[float]
    colours: list[int]
    pairs, offsets, colours = [], [], []
    for i, stop in enumerate(items):
        if not isinstance(stop, (tuple, list)):
            raise TypeError(f"{call}() stop {i} must be an (offset, colour) pair, not {type(stop).__name__}")
        if len(stop) != 2:
            raise ValueError(f"{call}() stop {i} must be an (offset, colour) pair, got {len(stop)} items")
        off = _number(call, f"stop {i} offset", stop[0])
        if not 0.0 <= off <= 1.0:
            raise ValueError(f"{call}() stop {i} offset must be between 0 and 1, got {off!r}")
        if offsets and off < offsets[-1]:
            raise ValueError(f"{call}() stop offsets must be in increasing order: stop {i} has {off!r} "
                             f"after {offsets[-1]!r}")
        colours.append(_easel.color_argb(stop[1], f"{call}() stop {i} colour"))
        offsets.append(off)
        pairs.append((off, stop[1]))
    return tuple(pairs), tuple(offsets), tuple(colours)


def _extend(call: str, extend: object) -> str:
    if not isinstance(extend, str):
        raise TypeError(f"{call}() extend must be a str, not {type(extend).__name__}")
    if extend not in _EXTENDS:
        raise ValueError(f"{call}() extend must be 'pad', 'repeat' or 'reflect', got {extend!r}")
    return extend


class _Gradient:
    """What the two gradients share: immutable, usable as ``g.fill`` and ``g.stroke``."""

    __slots__ = ("_stops", "_extend", "_easel_spec")
    if TYPE_CHECKING:
        _stops: tuple[tuple[float, ColorLike], ...]
        _extend: str
        _easel_spec: tuple[Any, ...]

    @property
    def stops(self) -> tuple[tuple[float, ColorLike], ...]:
        """The ``(offset, colour)`` pairs, offsets as floats."""
        return self._stops

    @property
    def extend(self) -> str:
        """``"pad"``, ``"repeat"`` or ``"reflect"``."""
        return self._extend

    def __setattr__(self, name: str, value: object) -> None:
        if hasattr(self, "_easel_spec"):
            raise AttributeError(f"{type(self).__name__} is immutable: make a new one")
        object.__setattr__(self, name, value)


class LinearGradient(_Gradient):
    """A linear gradient, assignable to ``g.fill`` and ``g.stroke``::

        g.fill = easel.LinearGradient(0, 0, 200, 0, [(0, "red"), (0.5, "yellow"), (1, "blue")])
        g.fill_rect(0, 0, 200, 100)

    Colour ``stops`` (a sequence of ``(offset, colour)`` pairs, offsets 0-1 in increasing order;
    equal offsets make a hard edge; colours anything ``g.fill`` takes) run from (x0, y0), offset 0,
    to (x1, y1), offset 1; the colour is constant across lines perpendicular to that. Outside
    0-1, ``extend`` decides: ``"pad"`` (default: the end colours go on, as in HTML canvas),
    ``"repeat"`` or ``"reflect"``. Coordinates are in the user space of the shape being drawn: the
    transform current when a shape is filled or stroked applies, as in HTML canvas. Equal end
    points paint nothing.

    ``TypeError`` for arguments of the wrong type, ``ValueError`` for an empty ``stops``, offsets
    out of 0-1 or decreasing, bad colours, non-finite coordinates.
    """

    __slots__ = ("_xy",)
    if TYPE_CHECKING:
        _xy: tuple[float, ...]

    def __init__(self, x0: float, y0: float, x1: float, y1: float, stops: Iterable[tuple[float, ColorLike]],
                 extend: str = "pad"):
        call = "LinearGradient"
        xy = tuple(_number(call, n, v) for n, v in (("x0", x0), ("y0", y0), ("x1", x1), ("y1", y1)))
        pairs, offsets, colours = _stops(call, stops)
        ext = _extend(call, extend)
        object.__setattr__(self, "_xy", xy)
        object.__setattr__(self, "_stops", pairs)
        object.__setattr__(self, "_extend", ext)
        object.__setattr__(self, "_easel_spec", ("linear", xy, offsets, colours, ext))

    @property
    def x0(self) -> float:
        """Start x (offset 0)."""
        return self._xy[0]

    @property
    def y0(self) -> float:
        """Start y (offset 0)."""
        return self._xy[1]

    @property
    def x1(self) -> float:
        """End x (offset 1)."""
        return self._xy[2]

    @property
    def y1(self) -> float:
        """End y (offset 1)."""
        return self._xy[3]

    def __repr__(self) -> str:
        x0, y0, x1, y1 = self._xy
        ext = "" if self._extend == "pad" else f", extend={self._extend!r}"
        return f"LinearGradient({x0!r}, {y0!r}, {x1!r}, {y1!r}, {list(self._stops)!r}{ext})"


class RadialGradient(_Gradient):
    """A radial gradient, assignable to ``g.fill`` and ``g.stroke``::

        g.fill = easel.RadialGradient(100, 100, 80, [(0, "white"), (1, "navy")], fx=70, fy=70)
        g.fill_circle(100, 100, 80)

    Offset 0 of the ``stops`` (as in :class:`LinearGradient`) is at the focus (fx, fy), by default
    the centre (cx, cy); offset 1 is on the circle of radius ``r`` around the centre. A focus
    outside the circle is moved just inside it (Java2D's RadialGradientPaint, which this is).
    ``extend`` works as in :class:`LinearGradient`. Radius 0 paints nothing; a negative radius is
    a ``ValueError``.
    """

    __slots__ = ("_geometry",)
    if TYPE_CHECKING:
        _geometry: tuple[float, float, float, float, float]

    def __init__(self, cx: float, cy: float, r: float, stops: Iterable[tuple[float, ColorLike]],
                 fx: float | None = None, fy: float | None = None, extend: str = "pad"):
        call = "RadialGradient"
        cx = _number(call, "cx", cx)
        cy = _number(call, "cy", cy)
        r = _number(call, "r", r)
        if r < 0:
            raise ValueError(f"{call}() r must be >= 0, got {r!r}")
        fx = cx if fx is None else _number(call, "fx", fx)
        fy = cy if fy is None else _number(call, "fy", fy)
        pairs, offsets, colours = _stops(call, stops)
        ext = _extend(call, extend)
        geometry = (cx, cy, r, fx, fy)
        object.__setattr__(self, "_geometry", geometry)
        object.__setattr__(self, "_stops", pairs)
        object.__setattr__(self, "_extend", ext)
        object.__setattr__(self, "_easel_spec", ("radial", geometry, offsets, colours, ext))

    @property
    def cx(self) -> float:
        """Centre x."""
        return self._geometry[0]

    @property
    def cy(self) -> float:
        """Centre y."""
        return self._geometry[1]

    @property
    def r(self) -> float:
        """Radius (offset 1)."""
        return self._geometry[2]

    @property
    def fx(self) -> float:
        """Focus x (offset 0); the centre unless given."""
        return self._geometry[3]

    @property
    def fy(self) -> float:
        """Focus y (offset 0); the centre unless given."""
        return self._geometry[4]

    def __repr__(self) -> str:
        cx, cy, r, fx, fy = self._geometry
        focus = "" if (fx, fy) == (cx, cy) else f", fx={fx!r}, fy={fy!r}"
        ext = "" if self._extend == "pad" else f", extend={self._extend!r}"
        return f"RadialGradient({cx!r}, {cy!r}, {r!r}, {list(self._stops)!r}{focus}{ext})"
