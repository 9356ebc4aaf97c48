/**
 * What a host reads from a workbook in one batch, per sheet: values, number formats, formulas,
 * merged areas, Excel tables. Plain data, so the Office.js host and the .xlsx host feed the same
 * reader. Rows and columns are 0-based and absolute (A1 is row 0, column 0).
 */

/** A cell's value as a host reads it. Errors (#DIV/0!, #N/A…) are kept apart from text. */
export type CellValue = string | number | boolean | null | { error: string };

/** Excel's sheet size: 1,048,576 rows, 16,384 columns (A…XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

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
  /**
   * The cells that hold something, by absolute row, then absolute column. Sparse, so that reading
   * costs what the sheet holds, not its declared size: a stray value in XFD1048576 is one entry.
   * Blank cells are absent (a formula whose value is blank is in `formulas` only).
   */
  rows: Map<number, Map<number, CellValue>>;
  /** Number formats other than General, by row then column, where the host has them. */
  numberFormats?: Map<number, Map<number, string>>;
  /** Cells holding a formula (the user's, whatever its value), by row then column. */
  formulas?: Map<number, Set<number>>;
  merges: RangeRef[];
  /**
   * The host could not read merged areas (before ExcelApi 1.13): a group header's text is carried
   * right over the empty cells beside it, as a merge across them would show it.
   */
  mergesUnknown?: boolean;
  tables: GridTable[];
}

/**
 * A defined name of the workbook, as a host reads it: Excel and LibreOffice move a name's reference
 * with the cells when rows or columns are inserted or deleted and when its sheet is renamed, which
 * is how TC8 finds what it wrote again (anchors.ts).
 */
export interface DefinedName {
  name: string;
  /** The reference, without a leading "=": 'Xã'!$E$5, Xã!$5:$5, #REF!. */
  formula: string;
  hidden?: boolean;
  /** The sheet a name is scoped to; absent for a name of the whole workbook. */
  scope?: string;
}

/** Everything the pipeline reads: each sheet's grid and the workbook's defined names. */
export interface WorkbookInput {
  grids: Grid[];
  names?: DefinedName[];
}

/** A sheet name as Excel compares them: letter case and Unicode normalisation do not matter. */
export function sheetKey(name: string): string {
  return name.normalize("NFC").toLowerCase();
}

export function sameSheet(a: string, b: string): boolean {
  return a === b || sheetKey(a) === sheetKey(b);
}

/** The grid of a sheet, by its exact name, else as Excel compares names. */
export function findGrid<G extends Pick<Grid, "sheet">>(grids: readonly G[], sheet: string): G | undefined {
  return grids.find((g) => g.sheet === sheet) ?? grids.find((g) => sameSheet(g.sheet, sheet));
}

/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;

