#!/usr/bin/env bash
# Sets up (scripts/opsaet.sh) and starts Takstberegner. With no file given, the app offers the
# demo driftsherre. Without a screen (no DISPLAY), it runs on a virtual screen (Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/opsaet.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = Linux ]; then
  echo "Ingen skærm fundet: starter Takstberegner på en virtuel skærm (Xvfb)."
  exec xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/takstberegner "$@"
fi
exec .venv/bin/takstberegner "$@"
