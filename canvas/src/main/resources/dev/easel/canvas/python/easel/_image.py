"""Images: loaded from files, made from pixels, or taken from a canvas."""

import _easel


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
    def load(path) -> "Image":
        """Reads a PNG, JPEG, GIF or BMP file. ``FileNotFoundError`` / ``ValueError`` if it can't."""
        return Image(*_easel.image_load(str(path)))

    @staticmethod
    def from_pixels(buf, width: int, height: int) -> "Image":
        """An image from RGBA bytes, row by row (``width * height * 4`` bytes): ``bytes``,
        ``bytearray``, ``memoryview``, ``array.array('B')`` or a numpy ``uint8`` array of shape
        ``(height, width, 4)``. The bytes are copied."""
        return Image(*_easel.image_from_pixels(buf, width, height))

    def save(self, path) -> None:
        """Writes the image in the format the file name ends with: ``.png`` (keeps alpha),
        ``.jpg``/``.jpeg``, ``.bmp`` (no alpha: transparent pixels become black) or ``.gif``
        (256 colours). Any other name: ``ValueError``, nothing written."""
        _easel.image_save(self._id, str(path))

    def pixels(self) -> bytes:
        """The RGBA bytes, row by row."""
        return _easel.image_pixels(self._id)

    def __del__(self):
        try:
            _easel.image_release(self._id)
        except Exception:
            pass

    def __repr__(self):
        return f"<easel.Image {self.width}x{self.height}>"
