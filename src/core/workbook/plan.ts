/**
 * Results → a plan of changes, as plain data (SPEC §5): verdict columns beside each commune, notes
 * beside villages and postal points, marked input cells, the summary and checklist sheets, and
 * TC8's state. A host applies a plan in one batch; planning again over an annotated workbook
 * updates the same columns and sheets in place.
 */
import { conditionLine, explanationLines } from "../engine/explain";
import type { CommuneResult, ConditionResult, Evaluation, LevelResult, Problem } from "../engine/types";
import { render, VERDICT_TEXT } from "../i18n";
import { msg } from "../i18n/format";
import { getRuleSet } from "../ruleset";
import type { Lang, LevelId, RuleSet } from "../ruleset/types";
import { CHECKLIST_HEADERS, type ChecklistEntry, entryKey, hasUserInput, LEVEL_LABELS, STATUS_DONE, STATUS_TODO, USER_COLUMNS } from "./checklist";
import { type CellValue, type Grid, type RangeRef, cellAddress, filledCols, filledRowsIn, isBlank, isEmptyGrid, isTaken, MAX_COLS, parseCellAddress, parseRange, rangeA1, valueAt } from "./grid";
import { isOutputHeader, OUTPUT_HEADERS } from "./headers";
import { CHECKLIST_SHEET, CHECKLIST_TABLE, SUMMARY_SHEET } from "./own";
import type { ReadResult } from "./read";
import { type OutputColumns, type SavedMark, type SavedRow, type Tc8State, emptyState, STATE_VERSION } from "./state";
import { cellHeight, DEFAULT_ROW_HEIGHT_PT, fitRowHeights } from "./layout";
import { STYLES } from "./styles";
import { headerFooterText, signatureBlock, SUMMARY_TEXT, summarySheet } from "./summary";
import type { DetectedTable } from "./tables";
import { evidenceText, formatTime } from "./texts";

// Re-exported: the task pane, the command line and the tests read these from the plan's module.
export { EVIDENCE_TEXT, evidenceText, formatTime } from "./texts";
export { SUMMARY_TEXT, summarySheet } from "./summary";

export type StyleName = "pass" | "fail" | "missing" | "header" | "title" | "subtitle" | "wrap" | "text" | "cell" | "number" | "strong" | "center" | "sign" | "signNote" | "example";

export interface CellWrite {
  sheet: string;
  row: number;
  col: number;
  value: string | number | null;
  style?: StyleName;
}

export type SheetCell = Omit<CellWrite, "sheet"> & {
  numFmt?: string;
  /** A note on the cell (the template's headers: what to enter, in the guidance's words). */
  note?: string;
};

/** Excel's input message, shown when a cell of the range is selected (title ≤ 32, text ≤ 255 characters). */
export interface InputPrompt {
  range: RangeRef;
  title: string;
  text: string;
}

export interface ChartSpec {
  title: string;
  /** Categories in the first column, series (Đạt / Không đạt / Thiếu dữ liệu) in the next, with a header row. */
  range: RangeRef;
  /** The cells the chart covers, top-left to bottom-right (the planner keeps them free of text). */
  anchor?: RangeRef;
}

export interface NewSheet {
  name: string;
  cells: SheetCell[];
  merges?: RangeRef[];
  /** An Excel table over `range`, header row first. */
  table?: { name: string; range: RangeRef; style?: string };
  validations?: { range: RangeRef; list: string[] }[];
  /** Input messages on data cells (the template: what to enter in each column). */
  prompts?: InputPrompt[];
  numberFormats?: { range: RangeRef; format: string }[];
  freezeRows?: number;
  columnWidths?: number[];
  chart?: ChartSpec;
  /** Printed landscape, fitted to the page width (the appraisal team prints these). */
  landscape?: boolean;
  /** How the sheet prints: A4, its title rows on every page, its header and footer. */
  print?: PrintSetup;
  /** Rows made taller for their wrapped text (points), where a host cannot fit them itself. */
  rowHeights?: { row: number; height: number }[];
  /** What prints: the sheet's report, not the cells a chart floats over beyond it. */
  printArea?: RangeRef;
}

