/**
 * What the benchmark scripts share (docs/performance.md): the generated workbooks' values, a
 * command measured as its own process, the machine's line, and a table written between markers.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type ExcelJS from "exceljs";

export const ROOT = path.join(__dirname, "..");

/** A generated commune's value for a field type; one commune in 17 fails a yes/no condition. */
export function value(type: string, i: number): ExcelJS.CellValue {
  if (type === "yesno") return i % 17 === 0 ? "Không" : "Có";
  if (type === "count" || type === "number") return 10 + (i % 7);
  if (type === "area") return i % 5 ? "Miền núi" : "Đồng bằng";
  if (type === "rate") return null;
  return "https://xa.langson.gov.vn";
}

/** Runs a node script as its own process: wall time and peak resident memory (scripts/bench-rss.cjs). */
export function measure(args: string[]): { ms: number; mb: number; status: number | null; err: string } {
  const rss = path.join(os.tmpdir(), `tc8-bench-rss-${process.pid}`);
  fs.rmSync(rss, { force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["-r", path.join(ROOT, "scripts/bench-rss.cjs"), ...args], {
    env: { ...process.env, TC8_BENCH_RSS: rss },
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - t0;
  const mb = Number(fs.readFileSync(rss, "utf8")) / 2 ** 20;
  fs.rmSync(rss, { force: true });
  return { ms, mb, status: r.status, err: r.stderr };
}

/** Node's version, the cores and the memory: the line above a table. */
const MACHINE = `node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB`;

/** The machine's line with its load now, printed before a run. */
export const machineNow = () =>
  `${MACHINE}, load ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`;

/** Writes a table into docs/performance.md between `<!-- bench:<marker> -->` and its closing marker; false when they are not there. */
export function writeTable(marker: string, header: string, rule: string, rows: readonly string[]): boolean {
  const file = path.join(ROOT, "docs/performance.md");
  const start = `<!-- bench:${marker} -->`;
  const end = `<!-- /bench:${marker} -->`;
  const text = fs.readFileSync(file, "utf8");
  if (!text.includes(start)) return false;
  const table = [`${MACHINE}, ${new Date().toISOString().slice(0, 10)}:`, "", header, rule, ...rows].join("\n");
  fs.writeFileSync(
    file,
    text.slice(0, text.indexOf(start) + start.length) + "\n" + table + "\n" + text.slice(text.indexOf(end)),
  );
  return true;
}
