/**
 * Anchors: how TC8 finds what it wrote after the user inserted or deleted rows and columns,
 * renamed or moved sheets. Each marked cell, each row TC8 made taller and each of TC8's own sheets
 * gets a hidden defined name of the workbook; Excel and LibreOffice move a name's reference with
 * its cells and follow a sheet's new name, so the name says where the thing is now. TC8's state
 * keeps what to verify there (the cell's original format, the fingerprint of TC8's note), never
 * an address to write to blindly (docs/DECISIONS.md, "Anchors").
 */
import { colLetter, type DefinedName, MAX_COLS, MAX_ROWS, quoteSheet, type RangeRef } from "../shared/grid";
import type { OwnSheetNames, Tc8State } from "./state";

/** Every name TC8 writes begins so; names of the user's never do (Excel's own begin with "_xlnm."). */
export const ANCHOR_PREFIX = "_TC8_";

export const SHEET_ANCHORS = {
  state: "_TC8_State",
  summary: "_TC8_Summary",
  checklist: "_TC8_Checklist",
} as const satisfies Record<keyof OwnSheetNames, string>;

export const markAnchor = (i: number) => `${ANCHOR_PREFIX}M${i + 1}`;
export const rowAnchor = (i: number) => `${ANCHOR_PREFIX}R${i + 1}`;
export const columnAnchor = (i: number) => `${ANCHOR_PREFIX}C${i + 1}`;

export function isAnchorName(name: string): boolean {
  return name.toUpperCase().startsWith(ANCHOR_PREFIX.toUpperCase());
}

export interface AnchorRef {
  sheet: string;
  range: RangeRef;
}

const colIndex = (letters: string) => {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
};

/**
 * A name's reference: 'Sheet'!$E$5, Sheet!$A$1:$B$2, 'Sheet'!$5:$5 (rows), 'Sheet'!$A:$A (columns),
 * with or without a leading "=" and "$". Null for a reference the user's edits broke (#REF!) or
 * anything else (a constant, a formula, several areas).
 */
