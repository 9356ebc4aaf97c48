import ExcelJS from "exceljs";
import { gridsOf } from "./src/hosts/xlsx/grids";
import { readWorkbook } from "./src/core/workbook/read";
import { evaluate, toResultsJson } from "./src/core/engine";
(async () => {
  for (const f of ["public-1-template-form", "public-2-district-form"]) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(`../shared/acceptance/${f}.xlsx`);
    const r = readWorkbook(gridsOf(wb));
    console.log(f, r.fatal, r.tables.map((t) => `${t.kind}@${t.sheet} h${t.headerFirst}-${t.headerLast} rows ${t.dataRows.length} unmatched: ${t.columns.filter((c) => !c.key).map((c) => c.header).join("|")}`));
    const ev = evaluate(r.communes);
    const j = toResultsJson(ev);
    for (const c of j.communes) console.log(c.name, c.area, Object.entries(c.levels).map(([k, v]: [string, any]) => k + ":" + v.verdict + " " + Object.entries(v.indicators).map(([i, x]: [string, any]) => i + "=" + x.verdict).join(",")).join(" | "));
    console.log(r.problems.length, ev.problems.length);
  }
})();
