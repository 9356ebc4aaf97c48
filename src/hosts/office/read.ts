/**
 * Reading the workbook in Excel (README.md), in requests and responses under 4 MB whatever its size:
 *   1. the sheets, the Excel tables and the protections;
 *   2. each sheet's used range, each table's range and, with ExcelApi 1.13, the merged areas;
 *   3. values, value types, number formats and where formulas are, in row blocks sized by what
 *      they return (several sheets share a request while they fit).
 * Excel refuses merged areas beyond 512 in a range: the sizes are then read again without them
 * and the merged areas of the header rows alone (where TC8 reads them), else the sheets are read
 * as before ExcelApi 1.13 (group headers carried over from the cells).
 */
import {
  addBlock,
  type CellValue,
  type DefinedName,
  emptyGrid,
  type Grid,
  type GridTable,
  parseRange,
  type RangeRef,
  rangeA1,
} from "../../core/shared/grid";
import { CHECKLIST_SHEET, STATE_SHEET, SUMMARY_SHEET } from "../../core/state/own";
import { HEADER_SEARCH_ROWS } from "../../core/read/tables";
import type { Capabilities } from "./capabilities";
import { jsonBytes, opBytes, REQUEST_BUDGET, RESPONSE_BUDGET, Wire } from "./wire";

export interface ExcelSnapshot {
  grids: Grid[];
  /** The workbook's defined names (TC8 finds its anchors among them). */
  names: DefinedName[];
  /** Sheets protected against changes, by name. */
  protectedSheets: string[];
  /** The workbook's structure is protected: no sheet can be added or deleted. */
  workbookProtected: boolean;
  /** Sheet names in their order (positions). */
  sheetOrder: string[];
  /** Requests this read took. */
  requests: number;
}

/** "'Thôn bản'!B2:K40" or "Sheet1!B2" → the sheet name and the range. */
export function splitAddress(address: string): { sheet: string; range: RangeRef } {
  const i = address.lastIndexOf("!");
  const sheet = address
    .slice(0, i)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return { sheet, range: parseRange(address.slice(i + 1)) };
}

/** "Sheet1!A1:B2, Sheet1!D4" (a RangeAreas address) → its ranges; commas inside quoted sheet names kept. */
export function splitAreas(address: string): RangeRef[] {
  const out: RangeRef[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of `${address},`) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      if (cur.trim()) out.push(splitAddress(cur.trim().includes("!") ? cur.trim() : `x!${cur.trim()}`).range);
      cur = "";
    } else cur += ch;
  }
  return out;
}

