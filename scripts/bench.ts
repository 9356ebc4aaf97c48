/**
 * Speed and memory of `tc8 evaluate` against the floor of exceljs reading and writing the same
 * file, measured in the same run: prints figures, asserts nothing (docs/performance.md).
 *   npm run bench [-- 65 200 2000 10000]
 * With TC8_BENCH_DIR=<folder>, the generated workbooks are written there and kept (for profiling).
 * The full run (no sizes given) writes its table into docs/performance.md, between the markers
 * <!-- bench:cli:table --> and <!-- /bench:cli:table -->.
 * Each size: communes with 10 villages and one postal point each. The command line and the floor
 * each run as their own process (wall time, peak resident memory), in turn, five times up to 2,000
 * communes and twice above; the fastest run of each is kept (the machine is shared: the fastest is
 * the one least slowed by others). The stages (read, evaluate, plan, write) are timed in this
 * process on the same file.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { evaluate } from "../src/core/engine/evaluate";
import { fieldsOf, postalPointKeys } from "../src/core/fields";
import { getRuleSet } from "../src/core/ruleset";
import { planEvaluation } from "../src/core/plan";
import { readWorkbook } from "../src/core/read/read";
import { applyPlan } from "../src/hosts/xlsx/apply";
import { readWorkbookPackage } from "../src/hosts/xlsx/read";
import { useNodeCodec } from "../src/cli/node-codec";
import { machineNow, measure, ROOT, value, writeTable } from "./bench-common";

// The stages run with the command line's codec, as `tc8 evaluate` does.
useNodeCodec();

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);

/** A district workbook written by exceljs, streamed to disk (the 10,000-commune one is large). */
const LS = getRuleSet("langson-2022");
const { communes: COMMUNE_FIELDS, villages: VILLAGE_FIELDS, postal: POSTAL_FIELDS } = fieldsOf(LS);
const POSTAL_POINT_FIELDS = POSTAL_FIELDS.filter((f) => postalPointKeys(LS).has(f.key));

async function make(n: number, file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const xa = wb.addWorksheet("Xã");
  const fields = COMMUNE_FIELDS.filter(
    (f) => !f.key.startsWith("villages_") && !POSTAL_POINT_FIELDS.some((p) => p.key === f.key),
  );
  xa.addRow(fields.map((f) => f.header)).commit();
  const name = (i: number) => `Xã Số ${i + 1}`;
  for (let i = 0; i < n; i++)
    xa.addRow(
      fields.map((f) =>
        f.key === "commune" ? name(i) : f.key === "district" ? `Huyện ${1 + (i % 11)}` : value(f.type, i),
      ),
    ).commit();
  xa.commit();
  const thon = wb.addWorksheet("Thôn");
  const vf = VILLAGE_FIELDS.filter((f) => f.key !== "district");
  thon.addRow(vf.map((f) => f.header)).commit();
  for (let i = 0; i < n; i++)
    for (let v = 0; v < 10; v++)
      thon
        .addRow(
          vf.map((f) =>
            f.key === "commune"
              ? name(i)
              : f.key === "village"
                ? `Thôn ${v + 1}`
                : f.key === "providers"
                  ? "VNPT"
                  : value(f.type, i + v),
          ),
        )
        .commit();
  thon.commit();
  const bc = wb.addWorksheet("Điểm BC");
  const pf = POSTAL_FIELDS.filter((f) => f.key !== "district");
  bc.addRow(pf.map((f) => f.header)).commit();
  for (let i = 0; i < n; i++)
    bc.addRow(
      pf.map((f) =>
        f.key === "commune" ? name(i) : f.key === "postal_point" ? `Điểm BĐVHX ${i + 1}` : value(f.type, i),
      ),
    ).commit();
  bc.commit();
  await wb.commit();
}

async function stages(file: string) {
  const t = () => performance.now();
  const data = new Uint8Array(fs.readFileSync(file));
  let s = t();
  const pkg = readWorkbookPackage(data);
  const read = t() - s;
  s = t();
  const r = readWorkbook(pkg.grids, { ruleset: LS });
  const ev = evaluate(r.communes, { ruleset: LS });
  const evaluation = t() - s;
  s = t();
  const plan = planEvaluation(r, ev, pkg.grids);
  const planning = t() - s;
  // As evaluateXlsx does: the grids are let go before the write.
  pkg.grids.length = 0;
  s = t();
  applyPlan(pkg.model, plan);
  await pkg.model.pkg.settle();
  const out = pkg.model.pkg.toBytes();
  const write = t() - s;
  return {
    read,
    evaluation,
    planning,
    write,
    outMB: out.length / 2 ** 20,
    writes: plan.writes.length,
    marks: plan.marks.length,
  };
}

const s1 = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(1)} s`);

(async () => {
  const keep = process.env.TC8_BENCH_DIR;
  if (keep) fs.mkdirSync(keep, { recursive: true });
  const dir = keep ? path.resolve(keep) : fs.mkdtempSync(path.join(os.tmpdir(), "tc8-bench-"));
  const rows: string[] = [];
  console.log(machineNow());
  const header =
    "| communes | file | tc8 evaluate | peak memory | exceljs read + write | peak memory | ratio time | ratio memory | read | evaluate | plan | write |";
  console.log(header);
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const n of sizes.length ? sizes : [65, 200, 2000, 10000]) {
    const input = path.join(dir, `huyen-${n}.xlsx`);
    await make(n, input);
    let cli: ReturnType<typeof measure> | undefined;
    let floor: ReturnType<typeof measure> | undefined;
    for (let run = 0; run < (n <= 2000 ? 5 : 2); run++) {
      const c = measure([
        path.join(ROOT, "bin/tc8.js"),
        "evaluate",
        input,
        "-o",
        path.join(dir, `huyen-${n}.tc8.xlsx`),
        "--force",
      ]);
      if (c.status !== 0) throw new Error(`tc8 exited ${c.status}: ${c.err}`);
      const f = measure([path.join(ROOT, "scripts/bench-floor.cjs"), input, path.join(dir, `huyen-${n}.exceljs.xlsx`)]);
      if (!cli || c.ms < cli.ms) cli = c;
      if (!floor || f.ms < floor.ms) floor = f;
    }
    const st = await stages(input);
    if (!cli || !floor) throw new Error("no run");
    const line = `| ${n.toLocaleString("en")} | ${(fs.statSync(input).size / 2 ** 20).toFixed(1)} MB | ${s1(cli.ms)} | ${cli.mb.toFixed(0)} MB | ${s1(floor.ms)} | ${floor.mb.toFixed(0)} MB | ${(cli.ms / floor.ms).toFixed(2)} | ${(cli.mb / floor.mb).toFixed(2)} | ${st.read.toFixed(0)} ms | ${st.evaluation.toFixed(0)} ms | ${st.planning.toFixed(0)} ms | ${st.write.toFixed(0)} ms |`;
    rows.push(line);
    console.log(line);
    if (!keep) for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f), { force: true });
  }
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  if (sizes.length) return;
  if (writeTable("cli:table", header, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|", rows))
    console.log(`Wrote the table of docs/performance.md.`);
})();
