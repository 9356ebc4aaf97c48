// Preloaded into a benchmarked process (node -r): writes its peak resident memory (bytes) to the
// file named by TC8_BENCH_RSS when it exits.
const fs = require("node:fs");
// A process that starts itself again (bin/tc8.js) writes twice: the larger figure is kept.
process.on("exit", () => {
  const file = process.env.TC8_BENCH_RSS;
  if (!file) return;
  let before = 0;
  try {
    before = Number(fs.readFileSync(file, "utf8")) || 0;
  } catch {
    /* first to write */
  }
  fs.writeFileSync(file, String(Math.max(before, process.resourceUsage().maxRSS * 1024)));
});