/** One line of a printed page's header or footer, in Excel's codes (&P page, &N pages). */
export interface HeaderFooterLine {
  left?: string;
  center?: string;
  right?: string;
}

export interface PrintSetup {
  orientation: "landscape" | "portrait";
  /** A4 (paper size 9), as Vietnamese offices print. */
  paper: "A4";
  /** Fitted to one page wide, as many pages tall as it takes. */
  fitToWidth: boolean;
  /** Rows repeated at the top of every printed page (0-based, inclusive). */
  titleRows?: { first: number; last: number };
  header?: HeaderFooterLine;
  footer?: HeaderFooterLine;
}

export interface MarkPlan {
  /** 'Sheet'!B5 */
  cell: string;
  kind: "fail" | "missing";
  note: string;
}

export interface TableResize {
  sheet: string;
  table: string;
  range: RangeRef;
  /** Header names of the columns added to the table. */
  headers: string[];
  /** Header names of TC8's columns taken out of the table (fewer levels, or Clear results). */
  removeHeaders?: string[];
}

export interface Plan {
  /** Values into existing sheets, in TC8's own columns only. */
  writes: CellWrite[];
  /** Widths (in characters) of TC8's own columns. */
  columnWidths: { sheet: string; col: number; width: number }[];
  /** TC8's previous columns, cleared (values and formats) before writing. */
  clears: { sheet: string; range: RangeRef }[];
  tableResizes: TableResize[];
  /** Cells marked by the last evaluation: their own formatting and notes are restored first. */
  unmarks: SavedMark[];
  marks: MarkPlan[];
  /** Sheets TC8 writes whole (replaced when present). */
  sheets: NewSheet[];
  deleteSheets: string[];
  /**
   * Rows of the user's sheets that TC8's wrapped text needs taller (points): a host makes a row
   * taller only where it is shorter than that, saves its own height in the state, and gives it
   * back before the next evaluation and on Clear results.
   */
  rowHeights?: { sheet: string; row: number; height: number }[];
  /** Rows TC8 made taller last time, with the heights the host saved: restored first. */
  restoreRows?: SavedRow[];
  /** The state to store; the host adds each mark's saved original formatting. */
  state: Tc8State;
  warnings: Problem[];
}

export interface PlanOptions {
  lang?: Lang;
  evaluatedAt?: Date;
}

export function emptyPlan(): Plan {
  return { writes: [], columnWidths: [], clears: [], tableResizes: [], unmarks: [], marks: [], sheets: [], deleteSheets: [], state: emptyState(getRuleSet().id), warnings: [] };
}

// "Đã có 7/12 tài liệu NTM; 0/11 tài liệu NTM nâng cao" on one line.
const COLUMN_WIDTHS: Record<string, number> = { [OUTPUT_HEADERS.evidence]: 46, [OUTPUT_HEADERS.explanation]: 70, [OUTPUT_HEADERS.note]: 50 };

const VERDICT_STYLE = { pass: "pass", fail: "fail", missing: "missing" } as const;

export function verdictHeaders(rs: RuleSet, levels: readonly LevelId[]): string[] {
  const out: string[] = [];
  for (const level of rs.levels) {
    if (!levels.includes(level.id)) continue;
    const suffix = level.id === "ntm" ? "NTM" : "NC";
    for (const ind of level.indicators) out.push(`${ind.id} ${suffix}`);
    out.push(level.criterion);
  }
  return [...out, OUTPUT_HEADERS.evidence, OUTPUT_HEADERS.explanation];
}

function verdictCells(c: CommuneResult, rs: RuleSet, levels: readonly LevelId[], lang: Lang): { value: string; style?: StyleName }[] {
  const out: { value: string; style?: StyleName }[] = [];
  for (const level of rs.levels) {
    if (!levels.includes(level.id)) continue;
    const lv = c.levels[level.id];
    for (const ind of level.indicators) {
      const v = lv?.indicators.find((i) => i.id === ind.id)?.verdict;
      out.push(v ? { value: VERDICT_TEXT[lang][v], style: VERDICT_STYLE[v] } : { value: "—" });
    }
    out.push(lv ? { value: VERDICT_TEXT[lang][lv.verdict], style: VERDICT_STYLE[lv.verdict] } : { value: "—" });
  }
  out.push({ value: c.excluded ? "—" : evidenceText(c, lang, rs) });
  out.push({ value: explanationLines(c, lang, rs).join("\n"), style: "wrap" });
  return out;
}

