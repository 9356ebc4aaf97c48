// Preloaded into a benchmarked process (node -r): writes its peak resident memory (bytes) to the
// file named by TC8_BENCH_RSS when it exits.
const fs = require("node:fs");
process.on("exit", () => {
  if (process.env.TC8_BENCH_RSS) fs.writeFileSync(process.env.TC8_BENCH_RSS, String(process.resourceUsage().maxRSS * 1024));
});
