/**
 * A simulated Excel answering the requests Microsoft's own client library sends (./client.ts):
 * the RichApi body (`Actions` over `ObjectPaths`) is interpreted action by action against an
 * in-memory workbook, so reads return what the workbook holds and writes change it. Every request
 * and its response is measured in UTF-8 bytes, as Excel on the web receives and sends them.
 *
 * What it models of Excel, on purpose: the 5 MB request and response limit of Excel on the web,
 * `getMergedAreasOrNullObject` failing over 512 areas, `getRanges` refusing addresses over 8,192
 * characters, a table added from an address without a sheet name landing on the active sheet,
 * text starting with "=" becoming a formula unless the cell is formatted as text, no fill and a
 * white fill read alike through `format.fill.color` (`pattern` tells them apart), writes to a
 * protected sheet refused, and a failing action leaving the actions before it done.
 */
import { colIndex, colLetter, MAX_COLS, MAX_ROWS, type RangeRef } from "../../../src/core/shared/grid";
import type { Edit } from "../edits";
import type { WireRequest, WireResponse } from "./client";

export type Scalar = string | number | boolean | null;

export interface SimCell {
  v: Scalar;
  /** Formula text ("=B2*2"); `v` holds its calculated value (null when not calculated). */
  f?: string;
  err?: string;
  nf?: string;
  /** "#RRGGBB"; undefined is no fill. */
  fill?: string;
  /** "#RRGGBB"; undefined is the automatic colour. */
  font?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  name?: string;
  wrap?: boolean;
  valign?: string;
  halign?: string;
  /** Edges given a border ("EdgeTop", "InsideVertical"…). */
  borders?: string[];
  /** A hyperlink's address (the user's). */
  link?: string;
}

/** What a sheet's page setup was given (ExcelApi 1.9). */
export interface SimPrint {
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  titleRows?: string;
  printArea?: string;
  headers: Record<string, string>;
}

export class SimSheet {
  rows = new Map<number, Map<number, SimCell>>();
  merges: RangeRef[] = [];
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  protected = false;
  frozenRows = 0;
  colWidths = new Map<number, number>();
  autofitRows: { r0: number; r1: number }[] = [];
  charts: { type: string; source: string; title: string }[] = [];
  validations: { range: RangeRef; rule: unknown }[] = [];
  orientation = "Portrait";
  print: SimPrint = { headers: {} };
  rowHeights = new Map<number, number>();
  prompts: { range: RangeRef; prompt: unknown }[] = [];
  constructor(
    public name: string,
    readonly id: string,
  ) {}

  peek(r: number, c: number): SimCell | undefined {
    return this.rows.get(r)?.get(c);
  }
  cell(r: number, c: number): SimCell {
    let row = this.rows.get(r);
    if (!row) this.rows.set(r, (row = new Map()));
    let cell = row.get(c);
    if (!cell) row.set(c, (cell = { v: null }));
    return cell;
  }
  /** Values from A1-style top-left, row by row; strings starting with "=" are formulas. */
  set(address: string, rows: Scalar[][]): this {
    const { r0, c0 } = parseA1(address);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined) return;
        const cell = this.cell(r0 + i, c0 + j);
        if (typeof v === "string" && v.startsWith("=")) cell.f = v;
        else cell.v = v;
      }),
    );
    return this;
  }
  get(address: string): Scalar {
    const { r0, c0 } = parseA1(address);
    const c = this.peek(r0, c0);
    return c?.err ?? c?.v ?? null;
  }
  /** Cells of a rectangle that exist, without creating any. */
  *existing(r: RangeRef): Generator<[number, number, SimCell]> {
    const rowKeys =
      r.r1 - r.r0 < this.rows.size
        ? range(r.r0, r.r1).filter((x) => this.rows.has(x))
        : [...this.rows.keys()].filter((x) => x >= r.r0 && x <= r.r1);
    for (const rr of rowKeys) {
      const row = this.rows.get(rr)!;
      if (r.c1 - r.c0 < row.size) {
        for (let c = r.c0; c <= r.c1; c++) {
          const cell = row.get(c);
          if (cell) yield [rr, c, cell];
        }
      } else for (const [c, cell] of row) if (c >= r.c0 && c <= r.c1) yield [rr, c, cell];
    }
  }
  used(valuesOnly: boolean): RangeRef | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [r, row] of this.rows)
      for (const [c, cell] of row) {
        if (valuesOnly ? !hasContent(cell) : !hasContent(cell) && !hasFormat(cell)) continue;
        r0 = Math.min(r0, r);
        r1 = Math.max(r1, r);
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }
}

export interface SimTable {
  id: number;
  name: string;
  sheet: SimSheet;
  range: RangeRef;
  showHeaders: boolean;
  style: string;
}

export interface RequestLog {
  index: number;
  bytes: number;
  responseBytes: number;
  actions: number;
  write: boolean;
  /** Where sheets are made visible (a sheet built out of sight put in place), counted in changes (what `Injection.at` counts). */
  shown: number[];
  /** The error Excel answered with, if any. */
  error?: string;
}

/** Fail the k-th request that changes the workbook (1-based): before it, halfway through it, or at its i-th change (0-based). */
export interface Injection {
  write: number;
  at: "start" | "middle" | number;
}

const hasContent = (c: SimCell) => (c.v !== null && c.v !== "") || !!c.f || !!c.err;
const hasFormat = (c: SimCell) => !!(c.nf || c.fill || c.font || c.bold || c.italic || c.wrap);
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

export function parseA1(ref: string): RangeRef {
  const [a, b] = ref.replace(/\$/g, "").split(":");
  const part = (s: string, end: boolean) => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(s.trim());
    if (!m || (!m[1] && !m[2])) throw new SimError("InvalidArgument", `not a range: ${ref}`);
    return {
      row: m[2] ? Number(m[2]) - 1 : end ? MAX_ROWS - 1 : 0,
      col: m[1] ? colIndex(m[1]) : end ? MAX_COLS - 1 : 0,
    };
  };
  const s = part(a, false);
  const e = b === undefined ? s : part(b, true);
  // "A:C" and "5:9" are whole columns and rows.
  if (b !== undefined && /^[A-Za-z]+$/.test(a.trim())) s.row = 0;
  if (b !== undefined && /^\d+$/.test(a.trim())) s.col = 0;
  return {
    r0: Math.min(s.row, e.row),
    c0: Math.min(s.col, e.col),
    r1: Math.max(s.row, e.row),
    c1: Math.max(s.col, e.col),
  };
}

const plainName = (n: string) => /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(n) && !/^[A-Za-z]{1,3}\d+$/.test(n);
export const sheetRef = (n: string) => (plainName(n) ? n : `'${n.replace(/'/g, "''")}'`);
export function a1Of(r: RangeRef): string {
  const tl = `${colLetter(r.c0)}${r.r0 + 1}`;
  if (r.r0 === r.r1 && r.c0 === r.c1) return tl;
  return `${tl}:${colLetter(r.c1)}${r.r1 + 1}`;
}

/** "'Thôn bản'!B2:C3" or "B2" → sheet name (if any) and range. */
function splitSheet(address: string): { sheet?: string; ref: string } {
  const i = address.lastIndexOf("!");
  if (i < 0) return { ref: address };
  return {
    sheet: address
      .slice(0, i)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'"),
    ref: address.slice(i + 1),
  };
}

