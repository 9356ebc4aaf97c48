// Prints the size of each built script, raw and gzipped, and checks what no bundle may hold: exceljs
// (the browser page patches the .xlsx package itself; exceljs is only the tests' independent reader).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const dist = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../dist");
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let bad = 0;
for (const f of fs
  .readdirSync(dist)
  .filter((f) => f.endsWith(".js"))
  .sort()) {
  const buf = fs.readFileSync(path.join(dist, f));
  const gz = zlib.gzipSync(buf, { level: 9 }).length;
  console.log(`${f.padEnd(14)} ${kb(buf.length).padStart(10)}  gzip ${kb(gz).padStart(9)}`);
  if (/ExcelJS|exceljs/.test(buf.toString())) {
    console.log(`  ${f} contains exceljs: it must not`);
    bad++;
  }
}
process.exit(bad ? 1 : 0);
