"""Fonts loaded from files."""

from __future__ import annotations

import math

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ._types import PathLike
    from . import _easel  # the built-in module's types: _easel.pyi
else:
    import _easel
from ._image import _path


def _size(call: str, size: Any) -> float:
    t = type(size)
    if isinstance(size, bool) or not (hasattr(t, "__float__") or hasattr(t, "__index__")):
        raise TypeError(f"{call}() size must be a number of pixels, not {t.__name__}")
    try:
        px = float(size)
    except OverflowError:
        px = math.inf
    if not 0 < px <= 100_000:
        raise ValueError(f"{call}() size must be more than 0 and at most 100000 pixels, got {size!r}")
    return px


class Font:
    """A TrueType or OpenType font loaded from a file, at a size.

    Use it as ``g.font`` (or ``measure_text(s, font=...)``), or use its :attr:`family` in font
    strings::

        title = easel.Font.load("fonts/Lobster.ttf", 32)
        g.font = title                          # 32px
        g.font = title.with_size(14)            # the same face at 14px
        g.font = f"bold 20px '{title.family}'"  # in a font string: synthesised bold

    ``g.font`` reads back the ``Font`` assigned. Loading the same file again gives the same family.
    """

    __slots__ = ("_family", "_path", "_size", "_easel_css")

    def __init__(self, _family: str, _path: str, _size: float):
        self._family = _family
        self._path = _path
        self._size = _size
        q = '"' if "'" in _family else "'"
        self._easel_css = f"{_size:.10g}px {q}{_family}{q}"

    @staticmethod
    def load(path: PathLike, size: float = 12) -> Font:
        """Loads a ``.ttf`` / ``.otf`` file (``str`` or ``pathlib.Path``) at ``size`` pixels.
        ``FileNotFoundError`` if there is no such file, ``ValueError`` if it is not a font Easel
        can use, ``TypeError`` for a path or size of the wrong type."""
        p = _path("Font.load", path)
        px = _size("Font.load", size)
        family, full = _easel.font_load(p)
        return Font(family, full, px)

    @property
    def family(self) -> str:
        """The name to use in font strings: the font's own family name, or that name with the file
        name in brackets when an installed (or another loaded) font already has it."""
        return self._family

    @property
    def path(self) -> str:
        """The absolute path of the font file."""
        return self._path

    @property
    def size(self) -> float:
        """The size in pixels."""
        return self._size

    def with_size(self, size: float) -> Font:
        """The same font at ``size`` pixels."""
        return Font(self._family, self._path, _size("Font.with_size", size))

    def __str__(self) -> str:
        return self._easel_css

    def __repr__(self) -> str:
        return f"<easel.Font {self._family!r} {self._size:.10g}px from {self._path!r}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Font) and (self._family, self._size) == (other._family, other._size)

    def __hash__(self) -> int:
        return hash((self._family, self._size))
