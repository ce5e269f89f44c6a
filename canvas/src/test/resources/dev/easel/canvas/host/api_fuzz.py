"""API fuzz: every public drawing call, property and value type of `easel`, fed wrong types,
out-of-range values, NaN, infinities, huge numbers and strings, and odd buffers, on the canvas
thread and from other Python threads at once.

Only Python exceptions with a message are acceptable; whatever was accepted must still render.
Parameters come from sys._easel_test: "calls" (total), "seed". Findings go back into it:
"done" (calls made), "bad" (list of unexpected outcomes, at most 50), "kinds" (exception types seen).
"""
import array
import math
import os
import random
import sys
import threading

import easel

T = sys._easel_test
CALLS = int(T.get("calls", 10000))
SEED = int(T.get("seed", 1))
EXPECTED = (TypeError, ValueError, OverflowError)

_huge_str = "x" * 100_000
VALUES = [
    None, True, False, 0, 1, -1, 3, 255, 256, -(2 ** 63), 2 ** 63, 10 ** 100, -10 ** 100,
    0.0, -0.0, 0.5, 1.5, 1e308, -1e308, 5e-324, math.nan, math.inf, -math.inf,
    "", "red", "#ff0000", "#zzzzzz", "bold 16px serif", "12px", "butt", "round", "miter",
    "left", "center", "top", "add", "no-such", "\x00", "é\u2603", _huge_str,
    b"", b"\x00" * 16, bytearray(64), memoryview(b"\x01\x02\x03\x04"), memoryview(bytearray(32)).cast("f"),
    array.array("d", [1.0, 2.0, 3.0, 4.0]), array.array("f", [0.0] * 12), array.array("B", [255] * 16),
    array.array("d"), array.array("i", [1, 2, 3]),
    (), (1,), (1, 2), (255, 0, 0), (255, 0, 0, 0.5), (300, 0, 0), (-1, 0, 0), (math.nan, 0, 0), (1, 2, 3, 4, 5),
    [], [1, 2], [(1, 2), (3, 4)], [(0, 0), (10, 10), (20, 0)], [[math.inf, 0], [0, math.nan]], [("a", "b")],
    {}, {"a": 1}, {1, 2}, object(), lambda: 0, type, Ellipsis, NotImplemented, range(10), iter([1, 2]),
    easel.Color(255, 99, 71), easel.Color(0, 0, 0, 0.25),
    easel.LinearGradient(0, 0, 100, 0, [(0, "red"), (1, "blue")]),
    easel.LinearGradient(5, 5, 5, 5, [(0, "red")], extend="repeat"),
    easel.RadialGradient(50, 50, 40, [(0, (255, 255, 255)), (0.5, "#0000ff80"), (0.5, "red"), (1, "transparent")],
                         fx=1e9, fy=-3, extend="reflect"),
    easel.RadialGradient(0, 0, 0, [(1, "red")]),
    [(0, "red"), (1, "blue")], [(0.5, "red"), (0.2, "blue")], [(0, easel.Color(1, 2, 3))],
]
# A loaded font, when the machine has one to load (Debian's DejaVu): a value for g.font and measure_text.
_FONT_FILE = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
if os.path.exists(_FONT_FILE):
    VALUES.append(easel.Font.load(_FONT_FILE, 14))
NAMES = ["x", "y", "w", "h", "r", "color", "fill", "size", "max_width", "ccw", "start", "end",
         "width", "height", "xy", "xyr", "xywh", "points", "s", "text", "img", "buf", "bogus"]
CANVAS = []
# Calls that end or block the run, or that are not drawing calls.
SKIP = {"show", "close", "run", "quit", "recv"}

bad = []
seen = set()
kinds = {}
done = 0
lock = threading.Lock()


def note(kind, what, key=None):
    """Records one distinct problem: the first example of each (kind, call) only."""
    with lock:
        k = (kind, key if key is not None else what)
        if k not in seen and len(bad) < 50:
            seen.add(k)
            bad.append(kind + ": " + what[:300])


def rnd_value(r):
    v = r.choice(VALUES)
    if r.random() < 0.15:
        v = r.uniform(-1e6, 1e6)
    return v


def attempt(r, target, name, fn, where):
    """Calls fn with random arguments; records anything but an expected exception with a message."""
    global done
    nargs = r.randint(0, 7)
    args = [rnd_value(r) for _ in range(nargs)]
    kwargs = {}
    if r.random() < 0.3:
        for _ in range(r.randint(1, 2)):
            kwargs[r.choice(NAMES)] = rnd_value(r)
    try:
        fn(*args, **kwargs)
    except EXPECTED as e:
        msg = str(e)
        with lock:
            kinds[type(e).__name__] = kinds.get(type(e).__name__, 0) + 1
        if not msg.strip():
            note("empty message", f"{where} {name}{_show(args, kwargs)} -> {type(e).__name__}", name)
        elif "_easel" in msg:
            note("private module in message", f"{name} -> {msg}", name)
    except RuntimeError as e:
        # Allowed only for "g used outside on_draw" (from other threads).
        with lock:
            kinds["RuntimeError"] = kinds.get("RuntimeError", 0) + 1
        if where == "frame":
            note("RuntimeError in frame", f"{name}{_show(args, kwargs)} -> {e}", name)
    except OSError as e:
        # A file that is not there is the answer to a path; anything else is not a path at all.
        # (bytes are a path too, as open() takes them)
        if not (name in ("Image.load", "Font.load") and args and isinstance(args[0], (str, bytes))):
            note("unexpected " + type(e).__name__, f"{where} {name}{_show(args, kwargs)} -> {e}", name)
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as e:
        note("unexpected " + type(e).__name__, f"{where} {name}{_show(args, kwargs)} -> {e}", (name, type(e)))
    with lock:
        done += 1


