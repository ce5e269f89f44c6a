#!/usr/bin/env bash
# Builds the installed form of Easel into packaging/target/ (called by the `package` Maven profile,
# after the app module is packaged; see docs/packaging.md):
#   runtime/                      a jlink runtime: the JDK modules jdeps finds used, JavaFX linked in
#   image/easel/                  the jpackage app image (bin/easel), with CPython 3.14 + numpy unpacked
#                                 inside and used in place, the easel package, JavaFX's native libraries,
#                                 the examples and a JDK 25 AOT cache trained on a one-rect sketch
#   easel_<version>_amd64.deb     the Debian package of that image (installs into /opt/easel)
#   easel-<version>-linux-x86_64.tar.gz   the image as a tarball
# Usage: packaging/build.sh <project version> [release|test]. Needs a JDK 25+ (found like ./easel finds
# one, or EASEL_JDK), and fakeroot + dpkg-deb (dpkg-dev) for the .deb.
# "release" (the package profile) makes all of the above. "test" (the default build's verify, for
# test.sh) makes only what test.sh checks, fast: no .pyc, no AOT cache, no .tar.gz, an uncompressed
# .deb; and without the tools it prints what is missing and makes nothing (test.sh then skips too),
# unless EASEL_REQUIRE_PACKAGING=1 (CI), which makes that an error.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
APP="$ROOT/app/target"
OUT="$HERE/target"
VERSION="${1:?usage: build.sh <project version> [release|test]}"
MODE="${2:-release}"
case "$MODE" in release|test) ;; *) echo "package: mode is release or test, not $MODE" >&2; exit 2 ;; esac
APP_VERSION="${VERSION%%-*}"          # jpackage wants digits and dots: 0.1.0-SNAPSHOT gives 0.1.0
NAME=easel
log() { echo "package: $*" >&2; }
t0=$SECONDS
# Each step's start with the wall time and the CPU time (user+sys of the finished commands) so far.
# `times` must run in this shell (in a subshell it would count none of our children).
step() {
  times >"$OUT/work/.times"
  log "$1 ($((SECONDS - t0)) s, $(awk 'NR==2 { s = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); s += a[1] * 60 + a[2] }; printf "%.0f", s }' "$OUT/work/.times") s CPU so far)"
}

find_jdk() { # a JDK 25+ home with jlink and jpackage: EASEL_JDK, JAVA_HOME, then /usr/lib/jvm/*
  local c v
  for c in "${EASEL_JDK:-}" "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -n "$c" ] && [ -x "$c/bin/jpackage" ] && [ -f "$c/release" ] || continue
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$c/release" | head -n1)
    if [ "${v:-0}" -ge 25 ] 2>/dev/null; then echo "$c"; return; fi
  done
  echo "package: needs a JDK 25 or newer with jpackage (set EASEL_JDK)" >&2
  exit 2
}
# Without the tools: in a test build, one line saying what is missing and nothing made (test.sh reads
# the marker and skips); a release build, or CI (EASEL_REQUIRE_PACKAGING=1), fails.
missing=""
for t in fakeroot dpkg dpkg-deb; do command -v "$t" >/dev/null 2>&1 || missing="$missing $t"; done
# The JDK's tools (and the build's own one-frame run) are short runs: C1 only and the serial GC halve
# their CPU time (jdeps 9 -> 3 s, jlink 14 -> 7 s here).
QUICK=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
QUICK_J=(-J-XX:TieredStopAtLevel=1 -J-XX:+UseSerialGC)
JDK="$(find_jdk 2>/dev/null)" || missing="$missing jpackage-of-a-JDK-25+(EASEL_JDK)"
rm -f "$OUT/SKIPPED"
if [ -n "$missing" ]; then
  if [ "$MODE" = test ] && [ "${EASEL_REQUIRE_PACKAGING:-0}" != 1 ]; then
    mkdir -p "$OUT"
    echo "packaging test skipped: missing$missing (apt install fakeroot dpkg-dev; see docs/packaging.md)" | tee "$OUT/SKIPPED" >&2
    exit 0
  fi
  log "cannot build the .deb: missing$missing (apt install fakeroot dpkg-dev; a JDK 25+ with jpackage)"
  exit 2
fi
ICON="$ROOT/app/src/main/resources/dev/easel/app/icon.png"   # the windows' icon
[ -f "$APP/easel-app.jar" ] && [ -d "$APP/lib/javafx" ] || { log "no $APP/easel-app.jar: build the app first"; exit 2; }
BENCH_JAR="$ROOT/bench/target/easel-bench.jar"   # what `easel bench` runs (the bench module)
[ -f "$BENCH_JAR" ] || { log "no $BENCH_JAR: build the bench module first"; exit 2; }

