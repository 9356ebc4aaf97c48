#!/usr/bin/env bash
# Validates manifest.xml (and dist/manifest.xml when built) offline against Microsoft's add-in
# manifest schemas kept in schemas/office-manifest (office-addin-manifest validate needs the network).
set -eu
cd "$(dirname "$0")/.."
if ! command -v xmllint >/dev/null; then
  echo "xmllint is missing: apt-get install -y libxml2-utils (Debian/Ubuntu), or brew install libxml2 (macOS)"
  exit 1
fi
for m in manifest.xml dist/manifest.xml; do
  [ -f "$m" ] || continue
  xmllint --noout --schema schemas/office-manifest/OfficeAppManifestV1_1.xsd "$m"
done
node node_modules/office-addin-manifest/cli.js info manifest.xml | head -12