def set_attempt(r, g, name, where):
    global done
    v = rnd_value(r)
    try:
        setattr(g, name, v)
    except EXPECTED as e:
        with lock:
            kinds[type(e).__name__] = kinds.get(type(e).__name__, 0) + 1
        if not str(e).strip():
            note("empty message", f"{where} g.{name} = {_short(v)} -> {type(e).__name__}", name)
    except RuntimeError as e:
        with lock:
            kinds["RuntimeError"] = kinds.get("RuntimeError", 0) + 1
        if where == "frame":
            note("RuntimeError in frame", f"g.{name} = {_short(v)} -> {e}", "g." + name)
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as e:
        note("unexpected " + type(e).__name__, f"{where} g.{name} = {_short(v)} -> {e}", ("g." + name, type(e)))
    with lock:
        done += 1


def _short(v):
    s = repr(v) if not isinstance(v, str) or len(v) < 50 else "<str of %d>" % len(v)
    return s[:60]


def _show(args, kwargs):
    return "(" + ", ".join([_short(a) for a in args] + [f"{k}={_short(v)}" for k, v in kwargs.items()]) + ")"


def members(g):
    props, calls = [], []
    for name in dir(type(g)):
        if name.startswith("_") or name in SKIP:
            continue
        attr = getattr(type(g), name)
        if isinstance(attr, property):
            if attr.fset is not None:
                props.append(name)
        elif callable(getattr(g, name)):
            calls.append(name)
    return props, calls


def module_calls():
    out = [("Color", easel.Color), ("Color.parse", easel.Color.parse),
           ("Image.from_pixels", easel.Image.from_pixels), ("Image.load", easel.Image.load),
           ("LinearGradient", easel.LinearGradient), ("RadialGradient", easel.RadialGradient),
           ("Font.load", easel.Font.load)]
    if CANVAS:
        # Random arguments never name an image file (no value ends in .png): nothing is written.
        out.append(("Canvas.save_frame", CANVAS[0].save_frame))
    c = easel.Color(1, 2, 3)
    out += [("Color.with_alpha", c.with_alpha)]
    for name in ("noise", "noise_seed", "lerp", "remap", "constrain"):
        if hasattr(easel, name):
            out.append((name, getattr(easel, name)))
    return out


def fuzz_frame(r, g, n):
    """Makes n calls (draws skipped as not fuzzed do not count: each frame takes its full share, so
    the run ends within the frames the test allows)."""
    props, calls = members(g)
    mods = module_calls()
    made = 0
    while made < n:
        k = r.random()
        if k < 0.25 and props:
            set_attempt(r, g, r.choice(props), "frame")
        elif k < 0.9:
            name = r.choice(calls)
            if name in ("save", "restore", "saved"):
                continue
            attempt(r, g, name, getattr(g, name), "frame")
        else:
            name, fn = r.choice(mods)
            attempt(r, None, name, fn, "frame")
        made += 1
    # Whatever the fuzz left in the state, a reset state must draw what it is told.
    g.reset_transform()


def thread_fuzz(g, seed, n):
    """From another Python thread: g is outside its frame there, module calls are not."""
    r = random.Random(seed)
    props, calls = members(g)
    mods = module_calls()
    for _ in range(n):
        if r.random() < 0.5:
            name, fn = r.choice(mods)
            attempt(r, None, name, fn, "thread")
        elif r.random() < 0.5 and props:
            set_attempt(r, g, r.choice(props), "thread")
        else:
            name = r.choice(calls)
            if name not in ("save", "restore", "saved"):
                attempt(r, g, name, getattr(g, name), "thread")


class Fuzz(easel.Canvas):
    size = (200, 150)
    title = "fuzz"

    def setup(self):
        CANVAS.append(self)
        self.r = random.Random(SEED)
        self.threads = []

    def on_draw(self, g):
        remaining = CALLS - done
        if remaining > 0:
            if self.frame == 0:
                for i in range(2):
                    t = threading.Thread(target=thread_fuzz, args=(g, SEED * 31 + i, CALLS // 10), daemon=True)
                    t.start()
                    self.threads.append(t)
            fuzz_frame(self.r, g, min(remaining, 2000))
            with lock:
                T["done"] = done
            return
        for t in self.threads:
            t.join()
        # The final frame: only accepted calls, which must show.
        g.clear("white")
        g.fill = "red"
        g.alpha = 1.0
        g.blend = "source-over"
        g.fill_rect(50, 50, 40, 40)
        T["done"] = done
        T["bad"] = list(bad)
        T["kinds"] = dict(kinds)
        T["finished"] = True


Fuzz().show()
