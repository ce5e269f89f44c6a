"""Parameters: class attributes that read as plain values and that the app's side panel, the command
line (``--param name=value``, ``--params file.json``) and presets can change while the canvas runs.

Declared on a Canvas subclass::

    class Waves(easel.Canvas):
        speed = easel.Slider(0.0, 5.0, 1.0, step=0.1)
        trails = easel.Toggle(True)

On the class, ``Waves.speed`` is the declaration (its ``value`` is the initial value); on an instance,
``self.speed`` is the value now, a plain ``float``. Assigning it checks the value (a clear
``TypeError`` or ``ValueError``) and normalises it (sliders clamp and round to their step).
"""

from __future__ import annotations

import math

from ._color import Color

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Generic, Self, TypeVar, overload

    from ._types import ColorLike

    _T = TypeVar("_T")
    _N = TypeVar("_N", bound=float)  # int or float: an int Slider reads as int
else:
    # Not importing typing at run time (startup): Param[...] only needs to subscript.
    class Generic:
        def __class_getitem__(cls, item):
            return cls

    _T = _N = None

    def overload(f):
        return f

_PREFIX = "_e_param_"


class Param(Generic[_T]):
    """The base of the parameter kinds (:class:`Slider`, :class:`Toggle`, :class:`Choice`,
    :class:`ColorPick`, :class:`Text`): a descriptor whose instance value is a plain value."""

    kind = "param"
    name = "?"
    owner = "?"

    def __init__(self, value: _T):
        self.value: _T = value

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        self.owner = owner.__name__
        # The class's value is checked when the class is made: a bad declaration fails at once.
        self.value = self.check(self.value)

    @overload
    def __get__(self, obj: None, cls: type | None = None) -> Self: ...

    @overload
    def __get__(self, obj: object, cls: type | None = None) -> _T: ...

    def __get__(self, obj: object | None, cls: type | None = None) -> Self | _T:
        if obj is None:
            return self
        v: _T = obj.__dict__.get(_PREFIX + self.name, self.value)
        return v

    def __set__(self, obj: object, value: _T) -> None:
        obj.__dict__[_PREFIX + self.name] = self.check(value)

    def _what(self) -> str:
        return f"{self.owner}.{self.name}"

    def check(self, value: object) -> _T:
        """The value normalised, or ``TypeError``/``ValueError`` saying what this parameter accepts."""
        raise NotImplementedError

    def parse(self, text: str) -> _T:
        """The value that ``text`` (from ``--param name=text`` or the panel) stands for, checked."""
        raise NotImplementedError

    def to_text(self, value: _T) -> str:
        """``value`` as :meth:`parse` reads it back."""
        return str(value)

    def to_json(self, value: _T) -> object:
        """``value`` as a preset file stores it."""
        return value

    def describe(self) -> tuple[Any, ...]:
        """(kind, extra) for the panel: what control shows this parameter."""
        return (self.kind, None)

    def __repr__(self) -> str:
        return f"easel.{type(self).__name__}({self.value!r})"


def _number(what: str, value: object) -> float | int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{what} must be a number, not {type(value).__name__} ({value!r})")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{what} must be a finite number, not {value!r}")
    return value