/**
 * Where TC8's columns go in a table: where they already are (re-evaluation), else just right of
 * the table when those cells are empty (a formula is never empty, whatever its value), else right
 * of everything on the sheet; when a stray far-right cell leaves no room there, the first free
 * block right of the table. Null when the sheet has no room at all.
 */
function placeColumns(
  g: Grid,
  t: DetectedTable,
  width: number,
  previous: OutputColumns | undefined,
  isOwnHeader: (h: string) => boolean,
): { c0: number; inTable: boolean } | null {
  const own = t.columns.filter((c) => c.output && isOwnHeader(c.header));
  if (own.length) return { c0: Math.min(...own.map((c) => c.col)), inTable: true };
  if (previous && previous.sheet === t.sheet) return { c0: previous.c0, inTable: true };
  const rows = filledRowsIn(g, t.range.r0, t.range.r1);
  const taken = new Set<number>();
  for (const r of rows) {
    for (const c of g.rows.get(r)?.keys() ?? []) if (isTaken(g, r, c)) taken.add(c);
    for (const c of g.formulas?.get(r) ?? []) taken.add(c);
  }
  const free = (c0: number) => {
    if (c0 + width > MAX_COLS) return false;
    for (let c = c0; c < c0 + width; c++) if (taken.has(c)) return false;
    return true;
  };
  const next = t.range.c1 + 1;
  if (free(next)) return { c0: next, inTable: true };
  let lastUsed = next;
  for (const cells of g.rows.values()) for (const c of cells.keys()) if (c + 1 > lastUsed) lastUsed = c + 1;
  for (const cells of g.formulas?.values() ?? []) for (const c of cells) if (c + 1 > lastUsed) lastUsed = c + 1;
  // One empty column between the user's last column and TC8's.
  if (lastUsed + 1 + width <= MAX_COLS) return { c0: lastUsed + 1, inTable: false };
  for (let c0 = next; c0 + width <= MAX_COLS; c0++) if (free(c0)) return { c0, inTable: false };
  return null;
}

/** The height each row of the user's sheets needs for the wrapped text TC8 writes in it. */
function wrappedRowHeights(writes: readonly CellWrite[], widths: Plan["columnWidths"]): NonNullable<Plan["rowHeights"]> {
  const width = new Map(widths.map((w) => [`${w.sheet}|${w.col}`, w.width]));
  const need = new Map<string, { sheet: string; row: number; height: number }>();
  for (const w of writes) {
    if (!w.style || !STYLES[w.style].wrap || typeof w.value !== "string" || !w.value) continue;
    const h = cellHeight(w.value, width.get(`${w.sheet}|${w.col}`) ?? 12, STYLES[w.style].size ?? 11);
    const k = `${w.sheet}|${w.row}`;
    if (h > DEFAULT_ROW_HEIGHT_PT && h > (need.get(k)?.height ?? 0)) need.set(k, { sheet: w.sheet, row: w.row, height: h });
  }
  return [...need.values()];
}

function conditionsOf(c: CommuneResult): { level: LevelId; cond: ConditionResult }[] {
  return (Object.values(c.levels) as LevelResult[]).flatMap((lv) => lv.indicators.flatMap((i) => i.conditions.map((cond) => ({ level: lv.level, cond }))));
}

