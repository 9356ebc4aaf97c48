/** Grids (src/core/workbook/grid.ts) from an exceljs workbook: the .xlsx host's read side. */
import type ExcelJS from "exceljs";
import { type CellValue, emptyGrid, type Grid, type GridTable, parseRange, setCell } from "../../core/workbook/grid";

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A cell's value as the reader wants it: formulas by their result, rich text as text, errors kept apart. */
export function cellValueOf(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH) / 86400000;
  if (typeof v === "object") {
    if ("error" in v && typeof v.error === "string") return { error: v.error };
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join("");
    if ("formula" in v || "sharedFormula" in v) {
      const r = (v as { result?: ExcelJS.CellValue }).result;
      return r === undefined ? null : cellValueOf(r as ExcelJS.CellValue);
    }
    if ("text" in v && typeof (v as { text: unknown }).text === "string") return (v as { text: string }).text;
    if ("hyperlink" in v) return String((v as { hyperlink: unknown }).hyperlink);
  }
  return String(v);
}

interface LoadedTable {
  name?: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
}

export function tablesOf(ws: ExcelJS.Worksheet): { model: LoadedTable; range: string }[] {
  const tables = (ws as unknown as { tables?: Record<string, { table?: LoadedTable; model?: LoadedTable }> }).tables ?? {};
  return Object.values(tables).flatMap((t) => {
    const model = t.table ?? t.model;
    const ref = model?.tableRef ?? model?.ref;
    return model && ref && ref.includes(":") ? [{ model, range: ref }] : [];
  });
}

export function gridOf(ws: ExcelJS.Worksheet): Grid {
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(parseRange);
  const tables: GridTable[] = tablesOf(ws).map(({ model, range }) => ({ name: model.name ?? "", range: parseRange(range), showHeaders: model.headerRow !== false }));
  const g = emptyGrid(ws.name, { visibility: (ws.state as Grid["visibility"]) ?? "visible", merges, tables });
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // Merged cells other than the top-left repeat its value in exceljs; Excel keeps them empty.
      if (cell.isMerged && cell.master !== cell) return;
      const v = cell.value as unknown;
      const formula = typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v);
      setCell(g, r - 1, c - 1, cellValueOf(cell.value), cell.numFmt ?? null, formula);
    }),
  );
  return g;
}

export function gridsOf(wb: ExcelJS.Workbook): Grid[] {
  const out: Grid[] = [];
  wb.eachSheet((ws) => out.push(gridOf(ws)));
  return out;
}