rm -rf "$OUT/work" "$OUT/runtime" "$OUT/image" "$OUT"/*.deb "$OUT"/*.tar.gz
mkdir -p "$OUT/work/input" "$OUT/work/pycache" "$OUT/image"

# 1. The CPython tree, exactly as the app extracts it (BundledPython: stdlib, numpy, OpenBLAS), and the
#    easel Python package as the app writes it: one headless run of the dev build into a private cache.
#    It runs beside steps 2 and 3 (they do not need it; on 2 free cores that saves ~10 s).
step "unpacking the bundled CPython and numpy (beside jdeps + jlink)"
cat > "$OUT/work/one_rect.py" <<'PY'
import easel

class OneRect(easel.Canvas):
    size = (320, 240)

    def on_draw(self, g):
        g.fill = "tomato"
        g.fill_rect(40, 40, 160, 100)
        if self.frame >= 30:
            easel.quit()

OneRect().show()
PY
( cd "$OUT/work" && EASEL_CACHE="$OUT/work/pycache" HOME="$OUT/work/home-unpack" PATH=/nonexistent exec "$JDK/bin/java" "${QUICK[@]}" \
    --enable-native-access=ALL-UNNAMED,javafx.graphics --module-path "$APP/lib/javafx" \
    --add-modules javafx.controls,javafx.swing -Djava.awt.headless=true -Dglass.platform=Headless -Dprism.order=sw \
    -cp "$APP/easel-app.jar:$APP/lib/*" dev.easel.app.Main run one_rect.py --headless --frames 1 --python bundled \
    --out "$OUT/work/out" ) >"$OUT/work/unpack.log" 2>&1 &
UNPACK=$!
trap 'kill "$UNPACK" 2>/dev/null || true' EXIT   # a failing step 2 or 3 does not leave it running

# 2. What goes on the class path: the app's jars without the CPython/numpy/OpenBLAS jars (their files
#    are the tree above) and JavaCPP (only those jars use it), and the benchmarks' jar. The examples come
#    along for the launcher.
for j in "$APP"/easel-app.jar "$APP"/lib/*.jar "$BENCH_JAR"; do
  case "$(basename "$j")" in cpython-*|numpy-*|openblas-*|javacpp-*) ;; *) cp "$j" "$OUT/work/input/" ;; esac
done
mkdir -p "$OUT/work/input/assets"
cp -r "$ROOT/assets/examples" "$ROOT/assets/images" "$OUT/work/input/assets/"   # images.py loads ../images

# 3. The runtime: the JDK modules the jars use (jdeps), and JavaFX linked in from its modular jars.
step "jdeps + jlink"
JDK_MODS=$("$JDK/bin/jdeps" "${QUICK_J[@]}" --print-module-deps --ignore-missing-deps --multi-release 25 \
  --module-path "$APP/lib/javafx" --add-modules javafx.controls,javafx.swing \
  -cp "$OUT/work/input/*" "$OUT"/work/input/*.jar 2>/dev/null | tail -n1)
MODS="$JDK_MODS,javafx.controls,javafx.swing"
log "modules: $MODS"
"$JDK/bin/jlink" "${QUICK_J[@]}" --module-path "$APP/lib/javafx" --add-modules "$MODS" --output "$OUT/runtime" \
  --strip-debug --no-header-files --no-man-pages
# JavaFX's native libraries: the modular jars carry them as resources, which JavaFX would unpack into
# ~/.openjfx/cache at first start. Linked into a runtime (its classes come from jrt:), JavaFX loads them
# from the runtime's lib/ first, where jmods would have put them: put them there.
for j in "$APP"/lib/javafx/*.jar; do
  unzip -q -o -j "$j" '*.so' -d "$OUT/runtime/lib" 2>/dev/null || true
done
[ -f "$OUT/runtime/lib/libglassgtk3.so" ] || { log "no JavaFX native libraries in the javafx jars"; exit 1; }

wait "$UNPACK" || { cat "$OUT/work/unpack.log" >&2; log "the run that unpacks CPython failed"; exit 1; }
trap - EXIT
PYDIR="$(cd "$OUT/work/pycache" && ls -d cpython-* | head -n1)"
PKGDIR="$(cd "$OUT/work/pycache" && ls -d python-* | head -n1)"
[ -n "$PYDIR" ] && [ -n "$PKGDIR" ] || { log "the run made no cpython-*/python-* folder"; exit 1; }

