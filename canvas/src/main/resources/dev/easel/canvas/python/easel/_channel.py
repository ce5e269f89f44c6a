"""Channels: named queues owned by Java, shared by every canvas and the script."""

from __future__ import annotations

import marshal

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from . import _easel  # the built-in module's types: _easel.pyi
else:
    import _easel

_SCALARS = (type(None), bool, int, float, str, bytes)


def _check(obj: Any, depth: int = 0) -> None:
    t = type(obj)
    if t in _SCALARS:
        return
    if depth > 64:
        raise ValueError("Channel messages may nest at most 64 levels deep")
    if t is tuple or t is list:
        for x in obj:
            _check(x, depth + 1)
        return
    if t is dict:
        for k, v in obj.items():
            _check(k, depth + 1)
            _check(v, depth + 1)
        return
    raise TypeError(f"a Channel carries None, bool, int, float, str, bytes and tuples, lists and dicts "
                    f"of those, not {t.__module__}.{t.__qualname__}" if t.__module__ != "builtins"
                    else f"a Channel carries None, bool, int, float, str, bytes and tuples, lists and dicts "
                         f"of those, not {t.__name__}")


class ChannelClosed(EOFError):
    """Raised by :meth:`Channel.recv` when the app is quitting."""


class Channel:
    """A named queue shared by the script and every canvas, isolated ones included.

    ``Channel("scores")`` made anywhere refers to the same queue. Messages are copied (they
    cross interpreters): ``None``, ``bool``, ``int``, ``float``, ``str``, ``bytes`` and tuples,
    lists and dicts of those; anything else raises ``TypeError`` in :meth:`send`.

    ``recv`` blocks without holding any GIL, so a canvas waiting on a channel never slows the
    others. When the app quits, blocked receivers get :class:`ChannelClosed`.
    """

    __slots__ = ("name",)

    def __init__(self, name: str):
        if not isinstance(name, str) or not name:
            raise TypeError(f"a channel name must be a non-empty str, not {name!r}")
        self.name = name

    def send(self, obj: Any) -> None:
        """Queues a copy of ``obj``. Never blocks. :class:`ChannelClosed` once the app is quitting."""
        _check(obj)
        if not _easel.channel_send(self.name, marshal.dumps(obj)):
            raise ChannelClosed(f"channel {self.name!r} is closed: the app is quitting")

    def recv(self, timeout: float | None = None) -> Any:
        """The next message, waiting up to ``timeout`` seconds (forever when None).
        ``TimeoutError`` when none came in time; :class:`ChannelClosed` when the app quits."""
        status, payload = _easel.channel_recv(self.name, -1.0 if timeout is None else float(timeout))
        if status == 0:
            return marshal.loads(payload)
        if status == 1:
            raise TimeoutError(f"no message on channel {self.name!r} within {timeout} s")
        raise ChannelClosed(f"channel {self.name!r} is closed: the app is quitting")

    def try_recv(self, default: Any = None) -> Any:
        """The next message if one is waiting, else ``default``. Never blocks."""
        status, payload = _easel.channel_recv(self.name, 0.0)
        if status == 0:
            return marshal.loads(payload)
        if status == 2:
            raise ChannelClosed(f"channel {self.name!r} is closed: the app is quitting")
        return default

    def __len__(self) -> int:
        """Messages waiting."""
        return _easel.channel_size(self.name)

    def __repr__(self) -> str:
        return f"easel.Channel({self.name!r})"
