/**
 * The plan of changes, as plain data: what the core hands a host to apply (docs/output.md §9a).
 * Every host implements the same steps over it (apply.ts).
 */
import type { Problem } from "../engine/types";
import type { Lang } from "../ruleset/types";
import { type RangeRef, parseCellAddress } from "../shared/grid";
import { STATE_SHEET } from "../state/own";
import { type SavedMark, type SavedRow, type Tc8State, emptyState } from "../state/state";

export type StyleName =
  | "pass"
  | "fail"
  | "missing"
  | "header"
  | "title"
  | "subtitle"
  | "wrap"
  | "text"
  | "cell"
  | "number"
  | "strong"
  | "center"
  | "sign"
  | "signNote"
  | "example";

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

/** A new sheet's cells, `rows` made into cells in their place (for hosts that take cells one by one). */
export function sheetCells(spec: Pick<NewSheet, "cells" | "rows">): SheetCell[] {
  const rows = spec.rows;
  if (!rows) return spec.cells;
  const out = spec.cells.filter((c) => c.row < rows.r0);
  for (let k = 0; k < rows.values.length; k++) {
    const row = rows.r0 + k;
    const values = rows.values[k];
    for (let col = 0; col < values.length; col++) {
      const style = rows.styles[col];
      out.push(style ? { row, col, value: values[col], style } : { row, col, value: values[col] });
    }
  }
  for (const c of spec.cells) if (c.row >= rows.r0) out.push(c);
  return out;
}

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

/**
 * Rows of plain values from row `r0` down, one style per column: cell (r0 + i, j) holds
 * `values[i][j]` (null: an empty cell that still takes its column's style). A province's checklist
 * is millions of cells; this form makes no object per cell (docs/performance.md).
 */
export interface SheetRows {
  r0: number;
  styles: (StyleName | undefined)[];
  values: (string | number | null)[][];
}

export interface NewSheet {
  name: string;
  /** In row order around `rows`' rows, none of them inside those rows. */
  cells: SheetCell[];
  /** The sheet's body, beside `cells`. */
  rows?: SheetRows;
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

/** Why a host wrote nothing: a sheet it would change, or the structure it would add sheets to, is protected. */
export interface Refusal {
  reason: "sheetProtected" | "workbookProtected";
  sheet?: string;
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

/** A plan that changes nothing; its state names the rule set `ruleset` (the id kept in the workbook's state). */
export function emptyPlan(ruleset: string): Plan {
  return {
    writes: [],
    columnWidths: [],
    clears: [],
    tableResizes: [],
    unmarks: [],
    marks: [],
    sheets: [],
    sheetUpdates: [],
    deleteSheets: [],
    stateSheet: STATE_SHEET,
    state: emptyState(ruleset),
    warnings: [],
  };
}
