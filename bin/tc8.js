#!/usr/bin/env node
// The tc8 command (docs/cli.md). The TypeScript sources are compiled into lib/ by `npm ci` (prepare).
// A larger young generation for V8 when a workbook is large (4 MB and more, some 7,000 communes):
// reading and patching it makes millions of short-lived objects, and with the default the
// collector takes a third of the time. Below that size it gains nothing and starting Node again
// costs some 0.06 s (docs/performance.md). The flag can only be given at start, so the command
// starts itself once more with it.
const LARGE_INPUT = 4 * 1024 * 1024;
// The files read, not the ones written: an earlier output named by -o or --json does not count.
const VALUE_OPTIONS = new Set(["-o", "--output", "--json", "--ruleset", "--level", "--lang"]);
const large = () => {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    if (VALUE_OPTIONS.has(args[i])) {
      i++;
      continue;
    }
    try {
      const st = require("node:fs").statSync(args[i]);
      if (st.isFile() && st.size >= LARGE_INPUT) return true;
    } catch {
      /* not a file: a command or an option */
    }
  }
  return false;
};
if (!process.execArgv.some((a) => a.startsWith("--max-semi-space-size")) && !process.env.TC8_NO_RESPAWN && large()) {
  const r = require("node:child_process").spawnSync(
    process.execPath,
    ["--max-semi-space-size=64", ...process.execArgv, __filename, ...process.argv.slice(2)],
    { stdio: "inherit" },
  );
  process.exit(r.status === null ? 1 : r.status);
}
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
    console.error(
      "tc8: lỗi không mong đợi, không có gì được ghi / unexpected error, nothing was written" +
        (process.env.TC8_DEBUG ? "\n" + (e && e.stack ? e.stack : e) : ""),
    );
    process.exit(1);
  },
);
