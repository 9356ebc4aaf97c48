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
    // An internal error is TC8's fault, said in one line; the stack only with TC8_DEBUG=1.
    console.error("tc8: lỗi không mong đợi, không có gì được ghi / unexpected error, nothing was written" + (process.env.TC8_DEBUG ? "\n" + (e && e.stack ? e.stack : e) : ""));
    process.exit(1);
  },
);
