#!/usr/bin/env bash
# Wrap the PyInstaller .app into a drag-to-Applications disk image (create-dmg style), on macOS.
# Usage: packaging/macos/make-dmg.sh VERSION   (after: pyinstaller packaging/mpwizard.spec)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VERSION="${1:?version}"
APP="$ROOT/build/dist/Marketplace Image Wizard.app"
STAGE="$ROOT/build/dmg"
rm -rf "$STAGE" && mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
hdiutil create -volname "Marketplace Image Wizard" -srcfolder "$STAGE" -ov -format UDZO \
  "$ROOT/build/mpwizard-$VERSION.dmg"
