"""What ``import easel`` does outside Easel (a Python with no ``_easel`` built-in module).

``python sketch.py`` (the editor's Run button): the script that imports easel is handed to the
Easel launcher, which replaces this process: ``easel run --python <sys.executable> sketch.py --
<args>``. Same process id, exit code, stdout and stderr; the sketch runs on this same
interpreter, with its venv and site-packages. Only the script run as ``__main__`` (or a module it
imports at top level) hands over; any other import (a REPL, ``python -c``, pytest, pydoc) raises
``ImportError`` saying how to run a sketch, since nothing can draw outside Easel. Type checkers
and editors read the files and never run this.

The launcher is, in order: ``$EASEL_HOME/easel`` or ``$EASEL_HOME/bin/easel``; ``easel`` on
``PATH``; the installed app (``/opt/easel/bin/easel``, ``/Applications/Easel.app``). Easel's own
options go in ``EASEL_RUN_OPTIONS`` (``EASEL_RUN_OPTIONS="--headless --frames 60" python
sketch.py``): every argument after the script is the sketch's, as under ``python``.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import FrameType
    from typing import NoReturn

# Set to this process' id before the hand-over: seen again in the same process, the "easel"
# found is not Easel but something that runs the script with python again.
_GUARD = "EASEL_FROM_PYTHON"
_INSTALLED = ("/opt/easel/bin/easel", "/usr/local/bin/easel", "/Applications/Easel.app/Contents/MacOS/Easel")
_INSTALL_HINT = ("install Easel (the .deb or .tar.gz from its releases, or a checkout built with ./easel), "
                 "or set EASEL_HOME to its folder")


def hand_over() -> None:
    """Runs the importing script in Easel (does not return), or raises ImportError / SystemExit."""
    script = _main_script()
    if script is None:
        raise ImportError("easel: the easel package draws only inside Easel: run your sketch as a script "
                          "(python sketch.py, or easel run sketch.py); importing it here (a REPL, python -c, "
                          "a test runner) cannot open a canvas")
    if os.environ.get(_GUARD) == str(os.getpid()):
        _fail(f"easel: the launcher found ({os.environ.get('EASEL_LAUNCHER_FOUND', '?')}) ran this script with "
              "python again instead of running it in Easel; set EASEL_HOME to an Easel folder")
    launcher, tried = _find_launcher()
    if launcher is None:
        _fail(f"easel: this sketch runs in Easel, and no Easel was found (tried {', '.join(tried)}): "
              f"{_INSTALL_HINT}.")
    argv = [launcher, "run"]
    if sys.executable:
        argv += ["--python", sys.executable]
    argv += _run_options()
    argv += [script, "--", *sys.argv[1:]]
    os.environ[_GUARD] = str(os.getpid())
    os.environ["EASEL_LAUNCHER_FOUND"] = launcher
    if sys.executable and "PYTHONHOME" not in os.environ:
        # Easel runs a --python once to learn these; told them here, it need not (one Python start less).
        os.environ["EASEL_PYTHON_FACTS"] = sys.executable + "\n" + facts()
    _trace("python shim exec")
    # Python's own buffers are not flushed: output the script printed before `import easel`
    # into a pipe comes once, from the run in Easel (which runs the script from its start).
    if os.name == "nt":  # no exec there: run it and pass the exit code on
        import subprocess
        raise SystemExit(subprocess.call(argv))
    try:
        os.execv(launcher, argv)
    except OSError as e:
        _fail(f"easel: cannot start {launcher}: {e}")


def _main_script() -> str | None:
    """The script run as ``__main__`` if the import comes from it (or from modules it imports at
    their top level), else None."""
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        g = frame.f_globals
        name = g.get("__name__", "")
        if frame.f_code.co_filename.startswith("<frozen importlib") or name == "easel" or name.startswith("easel."):
            frame = frame.f_back
            continue
        if name == "__main__":
            main = sys.modules.get("__main__")
            file = getattr(main, "__file__", None)
            if main is None or g is not vars(main) or not isinstance(file, str) or not os.path.isfile(file):
                return None  # a REPL, python -c, stdin
            arg0 = sys.argv[0] if sys.argv else ""
            # sys.argv[0] as typed (relative, say), when it is that file: the sketch sees what python gave it.
            return arg0 if arg0 and os.path.isfile(arg0) and os.path.samefile(arg0, file) else file
        if frame.f_code.co_name != "<module>":
            return None  # imported from a function of another program (pytest, pydoc, an IDE)
        frame = frame.f_back
    return None


def facts() -> str:
    """This Python's facts as Easel's PythonProbe prints them (its ``FACTS_SCRIPT``: one
    ``EASEL-FACT key value`` line each, a value ``n``, ``i:<int>`` or ``s:<UTF-8 hex>``)."""
    import sysconfig
    v = sysconfig.get_config_var
    found: list[tuple[str, object]] = [("major", sys.version_info[0]), ("minor", sys.version_info[1]),
                                       ("micro", sys.version_info[2]), ("base_prefix", sys.base_prefix),
                                       ("executable", sys.executable)]
    found += [(k, v(k)) for k in ("LIBDIR", "LDLIBRARY", "INSTSONAME", "Py_GIL_DISABLED", "Py_ENABLE_SHARED",
                                  "MULTIARCH")]

    def enc(x: object) -> str:
        if x is None:
            return "n"
        if isinstance(x, int):  # bool too
            return "i:%d" % int(x)
        b = x if isinstance(x, bytes) else str(x).encode("utf-8", "surrogateescape")
        return "s:" + b.hex()

    return "".join(f"EASEL-FACT {k} {enc(x)}\n" for k, x in found)


def _find_launcher() -> tuple[str | None, list[str]]:
    """The Easel launcher's path, and what was tried (for the message when there is none)."""
    tried: list[str] = []
    home = os.environ.get("EASEL_HOME")
    if home:
        for candidate in (os.path.join(home, "easel"), os.path.join(home, "bin", "easel")):
            if _runnable(candidate):
                return candidate, tried
        tried.append(f"EASEL_HOME={home} (no easel or bin/easel in it)")
    else:
        tried.append("EASEL_HOME (not set)")
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        candidate = os.path.join(folder or ".", "easel")
        if folder and _runnable(candidate):
            return candidate, tried
    tried.append("easel on PATH")
    for candidate in _INSTALLED:
        if _runnable(candidate):
            return candidate, tried
    tried.extend(_INSTALLED)
    return None, tried


def _runnable(path: str) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def _run_options() -> list[str]:
    options = os.environ.get("EASEL_RUN_OPTIONS", "").strip()
    if not options:
        return []
    import shlex
    try:
        return shlex.split(options)
    except ValueError as e:
        _fail(f"easel: EASEL_RUN_OPTIONS cannot be read ({e}): {options}")


def _trace(what: str) -> None:
    # The milestone format of Easel's EASEL_TRACE_STARTUP, so `easel bench startup` can time the shim.
    if os.environ.get("EASEL_TRACE_STARTUP") is not None:
        import time
        sys.stderr.write(f"easel startup: 0 ms {what} at {time.time_ns() // 1_000_000}\n")
        sys.stderr.flush()


def _fail(message: str) -> NoReturn:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()
    raise SystemExit(2)