export function planEvaluation(read: ReadResult, ev: Evaluation, grids: readonly Grid[], opts: PlanOptions = {}): Plan {
  const lang = opts.lang ?? "vi";
  const rs = getRuleSet(ev.ruleset.id);
  const prev = read.state;
  const state: Tc8State = { ...emptyState(rs.id), mapping: prev?.mapping ?? {} };
  const plan: Plan = { ...emptyPlan(), unmarks: prev?.marks ?? [], state };
  const gridOf = (sheet: string) => grids.find((g) => g.sheet === sheet)!;
  const ownCells = new Set<string>();

  // TC8's previous columns are cleared first, so a change of levels leaves nothing stale.
  for (const cols of [prev?.verdictColumns, ...(prev?.noteColumns ?? [])]) {
    if (!cols || !grids.some((g) => g.sheet === cols.sheet)) continue;
    plan.clears.push({ sheet: cols.sheet, range: { r0: cols.headerRow, c0: cols.c0, r1: cols.r1, c1: cols.c1 } });
    for (let r = cols.headerRow; r <= cols.r1; r++) for (let c = cols.c0; c <= cols.c1; c++) ownCells.add(`${cols.sheet}|${r}|${c}`);
  }

  const write = (w: CellWrite) => {
    const g = gridOf(w.sheet);
    // Never over a user's cell: only blank cells (no formula, whatever its value) and TC8's own are written.
    if (isTaken(g, w.row, w.col) && !ownCells.has(`${w.sheet}|${w.row}|${w.col}`)) {
      plan.warnings.push({ severity: "warning", cell: cellAddress(w.sheet, w.row, w.col), msg: msg("problem.cellTaken", {}) });
      return;
    }
    plan.writes.push(w);
  };

  const addColumns = (t: DetectedTable, headers: string[], previous: OutputColumns | undefined, rows: { row: number; values: { value: string | number | null; style?: StyleName }[] }[]): OutputColumns | undefined => {
    const g = gridOf(t.sheet);
    const place = placeColumns(g, t, headers.length, previous, isOutputHeader);
    if (!place) {
      plan.warnings.push({ severity: "warning", cell: cellAddress(t.sheet, t.headerLast, t.range.c1), msg: msg("problem.noRoom", { count: headers.length }) });
      return undefined;
    }
    const { c0, inTable } = place;
    for (const c of t.columns) if (c.output) for (const r of [t.headerLast, ...filledRowsIn(g, t.range.r0, t.range.r1)]) ownCells.add(`${t.sheet}|${r}|${c.col}`);
    const c1 = c0 + headers.length - 1;
    // Old TC8 columns of this table beyond the new block are cleared too.
    const oldOwn = t.columns.filter((c) => c.output).map((c) => c.col);
    if (oldOwn.length) plan.clears.push({ sheet: t.sheet, range: { r0: t.headerFirst, c0: Math.min(...oldOwn), r1: t.range.r1, c1: Math.max(...oldOwn) } });
    headers.forEach((h, i) => {
      write({ sheet: t.sheet, row: t.headerLast, col: c0 + i, value: h, style: "header" });
      plan.columnWidths.push({ sheet: t.sheet, col: c0 + i, width: COLUMN_WIDTHS[h] ?? 12 });
    });
    for (const r of rows) r.values.forEach((v, i) => write({ sheet: t.sheet, row: r.row, col: c0 + i, value: v.value, ...(v.style ? { style: v.style } : {}) }));
    if (t.excelTable && inTable) {
      // The table ends at TC8's last column: wider when they are new, narrower when fewer levels are written.
      const lastInput = Math.max(t.range.c0, ...t.columns.filter((c) => !c.output).map((c) => c.col));
      const newC1 = Math.max(c1, lastInput);
      if (newC1 !== t.range.c1)
        plan.tableResizes.push({
          sheet: t.sheet,
          table: t.excelTable,
          range: { ...t.range, c1: newC1 },
          headers: headers.slice(Math.max(0, t.range.c1 + 1 - c0)),
          removeHeaders: t.columns.filter((c) => c.col > newC1).map((c) => c.header),
        });
    } else if (t.excelTable && !inTable) {
      plan.warnings.push({ severity: "warning", cell: cellAddress(t.sheet, t.headerLast, c0), msg: msg("problem.columnsOutsideTable", { table: t.excelTable }) });
    }
    const lastRow = Math.max(t.headerLast, ...rows.map((r) => r.row));
    return { sheet: t.sheet, headerRow: t.headerLast, c0, c1, r1: lastRow, ...(t.excelTable ? { excelTable: t.excelTable, tableRangeBefore: rangeA1(t.range) } : {}) };
  };

  // 1. Verdict columns beside each commune.
  const t = read.communesTable;
  if (t) {
    const headers = verdictHeaders(rs, ev.levels);
    const rows = ev.communes.flatMap((c, i) => (read.communeRows[i]?.table === t ? [{ row: read.communeRows[i].row, values: verdictCells(c, rs, ev.levels, lang) }] : []));
    state.verdictColumns = addColumns(t, headers, prev?.verdictColumns, rows);
    if (prev?.verdictColumns?.tableRangeBefore && state.verdictColumns?.excelTable) state.verdictColumns.tableRangeBefore = prev.verdictColumns.tableRangeBefore;
  }

  // 2. Ghi chú TC8 beside each village and postal point: what it lacks.
  const entityNotes = new Map<string, string[]>();
  for (const c of ev.communes)
    for (const { cond } of conditionsOf(c))
      for (const e of cond.entities ?? []) {
        if (e.verdict === "pass" || cond.informational) continue;
        const line = conditionLine(cond.id, render(e.msg, lang), lang, rs);
        const lines = entityNotes.get(e.cell) ?? [];
        if (!lines.includes(line)) lines.push(line);
        entityNotes.set(e.cell, lines);
      }
  for (const table of read.tables.filter((x) => x.kind !== "communes")) {
    const rows = [...read.villageRows, ...read.postalRows].filter((r) => r.table === table);
    if (!rows.length) continue;
    const previous = prev?.noteColumns.find((n) => n.sheet === table.sheet && n.headerRow === table.headerLast);
    const noteRows = rows.map((r) => {
      const lines = r.commune === null ? [] : entityNotes.get(r.entity.cell!);
      const text = r.commune === null ? "" : lines && lines.length ? lines.join("\n") : render(msg("entity.ok"), lang);
      return { row: r.row, values: [{ value: text, style: "wrap" as StyleName }] };
    });
    const added = addColumns(table, [OUTPUT_HEADERS.note], previous, noteRows);
    if (added) state.noteColumns.push(added);
  }

  // 3. Input cells behind failing conditions (red) and unreadable or needed blank cells (amber).
  const marks = new Map<string, MarkPlan>();
  const mark = (cell: string, kind: "fail" | "missing", line: string) => {
    const { sheet, row, col } = parseCellAddress(cell);
    if (ownCells.has(`${sheet}|${row}|${col}`)) return;
    const m = marks.get(cell);
    if (!m) marks.set(cell, { cell, kind, note: line });
    else {
      if (kind === "fail") m.kind = "fail";
      if (!m.note.split("\n").includes(line)) m.note += `\n${line}`;
    }
  };
  for (const c of ev.communes) for (const { cond } of conditionsOf(c)) for (const mk of cond.marks) mark(mk.cell, mk.kind, conditionLine(cond.id, render(mk.msg, lang), lang, rs));
  for (const p of [...read.problems, ...ev.problems]) if (p.cell) mark(p.cell, "missing", render(p.msg, lang));
  plan.marks = [...marks.values()];
  // Rows TC8's wrapped text needs taller (the explanation, the notes beside villages and points).
  plan.restoreRows = prev?.rows ?? [];
  plan.rowHeights = wrappedRowHeights(plan.writes, plan.columnWidths);
  state.marks = plan.marks.map((m) => ({ cell: m.cell, kind: m.kind }));

  // 4. The summary and the checklist.
  // A sheet of the user's that happens to bear one of these names is never replaced.
  const free = (name: string) => {
    if (mayReplace(name, grids, prev)) return true;
    plan.warnings.push({ severity: "warning", msg: msg("problem.sheetTaken", { sheet: name }) });
    return false;
  };
  if (free(SUMMARY_SHEET)) plan.sheets.push(summarySheet(ev, rs, lang, opts.evaluatedAt ?? new Date()));
  if (free(CHECKLIST_SHEET)) plan.sheets.push(checklistSheet(ev, rs, read.checklist, lang, opts.evaluatedAt ?? new Date()));
  state.sheets = plan.sheets.map((x) => x.name);
  state.evaluatedAt = (opts.evaluatedAt ?? new Date()).toISOString();
  state.lang = lang;
  state.levels = [...ev.levels];
  state.version = STATE_VERSION;
  return plan;
}

