/**
 * Finding the communes, villages and postal-points tables (docs/input.md §2): an Excel table or a
 * sheet's used range; the header row among the first 15 rows, on one row or two (a merged group
 * over sub-headers); titles above, column-number and total rows below, are skipped.
 */
import { fieldsOf, type TableKind } from "../fields";
import type { RuleSet } from "../ruleset/types";
import {
  type CellValue,
  type Grid,
  type RangeRef,
  contains,
  filledCols,
  filledRowsIn,
  isBlank,
  isError,
  usedRange,
  valueAt,
} from "../shared/grid";
import { isOutputHeader, isRowNumberHeader, matchHeader } from "./headers";
import { fold, headerKey } from "../shared/normalize";
import { EXAMPLE_MARK } from "../state/own";

export const HEADER_SEARCH_ROWS = 15;

export interface DetectedColumn {
  col: number;
  /** The field the header names, or null when the matcher cannot place it (left alone). */
  key: string | null;
  /** The header as shown: "group / sub" for two-row headers. */
  header: string;
  /** Where the key came from: the header matcher, or the user's mapping in the task pane. */
  source: "header" | "mapping" | "none";
  /** One of TC8's own output columns (8.1 NTM…, Ghi chú TC8). */
  output?: boolean;
  /** A row-number column (STT). */
  rowNumber?: boolean;
}

export interface DetectedTable {
  kind: TableKind;
  sheet: string;
  /** The Excel table's name, when the table is one. */
  excelTable?: string;
  /** Header rows and data rows, first to last column. */
  range: RangeRef;
  headerFirst: number;
  headerLast: number;
  columns: DetectedColumn[];
  /** Absolute data rows, after the skip rules. */
  dataRows: number[];
  /** Title text above the header (for placing a table that has no commune column). */
  title: string;
}

/** User corrections of the column mapping, by sheet and header key; null means "ignore this column". */
export type MappingOverrides = Readonly<Record<string, Readonly<Record<string, string | null>>>>;

export function mappingKey(header: string): string {
  return headerKey(header);
}

export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (isError(v)) return v.error;
  return String(v).trim();
}

/** The value at a position, a merged area's top-left value standing in for all its cells. */
function filledValue(g: Grid, row: number, col: number): CellValue {
  const m = g.merges.find((r) => contains(r, row, col));
  return m ? valueAt(g, m.r0, m.c0) : valueAt(g, row, col);
}

interface HeaderCandidate {
  kind: TableKind;
  first: number;
  last: number;
  columns: DetectedColumn[];
  score: number;
}

const IDENTITY: Record<TableKind, string> = { communes: "commune", villages: "village", postal: "postal_point" };

function tryHeader(rs: RuleSet, g: Grid, cols: readonly number[], first: number, last: number): HeaderCandidate | null {
  let best: HeaderCandidate | null = null;
  for (const kind of ["villages", "postal", "communes"] as const) {
    const columns: DetectedColumn[] = [];
    const seen = new Set<string>();
    let carried = "";
    let prevCol = -2;
    for (const c of cols) {
      // An empty column between two headers ends a group carried over unmerged cells.
      if (c !== prevCol + 1) carried = "";
      prevCol = c;
      const sub = cellText(filledValue(g, last, c));
      let group = first < last ? cellText(filledValue(g, first, c)) : "";
      if (g.mergesUnknown && first < last) {
        if (group) carried = group;
        else if (sub && carried) group = carried;
        else carried = "";
      }
      const header = group && group !== sub ? (sub ? `${group} / ${sub}` : group) : sub;
      if (isOutputHeader(sub)) {
        columns.push({ col: c, key: null, header, source: "none", output: true });
        continue;
      }
      const f = matchHeader(rs, kind, sub, group || undefined);
      const key = f && !seen.has(f.key) ? f.key : null;
      if (key) seen.add(key);
      columns.push({
        col: c,
        key,
        header,
        source: key ? "header" : "none",
        ...(isRowNumberHeader(sub || group) ? { rowNumber: true } : {}),
      });
    }
    if (!seen.has(IDENTITY[kind])) continue;
    // The names of the other kinds decide: a sheet with a village column is a villages table.
    if (kind === "communes" && (seen.has("village") || seen.has("postal_point"))) continue;
    const score = seen.size;
    if (score < 2) continue;
    if (!best || score > best.score) best = { kind, first, last, columns, score };
  }
  return best;
}

