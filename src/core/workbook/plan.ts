/**
 * Results → a plan of changes, as plain data (docs/output.md): verdict columns beside each commune, notes
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
import { whereNow } from "./anchors";
import { CHECKLIST_HEADERS, type ChecklistEntry, type ChecklistRow, type ChecklistSheet, checklistWalk, entryKey, hasUserInput, LEVEL_LABELS, STATUS_DONE, STATUS_TODO, USER_COLUMNS } from "./checklist";
import { type CellValue, type Grid, type RangeRef, cellAddress, contains, filledCols, filledRowsIn, findGrid, freeSheetName, isBlank, isFormulaAt, isTaken, MAX_COLS, MAX_ROWS, parseCellAddress, sameSheet, usedRange, valueAt } from "./grid";
import { OUTPUT_HEADERS } from "./headers";
import { headerKey, words } from "./normalize";
import { CHECKLIST_SHEET, CHECKLIST_TABLE, STATE_SHEET, SUMMARY_SHEET } from "./own";
import type { ReadResult } from "./read";
import { type OutputColumns, type SavedMark, type SavedRow, type Tc8State, emptyState, fingerprint, fingerprint3, STATE_VERSION } from "./state";
import { cellHeight, DEFAULT_ROW_HEIGHT_PT, fitRowHeights } from "./layout";
import { STYLES } from "./styles";
import { headerFooterText, signatureBlock, SUMMARY_TEXT, summarySheet } from "./summary";
import { cellText, columnOf, type DetectedTable } from "./tables";
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

/**
 * A sheet of TC8's making that is the user's document now (the checklist), updated in place: rows
 * for new entries, the values TC8 owns where they changed, its signature block moved under the
 * table; every other cell, format, note, link, height and width stays as the user left it.
 */
export interface SheetUpdate {
  /** The sheet, as it is named now. */
  name: string;
  /**
   * Values TC8 writes, in TC8's look (new rows, its signature block); with `keep`, only the value
   * changes and the cell keeps its format (a value of TC8's written again in a row of the user's).
   */
  cells: (SheetCell & { keep?: true })[];
  /** TC8's own cells that go, values and formats (its signature block, before it moves); each one checked to hold TC8's text. */
  clears: RangeRef[];
  /** TC8's merged areas that go (the signature block's, before it moves), and the new ones. */
  unmerges: RangeRef[];
  merges: RangeRef[];
  /** The Excel table, grown over the new rows. */
  table?: { name: string; range: RangeRef };
  /** Dropdowns on the new rows. */
  validations: { range: RangeRef; list: string[] }[];
  /** Heights the new rows' wrapped text needs (points); a row is only ever made taller. */
  rowHeights: { row: number; height: number }[];
  /**
   * The right part of the printed page header (the time of the evaluation), in Excel's codes:
   * changed only while it is still `before`, what TC8 wrote last time.
   */
  headerRight?: { before: string; after: string };
}

export interface Plan {
  /** Values into existing sheets, in TC8's own columns only. */
  writes: CellWrite[];
  /** Widths (in characters) of TC8's own columns. */
  columnWidths: { sheet: string; col: number; width: number }[];
  /**
   * TC8's previous cells, cleared (values and formats) before writing; with `formats`, only the
   * format TC8 gave a cell whose value the user typed over (Clear results).
   */
  clears: { sheet: string; range: RangeRef; formats?: true }[];
  tableResizes: TableResize[];
  /**
   * Cells marked by the last evaluation, where they are now (through their anchors): their own
   * formatting and notes are restored first, where they still show TC8's.
   */
  unmarks: SavedMark[];
  marks: MarkPlan[];
  /** Sheets TC8 writes whole (replaced when present). */
  sheets: NewSheet[];
  /** Sheets of TC8's making updated in place (the checklist once created). */
  sheetUpdates: SheetUpdate[];
  deleteSheets: string[];
  /**
   * The very hidden sheet TC8's state goes to (created when absent): TC8_STATE, or a free name
   * when the user has a sheet of that name.
   */
  stateSheet: string;
  /**
   * Rows of the user's sheets that TC8's wrapped text needs taller (points): a host makes a row
   * taller only where it is shorter than that, saves its own height in the state, and gives it
   * back before the next evaluation and on Clear results.
   */
  rowHeights?: { sheet: string; row: number; height: number }[];
  /** Rows TC8 made taller last time, where they are now, with the heights the host saved: restored first (only while they have TC8's). */
  restoreRows?: SavedRow[];
  /** The state to store; the host adds each mark's saved original formatting. */
  state: Tc8State;
  warnings: Problem[];
}

export interface PlanOptions {
  lang?: Lang;
  evaluatedAt?: Date;
}

/** The existing or new sheets a plan writes into (its state sheet aside): a protected one stops it before any write, on every host. */
export function sheetsWritten(plan: Plan): Set<string> {
  const write = new Set<string>();
  for (const w of plan.writes) write.add(w.sheet);
  for (const c of plan.clears) write.add(c.sheet);
  for (const t of plan.tableResizes) write.add(t.sheet);
  for (const m of [...plan.marks, ...plan.unmarks]) write.add(parseCellAddress(m.cell).sheet);
  for (const s of plan.sheets) write.add(s.name);
  for (const u of plan.sheetUpdates) write.add(u.name);
  return write;
}

