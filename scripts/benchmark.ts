/**
 * Speed and memory of the pipeline on large district workbooks: prints figures, asserts nothing.
 *   npm run benchmark [-- 200 2000 10000]
 * Each size: communes with 10 villages and one postal point each; times for making the file,
 * reading the grids, evaluating, planning and writing, and the heap after.
 */
import ExcelJS from "exceljs";
import { performance } from "node:perf_hooks";
import { evaluate } from "../src/core/engine/evaluate";
import { planEvaluation } from "../src/core/workbook/plan";
import { readWorkbook } from "../src/core/workbook/read";
import { COMMUNE_FIELDS, POSTAL_FIELDS, POSTAL_POINT_FIELDS, VILLAGE_FIELDS } from "../src/core/fields";
import { applyPlan } from "../src/hosts/xlsx/apply";
import { gridsOf } from "../src/hosts/xlsx/grids";

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);

function value(type: string, i: number): ExcelJS.CellValue {
  if (type === "yesno") return i % 17 === 0 ? "Không" : "Có";
  if (type === "count" || type === "number") return 10 + (i % 7);
  if (type === "area") return i % 5 ? "Miền núi" : "Đồng bằng";
  if (type === "rate") return null;
  return "https://xa.langson.gov.vn";
}

async function make(n: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const xa = wb.addWorksheet("Xã");
  const fields = COMMUNE_FIELDS.filter((f) => !f.key.startsWith("villages_") && !POSTAL_POINT_FIELDS.some((p) => p.key === f.key));
  xa.addRow(fields.map((f) => f.header));
  const thon = wb.addWorksheet("Thôn");
  const vf = VILLAGE_FIELDS.filter((f) => f.key !== "district");
  thon.addRow(vf.map((f) => f.header));
  const bc = wb.addWorksheet("Điểm BC");
  const pf = POSTAL_FIELDS.filter((f) => f.key !== "district");
  bc.addRow(pf.map((f) => f.header));
  for (let i = 0; i < n; i++) {
    const name = `Xã Số ${i + 1}`;
    xa.addRow(fields.map((f) => (f.key === "commune" ? name : f.key === "district" ? `Huyện ${1 + (i % 11)}` : value(f.type, i))));
    for (let v = 0; v < 10; v++) thon.addRow(vf.map((f) => (f.key === "commune" ? name : f.key === "village" ? `Thôn ${v + 1}` : f.key === "providers" ? "VNPT" : value(f.type, i + v))));
    bc.addRow(pf.map((f) => (f.key === "commune" ? name : f.key === "postal_point" ? `Điểm BĐVHX ${i + 1}` : value(f.type, i))));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function bench(n: number) {
  const t = (f: () => unknown) => {
    const s = performance.now();
    const r = f();
    return [r, performance.now() - s] as const;
  };
  const s0 = performance.now();
  const data = await make(n);
  const tMake = performance.now() - s0;
  const s1 = performance.now();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const tLoad = performance.now() - s1;
  const [grids, tGrids] = t(() => gridsOf(wb));
  const [read, tRead] = t(() => readWorkbook(grids as ReturnType<typeof gridsOf>));
  const r = read as ReturnType<typeof readWorkbook>;
  const [ev, tEval] = t(() => evaluate(r.communes));
  const [plan, tPlan] = t(() => planEvaluation(r, ev as ReturnType<typeof evaluate>, grids as ReturnType<typeof gridsOf>));
  const [, tApply] = t(() => applyPlan(wb, plan as ReturnType<typeof planEvaluation>));
  const s2 = performance.now();
  const out = await wb.xlsx.writeBuffer();
  const tWrite = performance.now() - s2;
  const heap = process.memoryUsage().heapUsed / 2 ** 20;
  const p = plan as ReturnType<typeof planEvaluation>;
  console.log(
    [
      `${String(n).padStart(6)} communes`,
      `file ${(data.length / 2 ** 20).toFixed(1)} MB → ${(out.byteLength / 2 ** 20).toFixed(1)} MB`,
      `make ${tMake.toFixed(0)} ms`,
      `load ${tLoad.toFixed(0)} ms`,
      `grids ${tGrids.toFixed(0)} ms`,
      `read ${tRead.toFixed(0)} ms`,
      `evaluate ${tEval.toFixed(0)} ms`,
      `plan ${tPlan.toFixed(0)} ms (${p.writes.length} writes, ${p.marks.length} marks)`,
      `apply ${tApply.toFixed(0)} ms`,
      `write ${tWrite.toFixed(0)} ms`,
      `heap ${heap.toFixed(0)} MB`,
    ].join(" | "),
  );
}

(async () => {
  for (const n of sizes.length ? sizes : [100, 1000, 3000]) await bench(n);
})();