/** `base`, or `base (2)`, `base (3)`… : the first name no sheet has, as Excel compares names. */
export function freeSheetName(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = `${base.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!taken(name)) return name;
  }
}

export function isError(v: CellValue): v is { error: string } {
  return typeof v === "object" && v !== null && "error" in v;
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** An empty grid, to be filled with `setCell`. */
export function emptyGrid(sheet: string, extra: Partial<Omit<Grid, "sheet">> = {}): Grid {
  return { sheet, rows: new Map(), merges: [], tables: [], ...extra };
}

/** Puts a cell into a grid; blank values are left out (a formula is recorded whatever its value). */
export function setCell(
  g: Grid,
  row: number,
  col: number,
  value: CellValue,
  numberFormat?: string | null,
  formula?: boolean,
): void {
  if (!isBlank(value)) {
    let r = g.rows.get(row);
    if (!r) g.rows.set(row, (r = new Map()));
    r.set(col, value);
  }
  if (numberFormat && numberFormat !== "General") {
    g.numberFormats ??= new Map();
    let r = g.numberFormats.get(row);
    if (!r) g.numberFormats.set(row, (r = new Map()));
    r.set(col, numberFormat);
  }
  if (formula) {
    g.formulas ??= new Map();
    let r = g.formulas.get(row);
    if (!r) g.formulas.set(row, (r = new Set()));
    r.add(col);
  }
  sortedCache.delete(g);
}

/** Where a dense block of cells starts, and its number formats and formulas, shaped like its values. */
export interface BlockOptions {
  row0?: number;
  col0?: number;
  numberFormats?: readonly (readonly (string | null | undefined)[])[];
  formulas?: readonly (readonly boolean[])[];
}

/**
 * A grid from a dense block of values whose top-left cell is (`row0`, `col0`), as hosts read a used
 * range; `numberFormats` and `formulas` have the same shape where given.
 */
export function gridFromBlock(
  sheet: string,
  values: readonly (readonly CellValue[])[],
  opts: BlockOptions & { extra?: Partial<Omit<Grid, "sheet" | "rows">> } = {},
): Grid {
  const g = emptyGrid(sheet, opts.extra);
  addBlock(g, values, opts);
  return g;
}

/** Adds a dense block of cells to a grid (a host reading a used range in row blocks). */
export function addBlock(g: Grid, values: readonly (readonly CellValue[])[], opts: BlockOptions = {}): void {
  const row0 = opts.row0 ?? 0;
  const col0 = opts.col0 ?? 0;
  values.forEach((r, i) =>
    r.forEach((v, j) => {
      const f = opts.numberFormats?.[i]?.[j];
      const fx = opts.formulas?.[i]?.[j];
      if (!isBlank(v) || (f && f !== "General") || fx) setCell(g, row0 + i, col0 + j, v, f, fx);
    }),
  );
}

/** The value at an absolute position, or null where the cell is blank. */
export function valueAt(g: Grid, row: number, col: number): CellValue {
  return g.rows.get(row)?.get(col) ?? null;
}

export function numberFormatAt(g: Grid, row: number, col: number): string | null {
  return g.numberFormats?.get(row)?.get(col) ?? null;
}

/** Whether the cell holds a formula: the user's, whatever its value (never written over). */
export function isFormulaAt(g: Grid, row: number, col: number): boolean {
  return !!g.formulas?.get(row)?.has(col);
}

/** A cell the user filled: a value, or a formula even when its value is blank. */
export function isTaken(g: Grid, row: number, col: number): boolean {
  return !isBlank(valueAt(g, row, col)) || isFormulaAt(g, row, col);
}

const sortedCache = new WeakMap<Grid, number[]>();

/** The rows holding a value or a formula, in order. */
export function filledRows(g: Grid): readonly number[] {
  let rows = sortedCache.get(g);
  if (!rows) {
    rows = [...new Set([...g.rows.keys(), ...(g.formulas?.keys() ?? [])])].sort((a, b) => a - b);
    sortedCache.set(g, rows);
  }
  return rows;
}

/** The filled rows from `r0` to `r1`, in order (binary search: a table's rows cost what they hold). */
export function filledRowsIn(g: Grid, r0: number, r1: number): readonly number[] {
  const rows = filledRows(g);
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid] < r0) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < rows.length && rows[i] <= r1; i++) out.push(rows[i]);
  return out;
}

/** The columns of a row holding a value, in order. */
export function filledCols(g: Grid, row: number): number[] {
  const r = g.rows.get(row);
  return r ? [...r.keys()].sort((a, b) => a - b) : [];
}

/** Whether the grid holds no value at all. */
export function isEmptyGrid(g: Grid): boolean {
  for (const r of g.rows.values()) for (const v of r.values()) if (!isBlank(v)) return false;
  return true;
}

/** The last row and column holding anything (the used range). */
export function usedRange(g: Grid): RangeRef | null {
  let r1 = -1;
  let c1 = -1;
  let r0 = Infinity;
  let c0 = Infinity;
  for (const [r, cells] of g.rows)
    for (const [c, v] of cells) {
      if (isBlank(v)) continue;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
  return r1 < 0 ? null : { r0, c0, r1, c1 };
}

/** Letters already worked out, by column: a district's sheets name millions of cells. */
const letters: string[] = new Array<string>(MAX_COLS);

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function colLetter(col: number): string {
  if (col >= 0 && col < MAX_COLS) return (letters[col] ??= lettersOf(col));
  return lettersOf(col);
}

function lettersOf(col: number): string {
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
  return {
    r0: Math.min(s.row, e.row),
    c0: Math.min(s.col, e.col),
    r1: Math.max(s.row, e.row),
    c1: Math.max(s.col, e.col),
  };
}

/** A sheet name as Excel quotes it in references: 'Thôn bản'!B5. Always quoted, as docs/cli.md shows. */
/** The last sheet name quoted: addresses are made by the hundred thousand, a sheet at a time. */
let quotedFor: string | undefined;
let quoted = "";

export function quoteSheet(sheet: string): string {
  if (sheet !== quotedFor) {
    quoted = `'${sheet.replace(/'/g, "''")}'`;
    quotedFor = sheet;
  }
  return quoted;
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
