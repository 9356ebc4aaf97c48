/**
 * What a host reads from a workbook in one batch, per sheet: values, number formats, merged
 * areas, Excel tables. Plain data, so the Office.js host and the .xlsx host feed the same reader.
 * Rows and columns are 0-based and absolute (A1 is row 0, column 0).
 */

/** A cell's value as a host reads it. Errors (#DIV/0!, #N/A…) are kept apart from text. */
export type CellValue = string | number | boolean | null | { error: string };

export interface RangeRef {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface GridTable {
  /** The Excel table's name (ListObject). */
  name: string;
  /** The table's whole range, header row included. */
  range: RangeRef;
  showHeaders: boolean;
}

export interface Grid {
  sheet: string;
  /** Hidden or very hidden sheets are not read as input. */
  visibility?: "visible" | "hidden" | "veryHidden";
  /** The top-left cell of `values` (the used range's). */
  origin: { row: number; col: number };
  values: CellValue[][];
  /** Number formats, the same shape as `values`, where the host has them. */
  numberFormats?: (string | null)[][];
  merges: RangeRef[];
  /**
   * The host could not read merged areas (before ExcelApi 1.13): a group header's text is carried
   * right over the empty cells beside it, as a merge across them would show it.
   */
  mergesUnknown?: boolean;
  tables: GridTable[];
}

export function isError(v: CellValue): v is { error: string } {
  return typeof v === "object" && v !== null && "error" in v;
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** The value at an absolute position, or null outside what was read. */
export function valueAt(g: Grid, row: number, col: number): CellValue {
  const r = g.values[row - g.origin.row];
  if (!r) return null;
  const v = r[col - g.origin.col];
  return v === undefined ? null : v;
}

export function numberFormatAt(g: Grid, row: number, col: number): string | null {
  return g.numberFormats?.[row - g.origin.row]?.[col - g.origin.col] ?? null;
}

/** The last row and column holding anything (the used range). */
export function usedRange(g: Grid): RangeRef | null {
  let r1 = -1;
  let c1 = -1;
  let r0 = Infinity;
  let c0 = Infinity;
  g.values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (isBlank(v)) return;
      r0 = Math.min(r0, i + g.origin.row);
      c0 = Math.min(c0, j + g.origin.col);
      r1 = Math.max(r1, i + g.origin.row);
      c1 = Math.max(c1, j + g.origin.col);
    }),
  );
  return r1 < 0 ? null : { r0, c0, r1, c1 };
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function colLetter(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function a1(row: number, col: number): string {
  return `${colLetter(col)}${row + 1}`;
}

export function rangeA1(r: RangeRef): string {
  return `${a1(r.r0, r.c0)}:${a1(r.r1, r.c1)}`;
}

/** Parses "B5" or "D4:J4" (with or without $). */
export function parseRange(ref: string): RangeRef {
  const [a, b] = ref.replace(/\$/g, "").split(":");
  const p = (s: string) => {
    const m = /^([A-Za-z]+)(\d+)$/.exec(s.trim());
    if (!m) throw new Error(`not a cell reference: ${s}`);
    return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
  };
  const s = p(a);
  const e = b ? p(b) : s;
  return { r0: Math.min(s.row, e.row), c0: Math.min(s.col, e.col), r1: Math.max(s.row, e.row), c1: Math.max(s.col, e.col) };
}

/** A sheet name as Excel quotes it in references: 'Thôn bản'!B5. Always quoted, as SPEC §6 shows. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

export function cellAddress(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!${a1(row, col)}`;
}

/** Splits 'Sheet'!B5 into its sheet and position. */
export function parseCellAddress(addr: string): { sheet: string; row: number; col: number } {
  const m = /^'((?:[^']|'')*)'!([A-Za-z]+\d+)$/.exec(addr) ?? /^([^!]+)!([A-Za-z]+\d+)$/.exec(addr);
  if (!m) throw new Error(`not a cell address: ${addr}`);
  const r = parseRange(m[2]);
  return { sheet: m[1].replace(/''/g, "'"), row: r.r0, col: r.c0 };
}

export function contains(r: RangeRef, row: number, col: number): boolean {
  return row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1;
}
