#!/usr/bin/env bash
# Debian packages the end-to-end and interoperability tests use: Chromium (driven by
# playwright-core), LibreOffice Calc and poppler (to open what TC8 writes), xmllint (to validate
# the manifest offline), python3-uno (the contract tests make a user's edits in LibreOffice through
# UNO). Installs only what is missing; needs root (CI runs as root).
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import uno" >/dev/null 2>&1 || need+=(python3-uno)
if [ ${#need[@]} -eq 0 ]; then
  echo "test dependencies present: chromium, soffice, pdftoppm, xmllint, python3-uno"
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "missing: ${need[*]}; install them with: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${need[*]}"
  exit 0
fi
echo "installing: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
