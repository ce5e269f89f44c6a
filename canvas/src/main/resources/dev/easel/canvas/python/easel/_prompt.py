"""The live prompt's Python side: statements and completions for a running canvas.

Easel calls these on the canvas' own thread, between frames, attached to the canvas'
interpreter (so an isolated canvas answers from its own interpreter). Not public API.
"""

from __future__ import annotations

import codeop
import contextlib
import io
import re
import rlcompleter
import sys
import traceback
import types
import weakref

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Names made at the prompt, per canvas: they survive between statements (and reloads).
_made: weakref.WeakKeyDictionary[Any, dict[str, Any]] = weakref.WeakKeyDictionary()


def _module_dict(canvas: object) -> dict[str, Any]:
    """The globals of the module that defined the canvas' class (the sketch, run as __main__ or imported)."""
    for klass in type(canvas).__mro__:
        if klass.__module__.startswith("easel"):
            break
        for v in vars(klass).values():
            f = getattr(v, "__func__", v)
            if isinstance(f, types.FunctionType):
                return f.__globals__
    module = sys.modules.get(type(canvas).__module__)
    return module.__dict__ if module is not None else {"__builtins__": __builtins__}


def _globals(canvas: object) -> dict[str, Any]:
    """The prompt's namespace: the sketch module's globals, then names made here, then self."""
    g = dict(_module_dict(canvas))
    try:
        g.update(_made.get(canvas, {}))
    except TypeError:
        pass
    g["self"] = canvas
    return g


def _keep(canvas: object, g: dict[str, Any]) -> None:
    base = _module_dict(canvas)
    kept = {k: v for k, v in g.items() if k != "self" and (k not in base or base[k] is not v)}
    try:
        _made[canvas] = kept
    except TypeError:
        pass  # an unhashable canvas class: names do not survive, statements still run


def run(canvas: object, source: str) -> tuple[str, str]:
    """Runs one prompt entry: ("more", "") when incomplete, ("ok", output) or ("error", traceback)."""
    try:
        code = codeop.compile_command(source, "<prompt>", "single")
    except (SyntaxError, OverflowError, ValueError) as e:
        return ("error", "".join(traceback.format_exception_only(type(e), e)))
    if code is None:
        return ("more", "")
    g = _globals(canvas)
    out = io.StringIO()

    def show(value: object) -> None:
        if value is not None:
            g["_"] = value
            out.write(repr(value) + "\n")

    old_hook = sys.displayhook
    sys.displayhook = show
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            exec(code, g)
    except SystemExit:
        return ("error", out.getvalue() + "SystemExit: not at the prompt (use easel.quit() to end the sketch)\n")
    except BaseException as e:
        tb = e.__traceback__.tb_next if e.__traceback__ is not None else None  # leave out this function
        return ("error", out.getvalue() + "".join(traceback.format_exception(type(e), e, tb)))
    finally:
        sys.displayhook = old_hook
        _keep(canvas, g)
    return ("ok", out.getvalue())


_TOKEN = re.compile(r"[\w.]*$")


def complete(canvas: object, text: str) -> tuple[str, list[str]]:
    """Completions of the name or attribute path that ends ``text``: (token, [candidates])."""
    token = _TOKEN.search(text).group(0)  # type: ignore[union-attr]  # always matches, maybe empty
    completer = rlcompleter.Completer(_globals(canvas))
    found: list[str] = []
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        for i in range(500):
            try:
                c = completer.complete(token, i)
            except Exception:
                break
            if c is None:
                break
            if c not in found:
                found.append(c)
    return (token, found)
