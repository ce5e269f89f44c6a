#!/usr/bin/env bash
# Tests the .deb that build.sh made, as a user's machine would have it, without installing it:
# unpacks it with dpkg-deb -x into a temporary root, then with a PATH holding neither java nor python
# and an empty HOME runs a headless example with the packaged launcher (checks the PNG), easel doctor,
# easel bench startup, and --python with another Python; and checks that nothing was unpacked into HOME.
# Usage: packaging/test.sh [release|test]. "test" (the default build's verify) leaves out the bench
# (the slowest check, ~6 s of CPU: a timed start of the app from the app) and checks an uncompressed
# .deb; if build.sh skipped for lack of tools (target/SKIPPED), it repeats that line and skips too.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/target"
MODE="${1:-release}"
case "$MODE" in release|test) ;; *) echo "package test: mode is release or test, not $MODE" >&2; exit 2 ;; esac
if [ "$MODE" = test ] && [ -f "$OUT/SKIPPED" ]; then cat "$OUT/SKIPPED" >&2; exit 0; fi
DEB="$(ls "$OUT"/easel_*.deb 2>/dev/null | head -n1)"
[ -n "$DEB" ] || { echo "package test: no .deb in $OUT (run build.sh first)" >&2; exit 2; }
T="$(mktemp -d "${TMPDIR:-/tmp}/easel-pkgtest.XXXXXX")"
trap 'rm -rf "$T"' EXIT
fail() { echo "package test: FAIL: $*" >&2; exit 1; }
t0=$SECONDS
# Wall and CPU time (user+sys of the finished commands; `times` must run in this shell) so far.
step() {
  times >"$T/.times"
  echo "package test: $1 ($((SECONDS - t0)) s, $(awk 'NR==2 { s = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); s += a[1] * 60 + a[2] }; printf "%.0f", s }' "$T/.times") s CPU so far)" >&2
}

