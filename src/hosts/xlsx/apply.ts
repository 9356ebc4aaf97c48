/** Applying a plan to an exceljs workbook: the .xlsx host's write side (command line and browser page). */
import type ExcelJS from "exceljs";
import { type NewSheet, type Plan, type StyleName } from "../../core/workbook/plan";
import { a1, parseCellAddress, type RangeRef, rangeA1 } from "../../core/workbook/grid";
import { STATE_SHEET } from "../../core/workbook/own";
import { serializeState, type SavedMark } from "../../core/workbook/state";
import { FONT_NAME, MARK_COLORS, STYLES } from "../../core/workbook/styles";
import { tablesOf } from "./grids";

type Style = Partial<ExcelJS.Style>;

interface SavedOriginal {
  style: Style;
  note?: unknown;
}

const argb = (hex: string) => ({ argb: `FF${hex}` });
const clone = <T>(x: T): T => (x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T));

/**
 * exceljs shares one style object among cells loaded with the same style: a cell's style is
 * copied before it is changed, so no other cell changes with it.
 */
function ownStyle(cell: ExcelJS.Cell): void {
  cell.style = clone(cell.style ?? {});
}

/**
 * exceljs keeps a loaded cell's note twice (the cell's comment and its value's model): removing a
 * note removes both, or the old note would be written back.
 */
function setNote(cell: ExcelJS.Cell, note: unknown): void {
  if (note === undefined || note === null) {
    const c = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
    delete c._comment;
    if (c._value?.model) delete c._value.model.comment;
  } else cell.note = note as ExcelJS.Comment;
}

function applyStyle(cell: ExcelJS.Cell, name: StyleName | undefined): void {
  const s = name ? STYLES[name] : {};
  const style: Style = { font: { name: FONT_NAME, size: s.size ?? 11, bold: !!s.bold, italic: !!s.italic, ...(s.font ? { color: argb(s.font) } : {}) } };
  if (s.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: argb(s.fill) };
  style.alignment = { vertical: "top", wrapText: !!s.wrap };
  cell.style = style;
}

/** Text stays text: exceljs writes a string as a string, whatever it starts with (=, +, -, @). */
function setValue(cell: ExcelJS.Cell, value: string | number | null): void {
  cell.value = value === "" ? null : value;
}

function forEachCell(ws: ExcelJS.Worksheet, r: RangeRef, f: (cell: ExcelJS.Cell) => void): void {
  for (let row = r.r0; row <= r.r1; row++) for (let col = r.c0; col <= r.c1; col++) f(ws.getCell(row + 1, col + 1));
}

function resizeTable(ws: ExcelJS.Worksheet, name: string, range: RangeRef, headers: string[]): void {
  const t = tablesOf(ws).find((x) => x.model.name === name);
  if (!t) return;
  // A table loaded from a file cannot take addColumn (PLATFORM-NOTES.md): its model is edited.
  const model = t.model as { tableRef?: string; ref?: string; autoFilterRef?: string; columns: { name: string; filterButton?: boolean }[]; style?: unknown };
  const ref = rangeA1(range);
  const width = range.c1 - range.c0 + 1;
  if (model.columns.length < width) for (const h of headers) model.columns.push({ name: h, filterButton: model.columns[0]?.filterButton ?? true });
  else model.columns = model.columns.slice(0, width);
  // Column names are the header cells' text, as Excel requires.
  model.columns.forEach((c, i) => {
    const v = ws.getCell(range.r0 + 1, range.c0 + i + 1).value;
    if (v !== null && v !== undefined && String(v) !== "") c.name = String(v);
  });
  if (model.tableRef) model.tableRef = ref;
  if (model.ref) model.ref = ref;
  if (model.autoFilterRef) model.autoFilterRef = ref;
  model.style ??= {};
}

function sheetByName(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((w) => w.name === name);
}