/** TC8 may write (or delete) a sheet of its own name: absent, listed in its state, empty, or one it evidently made. */
function mayReplace(name: string, grids: readonly Grid[], prev: Tc8State | undefined): boolean {
  const g = grids.find((x) => x.sheet === name);
  if (!g || prev?.sheets.includes(name) || isEmptyGrid(g)) return true;
  if (name === SUMMARY_SHEET) return String(valueAt(g, 0, 0) ?? "").startsWith("TỔNG HỢP ĐÁNH GIÁ TIÊU CHÍ SỐ 8");
  if (name === CHECKLIST_SHEET) return filledRowsIn(g, 0, 15).some((r) => filledCols(g, r).some((c) => valueAt(g, r, c) === "Tài liệu kiểm chứng"));
  return false;
}

/** Minh chứng TC8: an Excel table, one row per commune × level × document; the user's entries kept. */
export function checklistSheet(ev: Evaluation, rs: RuleSet, existing: readonly ChecklistEntry[], lang: Lang = "vi", at: Date = new Date()): NewSheet {
  const byKey = new Map(existing.map((e) => [entryKey(e.commune, e.level, e.indicator, e.no), e]));
  const extraHeaders = [...new Set(existing.flatMap((e) => Object.keys(e.values)))].filter((h) => !(CHECKLIST_HEADERS as readonly string[]).includes(h));
  const headers = [...CHECKLIST_HEADERS, ...extraHeaders];
  const cells: SheetCell[] = headers.map((h, col) => ({ row: 0, col, value: h, style: "header" as StyleName }));
  const used = new Set<string>();
  let row = 1;
  const putRow = (values: (CellValue | undefined)[]) => {
    values.forEach((v, col) => {
      const value = v === null || v === undefined ? null : typeof v === "object" ? ("error" in v ? v.error : null) : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : v;
      // The number beside the document's text centred, so the two never touch.
      const style: StyleName | undefined = col === 0 || col === 2 ? "text" : col === 3 ? "center" : col === 4 || col === 5 ? "wrap" : undefined;
      cells.push({ row, col, value, ...(style ? { style } : {}) });
    });
    row++;
  };
  for (const c of ev.communes) {
    if (c.excluded) continue;
    for (const level of rs.levels)
      for (const ind of level.indicators)
        for (const doc of ind.evidence) {
          const key = entryKey(c.name, level.id, ind.id, doc.no);
          if (used.has(key)) continue;
          used.add(key);
          const e = byKey.get(key);
          const user = (h: string, dflt: CellValue) => (e && h in e.values && !isBlank(e.values[h]) ? e.values[h] : dflt);
          putRow([
            c.name,
            LEVEL_LABELS[level.id],
            ind.id,
            doc.no,
            doc.text,
            user(USER_COLUMNS[0], doc.provider),
            user(USER_COLUMNS[1], STATUS_TODO),
            user(USER_COLUMNS[2], null),
            user(USER_COLUMNS[3], null),
            ...extraHeaders.map((h) => user(h, null)),
          ]);
        }
  }
  // Entries of communes no longer in the data are kept when the user wrote anything in them.
  for (const e of existing) {
    const key = entryKey(e.commune, e.level, e.indicator, e.no);
    if (used.has(key) || !hasUserInput(e, rs)) continue;
    used.add(key);
    const doc = rs.levels.find((l) => l.id === e.level)?.indicators.find((i) => i.id === e.indicator)?.evidence.find((d) => d.no === e.no);
    putRow([e.commune, LEVEL_LABELS[e.level], e.indicator, e.no, doc?.text ?? "", ...USER_COLUMNS.map((h) => e.values[h] ?? null), ...extraHeaders.map((h) => e.values[h] ?? null)]);
  }
  const last = Math.max(1, row - 1);
  const statusCol = headers.indexOf("Tình trạng");
  const lastCol = headers.length - 1;
  const merges: RangeRef[] = [];
  // The right half starts after "Tài liệu kiểm chứng": that column holds the checklist's entries only.
  signatureBlock(cells, merges, last + 2, lastCol, lang, 5);
  const sheet: NewSheet = {
    name: CHECKLIST_SHEET,
    cells,
    merges,
    table: { name: CHECKLIST_TABLE, range: { r0: 0, c0: 0, r1: last, c1: lastCol }, style: "TableStyleLight9" },
    validations: [{ range: { r0: 1, c0: statusCol, r1: Math.max(last, 1), c1: statusCol }, list: [STATUS_DONE, STATUS_TODO] }],
    freezeRows: 1,
    columnWidths: [...CHECKLIST_WIDTHS, ...extraHeaders.map(() => 20)],
    landscape: true,
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      titleRows: { first: 0, last: 0 },
      header: { center: `&B${headerFooterText(CHECKLIST_TITLE[lang])}`, left: `&8${headerFooterText(rs.name)}`, right: `&8${headerFooterText(`${SUMMARY_TEXT[lang].time}: ${formatTime(at)}`)}` },
      footer: { center: SUMMARY_TEXT[lang].page },
    },
  };
  sheet.rowHeights = fitRowHeights(sheet);
  return sheet;
}

