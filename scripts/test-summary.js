#!/usr/bin/env node
// Reads jest's JSON report and prints the one closing line CI reads: "N passed, N failed, N skipped".
// Exits non-zero when anything failed or when no test ran.
const fs = require("node:fs");
const file = process.argv[2] || "test-artifacts/jest.json";
let r;
try {
  r = JSON.parse(fs.readFileSync(file, "utf8"));
} catch (e) {
  console.error(`no jest report at ${file}: ${e.message}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const extra = Number(process.argv[3] || 0); // failures outside jest (type check, lint, acceptance)
const passed = r.numPassedTests;
const failed = r.numFailedTests + (r.numRuntimeErrorTestSuites || 0) + extra;
const skipped = r.numPendingTests + (r.numTodoTests || 0);
const line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`;
console.log(line);
fs.mkdirSync(require("node:path").dirname(file), { recursive: true });
fs.writeFileSync(require("node:path").join(require("node:path").dirname(file), "summary.txt"), line + "\n");
process.exit(failed > 0 || passed === 0 ? 1 : 0);
