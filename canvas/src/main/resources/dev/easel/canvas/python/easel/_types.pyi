"""Type aliases for the values the easel API takes: for type checkers and editors only.

This module exists only as a stub (there is no ``_types.py``): the package imports it under
``if TYPE_CHECKING:``, so it costs nothing at run time. The aliases follow the documented
contract (docs/python-api.md), which the Java side checks at run time.
"""

import os
from typing import Any, Protocol, Sequence, Tuple, TypeAlias, Union

from _typeshed import ReadableBuffer

from ._font import Font
from ._paint import LinearGradient, RadialGradient

ColorLike: TypeAlias = Union[str, Tuple[int, int, int], Tuple[int, int, int, float]]
"""A colour: a CSS name (``"tomato"``), ``"#rgb"``, ``"#rrggbb"``, ``"#rrggbbaa"``, ``"rgb(...)"``,
or ``(r, g, b)`` / ``(r, g, b, a)`` with r, g, b integers 0-255 and a a number 0-1 (an
``easel.Color`` is such a tuple)."""

Paint: TypeAlias = Union[ColorLike, LinearGradient, RadialGradient]
"""What ``g.fill`` and ``g.stroke`` take: a colour or a gradient."""

FontLike: TypeAlias = Union[str, Font]
"""A CSS-like font string (``"bold 16px serif"``) or an ``easel.Font``."""

PathLike: TypeAlias = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]
"""A file name: what ``open()`` takes (``str``, ``pathlib.Path``, ...)."""

class SupportsArray(Protocol):
    """A numpy array (or anything else with ``__array__``); Easel reads it through the buffer protocol."""

    def __array__(self) -> Any: ...

Buffer: TypeAlias = Union[ReadableBuffer, SupportsArray]
"""Anything with the buffer protocol: ``bytes``, ``bytearray``, ``memoryview``, ``array.array``, numpy arrays."""

Numbers: TypeAlias = Union[Buffer, Sequence[float], Sequence[Sequence[float]]]
"""Coordinates for batched calls and polygons: a buffer of float64 or float32 (``array.array('d')``,
numpy), a sequence of numbers ``[x0, y0, x1, y1, ...]``, or of tuples ``[(x0, y0), (x1, y1), ...]``."""