class Slider(Param[_N]):
    """A number from ``lo`` to ``hi``: ``Slider(lo, hi, value, step=None)`` (as p5.js's ``createSlider``).

    The panel shows a slider with the value beside it. When ``lo``, ``hi``, ``value`` (and
    ``step``, if given) are all ints, the value is an ``int``; else a ``float``. Assigned values are
    clamped to ``[lo, hi]`` and rounded to the nearest ``lo + k * step`` (ints: to whole numbers).
    The declaration's bounds read as ``min`` and ``max`` (``Sketch.speed.min``).
    """

    kind = "slider"

    def __init__(self, lo: _N, hi: _N, value: _N, step: _N | None = None):
        for what, v in (("lo", lo), ("hi", hi), ("value", value)) + ((("step", step),) if step is not None else ()):
            _number(f"Slider {what}", v)
        if not lo < hi:
            raise ValueError(f"Slider lo must be below hi, not lo={lo!r}, hi={hi!r}")
        if step is not None and not step > 0:
            raise ValueError(f"Slider step must be above 0, not {step!r}")
        if not lo <= value <= hi:
            raise ValueError(f"Slider value {value!r} is not within lo={lo!r} and hi={hi!r}")
        self.integer = all(type(v) is int for v in (value, lo, hi, step) if v is not None)
        self.min: _N = lo
        self.max: _N = hi
        self.step: _N | None = step
        super().__init__(value)

    def check(self, value: object) -> _N:
        v: float = _number(f"{self._what()} (a slider)", value)
        lo: float = self.min
        hi: float = self.max
        v = min(max(v, lo), hi)
        if self.step is not None:
            step: float = self.step
            v = min(max(lo + round((v - lo) / step) * step, lo), hi)
            v = round(v, 12)   # 0.1 * 3 is 0.30000000000000004: shown and stored as 0.3
        if self.integer:
            return int(round(v))  # type: ignore[return-value]  # _N is int here
        return float(v)  # type: ignore[return-value]  # _N is float here

    def parse(self, text: str) -> _N:
        try:
            v = float(text.strip())
        except ValueError:
            raise ValueError(f"{self._what()} is a number from {self.min} to {self.max}, not {text!r}") from None
        return self.check(v)

    def describe(self) -> tuple[Any, ...]:
        return (self.kind, (self.min, self.max, self.step, self.integer))

    def __repr__(self) -> str:
        step = f", step={self.step!r}" if self.step is not None else ""
        return f"easel.Slider({self.min!r}, {self.max!r}, {self.value!r}{step})"


_TRUE = ("true", "1", "yes", "on")
_FALSE = ("false", "0", "no", "off")


class Toggle(Param[bool]):
    """True or False: ``Toggle(value)``. The panel shows a check box."""

    kind = "toggle"

    def __init__(self, value: bool):
        super().__init__(value)
        self.check(value)

    def check(self, value: object) -> bool:
        if not isinstance(value, bool):
            raise TypeError(f"{self._what()} (a toggle) must be True or False, not {value!r}")
        return value

    def parse(self, text: str) -> bool:
        t = text.strip().lower()
        if t in _TRUE:
            return True
        if t in _FALSE:
            return False
        raise ValueError(f"{self._what()} is true or false, not {text!r}")

    def to_text(self, value: bool) -> str:
        return "true" if value else "false"


class Choice(Param[str]):
    """One of a list of strings: ``Choice(options, value)``. The panel shows a drop-down list."""

    kind = "choice"

    def __init__(self, options: list[str] | tuple[str, ...], value: str):
        if isinstance(options, str) or not isinstance(options, (list, tuple)) or not options:
            raise TypeError(f"Choice options must be a non-empty list of str, not {options!r}")
        for o in options:
            if not isinstance(o, str):
                raise TypeError(f"Choice options must be str, not {o!r}")
        if len(set(options)) != len(options):
            raise ValueError(f"Choice options must differ from each other: {list(options)!r}")
        self.options = tuple(options)
        super().__init__(value)
        self.check(value)

    def check(self, value: object) -> str:
        if not isinstance(value, str):
            raise TypeError(f"{self._what()} (a choice) must be a str, one of {list(self.options)!r}, not {value!r}")
        if value not in self.options:
            raise ValueError(f"{self._what()} must be one of {list(self.options)!r}, not {value!r}")
        return value

    def parse(self, text: str) -> str:
        return self.check(text)

    def describe(self) -> tuple[Any, ...]:
        return (self.kind, list(self.options))

    def __repr__(self) -> str:
        return f"easel.Choice({list(self.options)!r}, {self.value!r})"


class ColorPick(Param[Color]):
    """A colour: ``ColorPick(value)`` with anything :class:`easel.Color` parses (``"#3080ff"``,
    ``"tomato"``, ``(48, 128, 255)``). Reads as an :class:`easel.Color`. The panel shows a colour picker."""

    kind = "color"

    def __init__(self, value: ColorLike):
        super().__init__(self.check(value))

    def check(self, value: object) -> Color:
        try:
            return Color.parse(value)  # type: ignore[arg-type]  # checked by Color.parse
        except (TypeError, ValueError) as e:
            raise type(e)(f"{self._what()} (a colour): {e}") from None

    def parse(self, text: str) -> Color:
        return self.check(text.strip())

    def to_text(self, value: Color) -> str:
        return value.hex()

    def to_json(self, value: Color) -> object:
        return value.hex()

    def __repr__(self) -> str:
        return f"easel.ColorPick({self.value.hex()!r})"


