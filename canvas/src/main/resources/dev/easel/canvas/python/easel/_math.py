"""Helpers sketchers use constantly: noise, interpolation, mapping between ranges."""

TYPE_CHECKING = False
if TYPE_CHECKING:
    from . import _easel  # the built-in module's types: _easel.pyi
else:
    import _easel

noise = _easel.noise
noise_seed = _easel.noise_seed
noise_detail = _easel.noise_detail


def lerp(a: float, b: float, t: float) -> float:
    """The value a fraction ``t`` of the way from ``a`` to ``b``: ``a`` at 0, ``b`` at 1
    (``t`` outside 0..1 extrapolates)."""
    return a + (b - a) * t


def remap(v: float, a0: float, a1: float, b0: float, b1: float) -> float:
    """``v`` moved from the range ``a0..a1`` to the range ``b0..b1`` (Processing's ``map``):
    ``remap(5, 0, 10, 100, 200) == 150``. Not clamped; ``ZeroDivisionError`` if ``a0 == a1``."""
    return b0 + (b1 - b0) * ((v - a0) / (a1 - a0))


def constrain(v: float, lo: float, hi: float) -> float:
    """``v`` limited to ``lo..hi``: ``lo`` if below, ``hi`` if above."""
    return lo if v < lo else hi if v > hi else v
