"""Easel: desktop canvases drawn by Python.

Write a subclass of :class:`Canvas`, draw in its ``on_draw`` method, react to input
in ``on_*`` handlers, and call :meth:`Canvas.show`::

    import easel

    class Bounce(easel.Canvas):
        title = "Bounce"
        size = (640, 480)
        fps = 60

        def setup(self):
            self.x, self.v = 100.0, 240.0

        def on_draw(self, g):
            self.x += self.v * self.dt
            g.clear("black")
            g.fill = "tomato"
            g.fill_circle(self.x, 240, 30)

        def on_mouse_press(self, e):
            self.v = -self.v

    if __name__ == "__main__":
        Bounce().show()   # returns at once: the window lives on its own thread
        easel.run()       # optional: block until every window is closed

Run it with ``easel run sketch.py``, or with ``python sketch.py`` where the easel wheel is
installed: outside Easel, the script that imports easel is handed over to the Easel launcher.

Threads
-------
Each canvas has its own thread. ``setup``, ``on_draw`` and every handler of one canvas
run on that thread, one at a time, so a canvas never sees two of its callbacks at
once. Your script runs on yet another thread; ``show()`` returns at once. Several
canvases draw in parallel where Python allows it: set ``isolated = True`` to give a
canvas its own interpreter with its own GIL (CPython 3.12+).

Isolated canvases
-----------------
An isolated canvas runs in its own sub-interpreter: the sketch's module is imported again
there under the name ``__easel_main__`` (code under ``if __name__ == "__main__":`` does not
run again; ``show()`` and ``easel.run()`` calls outside it are ignored there, and channel
calls outside it raise ``RuntimeError``),
the class is found by its qualified name and made with the same constructor arguments
(pickled). It shares no Python objects with the script or other canvases: talk through
:class:`Channel`. Extension modules that do not support sub-interpreters yet (numpy, for
one) raise ``ImportError`` there; use them in shared canvases.

Handlers
--------
Define the methods you need on your subclass; the names are fixed (see
:data:`EVENTS`). A misspelled handler name such as ``on_mouse_pressed`` is reported
with its file and line when the canvas is shown. Handlers run before ``on_draw`` of
the frame in which the input arrived.

Errors
------
An exception in ``on_draw`` or a handler is printed to stderr under that callback's name and
drawn over the frame; the canvas keeps running and recovers as soon as the code works again.
An exception in one handler does not stop the frame: the other events are still delivered
and ``on_draw`` still runs. If ``setup`` raises, its traceback is shown and ``on_draw``,
the handlers and ``on_close`` are not called (they would only fail on what ``setup`` did not
make).
Wrong arguments to drawing calls raise ``TypeError`` or ``ValueError`` naming the call.

Quitting
--------
Closing the last window ends the app once the script has finished. :func:`quit` (or
``sys.exit(n)``, ``raise SystemExit(n)``) anywhere -- the script, ``setup``, ``on_draw``,
a handler, another thread -- closes every canvas and ends the app with that exit code.
"""

TYPE_CHECKING = False
if not TYPE_CHECKING:
    try:
        import _easel  # Easel's built-in module: present only inside Easel
    except ModuleNotFoundError:
        _easel = None
    if _easel is None:
        # Outside Easel (python sketch.py): hand the script over to Easel, or say why not.
        from ._outside import hand_over
        hand_over()
    del _easel

from ._color import Color
from ._events import Event, EVENTS
from ._graphics import Graphics
from ._image import Image
from ._paint import LinearGradient, RadialGradient
from ._font import Font
from ._canvas import Canvas, run
from ._quit import quit
from ._channel import Channel, ChannelClosed
from ._info import python_info, __version__
from ._math import noise, noise_seed, noise_detail, lerp, remap, constrain
from ._params import Param, Slider, Toggle, Choice, ColorPick, Text

# Public names say easel.X in reprs and tracebacks, not the private module they live in.
for _cls in (Color, Event, Graphics, Image, Canvas, Channel, ChannelClosed, run, quit, LinearGradient,
             RadialGradient, Font, Param, Slider, Toggle, Choice, ColorPick, Text):
    _cls.__module__ = "easel"
del _cls

__all__ = ["Canvas", "Graphics", "Color", "Image", "Event", "EVENTS", "Channel", "ChannelClosed", "run",
           "quit", "python_info", "__version__", "noise", "noise_seed", "noise_detail", "lerp", "remap",
           "constrain", "LinearGradient", "RadialGradient", "Font", "Param", "Slider", "Toggle", "Choice",
           "ColorPick", "Text"]