# 4. The app image. $APPDIR is lib/app of the image, wherever it is installed.
step "jpackage app image"
JOPTS=(--enable-native-access=ALL-UNNAMED,javafx.graphics
  --sun-misc-unsafe-memory-access=allow  # LWJGL (the GL renderer) uses sun.misc.Unsafe, as in ./easel
  '-Deasel.root=$APPDIR'
  "-Deasel.python.home=\$APPDIR/../python/$PYDIR"
  '-Deasel.python.package=$APPDIR/../python/easel-package')
JARGS=()
for o in "${JOPTS[@]}"; do JARGS+=(--java-options "$o"); done
"$JDK/bin/jpackage" "${QUICK_J[@]}" --type app-image --name "$NAME" --app-version "$APP_VERSION" \
  --input "$OUT/work/input" --main-jar easel-app.jar --main-class dev.easel.app.Main \
  --runtime-image "$OUT/runtime" --icon "$ICON" --dest "$OUT/image" "${JARGS[@]}"
IMG="$OUT/image/$NAME"
# jpackage's launcher asks `rpm -qf` and `dpkg -S` which package owns it, at every start, to find its
# library: ~0.3 s of each start here (dpkg -S reads the whole package database: the more packages a
# machine has, the longer). bin/easel is a shell script instead, starting the image's runtime with the
# options, class path and main class of jpackage's configuration (lib/app/easel.cfg, kept for jpackage),
# as ChildJava already starts the app's child JVMs. EASEL_JAVA_OPTS adds JVM options, as in ./easel.
CP=$(sed -n 's/^app\.classpath=\$APPDIR\//$APPDIR\//p' "$IMG/lib/app/$NAME.cfg" | paste -sd: -)
[ -n "$CP" ] && grep -q '^app.mainclass=dev.easel.app.Main$' "$IMG/lib/app/$NAME.cfg" \
  || { log "jpackage's $NAME.cfg has no class path or another main class"; exit 1; }
JAVA_LINE=""
for o in "-Djpackage.app-version=$APP_VERSION" "${JOPTS[@]}"; do JAVA_LINE="$JAVA_LINE \"$o\""; done
rm "$IMG/bin/$NAME"
cat > "$IMG/bin/$NAME" <<SH
#!/bin/sh
# Easel, installed: the image's Java runtime started on Easel (made by packaging/build.sh). Not jpackage's
# launcher, which asks rpm and dpkg which package owns it at every start (docs/packaging.md).
# Where it really is (through /usr/bin/easel, a link): coreutils' readlink by its path, PATH may be bare.
self=\$0
for r in /usr/bin/readlink /bin/readlink; do
  if [ -x "\$r" ]; then self=\$("\$r" -f -- "\$0") || self=\$0; break; fi