export function emptyPlan(): Plan {
  return { writes: [], columnWidths: [], clears: [], tableResizes: [], unmarks: [], marks: [], sheets: [], sheetUpdates: [], deleteSheets: [], stateSheet: STATE_SHEET, state: emptyState(getRuleSet().id), warnings: [] };
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
 * Where TC8's columns go in a table when they are not all where their headers are: where TC8's
 * columns were (their cells about to be cleared count as free), else just right of the user's last
 * column when those cells are empty (a formula is never empty, whatever its value), else right of
 * everything on the sheet; when a stray far-right cell leaves no room there, the first free block
 * right of the table. Null when the sheet has no room at all.
 */
function placeColumns(g: Grid, t: DetectedTable, width: number, free: (row: number, col: number) => boolean): { c0: number; inTable: boolean } | null {
  const rows = filledRowsIn(g, t.range.r0, t.range.r1);
  const taken = new Set<number>();
  for (const r of rows) {
    for (const c of g.rows.get(r)?.keys() ?? []) if (isTaken(g, r, c) && !free(r, c)) taken.add(c);
    for (const c of g.formulas?.get(r) ?? []) taken.add(c);
  }
  const ok = (c0: number) => {
    if (c0 < 0 || c0 + width > MAX_COLS) return false;
    for (let c = c0; c < c0 + width; c++) if (taken.has(c)) return false;
    return true;
  };
  const own = t.columns.filter((c) => c.output).map((c) => c.col);
  if (own.length && ok(Math.min(...own))) return { c0: Math.min(...own), inTable: true };
  const userLast = Math.max(t.range.c0, ...t.columns.filter((c) => !c.output).map((c) => c.col));
  const next = userLast + 1;
  if (ok(next)) return { c0: next, inTable: true };
  let lastUsed = next;
  for (const [r, cells] of g.rows) for (const c of cells.keys()) if (c + 1 > lastUsed && !free(r, c)) lastUsed = c + 1;
  for (const cells of g.formulas?.values() ?? []) for (const c of cells) if (c + 1 > lastUsed) lastUsed = c + 1;
  // One empty column between the user's last column and TC8's.
  if (lastUsed + 1 + width <= MAX_COLS) return { c0: lastUsed + 1, inTable: false };
  for (let c0 = next; c0 + width <= MAX_COLS; c0++) if (ok(c0)) return { c0, inTable: false };
  return null;
}

/** The output header a header cell names, spelled as TC8 writes it. */
const OUTPUT_LIST: readonly string[] = [...OUTPUT_HEADERS.verdicts, OUTPUT_HEADERS.evidence, OUTPUT_HEADERS.explanation, OUTPUT_HEADERS.note];
function canonicalHeader(text: string): string {
  const k = headerKey(text);
  return OUTPUT_LIST.find((h) => headerKey(h) === k) ?? text;
}

/**
 * The row a cell of TC8's columns belongs to, by what names it (the commune, village or postal
 * point of the table around it): a verdict is TC8's only while it is the value TC8 wrote for that
 * commune, whatever the edits moved. A row of a sheet holding tables read now that is none of their
 * data rows has no key (null: TC8 writes only in data rows); on other sheets a row's key is unknown.
 */
function rowKeysOf(read: ReadResult, grids: readonly Grid[]): (sheet: string, row: number) => string | null | undefined {
  const bySheet = new Map<string, Map<number, string>>();
  for (const t of read.tables) {
    const g = findGrid(grids, t.sheet);
    const cols = ["commune", "village", "postal_point"].map((k) => columnOf(t, k)?.col).filter((c): c is number => c !== undefined);
    if (!g || !cols.length) continue;
    let rows = bySheet.get(t.sheet);
    if (!rows) bySheet.set(t.sheet, (rows = new Map()));
    for (const r of t.dataRows) rows.set(r, `${t.kind}|${cols.map((c) => words(cellText(valueAt(g, r, c)))).join("|")}`);
  }
  return (sheet, row) => {
    const rows = bySheet.get(sheet);
    return rows ? (rows.get(row) ?? null) : undefined;
  };
}

/**
 * Fingerprints of texts that repeat (verdict words, row keys), each worked out once: a province
 * writes hundreds of thousands of cells with a few dozen distinct values.
 */
function printer(): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    let fp = memo.get(text);
    if (fp === undefined) memo.set(text, (fp = fingerprint(text)));
    return fp;
  };
}

/** The fingerprint of a value TC8 wrote in a row under a header, from the row key's and the value's own fingerprints. */
const cellPrint = (keyPrint: string, header: string, valuePrint: string) => fingerprint3(keyPrint, header, valuePrint);

/**
 * Tells TC8's cells in its columns from the user's: a cell is TC8's while it holds the value TC8
 * wrote there for that row's commune (or village, or point), or is blank. A formula is always the
 * user's, and so is a value in a row of the table's sheet that holds no commune (under the table,
 * say). Where the row's name changed since, or its sheet holds no table read now, a value TC8 wrote
 * anywhere in that column counts; with no fingerprints at all (no state, or one written
 * before them), the columns TC8's headers name are TC8's.
 */
function tc8CellTest(prev: Tc8State | undefined, keyOf: (sheet: string, row: number) => string | null | undefined): (g: Grid, row: number, col: number, header: string) => boolean {
  const written = prev?.written ? new Map(Object.entries(prev.written).map(([h, list]) => [h, new Set(list)])) : undefined;
  const print = printer();
  const cells = prev?.writtenCells ? new Set(prev.writtenCells) : undefined;
  const rows = prev?.writtenRows ? new Set(prev.writtenRows) : undefined;
  return (g, row, col, header) => {
    if (isFormulaAt(g, row, col)) return false;
    const v = valueAt(g, row, col);
    if (isBlank(v)) return true;
    if (!written) return true;
    if (typeof v === "object") return false;
    const key = cells && rows ? keyOf(g.sheet, row) : undefined;
    const valuePrint = print(String(v));
    // Under the table, or in a row that holds no commune: TC8 never wrote there, the value is the user's.
    if (key === null) return false;
    if (key !== undefined) {
      const keyPrint = print(key);
      if (rows!.has(keyPrint)) return cells!.has(cellPrint(keyPrint, header, valuePrint));
    }
    return !!written.get(header)?.has(valuePrint);
  };
}