// "Tổng cộng", "Tổng số", "Cộng", "Toàn huyện"… alone or followed by ":", "(", "-"; "Cộng huyện Bình
// Gia", "Tổng cộng huyện …" (a subtotal). Not "Cộng Hòa", a commune's name.
const TOTAL_ROW =
  /^(tong cong|tong so|tong|cong|toan huyen|toan tinh|toan thanh pho|toan thi xa|toan xa|total|subtotal)(\s*$|\s*[:(\-–]|\s+(huyen|thanh pho|tp|thi xa|tx|toan|cac xa|khu vuc|vung|nhom)\b)/;

export function isTotalText(s: string): boolean {
  return TOTAL_ROW.test(fold(s).trim());
}

/** A row's name, folded and trimmed once for the tests below (a district has tens of thousands of rows). */
const foldedName = (s: string) => (s ? fold(s).trim() : "");

const COLUMN_NUMBER = /^\(?\d{1,3}\)?$/;

/** "1 2 3…" or "(1) (2) (3)…" under the headers. */
function isColumnNumberRow(values: CellValue[]): boolean {
  // A plain loop that stops at the first filled cell that is no number: a district has tens of thousands of rows.
  let filled = 0;
  let prev = -Infinity;
  for (const v of values) {
    if (isBlank(v)) continue;
    filled++;
    const s = cellText(v);
    if (!COLUMN_NUMBER.test(s)) return false;
    const n = Number(s.replace(/[()]/g, ""));
    if (n <= prev) return false;
    prev = n;
  }
  return filled >= 2;
}

/** Lines under a form's table: who made it, who signs, the place and date, notes. */
const FOOTER =
  /^(nguoi lap( bieu)?|thu truong|lanh dao|ky ten|xac nhan|ghi chu|chu thich|luu y|nguon( so lieu)?|cap nhat|so lieu (tinh )?den|noi nhan|kinh gui|t\/m|tm |kt\.?|ngay\s.*thang|.*, ngay\s.*thang)/;

export function isFooterText(s: string): boolean {
  return FOOTER.test(fold(s).trim());
}

/** A group's heading inside a table ("Huyện Bình Gia", "I. Khu vực miền núi") when its row holds no figures. */
const GROUP_HEADING = /^(huyen|thanh pho|tp|thi xa|tx|khu vuc|vung|nhom|[ivx]+[.)]|[a-d][.)])(\s|$)/;

/** Columns that hold a row's figures, not who or where it is: the identity columns, the area, and the rule set's text fields. */
const NOT_FIGURES = new Set(["commune", "village", "postal_point", "district", "code", "area"]);
const textKeys = (rs: RuleSet): Set<string> =>
  new Set(Object.values(fieldsOf(rs)).flatMap((list) => list.filter((f) => f.type === "text").map((f) => f.key)));

const EXAMPLE_FOLDED = fold(EXAMPLE_MARK);

export function isExampleName(s: string): boolean {
  return fold(s).trim().endsWith(EXAMPLE_FOLDED);
}

/** The first cell's text that is not empty (only needed for a row without a name). */
function firstTextOf(values: readonly CellValue[]): string {
  for (const v of values) {
    const s = cellText(v);
    if (s !== "") return s;
  }
  return "";
}

