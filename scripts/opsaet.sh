#!/usr/bin/env bash
# Sets up a development machine from a clean clone: the system libraries a Qt app and the tests
# need (Debian/Ubuntu), a virtual environment .venv in the repo root, and the project in it.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PAKKER=(xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0
  libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-shape0 libegl1 libgl1
  libfontconfig1 libdbus-1-3 poppler-utils openssl fonts-dejavu-core msitools)

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

PY=${PYTHON:-python3}
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