/** TC8's cells in one of its columns, from the header down: runs of rows holding TC8's values (or nothing), split at a cell of the user's. */
function ownColumnRuns(g: Grid, headerRow: number, lastRow: number, col: number, header: string, isTc8: ReturnType<typeof tc8CellTest>): { tc8: number[]; runs: [number, number][]; user: number[] } {
  const tc8 = [headerRow];
  const user: number[] = [];
  for (const r of filledRowsIn(g, headerRow + 1, lastRow)) {
    if (!isTaken(g, r, col)) continue;
    (isTc8(g, r, col, header) ? tc8 : user).push(r);
  }
  const runs: [number, number][] = [];
  let u = 0;
  for (const r of tc8) {
    const last = runs[runs.length - 1];
    while (u < user.length && user[u] < r) u++;
    // Joined to the run above unless a cell of the user's lies between.
    if (last && !(u > 0 && user[u - 1] > last[1])) last[1] = r;
    else runs.push([r, r]);
  }
  // To the table's end (TC8 writes empty text too, whose cell keeps TC8's format), short of the user's next cell.
  const last = runs[runs.length - 1];
  const after = user.find((r) => r > last[1]);
  last[1] = Math.max(last[1], Math.min(lastRow, after === undefined ? Infinity : after - 1));
  return { tc8, runs, user };
}

/**
 * TC8's columns outside every table it reads now (the user changed a table's header, say): found by
 * their headers on the sheets TC8 wrote them into, each with at least one value below that TC8 wrote.
 * Only with fingerprints in the state: without them nothing tells TC8's values from the user's.
 */