class Text(Param[str]):
    """A line of text: ``Text(value)``. The panel shows a text field."""

    kind = "text"

    def __init__(self, value: str):
        super().__init__(value)
        self.check(value)

    def check(self, value: object) -> str:
        if not isinstance(value, str):
            raise TypeError(f"{self._what()} (a text) must be a str, not {value!r}")
        return value

    def parse(self, text: str) -> str:
        return text


# --------------------------------------------------------------------------- used by Easel (not public)

def params_of(cls: type) -> dict[str, Param[Any]]:
    """The parameters a canvas class declares, in declaration order (base classes first)."""
    found: dict[str, Param[Any]] = {}
    for klass in reversed(cls.__mro__):
        for k, v in vars(klass).items():
            if isinstance(v, Param):
                found[k] = v
            elif k in found:
                del found[k]  # a subclass replaced it with something else
    return found


def _lookup(canvas: object, name: str) -> Param[Any]:
    params = params_of(type(canvas))
    p = params.get(name)
    if p is None:
        known = ", ".join(params) if params else "none"
        raise ValueError(f"{type(canvas).__name__} has no parameter {name!r} (its parameters: {known})")
    return p


def deliver(canvas: object, name: str, text: str) -> None:
    """A control (the panel, a preset) changed a parameter: set it, then call ``on_param`` if defined."""
    p = _lookup(canvas, name)
    value = p.parse(text)
    setattr(canvas, name, value)
    handler = getattr(canvas, "on_param", None)
    if handler is not None:
        handler(name, getattr(canvas, name))


def describe(canvas: object) -> list[tuple[Any, ...]]:
    """For the panel: (name, kind, value as text, extra) of each parameter, values as they are now."""
    return [(n, *p.describe()[:1], p.to_text(getattr(canvas, n)), p.describe()[1])
            for n, p in params_of(type(canvas)).items()]


def preset(canvas: object) -> str:
    """The current values as a preset (a JSON object, name -> value)."""
    import json
    values = {n: p.to_json(getattr(canvas, n)) for n, p in params_of(type(canvas)).items()}
    return json.dumps(values, indent=2) + "\n"


def save_preset(canvas: object, path: str) -> None:
    """Writes the current values to ``path`` as JSON."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(preset(canvas))


def preset_texts(canvas: object, path: str) -> list[tuple[str, str]]:
    """The values of the preset file at ``path`` as (name, text) pairs, each checked."""
    import json
    with open(path, encoding="utf-8") as f:
        try:
            values = json.load(f)
        except ValueError as e:
            raise ValueError(f"preset {path} is not valid JSON: {e}") from None
    if not isinstance(values, dict):
        raise ValueError(f"preset {path} must hold a JSON object of parameter values")
    out = []
    for name, v in values.items():
        p = _lookup(canvas, name)
        text = v if isinstance(v, str) else json.dumps(v)
        if isinstance(p, Toggle) and not isinstance(v, bool):
            raise TypeError(f"preset {path}: {p._what()} must be true or false, not {v!r}")
        out.append((name, p.to_text(p.parse(text))))
    return out


def start(canvas: object, pairs: list[tuple[str, str]], preset_path: str | None) -> None:
    """Initial values from the command line (``--params file``, then each ``--param``), set before
    ``setup``. A bad name or value is a usage error: said on stderr, and the app ends with code 2.
    A canvas without parameters ignores them (another canvas of the sketch may have them)."""
    if not params_of(type(canvas)):
        return
    try:
        todo = list(preset_texts(canvas, preset_path)) if preset_path else []
        todo += pairs
        for name, text in todo:
            p = _lookup(canvas, name)
            setattr(canvas, name, p.parse(text))
    except (TypeError, ValueError, OSError) as e:
        import sys
        from . import _quit
        listed = "; ".join(f"{n}: {p!r}" for n, p in params_of(type(canvas)).items())
        print(f"easel run: --param: {e}\n{type(canvas).__name__}'s parameters: {listed}", file=sys.stderr)
        _quit.quit(2)
