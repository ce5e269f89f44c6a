# Prepended to every API sketch: checks record failures in sys._easel_test instead of stopping
# the sketch, so one run reports every broken promise.
import sys
import easel

T = sys._easel_test
T["failures"] = []
T["checked"] = 0


def check(name, cond, detail=""):
    T["checked"] += 1
    if not cond:
        T["failures"].append(f"{name}: {detail}")


def raises(name, exc, fn, *contains):
    """fn() must raise exc whose message holds every string of contains; returns the message."""
    T["checked"] += 1
    try:
        fn()
    except exc as e:
        msg = str(e)
        for c in contains:
            if c not in msg:
                T["failures"].append(f"{name}: message {msg!r} lacks {c!r}")
        if "_easel" in msg:
            T["failures"].append(f"{name}: message {msg!r} names the private module")
        return msg
    except BaseException as e:
        T["failures"].append(f"{name}: expected {exc.__name__}, got {type(e).__name__}: {e}")
        return ""
    T["failures"].append(f"{name}: expected {exc.__name__}, nothing raised")
    return ""


def pixel(img, x, y):
    p = img.pixels()
    i = (y * img.width + x) * 4
    return tuple(p[i:i + 4])


def near(c, want, tol=3):
    return all(abs(a - b) <= tol for a, b in zip(c, want))


def check_pixel(name, img, x, y, want):
    c = pixel(img, x, y)
    check(name, near(c, want), f"pixel ({x}, {y}) is {c}, expected {want}")