function orphanColumns(read: ReadResult, grids: readonly Grid[], isTc8: ReturnType<typeof tc8CellTest>, known: ReadonlySet<string>) {
  const out: { sheet: string; col: number; header: string; headerRow: number; runs: [number, number][]; typedOver?: true }[] = [];
  if (!read.state?.written) return out;
  const own = new Set(Object.values(read.own));
  // A column whose header the user typed over, found by its anchor: TC8's values below it go, the user's header stays.
  for (const c of read.state.columns ?? []) {
    const a = whereNow(read.anchors, c.name);
    const g = a ? findGrid(grids, a.sheet) : undefined;
    if (!a || !g || own.has(g.sheet) || known.has(`${g.sheet}|${a.range.r0}|${a.range.c0}`) || valueAt(g, a.range.r0, a.range.c0) === c.header) continue;
    const used = usedRange(g);
    if (!used) continue;
    const found = ownColumnRuns(g, a.range.r0, used.r1, a.range.c0, c.header, isTc8);
    const runs = found.runs.flatMap(([r0, r1]): [number, number][] => (r0 === a.range.r0 ? (r1 > r0 ? [[r0 + 1, r1]] : []) : [[r0, r1]]));
    if (found.tc8.some((x) => x !== a.range.r0 && !isBlank(valueAt(g, x, a.range.c0)))) out.push({ sheet: g.sheet, col: a.range.c0, header: c.header, headerRow: a.range.r0, runs, typedOver: true });
  }
  // Only on sheets TC8 wrote columns into (where they are now): a sheet of the user's holding
  // TC8's headers — a copy of the results kept for the record, say — is theirs.
  const wroteInto: string[] = [];
  for (const c of read.state.columns ?? []) {
    const a = whereNow(read.anchors, c.name);
    wroteInto.push(a ? a.sheet : parseCellAddress(c.cell).sheet);
  }
  for (const x of [read.state.verdictColumns, ...(read.state.noteColumns ?? [])]) if (x) wroteInto.push(x.sheet);
  for (const g of grids) {
    if (own.has(g.sheet) || (g.visibility && g.visibility !== "visible") || !wroteInto.some((s) => sameSheet(s, g.sheet))) continue;
    const used = usedRange(g);
    if (!used) continue;
    for (const [r, cells] of g.rows)
      for (const [c, v] of cells) {
        if (typeof v !== "string" || v.length > 16 || !OUTPUT_LIST.includes(v) || known.has(`${g.sheet}|${r}|${c}`) || isFormulaAt(g, r, c)) continue;
        const found = ownColumnRuns(g, r, used.r1, c, v, isTc8);
        if (found.tc8.some((x) => x !== r && !isBlank(valueAt(g, x, c)))) out.push({ sheet: g.sheet, col: c, header: v, headerRow: r, runs: found.runs });
      }
  }
  return out;
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

/** The state's marks where they are now: through their anchors; a mark whose cell the user deleted is gone. */
function marksNow(read: ReadResult, grids: readonly Grid[]): SavedMark[] {
  return (read.state?.marks ?? []).flatMap((m) => {
    const a = whereNow(read.anchors, m.name);
    if (a === null) return [];
    if (a === undefined) return [m];
    const g = findGrid(grids, a.sheet);
    return g ? [{ ...m, cell: cellAddress(g.sheet, a.range.r0, a.range.c0) }] : [];
  });
}

/** The rows TC8 made taller, where they are now. */
function rowsNow(read: ReadResult, grids: readonly Grid[]): SavedRow[] {
  return (read.state?.rows ?? []).flatMap((r) => {
    const a = whereNow(read.anchors, r.name);
    if (a === null) return [];
    if (a === undefined) return [r];
    const g = findGrid(grids, a.sheet);
    return g ? [{ ...r, sheet: g.sheet, row: a.range.r0 }] : [];
  });
}

/** TC8's columns in a table (by their headers) and its cells in them, checked against what it wrote. */
function ownColumnsOf(g: Grid, t: DetectedTable, isTc8: ReturnType<typeof tc8CellTest>) {
  return t.columns
    .filter((c) => c.output)
    .map((c) => {
      const header = canonicalHeader(cellText(valueAt(g, t.headerLast, c.col)) || c.header);
      return { col: c.col, header, ...ownColumnRuns(g, t.headerLast, t.range.r1, c.col, header, isTc8) };
    });
}

/** Sheet names for TC8's own sheets: its own where they are, else the canonical name, else a free one (with a warning). */
function sheetNamer(grids: readonly Grid[], warnings: Problem[]) {
  const chosen: string[] = [];
  return (existing: string | undefined, base: string): string => {
    if (existing) return existing;
    const name = freeSheetName(base, (n) => grids.some((g) => sameSheet(g.sheet, n)) || chosen.some((c) => sameSheet(c, n)));
    chosen.push(name);
    if (name !== base) warnings.push({ severity: "warning", msg: msg("problem.sheetTaken", { sheet: grids.find((g) => sameSheet(g.sheet, base))?.sheet ?? base, used: name }) });
    return name;
  };
}

export function planEvaluation(read: ReadResult, ev: Evaluation, grids: readonly Grid[], opts: PlanOptions = {}): Plan {
  const lang = opts.lang ?? "vi";
  const at = opts.evaluatedAt ?? new Date();
  const rs = getRuleSet(ev.ruleset.id);
  const prev = read.state;
  const state: Tc8State = { ...emptyState(rs.id), mapping: prev?.mapping ?? {} };
  const plan: Plan = { ...emptyPlan(), unmarks: marksNow(read, grids), restoreRows: rowsNow(read, grids), state };
  const gridOf = (sheet: string) => grids.find((g) => g.sheet === sheet)!;
  const keyOf = rowKeysOf(read, grids);
  const isTc8 = tc8CellTest(prev, keyOf);
  /** Cells TC8 may write over: its own, checked (`sheet|row|col`). */
  const ownCells = new Set<string>();
  /** The headers of TC8's columns in the tables it reads. */
  const known = new Set<string>();
  const written = new Map<string, Set<string>>();
  const writtenCells = new Set<string>();
  const print = printer();
  const writtenRows = new Set<string>();

  const write = (w: CellWrite, header: string) => {
    const g = gridOf(w.sheet);
    // Never over a user's cell: only blank cells (no formula, whatever its value) and TC8's own are written.
    if (isTaken(g, w.row, w.col) && !ownCells.has(`${w.sheet}|${w.row}|${w.col}`)) {
      plan.warnings.push({ severity: "warning", cell: cellAddress(w.sheet, w.row, w.col), msg: msg("problem.cellTaken", {}) });
      return;
    }
    plan.writes.push(w);
    if (typeof w.value === "string" && w.value !== "" && w.row !== -1) {
      let set = written.get(header);
      if (!set) written.set(header, (set = new Set()));
      const valuePrint = print(w.value);
      set.add(valuePrint);
      const key = keyOf(w.sheet, w.row);
      if (typeof key === "string") {
        const keyPrint = print(key);
        writtenCells.add(cellPrint(keyPrint, header, valuePrint));
        writtenRows.add(keyPrint);
      }
    }
  };

  const addColumns = (t: DetectedTable, headers: string[], rows: { row: number; values: { value: string | number | null; style?: StyleName }[] }[]): OutputColumns | undefined => {
    const g = gridOf(t.sheet);
    // TC8's columns are found by their headers wherever the user's edits moved them; in them, the
    // cells still holding what TC8 wrote are cleared (and written again), the user's are left.
    const own = ownColumnsOf(g, t, isTc8);
    for (const oc of own) {
      known.add(`${t.sheet}|${t.headerLast}|${oc.col}`);
      for (const r of oc.tc8) ownCells.add(`${t.sheet}|${r}|${oc.col}`);
      for (const [r0, r1] of oc.runs) plan.clears.push({ sheet: t.sheet, range: { r0, c0: oc.col, r1, c1: oc.col } });
    }
    const byKey = new Map(own.map((oc) => [headerKey(oc.header), oc.col]));
    const inPlace = own.length === headers.length && headers.every((h) => byKey.has(headerKey(h)));
    let colOf: (i: number) => number;
    let fresh: { c0: number; inTable: boolean } | null = null;
    if (inPlace) colOf = (i) => byKey.get(headerKey(headers[i]))!;
    else {
      fresh = placeColumns(g, t, headers.length, (r, c) => ownCells.has(`${t.sheet}|${r}|${c}`));
      if (!fresh) {
        plan.warnings.push({ severity: "warning", cell: cellAddress(t.sheet, t.headerLast, t.range.c1), msg: msg("problem.noRoom", { count: headers.length }) });
        return undefined;
      }
      const c0 = fresh.c0;
      colOf = (i) => c0 + i;
    }
    headers.forEach((h, i) => {
      write({ sheet: t.sheet, row: t.headerLast, col: colOf(i), value: h, style: "header" }, h);
      (state.columns ??= []).push({ cell: cellAddress(t.sheet, t.headerLast, colOf(i)), header: h });
      plan.columnWidths.push({ sheet: t.sheet, col: colOf(i), width: COLUMN_WIDTHS[h] ?? 12 });
    });
    for (const r of rows) r.values.forEach((v, i) => write({ sheet: t.sheet, row: r.row, col: colOf(i), value: v.value, ...(v.style ? { style: v.style } : {}) }, headers[i]));
    const cols = headers.map((_, i) => colOf(i));
    const c0 = Math.min(...cols);
    const c1 = Math.max(...cols);
    if (t.excelTable && fresh?.inTable) {
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
    } else if (t.excelTable && fresh && !fresh.inTable) {
      plan.warnings.push({ severity: "warning", cell: cellAddress(t.sheet, t.headerLast, c0), msg: msg("problem.columnsOutsideTable", { table: t.excelTable }) });
    }
    // Loops, not spreads, over rows: a province has more rows than the stack takes arguments.
    let lastRow = t.headerLast;
    for (const r of rows) if (r.row > lastRow) lastRow = r.row;
    return { sheet: t.sheet, headerRow: t.headerLast, c0, c1, r1: lastRow, ...(t.excelTable ? { excelTable: t.excelTable } : {}) };
  };

  // 1. Verdict columns beside each commune.
  const t = read.communesTable;
  if (t) {
    const headers = verdictHeaders(rs, ev.levels);
    const rows = ev.communes.flatMap((c, i) => (read.communeRows[i]?.table === t ? [{ row: read.communeRows[i].row, values: verdictCells(c, rs, ev.levels, lang) }] : []));
    state.verdictColumns = addColumns(t, headers, rows);
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
    const noteRows = rows.map((r) => {
      const lines = r.commune === null ? [] : entityNotes.get(r.entity.cell!);
      const text = r.commune === null ? "" : lines && lines.length ? lines.join("\n") : render(msg("entity.ok"), lang);
      return { row: r.row, values: [{ value: text, style: "wrap" as StyleName }] };
    });
    const added = addColumns(table, [OUTPUT_HEADERS.note], noteRows);
    if (added) state.noteColumns.push(added);
  }
  // TC8's columns left where a table is no longer read (the user changed its header) go.
  for (const o of orphanColumns(read, grids, isTc8, known)) {
    for (const [r0, r1] of o.runs) plan.clears.push({ sheet: o.sheet, range: { r0, c0: o.col, r1, c1: o.col } });
    // A header the user typed over TC8's is theirs: TC8 lets the column go, and its look on that cell.
    if (o.typedOver) plan.clears.push({ sheet: o.sheet, range: { r0: o.headerRow, c0: o.col, r1: o.headerRow, c1: o.col }, formats: true });
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
  plan.rowHeights = wrappedRowHeights(plan.writes, plan.columnWidths);
  state.marks = plan.marks.map((m) => ({ cell: m.cell, kind: m.kind }));
  state.written = Object.fromEntries([...written].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([h, set]) => [h, [...set].sort()]));
  state.writtenCells = [...writtenCells].sort();
  state.writtenRows = [...writtenRows].sort();

  // 4. The summary and the checklist. A sheet of the user's bearing one of their names, in any
  // letter case, is never replaced: TC8 writes under a free name and finds its sheet again by its anchor.
  const name = sheetNamer(grids, plan.warnings);
  plan.stateSheet = name(read.own.state, STATE_SHEET);
  const summary = { ...summarySheet(ev, rs, lang, at), name: name(read.own.summary, SUMMARY_SHEET) };
  plan.sheets.push(summary);
  let checklist: string;
  if (read.own.checklist && read.checklistSheet) {
    checklist = read.own.checklist;
    const before = prev?.evaluatedAt ? { lang: prev.lang ?? "vi", at: new Date(prev.evaluatedAt) } : undefined;
    const u = checklistUpdate(ev, rs, read.checklistSheet, gridOf(checklist), lang, { ...(before ? { before } : {}), at });
    plan.warnings.push(...u.warnings);
    if (u.update) plan.sheetUpdates.push(u.update);
  } else if (read.own.checklist) {
    // TC8's checklist with no header row TC8 can read any more: the user's now, left as it is.
    checklist = read.own.checklist;
    plan.warnings.push({ severity: "warning", msg: msg("problem.checklistUnreadable", { sheet: checklist, columns: ["Tài liệu kiểm chứng"] }) });
  } else {
    checklist = name(undefined, CHECKLIST_SHEET);
    plan.sheets.push({ ...checklistSheet(ev, rs, [], lang, at), name: checklist });
  }
  state.own = { state: plan.stateSheet, summary: summary.name, checklist };
  state.sheets = [summary.name, checklist];
  state.evaluatedAt = at.toISOString();
  state.lang = lang;
  state.levels = [...ev.levels];
  state.version = STATE_VERSION;
  return plan;
}

/** Minh chứng TC8: an Excel table, one row per commune × level × document; the user's entries kept. */
/** The right part of the checklist's printed page header: the time of the evaluation. */
export function checklistTime(lang: Lang, at: Date): string {
  return `&8${headerFooterText(`${SUMMARY_TEXT[lang].time}: ${formatTime(at)}`)}`;
}

export function checklistSheet(ev: Evaluation, rs: RuleSet, existing: readonly ChecklistEntry[], lang: Lang = "vi", at: Date = new Date()): NewSheet {
  const byKey = new Map(existing.map((e) => [entryKey(e.commune, e.level, e.indicator, e.no), e]));
  const extraHeaders = [...new Set(existing.flatMap((e) => Object.keys(e.values)))].filter((h) => !(CHECKLIST_HEADERS as readonly string[]).includes(h));
  const headers = [...CHECKLIST_HEADERS, ...extraHeaders];
  const cells: SheetCell[] = headers.map((h, col) => ({ row: 0, col, value: h, style: "header" as StyleName }));
  const used = new Set<string>();
  let row = 1;
  // The number beside the document's text centred, so the two never touch.
  const styleOf: (StyleName | undefined)[] = headers.map((_, col) => (col === 0 || col === 2 ? "text" : col === 3 ? "center" : col === 4 || col === 5 ? "wrap" : undefined));
  const putRow = (values: (CellValue | undefined)[]) => {
    // A plain loop and one object per cell: a province's checklist has millions of cells.
    for (let col = 0; col < values.length; col++) {
      const v = values[col];
      const value = v === null || v === undefined ? null : typeof v === "object" ? ("error" in v ? v.error : null) : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : v;
      const style = styleOf[col];
      cells.push(style ? { row, col, value, style } : { row, col, value });
    }
    row++;
  };
  for (const { name, level, ind, doc, key } of checklistWalk(ev.communes, rs)) {
    if (existing.length) used.add(key);
    const e = byKey.get(key);
    const user = (h: string, dflt: CellValue) => (e && h in e.values && !isBlank(e.values[h]) ? e.values[h] : dflt);
    putRow([
      name,
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
      header: { center: `&B${headerFooterText(CHECKLIST_TITLE[lang])}`, left: `&8${headerFooterText(rs.name)}`, right: checklistTime(lang, at) },
      footer: { center: SUMMARY_TEXT[lang].page },
    },
  };
  sheet.rowHeights = fitRowHeights(sheet);
  return sheet;
}

/** The width of each of the checklist's columns, by header (TC8's widths; a column the user added, 20). */
function checklistWidths(cols: ReadonlyMap<string, number>): number[] {
  const out: number[] = [];
  for (const [h, c] of cols) {
    const i = (CHECKLIST_HEADERS as readonly string[]).indexOf(h);
    out[c] = i >= 0 ? CHECKLIST_WIDTHS[i] : 20;
  }
  return Array.from({ length: out.length }, (_, i) => out[i] ?? 8.43);
}

/** The texts of TC8's signature block, in either language. */
const SIGNATURE_TEXTS: ReadonlySet<string> = new Set((["vi", "en"] as const).flatMap((l) => [SUMMARY_TEXT[l].place, SUMMARY_TEXT[l].maker, SUMMARY_TEXT[l].head, SUMMARY_TEXT[l].makerNote, SUMMARY_TEXT[l].headNote]));

/**
 * TC8's signature block under a table: the first cells from `fromRow` down holding exactly one of
 * its texts (a line the user rewrote is theirs), and the merged areas they head. Where the host
 * could not read merged areas, the block's own geometry stands in for them.
 */
function signatureAt(g: Grid, fromRow: number, lastCol: number): { cells: { row: number; col: number }[]; merges: RangeRef[] } {
  const cells: { row: number; col: number }[] = [];
  let first = -1;
  for (const r of filledRowsIn(g, fromRow, MAX_ROWS)) {
    if (first >= 0 && r > first + 2) break;
    for (const c of filledCols(g, r)) {
      const v = valueAt(g, r, c);
      if (typeof v === "string" && SIGNATURE_TEXTS.has(v) && !isFormulaAt(g, r, c)) {
        if (first < 0) first = r;
        cells.push({ row: r, col: c });
      }
    }
  }
  // Its merged areas: those its cells head, and empty ones of its shape under the table (left by an
  // evaluation interrupted after it cleared the block's text).
  const shaped = (m: RangeRef) => m.r0 === m.r1 && m.r0 >= fromRow && ((m.c0 === 0 && m.c1 === 2) || (m.c0 === 5 && m.c1 >= lastCol)) && isBlank(valueAt(g, m.r0, m.c0)) && !isFormulaAt(g, m.r0, m.c0);
  const merges = g.mergesUnknown
    ? cells.map((x) => ({ r0: x.row, c0: x.col, r1: x.row, c1: x.col === 0 ? 2 : lastCol }))
    : g.merges.filter((m) => cells.some((x) => x.row === m.r0 && x.col === m.c0) || (shaped(m) && (!cells.length || m.r0 <= Math.max(...cells.map((x) => x.row)))));
  return { cells, merges };
}

const overlaps = (a: RangeRef, b: RangeRef) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

/**
 * Minh chứng TC8 updated in place (the user's document once created): rows for entries it lacks
 * (new communes) go under the table, which grows over them; an entry's own values (commune, level,
 * indicator, number, document) are written again where they changed; nothing else of the sheet
 * changes. TC8's signature block moves under the grown table. Rows of communes no longer evaluated
 * stay, and a warning says so. When the rows under the table hold the user's cells, no row is added
 * and a warning says how to make room.
 */
export function checklistUpdate(ev: Evaluation, rs: RuleSet, cs: ChecklistSheet, g: Grid, lang: Lang, times?: { before?: { lang: Lang; at: Date }; at: Date }): { update?: SheetUpdate; warnings: Problem[] } {
  const warnings: Problem[] = [];
  if (cs.missingKeys.length) {
    warnings.push({ severity: "warning", msg: msg("problem.checklistUnreadable", { sheet: cs.sheet, columns: cs.missingKeys }) });
    return { warnings };
  }
  const byKey = new Map<string, ChecklistRow>();
  for (const e of cs.entries) {
    const k = entryKey(e.commune, e.level, e.indicator, e.no);
    if (!byKey.has(k)) byKey.set(k, e);
  }
  const update: SheetUpdate = { name: cs.sheet, cells: [], clears: [], unmerges: [], merges: [], validations: [], rowHeights: [] };
  // A value of TC8's written again only where the cell went blank: a text the user changed there
  // (a document's wording made precise, a name retyped) is theirs, and the row is still found by
  // its key (a formula there is the user's too).
  const own = (row: number, header: string, value: string | number) => {
    const col = cs.cols.get(header);
    if (col === undefined || isFormulaAt(g, row, col) || !isBlank(valueAt(g, row, col))) return;
    update.cells.push({ row, col, value, keep: true });
  };
  const used = new Set<string>();
  const fresh: { commune: string; level: LevelId; indicator: string; no: number; text: string; provider: string }[] = [];
  for (const { name, level, ind, doc, key } of checklistWalk(ev.communes, rs)) {
    used.add(key);
    const e = byKey.get(key);
    if (!e) {
      fresh.push({ commune: name, level: level.id, indicator: ind.id, no: doc.no, text: doc.text, provider: doc.provider });
      continue;
    }
    own(e.row, "Xã", name);
    own(e.row, "Cấp", LEVEL_LABELS[level.id]);
    own(e.row, "Chỉ tiêu", ind.id);
    own(e.row, "STT", doc.no);
    own(e.row, "Tài liệu kiểm chứng", doc.text);
  }
  const gone = [...new Set(cs.entries.filter((e) => !used.has(entryKey(e.commune, e.level, e.indicator, e.no))).map((e) => e.commune))];
  if (gone.length) warnings.push({ severity: "warning", msg: msg("problem.checklistKept", { sheet: cs.sheet, communes: gone }) });

  if (fresh.length) {
    const colsUsed = [...cs.cols.values()];
    const c0 = Math.min(cs.table?.range.c0 ?? 0, ...colsUsed);
    const c1 = Math.max(cs.table?.range.c1 ?? 0, ...colsUsed);
    const first = cs.lastRow + 1;
    const last = cs.lastRow + fresh.length;
    // TC8's signature block moves while the user wrote nothing in it (lines missing, say after an
    // interrupted evaluation, come back); a block the user wrote in is theirs.
    const found = signatureAt(g, first, c1);
    const rowsOf = found.cells.map((x) => x.row);
    const written = (r: number) => {
      for (let c = 0; c <= c1; c++) if (isTaken(g, r, c) && !found.cells.some((x) => x.row === r && x.col === c)) return true;
      return false;
    };
    const userWrote = found.cells.length > 0 && filledRowsIn(g, Math.min(...rowsOf), Math.max(...rowsOf)).some(written);
    const sig = (found.cells.length || found.merges.length) && !userWrote ? found : { cells: [], merges: [] };
    const isSig = (r: number, c: number) => sig.cells.some((x) => x.row === r && x.col === c);
    // The rows the new entries need must hold nothing of the user's: TC8's signature moves away, and
    // a value TC8 is about to write there (left by an evaluation interrupted halfway) is TC8's.
    const planned = new Map<string, string | number>();
    fresh.forEach((f, i) => {
      const row = first + i;
      const values: [string, string | number][] = [["Xã", f.commune], ["Cấp", LEVEL_LABELS[f.level]], ["Chỉ tiêu", f.indicator], ["STT", f.no], ["Tài liệu kiểm chứng", f.text], [USER_COLUMNS[0], f.provider], [USER_COLUMNS[1], STATUS_TODO]];
      for (const [h, v] of values) if (cs.cols.has(h)) planned.set(`${row}|${cs.cols.get(h)}`, String(v));
    });
    const tc8Left = (r: number, c: number) => !isFormulaAt(g, r, c) && planned.get(`${r}|${c}`) === cellText(valueAt(g, r, c));
    const area: RangeRef = { r0: first, c0, r1: last, c1 };
    let blocked: { row: number; col: number } | undefined;
    for (const r of filledRowsIn(g, first, last)) {
      for (let c = c0; c <= c1 && !blocked; c++) if (isTaken(g, r, c) && !isSig(r, c) && !tc8Left(r, c)) blocked = { row: r, col: c };
      if (blocked) break;
    }
    if (!blocked) {
      const m = g.merges.find((x) => overlaps(x, area) && !sig.merges.some((y) => y.r0 === x.r0 && y.c0 === x.c0 && y.r1 === x.r1 && y.c1 === x.c1));
      if (m) blocked = { row: m.r0, col: m.c0 };
    }
    if (blocked) {
      warnings.push({ severity: "warning", cell: cellAddress(cs.sheet, blocked.row, blocked.col), msg: msg("problem.checklistNoRoom", { sheet: cs.sheet, count: fresh.length }) });
    } else {
      // The whole of its merged areas: their other cells carry the block's look too.
      update.clears.push(...sig.cells.filter((x) => !sig.merges.some((m) => contains(m, x.row, x.col))).map((x) => ({ r0: x.row, c0: x.col, r1: x.row, c1: x.col })), ...sig.merges);
      update.unmerges.push(...sig.merges);
      const added: SheetCell[] = [];
      const put = (row: number, header: string, value: string | number | null, style?: StyleName) => {
        const col = cs.cols.get(header);
        if (col !== undefined) added.push({ row, col, value, ...(style ? { style } : {}) });
      };
      fresh.forEach((f, i) => {
        const row = first + i;
        put(row, "Xã", f.commune, "text");
        put(row, "Cấp", LEVEL_LABELS[f.level]);
        put(row, "Chỉ tiêu", f.indicator, "text");
        put(row, "STT", f.no);
        put(row, "Tài liệu kiểm chứng", f.text, "wrap");
        put(row, USER_COLUMNS[0], f.provider, "wrap");
        put(row, USER_COLUMNS[1], STATUS_TODO);
        put(row, USER_COLUMNS[2], null);
        put(row, USER_COLUMNS[3], null);
      });
      if (cs.table && cs.table.range.r1 < last) update.table = { name: cs.table.name, range: { ...cs.table.range, r1: last } };
      const statusCol = cs.cols.get("Tình trạng");
      if (statusCol !== undefined) update.validations.push({ range: { r0: first, c0: statusCol, r1: last, c1: statusCol }, list: [STATUS_DONE, STATUS_TODO] });
      // The signature block under the grown table, where nothing of the user's is in its way.
      const sigRow = last + 2;
      const sigArea: RangeRef = { r0: sigRow, c0: 0, r1: sigRow + 2, c1 };
      const sigFree =
        filledRowsIn(g, sigArea.r0, sigArea.r1).every((r) => {
          for (let c = 0; c <= c1; c++) if (isTaken(g, r, c) && !isSig(r, c)) return false;
          return true;
        }) && !g.merges.some((x) => overlaps(x, sigArea) && !sig.merges.includes(x));
      const merges: RangeRef[] = [];
      if (sigFree && (sig.cells.length || sig.merges.length)) signatureBlock(added, merges, sigRow, c1, lang, Math.min(5, c1));
      for (const c of added) update.cells.push(c);
      update.merges.push(...merges);
      update.rowHeights = fitRowHeights({ cells: added, merges, columnWidths: checklistWidths(cs.cols) });
    }
  }
  // The time in the printed page header, while it is the one TC8 wrote last time.
  if (times?.before) {
    const before = checklistTime(times.before.lang, times.before.at);
    const after = checklistTime(lang, times.at);
    if (before !== after) update.headerRight = { before, after };
  }
  const changed = update.cells.length || update.clears.length || update.table || update.headerRight;
  return { ...(changed ? { update } : {}), warnings };
}

/** The checklist's title, in its printed pages' header (the table starts at A1, where filters work best). */
export const CHECKLIST_TITLE = { vi: "DANH MỤC TÀI LIỆU KIỂM CHỨNG TIÊU CHÍ SỐ 8 – THÔNG TIN VÀ TRUYỀN THÔNG", en: "DANH MỤC TÀI LIỆU KIỂM CHỨNG TIÊU CHÍ SỐ 8 – evidence documents" } as const;
const CHECKLIST_WIDTHS = [22, 14, 9, 6, 70, 36, 12, 26, 30];

/**
 * Clear results (docs/output.md): TC8's columns, notes and sheets go, marked cells get their own formatting
 * back. TC8's columns are found by their headers and its marks by their anchors, wherever the user's
 * edits moved them; a cell is cleared or restored only while it holds what TC8 put there.
 */
export function planClear(read: ReadResult, grids: readonly Grid[], opts: { removeChecklist: boolean }): Plan {
  const prev = read.state;
  const state: Tc8State = { ...emptyState(prev?.ruleset ?? getRuleSet().id), mapping: prev?.mapping ?? {} };
  const plan: Plan = { ...emptyPlan(), unmarks: marksNow(read, grids), restoreRows: rowsNow(read, grids), state };
  const isTc8 = tc8CellTest(prev, rowKeysOf(read, grids));
  const known = new Set<string>();
  for (const t of read.tables) {
    const g = grids.find((x) => x.sheet === t.sheet)!;
    const own = ownColumnsOf(g, t, isTc8);
    if (!own.length) continue;
    for (const oc of own) known.add(`${t.sheet}|${t.headerLast}|${oc.col}`);
    for (const oc of own) for (const [r0, r1] of oc.runs) plan.clears.push({ sheet: t.sheet, range: { r0, c0: oc.col, r1, c1: oc.col } });
    // A value the user typed over TC8's in one of its columns stays, without TC8's look.
    const rows = new Set(t.dataRows);
    for (const oc of own) for (const r of oc.user) if (rows.has(r)) plan.clears.push({ sheet: t.sheet, range: { r0: r, c0: oc.col, r1: r, c1: oc.col }, formats: true });
    for (const oc of own)
      if (oc.user.length)
        plan.warnings.push({ severity: "warning", cell: cellAddress(t.sheet, oc.user[0], oc.col), msg: msg("problem.keptOnClear", { count: oc.user.length, header: oc.header }) });
    // An Excel table gives back the columns TC8 added at its end.
    if (t.excelTable) {
      const ownCols = new Set(own.map((oc) => oc.col));
      let c1 = t.range.c1;
      while (c1 > t.range.c0 && ownCols.has(c1) && !own.find((oc) => oc.col === c1)!.user.length) c1--;
      if (c1 < t.range.c1)
        plan.tableResizes.push({ sheet: t.sheet, table: t.excelTable, range: { ...t.range, c1 }, headers: [], removeHeaders: t.columns.filter((x) => x.col > c1).map((x) => x.header) });
    }
  }
  for (const o of orphanColumns(read, grids, isTc8, known)) {
    for (const [r0, r1] of o.runs) plan.clears.push({ sheet: o.sheet, range: { r0, c0: o.col, r1, c1: o.col } });
    // The header the user typed over TC8's stays, without TC8's look.
    if (o.typedOver) plan.clears.push({ sheet: o.sheet, range: { r0: o.headerRow, c0: o.col, r1: o.headerRow, c1: o.col }, formats: true });
  }
  if (read.own.summary) plan.deleteSheets.push(read.own.summary);
  if (read.own.checklist && opts.removeChecklist) plan.deleteSheets.push(read.own.checklist);
  else if (read.own.checklist) state.sheets = [read.own.checklist];
  plan.stateSheet = sheetNamer(grids, plan.warnings)(read.own.state, STATE_SHEET);
  state.own = { state: plan.stateSheet, ...(read.own.checklist && !opts.removeChecklist ? { checklist: read.own.checklist } : {}) };
  return plan;
}
