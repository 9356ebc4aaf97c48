/**
 * What crosses the wire when the Office.js host evaluates district workbooks, measured with
 * Microsoft's own Excel client library answered by a simulated workbook (test/helpers/wire):
 * per size, the read and write requests, the largest request and response in UTF-8 bytes and the
 * actions sent, for a first evaluation, an evaluation of the annotated workbook and Clear results.
 * Prints figures, asserts nothing.
 *
 *   npm run bench:office                  # 65, 200, 2,000 and 10,000 communes
 *   npm run bench:office -- 65 200        # chosen sizes
 *   npm run bench:office -- --docs        # also writes the table into docs/performance.md
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { clearInContext, evaluateInContext } from "../src/hosts/office";
import { readSnapshot } from "../src/hosts/office/read";
import type { Capabilities } from "../src/hosts/office/capabilities";
import { MAX_REQUEST_BYTES } from "../src/hosts/office/wire";
import { district } from "../test/helpers/wire/district";
import { API_17, API_118, API_19, summarize, wireContext } from "../test/helpers/wire/harness";

const args = process.argv.slice(2);
const docs = args.includes("--docs");
const sizes = args.map(Number).filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [65, 200, 2000, 10000];
const at = new Date(2026, 10, 28, 9, 30);

const mb = (n: number) => (n / 1e6).toFixed(2);
const int = (n: number) => n.toLocaleString("en-US");

interface Row {
  communes: number;
  api: string;
  run: string;
  reads: number;
  writes: number;
  maxRequest: number;
  maxResponse: number;
  actions: number;
  bytes: number;
  ms: number;
}

async function measure(n: number, api: string, caps: Capabilities): Promise<Row[]> {
  const x = district(n);
  const rows: Row[] = [];
  for (const run of ["first evaluation", "evaluated again", "Clear results"]) {
    x.log = [];
    const t = performance.now();
    if (run === "Clear results") await clearInContext(wireContext(x), { removeChecklist: true }, caps);
    else await evaluateInContext(wireContext(x), { evaluatedAt: at }, caps);
    const s = summarize(x.log);
    if (s.errors.length) throw new Error(`${n} ${run}: ${s.errors.join(", ")}`);
    rows.push({
      communes: n,
      api,
      run,
      reads: s.reads,
      writes: s.writes,
      maxRequest: s.maxRequest,
      maxResponse: s.maxResponse,
      actions: s.actions,
      bytes: s.bytes,
      ms: performance.now() - t,
    });
  }
  return rows;
}

/** Bytes a read of the cells returns: formulas found as special cells (1.9) or loaded with the values (1.7). */
async function formulaCost(n: number): Promise<{ special: number; loaded: number }> {
  const out = { special: 0, loaded: 0 };
  for (const [k, caps] of [
    ["special", API_19],
    ["loaded", API_17],
  ] as const) {
    const x = district(n);
    await readSnapshot(wireContext(x), caps);
    out[k] = x.log.reduce((a, l) => a + l.responseBytes, 0);
  }
  return out;
}

async function main() {
  const rows: Row[] = [];
  for (const n of SIZES) {
    const levels: [string, Capabilities][] =
      n <= 200
        ? [
            ["1.18", API_118],
            ["1.9", API_19],
            ["1.7", API_17],
          ]
        : [["1.18", API_118]];
    for (const [api, caps] of levels) {
      const r = await measure(n, api, caps);
      rows.push(...r);
      for (const x of r)
        console.log(
          `${String(n).padStart(6)} communes  ExcelApi ${api.padEnd(4)}  ${x.run.padEnd(16)}  ${String(x.reads).padStart(3)} reads + ${String(x.writes).padStart(2)} writes  largest request ${mb(x.maxRequest)} MB, response ${mb(x.maxResponse)} MB  ${int(x.actions)} actions  ${(x.ms / 1000).toFixed(1)} s`,
        );
    }
  }
  const over = rows.filter((r) => r.maxRequest > MAX_REQUEST_BYTES || r.maxResponse > MAX_REQUEST_BYTES);
  console.log(
    over.length
      ? `OVER 4,000,000 BYTES: ${over.map((r) => `${r.communes} ${r.run}`).join(", ")}`
      : "Every request and response at most 4,000,000 bytes.",
  );
  const f = await formulaCost(Math.min(2000, Math.max(...SIZES)));
  console.log(
    `Formulas (${Math.min(2000, Math.max(...SIZES))} communes): read as special cells ${mb(f.special)} MB returned; loaded with the values ${mb(f.loaded)} MB.`,
  );
  if (docs) writeDocs(rows, f);
}

function writeDocs(rows: Row[], f: { special: number; loaded: number }) {
  const file = path.join(__dirname, "../docs/performance.md");
  const table = [
    "| communes | ExcelApi | run | read requests | write requests | largest request (bytes) | largest response (bytes) | actions sent |",
    "|---:|---|---|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${int(r.communes)} | ${r.api} | ${r.run} | ${r.reads} | ${r.writes} | ${int(r.maxRequest)} | ${int(r.maxResponse)} | ${int(r.actions)} |`,
    ),
  ].join("\n");
  const section = `## Office.js: what crosses the wire

Measured by \`npm run bench:office\` (\`scripts/bench-office.ts\`): Microsoft's own Excel client library
(\`@microsoft/office-js\`, excel-web-16.00) builds every request, a simulated workbook answers it
(\`test/helpers/wire/\`), and each request and response is measured in UTF-8 bytes as Excel on the
web receives and sends it. The districts have six villages and one postal point per commune, a
fifth of the communes failing (two marked cells each) and some blanks; "evaluated again" is the
annotated workbook, checklist included, evaluated a second time. Excel on the web refuses anything
over 5 MB; TC8 keeps every request and response at most 4,000,000 bytes.

${table}

Formulas are found per block of rows: with ExcelApi 1.9 as special cells (their areas' addresses),
before it by loading the formulas with the values. For ${int(Math.min(2000, Math.max(...rows.map((r) => r.communes))))} communes the read returns
${int(f.special)} bytes the first way and ${int(f.loaded)} bytes the second.

What the figures say: a district (65 communes) takes five requests with ExcelApi 1.9 or later,
first evaluation and again (three reads, one read of the marked cells' formatting and notes, one
write); larger workbooks take as many requests as their bytes need, writes filled to some 3.2 MB,
reads to some 2 MB. Before ExcelApi 1.9 marks, formats and originals go cell by cell, which costs
actions, not requests.
`;
  const start = "<!-- bench:office -->";
  const end = "<!-- /bench:office -->";
  const block = `${start}\n${section}${end}`;
  let text = fs.existsSync(file)
    ? fs.readFileSync(file, "utf8")
    : "# Performance\n\nFigures printed by the benchmark scripts; each section is rewritten by its script.\n";
  text = text.includes(start)
    ? text.slice(0, text.indexOf(start)) + block + text.slice(text.indexOf(end) + end.length)
    : `${text.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, text);
  console.log(`Wrote the section "Office.js: what crosses the wire" of ${path.relative(process.cwd(), file)}.`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