function cellValue(v: unknown, type: string | undefined): CellValue {
  if (type === "Error") return { error: String(v) };
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/** A response's estimated size per cell before a sheet has been seen: value, type and number format. */
const CELL_BYTES = 56;
/**
 * The first block of a long sheet (or one estimated too large for a response) is kept this small:
 * its rows' real size then sizes the rest, so a sheet of long texts is not guessed at whole.
 */
const PROBE_BYTES = 1_000_000;
const PROBE_ROWS = 200;
const LONG_SHEET_ROWS = 500;
/** TC8's state is JSON in cells of up to 30,000 characters. */
const STATE_ROW_BYTES = 100_000;
/** TC8's summary and checklist hold known texts (the checklist's documents run to some 250 bytes): no probe needed. */
const OWN_CELL_BYTES = 90;

interface SheetInfo {
  name: string;
  visibility: Grid["visibility"];
  used?: RangeRef;
  merges?: RangeRef[];
  /** Merged areas could not be read: group headers are carried over from the cells. */
  mergesUnknown?: boolean;
}

async function readGeometry(
  wire: Wire,
  sheets: SheetInfo[],
  tables: { name: string; sheet: string }[],
  withMerges: boolean,
): Promise<Map<string, RangeRef>> {
  const used = sheets.map((s) => {
    const u = wire.sheet(s.name).getUsedRangeOrNullObject(true);
    u.load("address");
    const m = withMerges ? u.getMergedAreasOrNullObject() : undefined;
    m?.load("address");
    return { s, u, m };
  });
  const ranges = tables.map((t) => {
    const r = wire.context.workbook.tables.getItem(t.name).getRange();
    r.load("address");
    return { t, r };
  });
  await wire.sync();
  for (const { s, u, m } of used) {
    s.used = u.isNullObject ? undefined : splitAddress(u.address).range;
    if (withMerges) s.merges = m && !m.isNullObject ? splitAreas(m.address) : [];
  }
  return new Map(ranges.map(({ t, r }) => [t.name, splitAddress(r.address).range]));
}

/** The rows where TC8 looks for headers (the top of the used range, each table's first row), whose merged areas matter. */
function headerRegions(s: SheetInfo, tables: RangeRef[]): RangeRef[] {
  const out: RangeRef[] = [];
  if (s.used) out.push({ ...s.used, r1: Math.min(s.used.r1, s.used.r0 + HEADER_SEARCH_ROWS) });
  for (const t of tables) out.push({ ...t, r1: Math.min(t.r1, t.r0 + 1) });
  return out;
}

async function readHeaderMerges(
  wire: Wire,
  sheets: SheetInfo[],
  tableRanges: Map<string, RangeRef>,
  tables: { name: string; sheet: string }[],
): Promise<void> {
  const asked = sheets.map((s) => ({
    s,
    areas: headerRegions(
      s,
      tables.filter((t) => t.sheet === s.name).map((t) => tableRanges.get(t.name)!),
    ).map((r) => {
      const m = wire.sheet(s.name).getRange(rangeA1(r)).getMergedAreasOrNullObject();
      m.load("address");
      return m;
    }),
  }));
  try {
    await wire.sync();
    for (const { s, areas } of asked) {
      const seen = new Set<string>();
      s.merges = areas
        .flatMap((m) => (m.isNullObject ? [] : splitAreas(m.address)))
        .filter((r) => !seen.has(rangeA1(r)) && !!seen.add(rangeA1(r)));
    }
  } catch {
    for (const s of sheets) {
      s.merges = [];
      s.mergesUnknown = true;
    }
  }
}

interface Block {
  sheet: SheetInfo;
  r0: number;
  r1: number;
}

export async function readSnapshot(
  contextOrWire: Excel.RequestContext | Wire,
  caps: Capabilities,
): Promise<ExcelSnapshot> {
  const wire = contextOrWire instanceof Wire ? contextOrWire : new Wire(contextOrWire);
  const start = wire.requests;
  const wb = wire.context.workbook;
  const sheetItems = wb.worksheets;
  sheetItems.load("items/name,items/visibility,items/position,items/protection/protected");
  const tableItems = wb.tables;
  tableItems.load("items/name,items/showHeaders,items/worksheet/name");
  wb.protection.load("protected");
  const nameItems = wb.names;
  nameItems.load("items/name,items/formula,items/visible");
  await wire.sync(); // 1: the sheets, tables and names there are.

  const sheets: SheetInfo[] = sheetItems.items.map((ws) => ({
    name: ws.name,
    visibility: ws.visibility === "Visible" ? "visible" : ws.visibility === "Hidden" ? "hidden" : "veryHidden",
  }));
  const tables = tableItems.items.map((t) => ({ name: t.name, sheet: t.worksheet.name, showHeaders: t.showHeaders }));

  // 2: sizes, table ranges and merged areas; without the merged areas if Excel refuses them.
  let tableRanges: Map<string, RangeRef>;
  if (caps.mergedAreas) {
    try {
      tableRanges = await readGeometry(wire, sheets, tables, true);
    } catch {
      tableRanges = await readGeometry(wire, sheets, tables, false);
      await readHeaderMerges(wire, sheets, tableRanges, tables);
    }
  } else {
    tableRanges = await readGeometry(wire, sheets, tables, false);
    for (const s of sheets) s.mergesUnknown = true;
  }

  // 3: the cells, in row blocks.
  const grids = new Map<string, Grid>(
    sheets.map((s) => {
      const g = emptyGrid(s.name, {
        visibility: s.visibility,
        ...(s.mergesUnknown ? { mergesUnknown: true as const } : {}),
      });
      g.merges = s.merges ?? [];
      return [s.name, g];
    }),
  );
  await readCells(wire, sheets, grids, caps);

  for (const t of tables) {
    const table: GridTable = { name: t.name, range: tableRanges.get(t.name)!, showHeaders: t.showHeaders };
    grids.get(t.sheet)?.tables.push(table);
  }
  const names: DefinedName[] = nameItems.items.map((n) => ({
    name: n.name,
    formula: String(n.formula ?? "").replace(/^=/, ""),
    hidden: !n.visible,
  }));
  return {
    grids: sheets.map((s) => grids.get(s.name)!),
    names,
    protectedSheets: sheetItems.items.filter((ws) => ws.protection.protected).map((ws) => ws.name),
    workbookProtected: wb.protection.protected,
    sheetOrder: [...sheetItems.items].sort((a, b) => a.position - b.position).map((ws) => ws.name),
    requests: wire.requests - start,
  };
}

async function readCells(wire: Wire, sheets: SheetInfo[], grids: Map<string, Grid>, caps: Capabilities): Promise<void> {
  // Per sheet: the next row to read and the bytes a row is expected to return.
  const todo = sheets
    .filter((s) => s.used)
    .map((s) => {
      const cols = s.used!.c1 - s.used!.c0 + 1;
      const own = s.name === SUMMARY_SHEET || s.name === CHECKLIST_SHEET;
      const perRow =
        s.name === STATE_SHEET
          ? STATE_ROW_BYTES
          : cols * (own ? OWN_CELL_BYTES : CELL_BYTES) * (caps.rangeAreas ? 1 : 1.6);
      return { s, next: s.used!.r0, perRow, seen: own || s.name === STATE_SHEET ? perRow / 1.3 : 0 };
    });
  while (todo.some((t) => t.next <= t.s.used!.r1)) {
    const blocks: (Block & {
      load: () => { values: unknown[][]; types: string[][]; formats: unknown[][]; formulas: boolean[][] | undefined };
    })[] = [];
    let response = 0;
    let request = 0;
    for (const t of todo) {
      const used = t.s.used!;
      while (t.next <= used.r1) {
        const left = used.r1 - t.next + 1;
        const unseen = t.seen === 0 && (left > LONG_SHEET_ROWS || left * t.perRow > RESPONSE_BUDGET);
        const room = Math.min(RESPONSE_BUDGET - response, unseen ? PROBE_BYTES : Infinity);
        const rows = Math.min(used.r1 - t.next + 1, Math.floor(room / t.perRow), unseen ? PROBE_ROWS : Infinity);
        if (rows < 1 && blocks.length) break;
        const r0 = t.next;
        const r1 = r0 + Math.max(1, rows) - 1;
        const block: RangeRef = { r0, c0: used.c0, r1, c1: used.c1 };
        const range = wire.sheet(t.s.name).getRange(rangeA1(block));
        range.load(caps.rangeAreas ? "values,valueTypes,numberFormat" : "values,valueTypes,numberFormat,formulas");
        const special = caps.rangeAreas ? range.getSpecialCellsOrNullObject("Formulas") : undefined;
        special?.load("address");
        blocks.push({
          sheet: t.s,
          r0,
          r1,
          load: () => {
            const formulas = special
              ? special.isNullObject
                ? undefined
                : formulaGrid(splitAreas(special.address), block)
              : (range.formulas as unknown[][]).map((row) =>
                  row.map((f) => typeof f === "string" && f.startsWith("=")),
                );
            return {
              values: range.values,
              types: range.valueTypes as string[][],
              formats: range.numberFormat,
              formulas,
            };
          },
        });
        response += Math.max(1, rows) * t.perRow;
        request += opBytes(special ? 3 : 2, 2);
        t.next = r1 + 1;
        // Until its rows have been seen, one block of a long sheet per request.
        if (unseen || response >= RESPONSE_BUDGET || request >= REQUEST_BUDGET) break;
      }
      if (response >= RESPONSE_BUDGET || request >= REQUEST_BUDGET) break;
    }
    try {
      await wire.sync();
    } catch (e) {
      // A response Excel found too large (over 5 MB): the same rows again in blocks a quarter the size.
      if (blocks.every((b) => b.r0 === b.r1)) throw e;
      for (const t of todo) {
        const mine = blocks.filter((b) => b.sheet === t.s);
        if (!mine.length) continue;
        t.next = Math.min(...mine.map((b) => b.r0));
        t.perRow = Math.max(t.perRow, ...mine.map((b) => (RESPONSE_BUDGET * 4) / (b.r1 - b.r0 + 1)));
      }
      continue;
    }
    for (const b of blocks) {
      const { values, types, formats, formulas } = b.load();
      const g = grids.get(b.sheet.name)!;
      const c0 = b.sheet.used!.c0;
      addBlock(
        g,
        values.map((row, i) => row.map((v, j) => cellValue(v, types[i]?.[j]))),
        {
          row0: b.r0,
          col0: c0,
          numberFormats: formats.map((row) => row.map((f) => (typeof f === "string" && f !== "General" ? f : null))),
          ...(formulas ? { formulas } : {}),
        },
      );
      // What rows of this sheet really return, with a margin, sizes its next blocks.
      const t = todo.find((x) => x.s === b.sheet)!;
      t.seen = Math.max(t.seen, (jsonBytes(values) + jsonBytes(types) + jsonBytes(formats)) / (b.r1 - b.r0 + 1));
      t.perRow = t.seen * 1.3 * (caps.rangeAreas ? 1 : 1.7);
    }
  }
}

/** Which cells of `block` hold a formula, from the formula areas Excel returned. */
function formulaGrid(areas: RangeRef[], block: RangeRef): boolean[][] {
  const out = Array.from({ length: block.r1 - block.r0 + 1 }, () =>
    new Array<boolean>(block.c1 - block.c0 + 1).fill(false),
  );
  for (const a of areas)
    for (let r = Math.max(a.r0, block.r0); r <= Math.min(a.r1, block.r1); r++)
      for (let c = Math.max(a.c0, block.c0); c <= Math.min(a.c1, block.c1); c++) out[r - block.r0][c - block.c0] = true;
  return out;
}