dpkg-deb -x "$DEB" "$T/root"
EASEL="$T/root/opt/easel/bin/easel"
[ -x "$EASEL" ] || fail "no /opt/easel/bin/easel in $DEB"
grep -q '^MimeType=.*text/x-python' "$T"/root/opt/easel/lib/*.desktop || fail "the .desktop entry has no text/x-python"
[ "$(od -An -tu1 -j16 -N4 "$T/root/opt/easel/lib/easel.png" | tr -s ' ')" = " 0 0 1 0" ] \
  || fail "the menu icon is not the 256x256 app icon (jpackage's default?)"
dpkg-deb -f "$DEB" Depends | grep -q libgtk-3-0 || fail "the .deb does not depend on libgtk-3-0"

# The `easel` command on PATH: postinst links /usr/bin/easel to the launcher, prerm removes it (dpkg-deb -x
# runs neither: their easel-command blocks run here with DPKG_ROOT the unpacked root).
dpkg-deb -e "$DEB" "$T/control"
block() { sed -n '/# easel-command-begin/,/# easel-command-end/p' "$T/control/$1"; }
[ -n "$(block postinst)" ] && [ -n "$(block prerm)" ] || fail "postinst/prerm do not put easel on PATH"
! grep -q 'DESKTOP_COMMANDS_INSTALL\|APPLICATION_PACKAGE' "$T/control/postinst" || fail "postinst: jpackage left placeholders"
grep -q 'xdg-desktop-menu' "$T/control/postinst" || fail "postinst lost jpackage's menu entry commands"
mkdir -p "$T/root/usr/bin"
DPKG_ROOT="$T/root" sh -ec "$(block postinst)"
[ "$(readlink "$T/root/usr/bin/easel")" = /opt/easel/bin/easel ] || fail "postinst made no /usr/bin/easel -> /opt/easel/bin/easel"
mkdir -p "$T/cmd" && ln -s "$EASEL" "$T/cmd/easel" # the same link, to the unpacked launcher
# ... and a start asks no package manager who owns the launcher (jpackage's did, at every start: ~0.2 s here):
# a dpkg and an rpm on that PATH say when they are run.
for pm in dpkg rpm; do printf '#!/bin/sh\necho "$0 $*" >> "%s/asked"\nexit 1\n' "$T" > "$T/cmd/$pm"; chmod +x "$T/cmd/$pm"; done
env -i HOME="$T/home" PATH="$T/cmd" easel --version 2>&1 | grep -q '^easel ' || fail "easel --version through a symlink on PATH"
[ ! -e "$T/asked" ] || fail "the launcher asked the package manager at its start: $(cat "$T/asked")"
DPKG_ROOT="$T/root" sh -ec "$(block prerm)"
[ ! -e "$T/root/usr/bin/easel" ] && [ ! -L "$T/root/usr/bin/easel" ] || fail "prerm left /usr/bin/easel"

# A PATH with neither java nor python: only the few tools a shell script of the test needs are not
# needed by the app, so it gets an empty folder.
mkdir -p "$T/bin" "$T/home" "$T/out"
# XDG_CACHE_HOME too: Java takes user.home from the passwd entry, not HOME, and the caches follow it.
run() { env -i HOME="$T/home" XDG_CACHE_HOME="$T/home/.cache" PATH="$T/bin" LANG=C.UTF-8 "$@"; }

step "unpacked; bounce.py"
# 1. A headless example: bounce.py for 10 frames, its last frame saved as a PNG.
EX="$T/root/opt/easel/lib/app/assets/examples/bounce.py"
[ -f "$EX" ] || fail "the examples are not in the package"
run "$EASEL" run "$EX" --headless --frames 10 --out "$T/out" >"$T/run.log" 2>&1 \
  || { rc=$?; cat "$T/run.log" >&2; fail "easel run --headless exited $rc"; }
PNG="$(ls "$T"/out/*.png 2>/dev/null | head -n1)"
[ -n "$PNG" ] || { cat "$T/run.log" >&2; fail "no PNG in $T/out"; }
[ "$(head -c 8 "$PNG" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$PNG is not a PNG"
if command -v identify >/dev/null 2>&1; then
  colors=$(identify -format %k "$PNG")
  [ "$colors" -ge 2 ] || fail "$PNG has $colors colour(s): nothing drawn"
  echo "package test: $(basename "$PNG"): $(identify -format '%wx%h' "$PNG"), $colors colours" >&2
fi

step "images.py"
# The example that loads a picture from ../images: the assets ship whole.
run "$EASEL" run "${EX%/*}/images.py" --headless --frames 1 --out "$T/out-images" >"$T/images.log" 2>&1 \
  || { rc=$?; cat "$T/images.log" >&2; fail "images.py exited $rc"; }

step "easel doctor"
# 2. easel doctor: the bundled Python, found in the image.
run "$EASEL" doctor >"$T/doctor.log" 2>&1 || { rc=$?; cat "$T/doctor.log" >&2; fail "easel doctor exited $rc"; }
grep -q "/opt/easel/lib/python/cpython-" "$T/doctor.log" || { cat "$T/doctor.log" >&2; fail "doctor does not name the image's CPython"; }

# 3. easel bench from the installed app, timing the installed app's start (one headless run).
if [ "$MODE" = release ]; then
step "easel bench startup"
run "$EASEL" bench startup --headless --runs 1 --launcher "$EASEL" >"$T/bench.log" 2>&1 \
  || { rc=$?; cat "$T/bench.log" >&2; fail "easel bench startup exited $rc"; }
grep -q '"first_frame_ms"' "$T/bench.log" || { cat "$T/bench.log" >&2; fail "easel bench startup printed no figures"; }
fi

# 4. Nothing unpacked into HOME: no CPython, no easel package, no JavaFX libraries.
left=$(cd "$T/home" && find . -path './.cache/easel/cpython-*' -o -path './.cache/easel/python-*' -o -path './.openjfx' | head)
[ -z "$left" ] || fail "unpacked into HOME: $left"

step "--python"
# 5. --python still picks another Python (the system's, by its path), when this machine has one.
other=""
for p in /usr/bin/python3.1[1-3] /usr/bin/python3; do [ -x "$p" ] && { other="$p"; break; }; done
if [ -n "$other" ]; then
  cat > "$T/which.py" <<'PY'
import sys, easel
print("python", sys.version_info[:2], sys.executable)

class C(easel.Canvas):
    size = (40, 30)
    def on_draw(self, g):
        g.fill_rect(0, 0, 10, 10)

C().show()
PY
  run "$EASEL" run "$T/which.py" --headless --frames 1 --python "$other" --out "$T/out2" >"$T/other.log" 2>&1 \
    || { rc=$?; cat "$T/other.log" >&2; fail "easel run --python $other exited $rc"; }
  want=$("$other" -c 'import sys; print(sys.version_info[:2])')
  grep -q "python $want" "$T/other.log" || { cat "$T/other.log" >&2; fail "--python $other did not run $want"; }
  echo "package test: --python $other ran Python $want" >&2
fi
step "ok"
