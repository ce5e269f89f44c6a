"""Colours."""

from __future__ import annotations

from operator import index as _index

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ._types import ColorLike


def _channel(name: str, v: Any) -> int:
    if isinstance(v, bool):
        raise TypeError(f"Color() argument '{name}' must be an integer 0-255, not bool")
    try:
        i = _index(v)
    except TypeError:
        raise TypeError(f"Color() argument '{name}' must be an integer 0-255, not {type(v).__name__}") from None
    if not 0 <= i <= 255:
        raise ValueError(f"Color() argument '{name}' must be 0-255, got {i}")
    return i


def _alpha(v: Any) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)) and not hasattr(v, "__float__"):
        raise TypeError(f"Color() argument 'a' must be a number 0-1, not {type(v).__name__}")
    a = float(v)
    if not 0.0 <= a <= 1.0:
        raise ValueError(f"Color() argument 'a' must be 0-1, got {v!r}")
    return a


class Color(tuple[int, int, int, float]):
    """An RGBA colour: ``r``, ``g``, ``b`` integers 0-255 and ``a`` a float 0-1.

    Anywhere a colour is expected you may also pass a CSS name (``"tomato"``), ``"#rgb"``,
    ``"#rrggbb"``, ``"#rrggbbaa"``, or a tuple ``(r, g, b)`` / ``(r, g, b, a)``. A ``Color`` is a
    tuple (so is any namedtuple of 3 or 4 numbers), so it works wherever those do::

        g.fill = easel.Color(255, 99, 71)
        g.fill = easel.Color.parse("#ff6347").with_alpha(0.5)
    """

    __slots__ = ()

    def __new__(cls, r: int, g: int, b: int, a: float = 1.0) -> Color:
        """``TypeError`` unless r, g, b are integers and a a number; ``ValueError`` out of range."""
        return tuple.__new__(cls, (_channel("r", r), _channel("g", g), _channel("b", b), _alpha(a)))

    @property
    def r(self) -> int:
        """red, 0-255"""
        return self[0]

    @property
    def g(self) -> int:
        """green, 0-255"""
        return self[1]

    @property
    def b(self) -> int:
        """blue, 0-255"""
        return self[2]

    @property
    def a(self) -> float:
        """alpha, 0-1"""
        return self[3]

    def __repr__(self) -> str:
        return f"Color({self[0]}, {self[1]}, {self[2]}, {self[3]})"

    @staticmethod
    def parse(value: ColorLike) -> Color:
        """Any colour form (CSS name, hex string, tuple) as a ``Color``; ``ValueError`` if invalid."""
        if TYPE_CHECKING:
            from . import _easel  # the built-in module's types: _easel.pyi
        else:
            import _easel
        r, g, b, a = _easel.parse_color(value)
        return Color(r, g, b, a)

    def with_alpha(self, a: float) -> Color:
        """The same colour with alpha ``a`` (0-1)."""
        return Color(self.r, self.g, self.b, a)

    def hex(self) -> str:
        """``"#rrggbb"``, or ``"#rrggbbaa"`` when not opaque."""
        s = "#%02x%02x%02x" % (self.r, self.g, self.b)
        return s if self.a >= 1.0 else s + "%02x" % round(self.a * 255)
