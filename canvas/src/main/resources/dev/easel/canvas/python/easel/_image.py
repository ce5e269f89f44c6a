"""Images: loaded from files, made from pixels, or taken from a canvas."""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ._types import Buffer, PathLike
    from . import _easel  # the built-in module's types: _easel.pyi
else:
    import _easel


def _path(call: str, path: PathLike) -> str:
    """A file name as str: what open() takes, and nothing else (a tuple is not a path)."""
    try:
        p = os.fspath(path)
    except TypeError:
        raise TypeError(f"{call}() path must be a str or os.PathLike, not {type(path).__name__}") from None
    if isinstance(p, bytes):
        p = os.fsdecode(p)
    return p


class Image:
    """An immutable RGBA image.

    Make one with :meth:`Image.load`, :meth:`Image.from_pixels` or ``canvas.snapshot()``;
    draw it with ``g.draw_image(img, x, y)``. Pixels live in Java, shared by every canvas
    (isolated ones too).
    """

    __slots__ = ("_id", "width", "height", "__weakref__")

    def __init__(self, _id: int, width: int, height: int):
        self._id = _id
        self.width = width
        self.height = height

    @staticmethod
    def load(path: PathLike) -> Image:
        """Reads a PNG, JPEG, GIF or BMP file. ``path`` is a ``str`` or ``pathlib.Path``
        (``TypeError`` otherwise); ``FileNotFoundError`` / ``ValueError`` if it can't be read."""
        return Image(*_easel.image_load(_path("Image.load", path)))

    @staticmethod
    def from_pixels(buf: Buffer, width: int, height: int) -> Image:
        """An image from RGBA bytes, row by row (``width * height * 4`` bytes): ``bytes``,
        ``bytearray``, ``memoryview``, ``array.array('B')`` or a numpy ``uint8`` array of shape
        ``(height, width, 4)``. The bytes are copied."""
        return Image(*_easel.image_from_pixels(buf, width, height))

    def save(self, path: PathLike) -> None:
        """Writes the image in the format the file name ends with: ``.png`` (keeps alpha),
        ``.jpg``/``.jpeg``, ``.bmp`` (no alpha: transparent pixels become black) or ``.gif``
        (256 colours). Any other name: ``ValueError``, nothing written."""
        _easel.image_save(self._id, _path("Image.save", path))

    def pixels(self) -> bytes:
        """The RGBA bytes, row by row."""
        return _easel.image_pixels(self._id)

    def __del__(self) -> None:
        try:
            _easel.image_release(self._id)
        except Exception:
            pass

    def __repr__(self) -> str:
        return f"<easel.Image {self.width}x{self.height}>"