done
APPDIR=\${self%/bin/*}/lib/app
set -- -cp "$CP" dev.easel.app.Main "\$@"
if [ -f "\$APPDIR/easel.aot" ]; then   # the AOT cache (absent while it is being trained)
  set -- -XX:AOTCache="\$APPDIR/easel.aot" -Xlog:aot*=off -Xlog:cds*=off -Deasel.aot="\$APPDIR/easel.aot" "\$@"
fi
# shellcheck disable=SC2086 # EASEL_JAVA_OPTS: options split at spaces, as ./easel does
exec "\$APPDIR/../runtime/bin/java"$JAVA_LINE -Djpackage.app-path="\$self" \${EASEL_JAVA_OPTS:-} "\$@"
SH
chmod 755 "$IMG/bin/$NAME"
mkdir -p "$IMG/lib/python"
mv "$OUT/work/pycache/$PYDIR" "$IMG/lib/python/$PYDIR"            # a move, not a copy of ~200 MB
mv "$OUT/work/pycache/$PKGDIR" "$IMG/lib/python/easel-package"

# 5. Bytecode for everything Python imports (stdlib, numpy, easel), checked by hash of nothing: an
#    installed tree is read only, so Python could neither write nor refresh them, and file times may
#    change on the way into a package.
#    (Not in a test build: the test's tree is writable, and this is ~20 s of CPU.)
if [ "$MODE" = release ]; then
step "precompiling Python"
PYHOME="$IMG/lib/python/$PYDIR"
PYTHONHOME="$PYHOME" "$PYHOME/bin/python3.14" -s -m compileall -q -f -j 0 --invalidation-mode unchecked-hash \
  "$PYHOME/lib/python3.14" "$IMG/lib/python/easel-package" >"$OUT/work/compileall.log" 2>&1 \
  || log "compileall reported problems (see $OUT/work/compileall.log)"
fi

# 6. The AOT cache, trained on the image itself (same runtime, class path and options as every start):
#    a one-rect sketch in a window on JavaFX's headless platform. (Not in a test build: test.sh does not
#    check it, and the training run costs ~30 s.)
if [ "$MODE" = release ]; then
step "training the AOT cache"
mkdir -p "$OUT/work/home-aot"
( cd "$OUT/work" && HOME="$OUT/work/home-aot" PATH=/nonexistent \
      EASEL_JAVA_OPTS="-XX:AOTCacheOutput=$IMG/lib/app/easel.aot -Xlog:aot*=off -Xlog:cds*=off -Dglass.platform=Headless -Dprism.order=sw" \
      "$IMG/bin/$NAME" run one_rect.py ) >"$OUT/work/aot.log" 2>&1 && [ -f "$IMG/lib/app/easel.aot" ] \
  || {  # bin/easel uses the cache when it is there
    log "could not train the AOT cache (see $OUT/work/aot.log): the image starts without one"
    rm -f "$IMG/lib/app/easel.aot"
  }
left=$(cd "$OUT/work/home-aot" && find . -path ./.openjfx -o -path './.cache/easel/*python-*' -o -path './.cache/easel/cpython-*')
[ -z "$left" ] || { log "the training run unpacked into HOME ($OUT/work/home-aot: $left): the image would too"; exit 1; }
fi
# Nothing in the image is the user's to write.
chmod -R a+rX,go-w "$IMG"

# 7. The .tar.gz and the .deb.
if [ "$MODE" = release ]; then
  step "tar.gz"
  tar -C "$OUT/image" -czf "$OUT/$NAME-$APP_VERSION-linux-x86_64.tar.gz" "$NAME"
fi
step ".deb"
# jpackage ignores --icon when it packages an app image and puts its own 32x32 icon in the package:
# the icon goes in as a resource (<name>.png), beside the desktop entry.
mkdir -p "$OUT/work/deb-resources"
cp "$HERE"/src/linux/deb/* "$OUT/work/deb-resources/"
cp "$ICON" "$OUT/work/deb-resources/$NAME.png"
# dpkg-deb's default, xz, took 10+ minutes for this ~270 MB image on 2 busy cores; gzip takes well under
# one (the .deb is then ~85 MB instead of ~57). DPKG_DEB_COMPRESSOR_TYPE=xz makes the smaller one.
# A test build's .deb is only unpacked again by test.sh: no compression at all. And jpackage runs with
# a PATH without ldd: with ldd it looks up the Debian package of every library each ELF file of the
# image links (ldd on ~110 files, dpkg -S on each library: ~60 s here) to add them to Depends; without,
# it skips that (its documented behaviour), and the test build's Depends is the list declared below.
JPATH="$PATH"
if [ "$MODE" = test ]; then
  export DPKG_DEB_COMPRESSOR_TYPE=none
  JPATH="$OUT/work/path-without-ldd"
  mkdir -p "$JPATH"
  IFS=: read -ra dirs <<<"$PATH"
  for d in "${dirs[@]}"; do   # the first of a name on PATH wins, as it would
    [ -d "$d" ] && find "$d" -maxdepth 1 ! -name ldd ! -type d -exec ln -s -t "$JPATH" {} + 2>/dev/null || true
  done
  log "test build: an uncompressed .deb, and jpackage without ldd: no Depends lookup (so it says 'ldd command not found' and 'app-image dir not generated by jpackage')"
fi
export DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}"
PATH="$JPATH" "$JDK/bin/jpackage" "${QUICK_J[@]}" --type deb --app-image "$IMG" --name "$NAME" --app-version "$APP_VERSION" \
  --dest "$OUT" --icon "$ICON" --resource-dir "$OUT/work/deb-resources" \
  --description "Desktop canvases drawn by Python" --vendor "Easel" \
  --linux-package-name "$NAME" --linux-deb-maintainer "easel@localhost" --linux-app-category graphics \
  --linux-shortcut --linux-menu-group "Graphics;Development;Education;" \
  --file-associations "$HERE/src/linux/py-association.properties" \
  --linux-package-deps "libgtk-3-0 | libgtk-3-0t64, libgl1, libxtst6, libxxf86vm1, libfreetype6, libfontconfig1, libpango-1.0-0, libpangoft2-1.0-0, fonts-dejavu-core | fonts-liberation2 | fonts-liberation"

step "done"
du -sh "$IMG" "$OUT"/*.deb $([ "$MODE" = release ] && echo "$OUT"/*.tar.gz) >&2
