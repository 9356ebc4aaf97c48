/**
 * Reading the workbook in Excel: every sheet's used range (values, value types, number formats),
 * the Excel tables and, where the API has them, merged areas, in two `context.sync` calls whatever
 * the number of rows or sheets (SPEC §7).
 */
import { addBlock, type CellValue, emptyGrid, type Grid, type GridTable, parseRange, type RangeRef } from "../../core/workbook/grid";
import type { Capabilities } from "./capabilities";

export interface ExcelSnapshot {
  grids: Grid[];
  /** Sheets protected against changes, by name. */
  protectedSheets: string[];
  /** The workbook's structure is protected: no sheet can be added or deleted. */
  workbookProtected: boolean;
  /** Sheet names in their order (positions). */
  sheetOrder: string[];
}

/** "'Thôn bản'!B2:K40" or "Sheet1!B2" → the sheet name and the range. */
export function splitAddress(address: string): { sheet: string; range: RangeRef } {
  const i = address.lastIndexOf("!");
  const sheet = address.slice(0, i).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
  return { sheet, range: parseRange(address.slice(i + 1)) };
}

function cellValue(v: unknown, type: string | undefined): CellValue {
  if (type === "Error") return { error: String(v) };
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

export async function readSnapshot(context: Excel.RequestContext, caps: Capabilities): Promise<ExcelSnapshot> {
  const wb = context.workbook;
  const sheets = wb.worksheets;
  sheets.load("items/name,items/visibility,items/position,items/protection/protected");
  const tables = wb.tables;
  tables.load("items/name,items/showHeaders,items/worksheet/name");
  wb.protection.load("protected");
  await context.sync(); // 1: the sheets and tables there are.

  const perSheet = sheets.items.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address,values,valueTypes,numberFormat");
    const merges = caps.mergedAreas ? used.getMergedAreasOrNullObject() : undefined;
    merges?.load("areas/items/address");
    return { ws, used, merges };
  });
  const tableRanges = tables.items.map((t) => {
    const r = t.getRange();
    r.load("address");
    return { t, r };
  });
  await context.sync(); // 2: their contents.

  const grids: Grid[] = perSheet.map(({ ws, used, merges }) => {
    const base: Grid = emptyGrid(ws.name, {
      visibility: ws.visibility === "Visible" ? "visible" : ws.visibility === "Hidden" ? "hidden" : "veryHidden",
      ...(caps.mergedAreas ? {} : { mergesUnknown: true as const }),
    });
    if (used.isNullObject) return base;
    const { range } = splitAddress(used.address);
    const values = used.values.map((row, i) => row.map((v, j) => cellValue(v, used.valueTypes[i]?.[j])));
    const numberFormats = used.numberFormat.map((row) => row.map((f) => (typeof f === "string" && f !== "General" ? f : null)));
    addBlock(base, values, { row0: range.r0, col0: range.c0, numberFormats });
    base.merges = merges && !merges.isNullObject ? merges.areas.items.map((a) => splitAddress(a.address).range) : [];
    return base;
  });
  for (const { t, r } of tableRanges) {
    const g = grids.find((x) => x.sheet === t.worksheet.name);
    const table: GridTable = { name: t.name, range: splitAddress(r.address).range, showHeaders: t.showHeaders };
    g?.tables.push(table);
  }
  return {
    grids,
    protectedSheets: sheets.items.filter((ws) => ws.protection.protected).map((ws) => ws.name),
    workbookProtected: wb.protection.protected,
    sheetOrder: [...sheets.items].sort((a, b) => a.position - b.position).map((ws) => ws.name),
  };
}