export function parseAnchor(formula: string): AnchorRef | null {
  const f = formula.trim().replace(/^=/, "");
  if (/#REF!/i.test(f)) return null;
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(f);
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const ref = m[3].replace(/\$/g, "");
  const parts = ref.split(":");
  if (parts.length > 2) return null;
  const cell = /^([A-Za-z]{1,3})(\d{1,7})$/;
  const row = /^(\d{1,7})$/;
  const col = /^([A-Za-z]{1,3})$/;
  const [a, b = a] = parts;
  let r: RangeRef;
  if (cell.test(a) && cell.test(b)) {
    const x = cell.exec(a)!;
    const y = cell.exec(b)!;
    r = { r0: Number(x[2]) - 1, c0: colIndex(x[1]), r1: Number(y[2]) - 1, c1: colIndex(y[1]) };
  } else if (row.test(a) && row.test(b)) r = { r0: Number(a) - 1, c0: 0, r1: Number(b) - 1, c1: MAX_COLS - 1 };
  else if (col.test(a) && col.test(b)) r = { r0: 0, c0: colIndex(a), r1: MAX_ROWS - 1, c1: colIndex(b) };
  else return null;
  if (r.r0 < 0 || r.c0 < 0 || r.r1 < r.r0 || r.c1 < r.c0) return null;
  return { sheet, range: r };
}

const abs = (row: number, col: number) => `$${colLetter(col)}$${row + 1}`;

/** The reference TC8 writes for a cell, a row, or a whole sheet (rows 1 to the last: no deletion can break it). */
export const cellAnchorRef = (sheet: string, row: number, col: number) => `${quoteSheet(sheet)}!${abs(row, col)}`;
export const rowAnchorRef = (sheet: string, row: number) => `${quoteSheet(sheet)}!$${row + 1}:$${row + 1}`;
export const sheetAnchorRef = (sheet: string) => `${quoteSheet(sheet)}!$1:$${MAX_ROWS}`;

/**
 * The names TC8 keeps after applying a state: one per own sheet, per mark and per taller row, in
 * this order (the same state gives the same names, so evaluating twice changes nothing). Marks and
 * rows are named by their place in the state, whose entries carry the same names.
 */
export function anchorNames(state: Tc8State): DefinedName[] {
  const out: DefinedName[] = [];
  for (const k of ["state", "summary", "checklist"] as const) {
    const sheet = state.own?.[k];
    if (sheet) out.push({ name: SHEET_ANCHORS[k], formula: sheetAnchorRef(sheet), hidden: true });
  }
  state.marks.forEach((m, i) => {
    const formula = cellAnchorOf(m.cell);
    if (formula) out.push({ name: m.name ?? markAnchor(i), formula, hidden: true });
  });
  (state.rows ?? []).forEach((r, i) =>
    out.push({ name: r.name ?? rowAnchor(i), formula: rowAnchorRef(r.sheet, r.row), hidden: true }),
  );
  (state.columns ?? []).forEach((c, i) => {
    const formula = cellAnchorOf(c.cell);
    if (formula) out.push({ name: c.name ?? columnAnchor(i), formula, hidden: true });
  });
  return out;
}

/** A cell's anchor reference ('Sheet'!E5 → 'Sheet'!$E$5), null for no cell. */
function cellAnchorOf(cell: string): string | null {
  const plain = plainCellAnchor(cell);
  if (plain) return plain;
  const at = parseMarkCell(cell);
  return at ? cellAnchorRef(at.sheet, at.row, at.col) : null;
}

/**
 * The anchor of a cell written the way TC8 writes cells ('Sheet'!E5: the name quoted, capital
 * letters, a row without leading zeros), made from its text without parsing it: a district marks
 * tens of thousands of cells. Null for any other form, which `parseAnchor` reads; both give the
 * same reference.
 */
function plainCellAnchor(cell: string): string | null {
  if (cell.charCodeAt(0) !== 39 /* ' */ || cell.includes("#")) return null;
  const bang = cell.lastIndexOf("'!");
  if (bang < 2) return null;
  const inner = cell.slice(1, bang);
  // Every quote in the sheet's name doubled, as quoteSheet writes it.
  if (inner.includes("'") && inner.replace(/''/g, "").includes("'")) return null;
  let i = bang + 2;
  const l0 = i;
  while (i < cell.length && cell.charCodeAt(i) >= 65 && cell.charCodeAt(i) <= 90) i++;
  const d0 = i;
  if (d0 === l0 || d0 - l0 > 3 || d0 >= cell.length) return null;
  const first = cell.charCodeAt(d0);
  if (first < 49 || first > 57) return null;
  for (i = d0 + 1; i < cell.length; i++) {
    const ch = cell.charCodeAt(i);
    if (ch < 48 || ch > 57) return null;
  }
  if (i - d0 > 7) return null;
  return `${cell.slice(0, l0)}$${cell.slice(l0, d0)}$${cell.slice(d0)}`;
}

function parseMarkCell(cell: string): { sheet: string; row: number; col: number } | null {
  const a = parseAnchor(cell);
  return a ? { sheet: a.sheet, row: a.range.r0, col: a.range.c0 } : null;
}

/** A state's marks and rows named for writing: each entry gets the name anchorNames gives it. */
export function namedState(state: Tc8State): Tc8State {
  return {
    ...state,
    marks: state.marks.map((m, i) => ({ ...m, name: markAnchor(i) })),
    ...(state.rows ? { rows: state.rows.map((r, i) => ({ ...r, name: rowAnchor(i) })) } : {}),
    ...(state.columns ? { columns: state.columns.map((c, i) => ({ ...c, name: columnAnchor(i) })) } : {}),
  };
}

/** TC8's names as the workbook holds them now: by name (case-insensitive, as Excel's are), their reference or null where broken. */
export function readAnchors(names: readonly DefinedName[] | undefined): Map<string, AnchorRef | null> {
  const out = new Map<string, AnchorRef | null>();
  for (const n of names ?? [])
    if (!n.scope && isAnchorName(n.name)) out.set(n.name.toUpperCase(), parseAnchor(n.formula));
  return out;
}

export type Anchors = ReturnType<typeof readAnchors>;

/**
 * Where an entry of the state is now: its name's reference when the name is there, null when the
 * user's edits broke it (its row, column or sheet is gone); undefined when the workbook has no such
 * name (a state written before any change, or before anchors): the saved address holds then.
 */
export function whereNow(anchors: Anchors, name: string | undefined): AnchorRef | null | undefined {
  if (!name) return undefined;
  const k = name.toUpperCase();
  return anchors.has(k) ? anchors.get(k)! : undefined;
}