/** Splits on commas outside quotes. */
function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = "";
  let q = false;
  for (const ch of address) {
    if (ch === "'") q = !q;
    if (ch === "," && !q) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

class SimError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Target = { sheet: SimSheet; rs: RangeRef[] };
type Obj =
  | { k: "wb" }
  | { k: "sheets" }
  | { k: "sheet"; s: SimSheet }
  | ({ k: "range" } & Target)
  | ({ k: "areas" } & Target)
  | { k: "format"; t: Target }
  | { k: "fill"; t: Target }
  | { k: "font"; t: Target }
  | { k: "dv"; t: Target }
  | { k: "rangeColl"; t: Target }
  | { k: "tables"; s?: SimSheet }
  | { k: "table"; t: SimTable }
  | { k: "tcols"; t: SimTable }
  | { k: "tcol"; t: SimTable; name: string }
  | { k: "notes" }
  | { k: "note"; key: string }
  | { k: "app" }
  | { k: "wbprot" }
  | { k: "wsprot"; s: SimSheet }
  | { k: "freeze"; s: SimSheet }
  | { k: "layout"; s: SimSheet }
  | { k: "hf"; s: SimSheet }
  | { k: "hfg"; s: SimSheet }
  | { k: "borders"; t: Target }
  | { k: "border"; t: Target; edge: string }
  | { k: "charts"; s: SimSheet }
  | { k: "chart"; c: SimSheet["charts"][number] }
  | { k: "chartTitle"; c: SimSheet["charts"][number] }
  | { k: "names" }
  | { k: "name"; n: SimName }
  | { k: "null" };

/** A defined name: its reference bound to a sheet (moved as Excel moves it), broken (#REF!), or a formula kept as text. */
export interface SimName {
  name: string;
  ref: { sheet: SimSheet; range: RangeRef } | null | { text: string };
  visible: boolean;
}

interface Path {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}
interface Action {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  QueryInfo?: { Select?: string[] };
}

const READ_METHODS = new Set([
  "GetCellProperties",
  "GetCount",
  "GetRowProperties",
  "GetColumnProperties",
  "_ValidateArraySize",
]);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export class SimExcel {
  sheets: SimSheet[] = [];
  tables: SimTable[] = [];
  /** Notes by sheet id, row and column. */
  notes = new Map<string, string>();
  /** The workbook's defined names. */
  names: SimName[] = [];
  protected = false;
  active = 0;
  suspended = 0;
  log: RequestLog[] = [];
  /** Text that became a formula because its cell was not formatted as text. */
  formulaViolations: string[] = [];
  private inject?: Injection;
  /** Excel on the web's limit on a request and on a response. */
  limit = 5_000_000;
  maxMergedAreas = 512;
  private writes = 0;
  /** How many changes the last failed request held (for tests that fail it at each). */
  lastMutating = 0;
  private ids = 0;

  /** Makes the k-th request that changes the workbook from now on fail (undefined: none). */
  failWrite(i: Injection | undefined): void {
    this.inject = i;
    this.writes = 0;
  }

  addSheet(name: string): SimSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
      throw new SimError("ItemAlreadyExists", `sheet ${name} exists`);
    const s = new SimSheet(name, `{S${++this.ids}}`);
    this.sheets.push(s);
    return s;
  }
  sheet(name: string): SimSheet {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new SimError("ItemNotFound", `no sheet ${name}`);
    return s;
  }
  has(name: string): boolean {
    return this.sheets.some((x) => x.name.toLowerCase() === name.toLowerCase());
  }
  addTable(sheet: SimSheet, r: RangeRef, name?: string): SimTable {
    const t: SimTable = {
      id: ++this.ids,
      name: name ?? `Table${this.tables.length + 1}`,
      sheet,
      range: r,
      showHeaders: true,
      style: "TableStyleMedium2",
    };
    if (this.tables.some((x) => x.name.toLowerCase() === t.name.toLowerCase()))
      throw new SimError("InvalidArgument", `table name ${t.name} taken`);
    if (this.tables.some((x) => x.sheet === sheet && overlaps(x.range, r)))
      throw new SimError("InvalidOperation", "tables overlap");
    this.tables.push(t);
    return t;
  }
  noteKey(s: SimSheet, r: number, c: number): string {
    return `${s.id}|${r}|${c}`;
  }
  noteAt(sheet: string, address: string): string | undefined {
    const r = parseA1(address);
    return this.notes.get(this.noteKey(this.sheet(sheet), r.r0, r.c0));
  }

  /** A name's reference from what `names.add` was given: a Range, or a formula such as "='Xã'!$E$5". */
  refOf(arg: unknown): SimName["ref"] {
    if (arg && typeof arg === "object" && "rs" in (arg as Target)) {
      const t = arg as Target;
      return { sheet: t.sheet, range: t.rs[0] };
    }
    const text = String(arg ?? "").replace(/^=/, "");
    if (/#REF!/i.test(text)) return null;
    const { sheet, ref } = splitSheet(text);
    if (!sheet || !this.has(sheet)) return { text };
    try {
      return { sheet: this.sheet(sheet), range: parseA1(ref) };
    } catch {
      return { text };
    }
  }

  /** A name's reference as Excel shows it, without "=": Xã!$E$5, 'Tổng hợp TC8'!$1:$1048576, #REF!. */
  formulaOf(n: SimName): string {
    const r = n.ref;
    if (r === null) return "#REF!";
    if (!("sheet" in r)) return r.text;
    const g = r.range;
    const rows = g.c0 === 0 && g.c1 === MAX_COLS - 1;
    const cols = g.r0 === 0 && g.r1 === MAX_ROWS - 1;
    const a = rows
      ? `$${g.r0 + 1}:$${g.r1 + 1}`
      : cols
        ? `$${colLetter(g.c0)}:$${colLetter(g.c1)}`
        : g.r0 === g.r1 && g.c0 === g.c1
          ? `$${colLetter(g.c0)}$${g.r0 + 1}`
          : `$${colLetter(g.c0)}$${g.r0 + 1}:$${colLetter(g.c1)}$${g.r1 + 1}`;
    return `${sheetRef(r.sheet.name)}!${a}`;
  }

  /** A name's reference by name, as Excel shows it (undefined when there is no such name). */
  nameRef(name: string): string | undefined {
    const n = this.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
    return n ? this.formulaOf(n) : undefined;
  }

  // ---- what a user does in Excel between two evaluations ----

  /** Inserts `count` rows before row `at` (0-based), as Excel's Insert › Sheet Rows does. */
  insertRows(sheet: string, at: number, count = 1): void {
    this.shift(this.sheet(sheet), "row", at, count);
  }
  /** Deletes `count` rows from row `at` (0-based). */
  deleteRows(sheet: string, at: number, count = 1): void {
    this.shift(this.sheet(sheet), "row", at, -count);
  }
  insertCols(sheet: string, at: number, count = 1): void {
    this.shift(this.sheet(sheet), "col", at, count);
  }
  deleteCols(sheet: string, at: number, count = 1): void {
    this.shift(this.sheet(sheet), "col", at, -count);
  }
  /** An edit as a user makes it in Excel (test/helpers/edits.ts). */
  userEdit(e: Edit): void {
    switch (e.op) {
      case "insertRows":
        return this.insertRows(e.sheet, e.at, e.count ?? 1);
      case "deleteRows":
        return this.deleteRows(e.sheet, e.at, e.count ?? 1);
      case "insertCols":
        return this.insertCols(e.sheet, e.at, e.count ?? 1);
      case "deleteCols":
        return this.deleteCols(e.sheet, e.at, e.count ?? 1);
      case "renameSheet":
        return this.renameSheet(e.sheet, e.to);
      case "moveSheet":
        return this.moveSheet(e.sheet, e.to);
      case "addSheet":
        this.addSheet(e.sheet);
        return;
    }
    const s = this.sheet(e.sheet);
    if (e.op === "rowHeight") return void s.rowHeights.set(e.row, e.height);
    // Excel's column width in points: characters of the default font, 7 points each.
    if (e.op === "colWidth") return void s.colWidths.set(e.col, e.width * 7);
    const r = parseA1(e.cell);
    const cell = s.cell(r.r0, r.c0);
    switch (e.op) {
      case "set":
        delete cell.f;
        delete cell.err;
        cell.v = e.value;
        return;
      case "formula":
        // The simulated Excel calculates nothing: a formula typed keeps the value it shows.
        cell.f = e.formula;
        cell.v = e.formula.toUpperCase() === "=TODAY()" ? 46354 : null;
        return;
      case "note":
        this.notes.set(this.noteKey(s, r.r0, r.c0), e.text);
        return;
      case "fill":
        cell.fill = `#${e.color.toUpperCase()}`;
        return;
      case "bold":
        cell.bold = true;
        return;
      case "hyperlink":
        cell.link = e.url;
        cell.v = e.text ?? e.url;
        return;
    }
  }

  /** Renames a sheet: names referring to it follow (they are bound to the sheet). */
  renameSheet(sheet: string, to: string): void {
    const s = this.sheet(sheet);
    if (this.sheets.some((x) => x !== s && x.name.toLowerCase() === to.toLowerCase()))
      throw new SimError("InvalidArgument", `sheet name ${to} taken`);
    s.name = to;
  }
  /** Moves a sheet to a position (0-based), as dragging its tab does. */
  moveSheet(sheet: string, to: number): void {
    const s = this.sheet(sheet);
    const active = this.sheets[this.active];
    this.sheets = this.sheets.filter((x) => x !== s);
    this.sheets.splice(Math.min(to, this.sheets.length), 0, s);
    this.active = Math.max(0, this.sheets.indexOf(active));
  }

  /**
   * Rows or columns inserted (count > 0) or deleted (count < 0) at `at`: cells, notes, merged areas,
   * tables, row heights, column widths, validations and defined names move as in Excel; what was in
   * deleted rows or columns is gone, and a name that referred only to it becomes #REF!.
   */
  private shift(s: SimSheet, axis: "row" | "col", at: number, count: number): void {
    const del = count < 0 ? { from: at, to: at - count - 1 } : undefined;
    const move = (i: number): number | null =>
      del ? (i < del.from ? i : i > del.to ? i + count : null) : i >= at ? i + count : i;
    const moveRange = (r: RangeRef): RangeRef | null => {
      const [a0, a1] = axis === "row" ? [r.r0, r.r1] : [r.c0, r.c1];
      const max = (axis === "row" ? MAX_ROWS : MAX_COLS) - 1;
      let b0: number;
      let b1: number;
      if (del) {
        if (a0 >= del.from && a1 <= del.to) return null;
        b0 = a0 < del.from ? a0 : a0 > del.to ? a0 + count : del.from;
        b1 = a1 < del.from ? a1 : a1 > del.to ? a1 + count : del.from - 1;
      } else {
        // A whole row or column range stays whole; a range the insertion falls inside grows.
        if (a0 === 0 && a1 === max) return r;
        b0 = a0 >= at ? a0 + count : a0;
        b1 = a1 >= at ? Math.min(max, a1 + count) : a1;
      }
      return axis === "row" ? { ...r, r0: b0, r1: b1 } : { ...r, c0: b0, c1: b1 };
    };
    // Cells.
    const rows = new Map<number, Map<number, SimCell>>();
    for (const [r, row] of s.rows)
      for (const [c, cell] of row) {
        const nr = axis === "row" ? move(r) : r;
        const nc = axis === "col" ? move(c) : c;
        if (nr === null || nc === null) continue;
        if (!rows.has(nr)) rows.set(nr, new Map());
        rows.get(nr)!.set(nc, cell);
      }
    s.rows = rows;
    // Notes.
    const mine = [...this.notes].filter(([k]) => k.startsWith(`${s.id}|`));
    for (const [k] of mine) this.notes.delete(k);
    for (const [k, v] of mine) {
      const [, r, c] = k.split("|");
      const nr = axis === "row" ? move(Number(r)) : Number(r);
      const nc = axis === "col" ? move(Number(c)) : Number(c);
      if (nr !== null && nc !== null) this.notes.set(this.noteKey(s, nr, nc), v);
    }
    s.merges = s.merges.map(moveRange).filter((m): m is RangeRef => !!m && (m.r1 > m.r0 || m.c1 > m.c0));
    for (const t of this.tables.filter((x) => x.sheet === s)) {
      const before = t.range;
      const r = moveRange(t.range);
      if (!r) {
        this.tables = this.tables.filter((x) => x !== t);
        continue;
      }
      t.range = r;
      // Columns inserted inside a table are table columns: Excel names their headers.
      if (axis === "col" && !del && at > before.c0 && at <= before.c1)
        for (let c = at; c < at + count; c++) {
          let k = c - r.c0 + 1;
          const taken = new Set(range(r.c0, r.c1).map((x) => String(s.peek(r.r0, x)?.v ?? "")));
          while (taken.has(`Column${k}`)) k++;
          s.cell(r.r0, c).v = `Column${k}`;
        }
    }
    const moveKeys = <T>(m: Map<number, T>, mine: boolean) => {
      if (!mine) return m;
      const out = new Map<number, T>();
      for (const [i, v] of m) {
        const j = move(i);
        if (j !== null) out.set(j, v);
      }
      return out;
    };
    s.rowHeights = moveKeys(s.rowHeights, axis === "row");
    s.colWidths = moveKeys(s.colWidths, axis === "col");
    s.validations = s.validations.flatMap((v) => {
      const r = moveRange(v.range);
      return r ? [{ ...v, range: r }] : [];
    });
    for (const n of this.names) {
      if (!n.ref || !("sheet" in n.ref) || n.ref.sheet !== s) continue;
      const r = moveRange(n.ref.range);
      n.ref = r ? { sheet: s, range: r } : null;
    }
  }

  /** Every cell's value, formula, number format, fill, font colour and note, by sheet and A1 (what Clear results must give back). */
  snapshot(opts: { formats?: boolean } = {}): Record<string, Record<string, string>> {
    const out: Record<string, Record<string, string>> = {};
    for (const s of this.sheets) {
      const cells: Record<string, string> = {};
      for (const [r, row] of s.rows)
        for (const [c, cell] of row) {
          const note = this.notes.get(this.noteKey(s, r, c));
          const font = cell.font && cell.font !== "#000000" ? cell.font : undefined;
          const parts = [
            hasContent(cell) ? `v=${JSON.stringify(cell.err ?? cell.v)}${cell.f ? ` f=${cell.f}` : ""}` : "",
            cell.fill ? `fill=${cell.fill}` : "",
            font ? `font=${font}` : "",
            opts.formats && cell.nf ? `nf=${cell.nf}` : "",
            opts.formats && cell.bold ? "bold" : "",
          ].filter(Boolean);
          if (note !== undefined) parts.push(`note=${JSON.stringify(note)}`);
          if (parts.length) cells[`${colLetter(c)}${r + 1}`] = parts.join(" ");
        }
      for (const [k, v] of this.notes) {
        const [id, r, c] = k.split("|");
        if (id === s.id && !cells[`${colLetter(Number(c))}${Number(r) + 1}`])
          cells[`${colLetter(Number(c))}${Number(r) + 1}`] = `note=${JSON.stringify(v)}`;
      }
      out[`${s.name} (${s.visibility})`] = cells;
    }
    return out;
  }

  // ---- the wire ----

  handle(req: WireRequest): WireResponse {
    const text = typeof req.body === "string" ? req.body : JSON.stringify(req.body);
    const body = (typeof req.body === "string" ? JSON.parse(req.body) : req.body) as {
      Actions: Action[];
      ObjectPaths: Record<string, Path>;
    };
    const bytes = Buffer.byteLength(text, "utf8");
    const write = isWrite(body);
    const shown = body.Actions.filter((a) => isChange(a, body.ObjectPaths)).flatMap((a, i) =>
      a.ActionType === 4 && a.Name === "Visibility" && a.ArgumentInfo?.Arguments?.[0] === "Visible" ? [i] : [],
    );
    const entry: RequestLog = {
      index: this.log.length + 1,
      bytes,
      responseBytes: 0,
      actions: body.Actions.length,
      write,
      shown,
    };
    this.log.push(entry);
    const fail = (
      code: string,
      message: string,
      status = 200,
      actionIndex = -1,
      results: unknown[] = [],
    ): WireResponse => {
      entry.error = code;
      const payload =
        status === 200
          ? { Results: results, Error: { Code: code, Message: message, HttpStatusCode: 400, ActionIndex: actionIndex } }
          : { error: { code, message } };
      const b = JSON.stringify(payload);
      entry.responseBytes = Buffer.byteLength(b, "utf8");
      return { statusCode: status, headers: {}, body: b };
    };
    if (bytes > this.limit) return fail("RequestPayloadSizeLimitExceeded", `request of ${bytes} bytes`, 413);
    let stopAt = Infinity;
    if (write) {
      this.writes++;
      if (this.inject && this.inject.write === this.writes) {
        if (this.inject.at === "start") return fail("GeneralException", "injected failure before the request", 500);
        const mutating = body.Actions.map((a, i) => ({ a, i })).filter(({ a }) => isChange(a, body.ObjectPaths));
        this.lastMutating = mutating.length;
        const at = this.inject.at === "middle" ? Math.floor(mutating.length / 2) : this.inject.at;
        stopAt = mutating[at]?.i ?? Infinity;
      }
    }
    const results: { ActionId: number; Value: unknown }[] = [];
    const resolved = new Map<number, Obj>();
    const resolve = (id: number): Obj => {
      const hit = resolved.get(id);
      if (hit) return hit;
      const p = body.ObjectPaths[String(id)];
      if (!p) throw new SimError("InvalidObjectPath", `no path ${id}`);
      const o = this.path(p, resolve);
      resolved.set(id, o);
      return o;
    };
    for (let i = 0; i < body.Actions.length; i++) {
      const a = body.Actions[i];
      if (i === stopAt) return fail("GeneralException", "injected failure halfway", 200, i, results);
      try {
        const v = this.act(a, resolve);
        if (v !== undefined) results.push({ ActionId: a.Id, Value: v });
      } catch (e) {
        const err = e instanceof SimError ? e : new SimError("GeneralException", String((e as Error)?.stack ?? e));
        return fail(err.code, err.message, 200, i, results);
      }
    }
    const out = JSON.stringify({ Results: results });
    entry.responseBytes = Buffer.byteLength(out, "utf8");
    if (entry.responseBytes > this.limit)
      return fail("ResponsePayloadSizeLimitExceeded", `response of ${entry.responseBytes} bytes`);
    return { statusCode: 200, headers: {}, body: out };
  }

  private args(info: Path["ArgumentInfo"], resolve: (id: number) => Obj): unknown[] {
    const args = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds ?? [];
    return args.map((x, i) => (refs[i] ? resolve(refs[i]) : x));
  }

  private path(p: Path, resolve: (id: number) => Obj): Obj {
    if (p.ObjectPathType === 1) return { k: "wb" };
    const parent = resolve(p.ParentObjectPathId!);
    if (parent.k === "null") return parent;
    const args = this.args(p.ArgumentInfo, resolve);
    if (p.ObjectPathType === 4) return this.property(parent, p.Name);
    if (p.ObjectPathType === 5) return this.indexer(parent, args);
    if (p.ObjectPathType === 3) return this.method(parent, p.Name, args) as Obj;
    throw new SimError("InvalidObjectPath", `path type ${p.ObjectPathType}`);
  }

  private property(o: Obj, name: string): Obj {
    const t = (x: Obj): Target => {
      if (x.k === "range" || x.k === "areas") return { sheet: x.sheet, rs: x.rs };
      throw new SimError("InvalidObjectPath", `${name} of ${x.k}`);
    };
    switch (`${o.k}.${name}`) {
      case "wb.Worksheets":
        return { k: "sheets" };
      case "wb.Tables":
        return { k: "tables" };
      case "wb.Application":
        return { k: "app" };
      case "wb.Protection":
        return { k: "wbprot" };
      case "wb.Notes":
        return { k: "notes" };
      case "wb.Names":
        return { k: "names" };
      case "sheet.Tables":
        return { k: "tables", s: (o as { s: SimSheet }).s };
      case "sheet.Protection":
        return { k: "wsprot", s: (o as { s: SimSheet }).s };
      case "sheet.FreezePanes":
        return { k: "freeze", s: (o as { s: SimSheet }).s };
      case "sheet.PageLayout":
        return { k: "layout", s: (o as { s: SimSheet }).s };
      case "sheet.Charts":
        return { k: "charts", s: (o as { s: SimSheet }).s };
      case "range.Format":
      case "areas.Format":
        return { k: "format", t: t(o) };
      case "range.DataValidation":
      case "areas.DataValidation":
        return { k: "dv", t: t(o) };
      case "areas.Areas":
        return { k: "rangeColl", t: t(o) };
      case "format.Fill":
        return { k: "fill", t: (o as { t: Target }).t };
      case "format.Borders":
        return { k: "borders", t: (o as { t: Target }).t };
      case "layout.HeadersFooters":
        return { k: "hf", s: (o as { s: SimSheet }).s };
      case "hf.DefaultForAllPages":
        return { k: "hfg", s: (o as { s: SimSheet }).s };
      case "format.Font":
        return { k: "font", t: (o as { t: Target }).t };
      case "table.Columns":
        return { k: "tcols", t: (o as { t: SimTable }).t };
      case "table.Worksheet":
        return { k: "sheet", s: (o as { t: SimTable }).t.sheet };
      case "chart.Title":
        return { k: "chartTitle", c: (o as { c: SimSheet["charts"][number] }).c };
    }
    throw new SimError("InvalidObjectPath", `property ${name} of ${o.k}`);
  }

  private indexer(o: Obj, args: unknown[]): Obj {
    const key = String(args[0]);
    if (o.k === "sheets") return { k: "sheet", s: this.sheets.find((s) => s.id === key) ?? this.sheet(key) };
    if (o.k === "tables") {
      const t = this.tables.find((x) => x.name.toLowerCase() === key.toLowerCase() || String(x.id) === key);
      if (!t) throw new SimError("ItemNotFound", `no table ${key}`);
      return { k: "table", t };
    }
    if (o.k === "tcols") return { k: "tcol", t: o.t, name: this.column(o.t, key, true)! };
    if (o.k === "borders") return { k: "border", t: o.t, edge: key };
    if (o.k === "names") {
      const n = this.names.find((x) => x.name.toLowerCase() === key.toLowerCase());
      if (!n) throw new SimError("ItemNotFound", `no name ${key}`);
      return { k: "name", n };
    }
    if (o.k === "notes") {
      const { sheet, r, c } = this.cellOf(key);
      const k = this.noteKey(sheet, r, c);
      if (!this.notes.has(k)) throw new SimError("ItemNotFound", `no note at ${key}`);
      return { k: "note", key: k };
    }
    throw new SimError("InvalidObjectPath", `indexer on ${o.k}`);
  }

  /** A table column's header by name (or id), or null. */
  private column(t: SimTable, key: string, must: boolean): string | null {
    for (let c = t.range.c0; c <= t.range.c1; c++) {
      const h = String(t.sheet.peek(t.range.r0, c)?.v ?? "");
      if (h === key || String(c - t.range.c0 + 1) === key) return h;
    }
    if (must) throw new SimError("ItemNotFound", `no column ${key} in ${t.name}`);
    return null;
  }

  private rangeOf(sheet: SimSheet, address: string): Obj {
    const { sheet: name, ref } = splitSheet(address);
    return { k: "range", sheet: name ? this.sheet(name) : sheet, rs: [parseA1(ref)] };
  }

  private guard(s: SimSheet): void {
    if (s.protected) throw new SimError("AccessDenied", `sheet ${s.name} is protected`);
  }

  /** A method: a path creating an object (GetRange, Add…) or an action (Clear, Delete…). */
  private method(o: Obj, name: string, args: unknown[]): Obj | unknown {
    const key = `${o.k}.${name}`;
    switch (key) {
      case "sheets.GetItemAt":
        return { k: "sheet", s: this.sheets[Number(args[0])] };
      case "sheets.GetItemOrNullObject":
        return this.has(String(args[0])) ? { k: "sheet", s: this.sheet(String(args[0])) } : { k: "null" };
      case "sheets.Add": {
        if (this.protected) throw new SimError("AccessDenied", "workbook structure protected");
        return { k: "sheet", s: this.addSheet(String(args[0] ?? `Sheet${this.sheets.length + 1}`)) };
      }
      case "sheet.GetRange":
        return args[0] === undefined || args[0] === null
          ? { k: "range", sheet: (o as { s: SimSheet }).s, rs: [{ r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 }] }
          : this.rangeOf((o as { s: SimSheet }).s, String(args[0]));
      case "sheet.GetRanges": {
        const address = String(args[0]);
        if (address.length > 8192)
          throw new SimError("InvalidArgument", `getRanges address of ${address.length} characters`);
        const s = (o as { s: SimSheet }).s;
        return { k: "areas", sheet: s, rs: splitAreas(address).map((x) => parseA1(splitSheet(x).ref)) };
      }
      case "sheet.GetUsedRange":
      case "sheet.GetUsedRangeOrNullObject": {
        const s = (o as { s: SimSheet }).s;
        const u = s.used(!!args[0]);
        if (!u)
          return name.endsWith("OrNullObject")
            ? { k: "null" }
            : { k: "range", sheet: s, rs: [{ r0: 0, c0: 0, r1: 0, c1: 0 }] };
        return { k: "range", sheet: s, rs: [u] };
      }
      case "range.GetRow": {
        const r = (o as Target).rs[0];
        return {
          k: "range",
          sheet: (o as Target).sheet,
          rs: [{ r0: r.r0 + Number(args[0]), c0: r.c0, r1: r.r0 + Number(args[0]), c1: r.c1 }],
        };
      }
      case "range.GetCell": {
        const r = (o as Target).rs[0];
        return {
          k: "range",
          sheet: (o as Target).sheet,
          rs: [
            {
              r0: r.r0 + Number(args[0]),
              c0: r.c0 + Number(args[1]),
              r1: r.r0 + Number(args[0]),
              c1: r.c0 + Number(args[1]),
            },
          ],
        };
      }
      case "range.GetBoundingRect": {
        const a = (o as Target).rs[0];
        const b = (args[0] as Target).rs[0];
        return {
          k: "range",
          sheet: (o as Target).sheet,
          rs: [
            { r0: Math.min(a.r0, b.r0), c0: Math.min(a.c0, b.c0), r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1) },
          ],
        };
      }
      case "range.GetMergedAreasOrNullObject": {
        const r = o as Target;
        const inside = r.sheet.merges.filter((m) => r.rs.some((x) => overlaps(x, m)));
        if (inside.length > this.maxMergedAreas)
          throw new SimError("GeneralException", `${inside.length} merged areas (more than ${this.maxMergedAreas})`);
        return inside.length ? { k: "areas", sheet: r.sheet, rs: inside } : { k: "null" };
      }
      case "range.GetSpecialCellsOrNullObject":
      case "areas.GetSpecialCellsOrNullObject": {
        const r = o as Target;
        const want = String(args[0]);
        const areas: RangeRef[] = [];
        for (const x of r.rs) {
          const byCol = new Map<number, number[]>();
          for (const [rr, c, cell] of r.sheet.existing(x)) {
            const hit = want === "Formulas" ? !!cell.f : want === "Constants" ? !cell.f && hasContent(cell) : false;
            if (hit) (byCol.get(c) ?? byCol.set(c, []).get(c)!).push(rr);
          }
          for (const [c, rows] of [...byCol].sort((a, b) => a[0] - b[0])) {
            rows.sort((a, b) => a - b);
            let start = rows[0];
            for (let i = 1; i <= rows.length; i++)
              if (i === rows.length || rows[i] !== rows[i - 1] + 1) {
                areas.push({ r0: start, c0: c, r1: rows[i - 1], c1: c });
                start = rows[i];
              }
          }
        }
        return areas.length ? { k: "areas", sheet: r.sheet, rs: areas } : { k: "null" };
      }
      case "table.GetRange":
        return { k: "range", sheet: (o as { t: SimTable }).t.sheet, rs: [(o as { t: SimTable }).t.range] };
      case "tables.Add": {
        const src = args[0];
        let sheet: SimSheet;
        let r: RangeRef;
        if (typeof src === "string") {
          const sp = splitSheet(src);
          // Without a sheet name Excel takes the address on the active sheet.
          sheet = sp.sheet ? this.sheet(sp.sheet) : this.sheets[this.active];
          r = parseA1(sp.ref);
        } else {
          const t = src as Target & { k: string };
          sheet = t.sheet;
          r = t.rs[0];
        }
        this.guard(sheet);
        const table = this.addTable(sheet, r);
        return { k: "table", t: table };
      }
      case "tables.GetItemAt":
        return {
          k: "table",
          t: ((o as { s?: SimSheet }).s
            ? this.tables.filter((t) => t.sheet === (o as { s: SimSheet }).s)
            : this.tables)[Number(args[0])],
        };
      case "tcols.Add": {
        const t = (o as { t: SimTable }).t;
        this.guard(t.sheet);
        const c = t.range.c1 + 1;
        for (let r = t.range.r0; r <= t.range.r1; r++)
          if (t.sheet.peek(r, c) && hasContent(t.sheet.peek(r, c)!))
            throw new SimError("InvalidOperation", `cell ${colLetter(c)}${r + 1} is not empty`);
        t.range = { ...t.range, c1: c };
        t.sheet.cell(t.range.r0, c).v = String(args[2] ?? `Column${c - t.range.c0 + 1}`);
        return { k: "tcol", t, name: String(args[2]) };
      }
      case "tcols.GetItemOrNullObject": {
        const t = (o as { t: SimTable }).t;
        const h = this.column(t, String(args[0]), false);
        return h === null ? { k: "null" } : { k: "tcol", t, name: h };
      }
      case "borders.GetItem":
        return { k: "border", t: (o as { t: Target }).t, edge: String(args[0]) };
      case "notes.Add": {
        const target = args[0];
        const { sheet, r, c } =
          typeof target === "string"
            ? this.cellOf(target)
            : { sheet: (target as Target).sheet, r: (target as Target).rs[0].r0, c: (target as Target).rs[0].c0 };
        this.guard(sheet);
        const k = this.noteKey(sheet, r, c);
        if (this.notes.has(k)) throw new SimError("InvalidArgument", "the cell already has a note");
        this.notes.set(k, String(args[1]));
        return { k: "note", key: k };
      }
      case "names.Add": {
        const name = String(args[0]);
        if (this.names.some((x) => x.name.toLowerCase() === name.toLowerCase()))
          throw new SimError("InvalidArgument", `the name ${name} exists`);
        if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
          throw new SimError("InvalidArgument", `not a valid name: ${name}`);
        const n: SimName = { name, ref: this.refOf(args[1]), visible: true };
        this.names.push(n);
        return { k: "name", n };
      }
      case "names.GetItemOrNullObject": {
        const n = this.names.find((x) => x.name.toLowerCase() === String(args[0]).toLowerCase());
        return n ? { k: "name", n } : { k: "null" };
      }
      case "notes.GetItemOrNullObject": {
        const { sheet, r, c } = this.cellOf(String(args[0]));
        const k = this.noteKey(sheet, r, c);
        return this.notes.has(k) ? { k: "note", key: k } : { k: "null" };
      }
      case "charts.Add": {
        const s = (o as { s: SimSheet }).s;
        const src = args[1] as Target;
        const chart = { type: String(args[0]), source: `${sheetRef(src.sheet.name)}!${a1Of(src.rs[0])}`, title: "" };
        s.charts.push(chart);
        return { k: "chart", c: chart };
      }
    }
    throw new SimError("InvalidObjectPath", `method ${name} on ${o.k}`);
  }

  private cellOf(address: string): { sheet: SimSheet; r: number; c: number } {
    const sp = splitSheet(address);
    if (!sp.sheet) throw new SimError("InvalidArgument", `a note's cell needs its sheet: ${address}`);
    const r = parseA1(sp.ref);
    return { sheet: this.sheet(sp.sheet), r: r.r0, c: r.c0 };
  }

  private act(a: Action, resolve: (id: number) => Obj): unknown {
    if (a.ActionType === 5) return undefined; // Trace
    const o = resolve(a.ObjectPathId);
    if (a.ActionType === 1) return o.k === "null" ? null : undefined;
    if (o.k === "null") return a.ActionType === 2 ? null : undefined;
    const args = this.args(a.ArgumentInfo, resolve);
    if (a.ActionType === 2) return this.query(o, a.QueryInfo?.Select ?? []);
    if (a.ActionType === 4) return (this.setProp(o, a.Name, args[0]), undefined);
    if (a.ActionType === 3) return this.invoke(o, a.Name, args);
    throw new SimError("InvalidRequest", `action type ${a.ActionType}`);
  }

  // ---- reads ----

  private query(o: Obj, select: string[]): unknown {
    if (o.k === "sheets") return { _Items: this.sheets.map((s) => this.select({ k: "sheet", s }, select)) };
    if (o.k === "tables")
      return {
        _Items: this.tables.filter((t) => !o.s || t.sheet === o.s).map((t) => this.select({ k: "table", t }, select)),
      };
    if (o.k === "names") return { _Items: this.names.map((n) => this.select({ k: "name", n }, select)) };
    return this.select(o, select);
  }

  private select(o: Obj, select: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const path of select) {
      const parts = path.split("/");
      let cur: Obj = o;
      let into = out;
      for (let i = 0; i < parts.length - 1; i++) {
        cur = this.property(cur, cap(parts[i]));
        const k = cap(parts[i]);
        into = (into[k] ??= {}) as Record<string, unknown>;
      }
      const last = parts[parts.length - 1];
      into[cap(last)] = this.scalar(cur, last);
    }
    return out;
  }

  private scalar(o: Obj, name: string): unknown {
    const grid = <T>(t: Target, f: (c: SimCell | undefined) => T): T[][] => {
      const r = t.rs[0];
      if ((r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1) > 5_000_000)
        throw new SimError("ResponsePayloadSizeLimitExceeded", "range too large to read");
      return range(r.r0, r.r1).map((rr) => range(r.c0, r.c1).map((c) => f(t.sheet.peek(rr, c))));
    };
    const uniform = <T>(t: Target, f: (c: SimCell | undefined) => T): T | null => {
      let first: T | undefined;
      for (const r of t.rs)
        for (let rr = r.r0; rr <= r.r1; rr++)
          for (let c = r.c0; c <= r.c1; c++) {
            const v = f(t.sheet.peek(rr, c));
            if (first === undefined) first = v;
            else if (v !== first) return null;
          }
      return first ?? null;
    };
    switch (`${o.k}.${name}`) {
      case "sheet.name":
        return (o as { s: SimSheet }).s.name;
      case "sheet.id":
        return (o as { s: SimSheet }).s.id;
      case "sheet.visibility":
        return (o as { s: SimSheet }).s.visibility;
      case "sheet.position":
        return this.sheets.indexOf((o as { s: SimSheet }).s);
      case "wsprot.protected":
        return (o as { s: SimSheet }).s.protected;
      case "wbprot.protected":
        return this.protected;
      case "table.name":
        return (o as { t: SimTable }).t.name;
      case "table.id":
        return String((o as { t: SimTable }).t.id);
      case "table.showHeaders":
        return (o as { t: SimTable }).t.showHeaders;
      case "table.style":
        return (o as { t: SimTable }).t.style;
      case "name.name":
        return (o as { n: SimName }).n.name;
      case "name.formula":
        return `=${this.formulaOf((o as { n: SimName }).n)}`;
      case "name.visible":
        return (o as { n: SimName }).n.visible;
      case "name.type": {
        const r = (o as { n: SimName }).n.ref;
        return r === null ? "Error" : r && "sheet" in r ? "Range" : "String";
      }
      case "note.content":
        return this.notes.get((o as { key: string }).key);
      case "range.address":
      case "areas.address": {
        const t = o as Target;
        return t.rs.map((r) => `${sheetRef(t.sheet.name)}!${a1Of(r)}`).join(", ");
      }
      case "areas.areaCount":
        return (o as Target).rs.length;
      case "range.rowCount":
        return (o as Target).rs[0].r1 - (o as Target).rs[0].r0 + 1;
      case "range.columnCount":
        return (o as Target).rs[0].c1 - (o as Target).rs[0].c0 + 1;
      case "range.rowIndex":
        return (o as Target).rs[0].r0;
      case "range.columnIndex":
        return (o as Target).rs[0].c0;
      case "range.values":
        return grid(o as Target, (c) => (c?.err ? c.err : (c?.v ?? "")));
      case "range.valueTypes":
        return grid(o as Target, (c) =>
          c?.err
            ? "Error"
            : c?.v === null || c?.v === undefined || c.v === ""
              ? "Empty"
              : typeof c.v === "number"
                ? "Double"
                : typeof c.v === "boolean"
                  ? "Boolean"
                  : "String",
        );
      case "range.numberFormat":
        return grid(o as Target, (c) => c?.nf ?? "General");
      case "range.formulas":
        return grid(o as Target, (c) => (c?.f ? c.f : c?.err ? c.err : (c?.v ?? "")));
      case "fill.color":
        return uniform((o as { t: Target }).t, (c) => c?.fill ?? "#FFFFFF");
      case "fill.pattern":
        return uniform((o as { t: Target }).t, (c) => (c?.fill ? "Solid" : "None"));
      case "font.color":
        return uniform((o as { t: Target }).t, (c) => c?.font ?? "#000000");
      case "font.name":
        return uniform((o as { t: Target }).t, (c) => c?.name ?? "Calibri");
      case "hfg.leftHeader":
      case "hfg.centerHeader":
      case "hfg.rightHeader":
      case "hfg.leftFooter":
      case "hfg.centerFooter":
      case "hfg.rightFooter":
        return (o as { s: SimSheet }).s.print.headers[cap(name)] ?? "";
      case "format.wrapText":
        return uniform((o as { t: Target }).t, (c) => !!c?.wrap);
    }
    throw new SimError("InvalidArgument", `property ${name} of ${o.k}`);
  }

  private cellProperties(t: Target, opts: Record<string, unknown>): unknown[][] {
    const r = t.rs[0];
    const want = (p: string) => {
      let cur: unknown = opts;
      for (const k of p.split("/")) cur = (cur as Record<string, unknown> | undefined)?.[k];
      return cur === true;
    };
    return range(r.r0, r.r1).map((rr) =>
      range(r.c0, r.c1).map((c) => {
        const cell = t.sheet.peek(rr, c);
        const out: Record<string, unknown> = {};
        if (want("address")) out.address = `${sheetRef(t.sheet.name)}!${colLetter(c)}${rr + 1}`;
        const format: Record<string, unknown> = {};
        const fill: Record<string, unknown> = {};
        if (want("format/fill/color")) fill.color = cell?.fill ?? "#FFFFFF";
        if (want("format/fill/pattern")) fill.pattern = cell?.fill ? "Solid" : "None";
        if (want("format/fill/tintAndShade")) fill.tintAndShade = 0;
        if (Object.keys(fill).length) format.fill = fill;
        const font: Record<string, unknown> = {};
        if (want("format/font/color")) font.color = cell?.font ?? "#000000";
        if (want("format/font/bold")) font.bold = !!cell?.bold;
        if (Object.keys(font).length) format.font = font;
        if (want("format/wrapText")) format.wrapText = !!cell?.wrap;
        if (Object.keys(format).length) out.format = format;
        return out;
      }),
    );
  }

  // ---- writes ----

  private each(t: Target, f: (c: SimCell, r: number, col: number) => void): void {
    for (const r of t.rs) {
      if ((r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1) > 5_000_000)
        throw new SimError("InvalidArgument", "range too large to format cell by cell");
      for (let rr = r.r0; rr <= r.r1; rr++) for (let c = r.c0; c <= r.c1; c++) f(t.sheet.cell(rr, c), rr, c);
    }
  }

  private setProp(o: Obj, name: string, v: unknown): void {
    const t = "t" in o && o.k !== "table" && o.k !== "tcols" && o.k !== "tcol" ? (o as { t: Target }).t : undefined;
    if (t) this.guard(t.sheet);
    switch (`${o.k}.${name}`) {
      case "range.Values":
      case "range.NumberFormat": {
        const tt = o as Target;
        this.guard(tt.sheet);
        const r = tt.rs[0];
        const rows = v as unknown[][];
        if (
          !Array.isArray(rows) ||
          rows.length !== r.r1 - r.r0 + 1 ||
          rows.some((x) => !Array.isArray(x) || x.length !== r.c1 - r.c0 + 1)
        )
          throw new SimError(
            "InvalidArgument",
            "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
          );
        rows.forEach((row, i) =>
          row.forEach((x, j) => {
            if (x === null) return;
            const cell = tt.sheet.cell(r.r0 + i, r.c0 + j);
            if (name === "NumberFormat") {
              cell.nf = x === "" || x === "General" ? undefined : String(x);
              return;
            }
            delete cell.err;
            delete cell.f;
            if (typeof x === "string" && x.startsWith("=") && cell.nf !== "@") {
              this.formulaViolations.push(`${tt.sheet.name}!${colLetter(r.c0 + j)}${r.r0 + i + 1}: ${x}`);
              cell.f = x;
              cell.v = null;
            } else cell.v = x === "" ? null : (x as Scalar);
          }),
        );
        return;
      }
      case "format.WrapText":
        return this.each(t!, (c) => (c.wrap = !!v));
      case "format.VerticalAlignment":
        return this.each(t!, (c) => (c.valign = String(v)));
      case "format.ColumnWidth":
        for (const r of t!.rs) for (let c = r.c0; c <= r.c1; c++) t!.sheet.colWidths.set(c, Number(v));
        return;
      case "format.RowHeight":
        for (const r of t!.rs) for (let rr = r.r0; rr <= r.r1; rr++) t!.sheet.rowHeights.set(rr, Number(v));
        return;
      case "format.HorizontalAlignment":
        return this.each(t!, (c) => (c.halign = String(v)));
      case "border.Style":
        return this.each(t!, (c) => (c.borders = [...new Set([...(c.borders ?? []), (o as { edge: string }).edge])]));
      case "border.Color":
      case "border.Weight":
        return;
      case "dv.Prompt":
        t!.sheet.prompts.push({ range: t!.rs[0], prompt: v });
        return;
      case "layout.PaperSize":
        (o as { s: SimSheet }).s.print.paperSize = String(v);
        return;
      case "layout.Zoom":
        (o as { s: SimSheet }).s.print.zoom = v as SimPrint["zoom"];
        return;
      case "hfg.LeftHeader":
      case "hfg.CenterHeader":
      case "hfg.RightHeader":
      case "hfg.LeftFooter":
      case "hfg.CenterFooter":
      case "hfg.RightFooter":
        (o as { s: SimSheet }).s.print.headers[name] = String(v);
        return;
      case "fill.Color":
        return this.each(t!, (c) => (c.fill = String(v).toUpperCase()));
      case "font.Color":
        return this.each(t!, (c) => (c.font = String(v).toUpperCase()));
      case "font.Name":
        return this.each(t!, (c) => (c.name = String(v)));
      case "font.Bold":
        return this.each(t!, (c) => (c.bold = !!v));
      case "font.Italic":
        return this.each(t!, (c) => (c.italic = !!v));
      case "font.Size":
        return this.each(t!, (c) => (c.size = Number(v)));
      case "dv.Rule":
        t!.sheet.validations.push({ range: t!.rs[0], rule: v });
        return;
      case "sheet.Name": {
        const s = (o as { s: SimSheet }).s;
        if (this.protected) throw new SimError("AccessDenied", "workbook structure protected");
        if (this.sheets.some((x) => x !== s && x.name.toLowerCase() === String(v).toLowerCase()))
          throw new SimError("InvalidArgument", `sheet name ${v} taken`);
        s.name = String(v);
        return;
      }
      case "sheet.Visibility":
        (o as { s: SimSheet }).s.visibility = v as SimSheet["visibility"];
        return;
      case "sheet.Position": {
        const s = (o as { s: SimSheet }).s;
        const activeSheet = this.sheets[this.active];
        this.sheets = this.sheets.filter((x) => x !== s);
        this.sheets.splice(Number(v), 0, s);
        this.active = Math.max(0, this.sheets.indexOf(activeSheet));
        return;
      }
      case "layout.Orientation":
        (o as { s: SimSheet }).s.orientation = String(v);
        return;
      case "table.Name": {
        const tb = (o as { t: SimTable }).t;
        if (this.tables.some((x) => x !== tb && x.name.toLowerCase() === String(v).toLowerCase()))
          throw new SimError("InvalidArgument", `table name ${v} taken`);
        tb.name = String(v);
        return;
      }
      case "name.Visible":
        (o as { n: SimName }).n.visible = !!v;
        return;
      case "table.Style":
        (o as { t: SimTable }).t.style = String(v);
        return;
      case "table.ShowHeaders":
        (o as { t: SimTable }).t.showHeaders = !!v;
        return;
      case "note.Content":
        this.notes.set((o as { key: string }).key, String(v));
        return;
      case "chartTitle.Text":
        (o as { c: { title: string } }).c.title = String(v);
        return;
    }
    throw new SimError("InvalidArgument", `set ${name} on ${o.k}`);
  }

  private invoke(o: Obj, name: string, args: unknown[]): unknown {
    switch (`${o.k}.${name}`) {
      case "app.SuspendApiCalculationUntilNextSync":
        this.suspended++;
        return undefined;
      case "range._ValidateArraySize": {
        const r = (o as Target).rs[0];
        if (Number(args[0]) !== r.r1 - r.r0 + 1 || Number(args[1]) !== r.c1 - r.c0 + 1)
          throw new SimError(
            "InvalidArgument",
            "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
          );
        return undefined;
      }
      case "range.GetCellProperties":
        return this.cellProperties(o as Target, args[0] as Record<string, unknown>);
      case "range.Clear":
      case "areas.Clear": {
        const t = o as Target;
        this.guard(t.sheet);
        const what = String(args[0] ?? "All");
        for (const r of t.rs)
          for (const [, , cell] of t.sheet.existing(r)) {
            if (what === "All" || what === "Contents") {
              cell.v = null;
              delete cell.f;
              delete cell.err;
            }
            if (what === "All" || what === "Formats")
              for (const k of ["nf", "fill", "font", "bold", "italic", "size", "name", "wrap", "valign"] as const)
                delete cell[k];
            // Excel's "All" clears everything in the range: its hyperlinks and notes too.
            if (what === "All") delete cell.link;
          }
        if (what === "All")
          for (const k of [...this.notes.keys()]) {
            const [id, row, col] = k.split("|");
            if (
              id === String(t.sheet.id) &&
              t.rs.some((r) => Number(row) >= r.r0 && Number(row) <= r.r1 && Number(col) >= r.c0 && Number(col) <= r.c1)
            )
              this.notes.delete(k);
          }
        return undefined;
      }
      case "range.Unmerge": {
        const t = o as Target;
        this.guard(t.sheet);
        t.sheet.merges = t.sheet.merges.filter((m) => !t.rs.some((r) => overlaps(r, m)));
        return undefined;
      }
      case "table.Resize": {
        const tb = (o as { t: SimTable }).t;
        this.guard(tb.sheet);
        const arg = args[0];
        const r = typeof arg === "string" ? parseA1(splitSheet(arg).ref) : (arg as Target).rs[0];
        if (r.r0 !== tb.range.r0 || r.c0 !== tb.range.c0)
          throw new SimError("InvalidArgument", "a table keeps its header row and first column when resized");
        if (this.tables.some((x) => x !== tb && x.sheet === tb.sheet && overlaps(x.range, r)))
          throw new SimError("InvalidOperation", "tables overlap");
        tb.range = r;
        return undefined;
      }
      case "name.Delete":
        this.names = this.names.filter((x) => x !== (o as { n: SimName }).n);
        return undefined;
      case "range.Merge":
        this.guard((o as Target).sheet);
        (o as Target).sheet.merges.push((o as Target).rs[0]);
        return undefined;
      case "range.Select":
      case "sheet.Activate":
        if (o.k === "sheet") this.active = this.sheets.indexOf(o.s);
        return undefined;
      case "format.AutofitRows": {
        const t = (o as { t: Target }).t;
        // Excel sizes the rows to their contents: a height the user gave a row is gone.
        for (const r of t.rs) {
          t.sheet.autofitRows.push({ r0: r.r0, r1: r.r1 });
          for (let rr = r.r0; rr <= r.r1; rr++) t.sheet.rowHeights.delete(rr);
        }
        return undefined;
      }
      case "format.AutofitColumns":
        return undefined;
      case "fill.Clear":
        this.guard((o as { t: Target }).t.sheet);
        return this.each((o as { t: Target }).t, (c) => delete c.fill);
      case "dv.Clear":
        return undefined;
      case "sheet.Delete": {
        const s = (o as { s: SimSheet }).s;
        if (this.protected) throw new SimError("AccessDenied", "workbook structure protected");
        if (!this.sheets.some((x) => x !== s && x.visibility === "Visible"))
          throw new SimError("InvalidOperation", "a workbook must keep one visible sheet");
        const activeSheet = this.sheets[this.active];
        this.sheets = this.sheets.filter((x) => x !== s);
        this.tables = this.tables.filter((t) => t.sheet !== s);
        for (const k of [...this.notes.keys()]) if (k.startsWith(`${s.id}|`)) this.notes.delete(k);
        // Names referring to the deleted sheet are broken.
        for (const n of this.names) if (n.ref && "sheet" in n.ref && n.ref.sheet === s) n.ref = null;
        this.active = Math.max(0, this.sheets.indexOf(activeSheet === s ? this.sheets[0] : activeSheet));
        return undefined;
      }
      case "freeze.FreezeRows":
        (o as { s: SimSheet }).s.frozenRows = Number(args[0]);
        return undefined;
      case "layout.SetPrintTitleRows":
        (o as { s: SimSheet }).s.print.titleRows = String(args[0]);
        return undefined;
      case "layout.SetPrintArea":
        (o as { s: SimSheet }).s.print.printArea = String(args[0]);
        return undefined;
      case "chart.SetPosition":
        return undefined;
      case "tcol.Delete": {
        const { t, name: header } = o as { t: SimTable; name: string };
        this.guard(t.sheet);
        let col = -1;
        for (let c = t.range.c0; c <= t.range.c1; c++)
          if (String(t.sheet.peek(t.range.r0, c)?.v ?? "") === header) col = c;
        if (col < 0) throw new SimError("ItemNotFound", `no column ${header}`);
        // The table's cells right of the column move left; nothing outside the table moves.
        for (let r = t.range.r0; r <= t.range.r1; r++) {
          const row = t.sheet.rows.get(r);
          if (!row) continue;
          row.delete(col);
          for (let c = col + 1; c <= t.range.c1; c++) {
            const cell = row.get(c);
            row.delete(c);
            if (cell) row.set(c - 1, cell);
          }
        }
        t.range = { ...t.range, c1: t.range.c1 - 1 };
        return undefined;
      }
      case "note.Delete":
        this.notes.delete((o as { key: string }).key);
        return undefined;
    }
    throw new SimError("InvalidArgument", `method ${name} on ${o.k}`);
  }
}

function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

/** An action that changes the workbook: a property set, a method other than a read, or an object added. */
function isChange(a: Action, paths: Record<string, Path>): boolean {
  return (
    a.ActionType === 4 ||
    (a.ActionType === 3 && !READ_METHODS.has(a.Name) && a.Name !== "SuspendApiCalculationUntilNextSync") ||
    (a.ActionType === 1 && paths[String(a.ObjectPathId)]?.Name === "Add")
  );
}

function isWrite(body: { Actions: Action[]; ObjectPaths: Record<string, Path> }): boolean {
  if (
    body.Actions.some(
      (a) =>
        a.ActionType === 4 ||
        (a.ActionType === 3 && !READ_METHODS.has(a.Name) && a.Name !== "SuspendApiCalculationUntilNextSync"),
    )
  )
    return true;
  return Object.values(body.ObjectPaths ?? {}).some((p) => p.ObjectPathType === 3 && p.Name === "Add");
}