function dataRowsOf(
  g: Grid,
  area: RangeRef,
  headerLast: number,
  columns: DetectedColumn[],
  identityCol: number,
  notFigures: ReadonlySet<string>,
): number[] {
  const rows: number[] = [];
  const figures = columns.map(
    (c) => !!c.key && !NOT_FIGURES.has(c.key) && !notFigures.has(c.key) && !c.output && !c.rowNumber,
  );
  const figuresIn = (values: CellValue[]) => {
    let n = 0;
    for (let i = 0; i < values.length; i++) if (figures[i] && !isBlank(values[i])) n++;
    return n;
  };
  const filled: number[] = [];
  const tally: number[] = [];
  let afterTotal = false;
  let lastRow = -1;
  for (const r of filledRowsIn(g, headerLast + 1, area.r1)) {
    // One lookup of the row, then of its cells: a district's villages sheet has tens of thousands of rows.
    const cells = g.rows.get(r);
    const values: CellValue[] = new Array(columns.length);
    let any = false;
    for (let i = 0; i < columns.length; i++) {
      const v = cells?.get(columns[i].col) ?? null;
      values[i] = v;
      if (!any && !isBlank(v)) any = true;
    }
    if (!any) continue;
    if (isColumnNumberRow(values)) continue;
    const name = cellText(valueAt(g, r, identityCol));
    const folded = foldedName(name);
    // The template's example rows ("Xã Mẫu (ví dụ)") show how to fill in; they are not data.
    if (folded.endsWith(EXAMPLE_FOLDED)) continue;
    const firstText = name ? "" : foldedName(firstTextOf(values));
    // Totals and subtotals ("Cộng huyện …") are not communes; the rows after a subtotal are.
    if (TOTAL_ROW.test(folded) || (!name && TOTAL_ROW.test(firstText))) {
      afterTotal = true;
      continue;
    }
    if (FOOTER.test(folded) || (!name && FOOTER.test(firstText))) continue;
    // A row with only its row number (STT) filled is an empty line of a form.
    if (columns.every((c, i) => c.rowNumber || c.output || isBlank(values[i]))) continue;
    const n = figuresIn(values);
    if (n === 0 && GROUP_HEADING.test(folded)) continue;
    // After a total, a row is read when it looks like the rows above it (a name and figures);
    // the form's footer (signers' names, notes) does not.
    // The median count of figures so far, from a tally per count (a row has at most as many
    // figures as columns): sorting on every row made a table with subtotals quadratic.
    const typical = () => {
      if (!filled.length) return 1;
      const half = Math.floor(filled.length / 2);
      let seen = 0;
      for (let k = 0; k < tally.length; k++) if ((seen += tally[k] ?? 0) > half) return k;
      return 1;
    };
    if (afterTotal) {
      if (!name || n < Math.max(1, Math.min(2, typical()))) continue;
    }
    // A line of text under the table, after a blank row ("Cập nhật: 20/11/2024"), is a note, not a
    // commune, when the rows above hold figures and it holds none.
    if (lastRow >= 0 && r > lastRow + 1 && n === 0 && typical() > 0) continue;
    filled.push(n);
    tally[n] = (tally[n] ?? 0) + 1;
    rows.push(r);
    lastRow = r;
  }
  return rows;
}

/**
 * The columns a header can be in: every column of an Excel table; in a used range, the columns
 * holding something in the rows searched for the header (or under a merge there), so a sheet's
 * cost follows what it holds, not how wide it is.
 */
function headerColumns(g: Grid, area: RangeRef, lastRow: number, whole: boolean): number[] {
  if (whole) return Array.from({ length: area.c1 - area.c0 + 1 }, (_, i) => area.c0 + i);
  const cols = new Set<number>();
  for (const r of filledRowsIn(g, area.r0, lastRow))
    for (const c of filledCols(g, r)) if (c >= area.c0 && c <= area.c1) cols.add(c);
  for (const m of g.merges)
    if (m.r1 >= area.r0 && m.r0 <= lastRow)
      for (let c = Math.max(m.c0, area.c0); c <= Math.min(m.c1, area.c1); c++) cols.add(c);
  return [...cols].sort((a, b) => a - b);
}

