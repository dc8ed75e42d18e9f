#!/usr/bin/env bash
# Builds installer/dist/Takstberegner-VERSION.msi from the PyInstaller folder with wixl (msitools).
#   bash installer/byg_msi.sh [FOLDER]     (default dist/takstberegner)
# On Windows-built input (takstberegner.exe ...) the MSI is the product. On a Linux build the MSI
# only proves that the definition is valid: it holds Linux binaries and is not installable.
set -euo pipefail
cd "$(dirname "$0")/.."
rod=$(pwd)
mappe=$(cd "${1:-dist/takstberegner}" && pwd)
version=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -1)
command -v wixl >/dev/null || { echo "wixl mangler: apt-get install wixl"; exit 1; }
ud="$rod/installer/dist"; mkdir -p "$ud"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp -a "$mappe/." "$tmp/kilde/" 2>/dev/null || { mkdir -p "$tmp/kilde"; cp -a "$mappe/." "$tmp/kilde/"; }
[ -e "$tmp/kilde/takstberegner.exe" ] || cp "$tmp/kilde/takstberegner" "$tmp/kilde/takstberegner.exe"
cd "$tmp"
find kilde -type f | wixl-heat -p kilde/ --directory-ref INSTALLDIR --component-group Programfiler \
  --var var.SourceDir > filer.wxs
wixl -a x64 -D Version="$version" -D SourceDir=kilde -o "$ud/Takstberegner-$version.msi" \
  "$rod/installer/takstberegner.wxs" filer.wxs 2>&1 | grep -v "has no property named 'InstallPrivileges'" | grep -v '^$' || true
[ -s "$ud/Takstberegner-$version.msi" ] || { echo "MSI blev ikke bygget"; exit 1; }
echo "MSI: installer/dist/Takstberegner-$version.msi ($(du -h "$ud/Takstberegner-$version.msi" | cut -f1))"
