"""easel.quit(), and SystemExit anywhere: both end the whole app with an exit code."""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn

    from . import _easel  # the built-in module's types: _easel.pyi
else:
    import _easel


def quit(code: int = 0) -> NoReturn:
    """Closes every canvas and ends the app with exit code ``code`` (0 to 255; 0 is success).

    Works from anywhere: the script, ``setup``, ``on_draw``, a handler, another thread. Every
    canvas' ``on_close`` runs but cannot keep it open. Like ``sys.exit()``, it raises
    ``SystemExit`` to stop the calling code; ``sys.exit(n)`` (or ``raise SystemExit(n)``)
    anywhere does the same as ``easel.quit(n)``.
    """
    if isinstance(code, bool) or not isinstance(code, int):
        raise TypeError(f"easel.quit() takes an int exit code, not {code!r}")
    if not 0 <= code <= 255:
        raise ValueError(f"easel.quit(): the exit code must be from 0 to 255, not {code}")
    _easel.quit(code)
    raise SystemExit(code)


def exiting(e: SystemExit) -> None:
    """Ends the app with the code SystemExit ``e`` asks for, as Python's own exit would."""
    code = e.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        try:
            print(code, file=sys.stderr)   # sys.exit("message") prints it and exits 1, as Python does
        except Exception:
            pass
        code = 1
    _easel.quit(int(code))


def install_thread_hook() -> None:
    """SystemExit in a Python thread (which threading ignores by default) ends the app too."""
    import threading
    previous = getattr(threading.excepthook, "_easel_previous", threading.excepthook)

    def hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is not None and issubclass(args.exc_type, SystemExit):
            exiting(args.exc_value)  # type: ignore[arg-type]  # a SystemExit, as exc_type says
        else:
            previous(args)

    hook._easel_previous = previous  # type: ignore[attr-defined]
    threading.excepthook = hook
