#!/usr/bin/env bash
# The whole test suite: type check, lint, the builds (command line and add-in), and jest (unit,
# workbook, host, component, build, end-to-end and interoperability tests). Ends with the one line
# CI reads: "N passed, N failed[, N skipped]".
set -u
cd "$(dirname "$0")/.."
mkdir -p test-artifacts
extra=0
echo "== type check (tsc --noEmit)"
npx tsc -p tsconfig.json --noEmit || { echo "type check failed"; extra=$((extra + 1)); }
echo "== lint (eslint, prettier)"
npm run --silent lint || { echo "lint failed"; extra=$((extra + 1)); }
echo "== build the command line (lib/)"
npm run --silent build:cli || { echo "command-line build failed"; extra=$((extra + 1)); }
echo "== build the add-in and the browser page (dist/)"
npm run --silent build > test-artifacts/build.log 2>&1 || { tail -30 test-artifacts/build.log; echo "build failed"; extra=$((extra + 1)); }
grep -E "^[a-z]+\.js " test-artifacts/build.log || true
echo "== jest"
npx jest --json --outputFile=test-artifacts/jest.json "$@"
node scripts/test-summary.js test-artifacts/jest.json "$extra"