function detectIn(
  rs: RuleSet,
  g: Grid,
  area: RangeRef,
  excelTable: { name: string; showHeaders: boolean } | undefined,
  mapping: MappingOverrides | undefined,
): DetectedTable | null {
  let best: HeaderCandidate | null = null;
  const lastCandidate = excelTable?.showHeaders ? area.r0 : Math.min(area.r0 + HEADER_SEARCH_ROWS - 1, area.r1);
  const cols = headerColumns(g, area, lastCandidate, !!excelTable);
  for (let h = area.r0; h <= lastCandidate; h++) {
    for (const first of h > area.r0 ? [h, h - 1] : [h]) {
      const cand = tryHeader(rs, g, cols, first, h);
      // More matched columns win; on a tie the one-row header, then the earlier row.
      if (cand && (!best || cand.score > best.score)) best = cand;
    }
  }
  if (!best) return null;
  const sheetMapping = mapping?.[g.sheet];
  if (sheetMapping) {
    for (const c of best.columns) {
      const k = mappingKey(c.header);
      if (k in sheetMapping) {
        const key = sheetMapping[k];
        for (const other of best.columns)
          if (key && other !== c && other.key === key) Object.assign(other, { key: null, source: "none" });
        Object.assign(c, { key, source: key ? "mapping" : "none" });
      }
    }
  }
  const identityCol = best.columns.find((c) => c.key === IDENTITY[best!.kind])?.col ?? area.c0;
  const title: string[] = [];
  for (const r of filledRowsIn(g, Math.max(0, best.first - HEADER_SEARCH_ROWS), best.first - 1))
    for (const c of filledCols(g, r)) {
      if (c < area.c0 || c > area.c1) continue;
      const t = cellText(valueAt(g, r, c));
      if (t) title.push(t);
    }
  // A sheet's used range ends at its last headed column: a stray value far to the right (XFD) is
  // not part of the table, and TC8's columns go right after the headers.
  const headed = best.columns.filter((c) => c.header !== "");
  const c1 = excelTable ? area.c1 : Math.max(area.c0, ...headed.map((c) => c.col));
  return {
    kind: best.kind,
    sheet: g.sheet,
    excelTable: excelTable?.name,
    range: { r0: best.first, c0: area.c0, r1: area.r1, c1 },
    headerFirst: best.first,
    headerLast: best.last,
    columns: best.columns.filter((c) => c.col <= c1),
    dataRows: dataRowsOf(g, area, best.last, best.columns, identityCol, textKeys(rs)),
    title: title.join(" "),
  };
}

/** Every communes, villages and postal-points table of the readable sheets, in workbook order; headers are matched against the rule set's fields. */
export function detectTables(
  grids: readonly Grid[],
  opts: { ruleset: RuleSet; skipSheets?: ReadonlySet<string>; mapping?: MappingOverrides },
): DetectedTable[] {
  const out: DetectedTable[] = [];
  for (const g of grids) {
    if (opts.skipSheets?.has(g.sheet) || (g.visibility && g.visibility !== "visible")) continue;
    if (g.tables.length) {
      for (const t of g.tables) {
        const d = detectIn(opts.ruleset, g, t.range, { name: t.name, showHeaders: t.showHeaders }, opts.mapping);
        if (d) out.push(d);
      }
      continue;
    }
    const used = usedRange(g);
    if (!used) continue;
    // The used range starts at column A or the first filled column; headers may not start at A.
    const d = detectIn(opts.ruleset, g, used, undefined, opts.mapping);
    if (d) out.push(d);
  }
  return out;
}

export function columnOf(t: DetectedTable, key: string): DetectedColumn | undefined {
  return t.columns.find((c) => c.key === key);
}
