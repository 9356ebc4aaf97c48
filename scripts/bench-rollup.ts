/**
 * The roll-up's speed and memory (docs/performance.md, "Roll-up"): `tc8 rollup` over 100 communes'
 * own workbooks (one commune, 10 villages and a postal point each) beside `tc8 evaluate` run on
 * the same files one by one. Each command runs as its own process (wall time, peak resident
 * memory by scripts/bench-rss.cjs); the roll-up three times, the fastest kept. Prints figures,
 * asserts nothing.
 *   npm run bench            (the whole benchmark; this part writes its table into docs/performance.md)
 *   npx tsx scripts/bench-rollup.ts [files]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { fieldsOf, postalPointKeys } from "../src/core/fields";
import { getRuleSet } from "../src/core/ruleset";
import { machineNow, measure, ROOT, value, writeTable } from "./bench-common";

// The communes' files hold the fields of the shipped rule set.
const LS = getRuleSet();
const { communes: COMMUNE_FIELDS, villages: VILLAGE_FIELDS, postal: POSTAL_FIELDS } = fieldsOf(LS);
const POSTAL_POINT_FIELDS = POSTAL_FIELDS.filter((f) => postalPointKeys(LS).has(f.key));
const given = Number(process.argv[2]);
const N = given > 0 ? given : 100;

/** A commune's own workbook: its row, its 10 villages and its postal point. */
async function make(i: number, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const name = `Xã Số ${i + 1}`;
  const fields = COMMUNE_FIELDS.filter(
    (f) => !f.key.startsWith("villages_") && !POSTAL_POINT_FIELDS.some((p) => p.key === f.key),
  );
  const xa = wb.addWorksheet("Xã");
  xa.addRow(fields.map((f) => f.header));
  xa.addRow(
    fields.map((f) => (f.key === "commune" ? name : f.key === "district" ? `Huyện ${1 + (i % 11)}` : value(f.type, i))),
  );
  const vf = VILLAGE_FIELDS.filter((f) => f.key !== "district");
  const thon = wb.addWorksheet("Thôn");
  thon.addRow(vf.map((f) => f.header));
  for (let v = 0; v < 10; v++)
    thon.addRow(
      vf.map((f) =>
        f.key === "commune"
          ? name
          : f.key === "village"
            ? `Thôn ${v + 1}`
            : f.key === "providers"
              ? "VNPT"
              : value(f.type, i + v),
      ),
    );
  const pf = POSTAL_FIELDS.filter((f) => f.key !== "district");
  const bc = wb.addWorksheet("Điểm BC");
  bc.addRow(pf.map((f) => f.header));
  bc.addRow(
    pf.map((f) => (f.key === "commune" ? name : f.key === "postal_point" ? `Điểm BĐVHX ${i + 1}` : value(f.type, i))),
  );
  await wb.xlsx.writeFile(file);
}

/** A command as its own process; a failure stops the benchmark. */
function timed(args: string[]): { ms: number; mb: number } {
  const r = measure(args);
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.err}`);
  return r;
}

const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tc8-bench-rollup-"));
  const inputs = path.join(dir, "xa");
  fs.mkdirSync(inputs);
  for (let i = 0; i < N; i++) await make(i, path.join(inputs, `xa-${String(i + 1).padStart(3, "0")}.xlsx`));
  const files = fs.readdirSync(inputs).map((f) => path.join(inputs, f));
  const bytes = files.reduce((s, f) => s + fs.statSync(f).size, 0);
  const bin = path.join(ROOT, "bin/tc8.js");
  let rollup: { ms: number; mb: number } | undefined;
  for (let run = 0; run < 3; run++) {
    const r = timed([
      bin,
      "rollup",
      inputs,
      "-o",
      path.join(dir, "tong-hop.xlsx"),
      "--json",
      path.join(dir, "tong-hop.json"),
      "--force",
    ]);
    if (!rollup || r.ms < rollup.ms) rollup = r;
  }
  let oneMs = 0;
  let oneMb = 0;
  for (const f of files) {
    const r = timed([bin, "evaluate", f, "-o", path.join(dir, "out.xlsx"), "--force"]);
    oneMs += r.ms;
    oneMb = Math.max(oneMb, r.mb);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const header =
    "| files | their size | tc8 rollup (one process) | peak memory | tc8 evaluate on each file, one by one (total) | peak memory (largest) | per file, rollup / evaluate |";
  const line = `| ${N} | ${(bytes / 2 ** 20).toFixed(1)} MB | ${s1(rollup!.ms)} | ${rollup!.mb.toFixed(0)} MB | ${s1(oneMs)} | ${oneMb.toFixed(0)} MB | ${(rollup!.ms / N).toFixed(0)} ms / ${(oneMs / N).toFixed(0)} ms |`;
  console.log(machineNow());
  console.log(header);
  console.log("|---:|---:|---:|---:|---:|---:|---:|");
  console.log(line);
  if (given > 0) return;
  if (writeTable("rollup:table", header, "|---:|---:|---:|---:|---:|---:|---:|", [line]))
    console.log("Wrote the roll-up table of docs/performance.md.");
})();
