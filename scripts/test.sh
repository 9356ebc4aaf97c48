#!/usr/bin/env bash
# The whole test suite: type check, lint, jest (unit, workbook, host, component, end-to-end and
# interoperability tests). Ends with the one line CI reads: "N passed, N failed[, N skipped]".
set -u
cd "$(dirname "$0")/.."
mkdir -p test-artifacts
extra=0
echo "== type check (tsc --noEmit)"
npx tsc -p tsconfig.json --noEmit || { echo "type check failed"; extra=$((extra + 1)); }
echo "== lint (eslint)"
npx eslint . || { echo "lint failed"; extra=$((extra + 1)); }
echo "== build the command line (lib/)"
npm run --silent build:cli || { echo "command-line build failed"; extra=$((extra + 1)); }
echo "== jest"
npx jest --json --outputFile=test-artifacts/jest.json "$@"
node scripts/test-summary.js test-artifacts/jest.json "$extra"
