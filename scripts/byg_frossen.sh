#!/usr/bin/env bash
# Builds the frozen one-folder app with PyInstaller (build.spec) into dist/takstberegner and runs
# its self-test, so a missing hidden import or resource is caught before a user sees it.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
rm -rf build/takstberegner dist/takstberegner
.venv/bin/pyinstaller --noconfirm --log-level WARN build.spec
echo "Bygget på $(( $(date +%s) - start )) s: dist/takstberegner ($(du -sh dist/takstberegner | cut -f1))"
for f in resources/regelsaet/styringsaftale-2025-2026.json resources/demo/demokommune.takstgrundlag.json \
         resources/kontoplan/arter.csv resources/skrifttyper/DejaVuSans.ttf resources/skrifttyper/DejaVuSans-Bold.ttf \
         resources/skrifttyper/LICENSE.txt PySide6/Qt/translations/qtbase_da.qm; do
  [ -e "dist/takstberegner/_internal/$f" ] || { echo "Mangler i den frosne app: $f"; exit 1; }
done
QT_QPA_PLATFORM=offscreen TAKSTBEREGNER_DATA="$(mktemp -d)" dist/takstberegner/takstberegner-kommando --selvtest
if command -v wixl >/dev/null 2>&1; then
  bash installer/byg_msi.sh dist/takstberegner   # proves installer/takstberegner.wxs builds
fi