function writeSheet(wb: ExcelJS.Workbook, spec: NewSheet): string[] {
  const old = sheetByName(wb, spec.name);
  const orderNo = old ? (old as unknown as { orderNo: number }).orderNo : undefined;
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(spec.name, spec.freezeRows ? { views: [{ state: "frozen", ySplit: spec.freezeRows }] } : {});
  // A sheet written again keeps its place among the sheets.
  if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
  for (const c of spec.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    setValue(cell, c.value);
    applyStyle(cell, c.style);
    if (c.numFmt) cell.numFmt = c.numFmt;
  }
  for (const m of spec.merges ?? []) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
  spec.columnWidths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  if (spec.landscape) ws.pageSetup = { ...ws.pageSetup, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  for (const f of spec.numberFormats ?? []) forEachCell(ws, f.range, (cell) => (cell.numFmt = f.format));
  if (spec.table) {
    const r = spec.table.range;
    const headers: string[] = [];
    for (let c = r.c0; c <= r.c1; c++) headers.push(String(ws.getCell(r.r0 + 1, c + 1).value ?? ""));
    const rows: ExcelJS.CellValue[][] = [];
    for (let row = r.r0 + 1; row <= r.r1; row++) {
      const vals: ExcelJS.CellValue[] = [];
      for (let c = r.c0; c <= r.c1; c++) vals.push(ws.getCell(row + 1, c + 1).value);
      rows.push(vals);
    }
    const styles = new Map<string, Style>();
    forEachCell(ws, r, (cell) => styles.set(cell.address, clone(cell.style)));
    ws.addTable({
      name: spec.table.name,
      ref: a1(r.r0, r.c0),
      headerRow: true,
      style: { theme: (spec.table.style ?? "TableStyleLight9") as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: headers.map((name) => ({ name, filterButton: true })),
      rows: rows.length ? rows : [headers.map(() => null)],
    });
    forEachCell(ws, r, (cell) => {
      const s = styles.get(cell.address);
      if (s) cell.style = s;
    });
  }
  for (const v of spec.validations ?? [])
    forEachCell(ws, v.range, (cell) => {
      cell.dataValidation = { type: "list", allowBlank: true, formulae: [`"${v.list.join(",")}"`], showErrorMessage: true, errorTitle: "TC8", error: v.list.join(" / ") };
    });
  return spec.chart ? [`chart:${spec.name}`] : [];
}

export interface ApplyReport {
  /** What the plan asked for that this host cannot do (an Excel chart). */
  skipped: string[];
}

/** Applies a plan in one pass; the state sheet records what was changed, with each marked cell's own formatting. */
export function applyPlan(wb: ExcelJS.Workbook, plan: Plan, opts: { writeState?: boolean } = {}): ApplyReport {
  const skipped: string[] = [];
  const ws = (sheet: string) => sheetByName(wb, sheet);

  // 1. Cells TC8 marked last time get their own formatting and note back.
  for (const m of plan.unmarks) {
    const { sheet, row, col } = parseCellAddress(m.cell);
    const s = ws(sheet);
    const original = m.original as SavedOriginal | undefined;
    if (!s || !original) continue;
    const cell = s.getCell(row + 1, col + 1);
    cell.style = clone(original.style ?? {});
    setNote(cell, original.note);
  }

  // 2. TC8's previous columns.
  for (const c of plan.clears) {
    const s = ws(c.sheet);
    if (!s) continue;
    forEachCell(s, c.range, (cell) => {
      cell.value = null;
      cell.style = {};
      setNote(cell, undefined);
    });
  }

  // 3. Values into TC8's columns, and tables widened to take them.
  for (const w of plan.writes) {
    const s = ws(w.sheet);
    if (!s) continue;
    const cell = s.getCell(w.row + 1, w.col + 1);
    setValue(cell, w.value);
    applyStyle(cell, w.style);
  }
  for (const w of plan.columnWidths) {
    const s = ws(w.sheet);
    if (s) s.getColumn(w.col + 1).width = w.width;
  }
  for (const t of plan.tableResizes) {
    const s = ws(t.sheet);
    if (s) resizeTable(s, t.table, t.range, t.headers);
  }

  // 4. Marks, each cell's own formatting saved first.
  const saved: SavedMark[] = [];
  for (const m of plan.marks) {
    const { sheet, row, col } = parseCellAddress(m.cell);
    const s = ws(sheet);
    if (!s) continue;
    const cell = s.getCell(row + 1, col + 1);
    saved.push({ cell: m.cell, kind: m.kind, original: { style: clone(cell.style ?? {}), ...(cell.note !== undefined ? { note: clone(cell.note) } : {}) } satisfies SavedOriginal });
    ownStyle(cell);
    const colors = MARK_COLORS[m.kind];
    cell.fill = { type: "pattern", pattern: "solid", fgColor: argb(colors.fill) };
    cell.font = { name: FONT_NAME, size: 11, ...(cell.font ?? {}), color: argb(colors.font) };
    cell.note = m.note;
  }

  // 5. Whole sheets.
  for (const name of plan.deleteSheets) {
    const s = ws(name);
    if (s) wb.removeWorksheet(s.id);
  }
  for (const spec of plan.sheets) skipped.push(...writeSheet(wb, spec));

  // 6. The state, in a very hidden sheet.
  if (opts.writeState === false) return { skipped };
  let st = ws(STATE_SHEET);
  if (!st) st = wb.addWorksheet(STATE_SHEET);
  st.state = "veryHidden";
  st.getColumn(1).eachCell((cell) => (cell.value = null));
  serializeState({ ...plan.state, marks: saved.length || plan.marks.length ? saved : [] }).forEach((chunk, i) => (st!.getCell(i + 1, 1).value = chunk));
  return { skipped };
}
