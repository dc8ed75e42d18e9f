#!/usr/bin/env bash
# Sets up a development machine from a clean clone: the system libraries a Qt app and the tests
# need (Debian/Ubuntu), a virtual environment .venv in the repo root, and the project in it.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PAKKER=(xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0
  libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-shape0 libegl1 libgl1
  libfontconfig1 libdbus-1-3 poppler-utils openssl fonts-dejavu-core msitools wixl)

if command -v apt-get >/dev/null 2>&1; then
  mangler=()
  for p in "${SYSTEM_PAKKER[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || mangler+=("$p")
  done
  if [ ${#mangler[@]} -gt 0 ]; then
    echo "Installerer systempakker: ${mangler[*]}"
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${mangler[@]}" >/dev/null
  fi
else
  echo "Bemærk: ikke Debian/Ubuntu; installér selv Qt's xcb-biblioteker, Xvfb, poppler-utils og openssl."
fi

# Python 3.12 or newer when the machine has one: there None/True/False are immortal, which
# PySide6 6.12 relies on (on 3.11, takstberegner.app.qt_kompat guards against its reference leak).
find_python() {
  local c
  for c in ${PYTHON:-} python3.12 python3.13; do
    if "$c" -c 'import sys; assert sys.version_info >= (3, 12)' >/dev/null 2>&1; then echo "$c"; return; fi
  done
  local rod
  rod=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
  for c in "$rod"/versions/3.12*/bin/python3 "$rod"/versions/3.13*/bin/python3; do
    if [ -x "$c" ] && "$c" -c 'import venv' >/dev/null 2>&1; then echo "$c"; return; fi
  done
  echo python3
}
PY=$(find_python)
if [ ! -x .venv/bin/python ]; then
  echo "Opretter .venv med $($PY --version)"
  $PY -m venv .venv
fi
if ! .venv/bin/python -c "import takstberegner, PySide6, pytest, PyInstaller" >/dev/null 2>&1 \
   || [ pyproject.toml -nt .venv/.installeret ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test,build]"
  touch .venv/.installeret
fi
echo "Opsætning klar: $(.venv/bin/takstberegner --version)"