/** The checklist's title, in its printed pages' header (the table starts at A1, where filters work best). */
export const CHECKLIST_TITLE = { vi: "DANH MỤC TÀI LIỆU KIỂM CHỨNG TIÊU CHÍ SỐ 8 – THÔNG TIN VÀ TRUYỀN THÔNG", en: "DANH MỤC TÀI LIỆU KIỂM CHỨNG TIÊU CHÍ SỐ 8 – evidence documents" } as const;
const CHECKLIST_WIDTHS = [22, 14, 9, 6, 70, 36, 12, 26, 30];

/** Clear results (SPEC §5): TC8's columns, notes and sheets go, marked cells get their own formatting back. */
export function planClear(read: ReadResult, grids: readonly Grid[], opts: { removeChecklist: boolean }): Plan {
  const prev = read.state;
  const state: Tc8State = { ...emptyState(prev?.ruleset ?? getRuleSet().id), mapping: prev?.mapping ?? {} };
  const plan: Plan = { ...emptyPlan(), unmarks: prev?.marks ?? [], restoreRows: prev?.rows ?? [], state };
  const has = (sheet: string) => grids.some((g) => g.sheet === sheet);
  const columns = [prev?.verdictColumns, ...(prev?.noteColumns ?? [])].filter((c): c is OutputColumns => !!c && has(c.sheet));
  // Without a state (a file annotated elsewhere, its state lost), TC8's columns are found by their headers.
  if (!prev)
    for (const t of read.tables) {
      const own = t.columns.filter((c) => c.output);
      if (own.length) columns.push({ sheet: t.sheet, headerRow: t.headerLast, c0: Math.min(...own.map((c) => c.col)), c1: Math.max(...own.map((c) => c.col)), r1: t.range.r1, ...(t.excelTable ? { excelTable: t.excelTable } : {}) });
    }
  for (const c of columns) {
    plan.clears.push({ sheet: c.sheet, range: { r0: c.headerRow, c0: c.c0, r1: c.r1, c1: c.c1 } });
    const t = read.tables.find((x) => x.sheet === c.sheet && x.excelTable && x.excelTable === c.excelTable);
    if (t && c.tableRangeBefore) {
      const before = parseRange(c.tableRangeBefore);
      if (before.c1 < t.range.c1)
        plan.tableResizes.push({ sheet: c.sheet, table: t.excelTable!, range: { ...t.range, c1: before.c1 }, headers: [], removeHeaders: t.columns.filter((x) => x.col > before.c1).map((x) => x.header) });
    }
  }
  if (has(SUMMARY_SHEET) && mayReplace(SUMMARY_SHEET, grids, prev)) plan.deleteSheets.push(SUMMARY_SHEET);
  if (opts.removeChecklist && has(CHECKLIST_SHEET) && mayReplace(CHECKLIST_SHEET, grids, prev)) plan.deleteSheets.push(CHECKLIST_SHEET);
  else if (has(CHECKLIST_SHEET) && mayReplace(CHECKLIST_SHEET, grids, prev)) state.sheets = [CHECKLIST_SHEET];
  return plan;
}
