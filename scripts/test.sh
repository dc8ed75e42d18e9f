#!/usr/bin/env bash
# Sets up (scripts/opsaet.sh) and runs the whole test suite: the layering contracts, pytest
# (GUI tests offscreen), and the frozen-app build with its self-test when build.spec is there.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/opsaet.sh
export QT_QPA_PLATFORM=offscreen
echo "== Lagdeling (import-linter)"
.venv/bin/lint-imports
echo "== Tests (pytest)"
.venv/bin/python -m pytest -p no:cacheprovider "$@"
if [ -f build.spec ] && [ -f scripts/byg_frossen.sh ] && [ -z "${SPRING_FROSSEN_OVER:-}" ]; then
  echo "== Frossen app (PyInstaller) og selvtest"
  bash scripts/byg_frossen.sh
fi
