#!/usr/bin/env node
// The tc8 command (SPEC §6). The TypeScript sources are compiled into lib/ by `npm ci` (prepare).
let cli;
try {
  cli = require("../lib/cli/tc8.js");
} catch (e) {
  console.error("tc8: lib/ is missing; run `npm ci` or `npm run build:cli` first (" + e.message + ")");
  process.exit(3);
}
cli.main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error("tc8: " + (e && e.stack ? e.stack : e));
    process.exit(1);
  },
);
