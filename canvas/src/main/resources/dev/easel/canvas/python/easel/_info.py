"""Version and interpreter information."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from . import _easel  # the built-in module's types: _easel.pyi
else:
    import _easel

__version__: str = _easel.version()


def python_info() -> dict[str, Any]:
    """What Python Easel runs on.

    Returns a dict with ``version`` (e.g. ``"3.13.0"``), ``build`` (``"gil"`` or
    ``"free-threaded"``), ``gil_enabled`` (bool), ``isolation_available`` (own-GIL
    sub-interpreters, 3.12+), ``isolated`` (whether the calling code runs in an isolated
    canvas' sub-interpreter), ``mode`` (how the calling code runs beside other canvases:
    ``"shared"``: one GIL, taking turns; ``"isolated"``: its own GIL, in parallel;
    ``"free-threaded"``: no GIL, in parallel) and ``library`` (the libpython loaded).
    """
    return dict(_easel.python_info())
