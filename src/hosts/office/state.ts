/**
 * What the Office.js host keeps in TC8's state beyond the core's plan: each marked cell's own
 * formatting (compact), a fingerprint of the note TC8 put there, the names of the sheets it builds
 * out of sight before they replace its old ones, and the state written before any change (every
 * change TC8 is about to make, old and new), so a request that fails at any point leaves a
 * workbook that Clear results restores.
 */
import { parseAnchor, readAnchors } from "../../core/state/anchors";
import { ownSheets } from "../../core/read/read";
import { MARK_COLORS } from "../../core/plan/styles";
import { fingerprint, type OutputColumns, type SavedMark, type Tc8State } from "../../core/state/state";
import type { Grid } from "../../core/shared/grid";
import type { ExcelSnapshot } from "./read";

/** A cell's fill (null: no fill) and font colour, as Excel reports them ("#RRGGBB"). */
export interface Look {
  fill: string | null;
  font: string;
}

/**
 * A marked cell's own formatting as saved: `f` its fill (absent: no fill), `c` its font colour
 * (absent: automatic), `n` TC8 added its note there, `h` that note's fingerprint.
 */
export interface OfficeOriginal {
  f?: string;
  c?: string;
  n?: 1;
  h?: string;
}

export interface Original {
  look: Look;
  noted: boolean;
  hash?: string;
}

const AUTO_FONT = "#000000";

export function encodeOriginal(o: Original): OfficeOriginal {
  const out: OfficeOriginal = {};
  if (o.look.fill) out.f = o.look.fill;
  if (o.look.font.toUpperCase() !== AUTO_FONT) out.c = o.look.font;
  if (o.noted) out.n = 1;
  if (o.noted && o.hash) out.h = o.hash;
  return out;
}

/** Reads a saved original, also as the first version of the add-in wrote it ({fill, font, noted}). */
export function decodeOriginal(o: unknown): Original | undefined {
  if (!o || typeof o !== "object") return undefined;
  const x = o as Record<string, unknown>;
  if ("fill" in x || "font" in x || "noted" in x) {
    const fill = typeof x.fill === "string" && x.fill.toUpperCase() !== "#FFFFFF" ? x.fill : null;
    return { look: { fill, font: typeof x.font === "string" ? x.font : AUTO_FONT }, noted: !!x.noted };
  }
  return {
    look: { fill: typeof x.f === "string" ? x.f : null, font: typeof x.c === "string" ? x.c : AUTO_FONT },
    noted: x.n === 1,
    ...(typeof x.h === "string" ? { hash: x.h } : {}),
  };
}

/** A short fingerprint of a note's text (FNV-1a, 32 bits), to know the note is still the one TC8 wrote. */
export const noteHash = fingerprint;

/** A look's properties, any of them left as they are. */
export type LookChange = Partial<Look>;

/**
 * What of a cell's look is still TC8's mark of `kind`, property by property: a fill or a font
 * colour the user chose since stays theirs, and a mark half applied (a request that failed between
 * the two) is still recognised for the half that was.
 */
export function markShown(look: Look | undefined, kind: SavedMark["kind"]): { fill: boolean; font: boolean } {
  const c = MARK_COLORS[kind];
  return { fill: look?.fill?.toUpperCase() === `#${c.fill}`, font: look?.font.toUpperCase() === `#${c.font}` };
}

/** What restoring a mark changes: the original of each property that still shows TC8's mark. */
export function restoring(look: Look | undefined, kind: SavedMark["kind"], original: Look): LookChange {
  const shown = markShown(look, kind);
  return { ...(shown.fill ? { fill: original.fill } : {}), ...(shown.font ? { font: original.font } : {}) };
}

export const sameLook = (a: Look, b: Look): boolean =>
  (a.fill?.toUpperCase() ?? null) === (b.fill?.toUpperCase() ?? null) && a.font.toUpperCase() === b.font.toUpperCase();

// ---- sheets built out of sight ----

const SUFFIX = { new: "mới", old: "cũ" } as const;
export type TempKind = keyof typeof SUFFIX;

/** The name a sheet is built under ("Minh chứng TC8 (mới)") or its old copy set aside under ("… (cũ)"), free in the workbook. */
export function tempName(base: string, kind: TempKind, taken: (name: string) => boolean): string {
  for (let i = 1; ; i++) {
    const name = `${base} (${SUFFIX[kind]}${i > 1 ? ` ${i}` : ""})`;
    if (!taken(name)) return name;
  }
}

/** Which sheet a name is the temporary copy of, if it is one (only those TC8's state lists are TC8's). */
export function tempOf(name: string): { base: string; kind: TempKind } | undefined {
  const m = /^(.*) \((mới|cũ)(?: \d+)?\)$/.exec(name);
  if (!m) return undefined;
  return { base: m[1], kind: m[2] === "mới" ? "new" : "old" };
}

export const tempTableName = (table: string, taken: (name: string) => boolean): string => {
  for (let i = 1; ; i++) {
    const name = `${table}_moi${i > 1 ? i : ""}`;
    if (!taken(name)) return name;
  }
};

/**
 * What an evaluation or Clear results interrupted earlier left behind, set right before anything
 * else: an old copy set aside whose sheet is gone is the sheet again; every other temporary sheet
 * TC8's state lists is deleted. The snapshot is the workbook as it will be after these.
 */
export interface Housekeeping {
  renames: { from: string; to: string }[];
  deletes: string[];
  snapshot: ExcelSnapshot;
  state?: Tc8State;
}

export function housekeeping(snap: ExcelSnapshot): Housekeeping {
  const { state } = ownSheets(snap.grids, readAnchors(snap.names));
  const listed = new Set(state?.sheets ?? []);
  const names = new Set(snap.grids.map((g) => g.sheet));
  const renames: Housekeeping["renames"] = [];
  const deletes: string[] = [];
  for (const g of snap.grids) {
    const t = tempOf(g.sheet);
    if (!t || !listed.has(g.sheet)) continue;
    if (t.kind === "old" && !names.has(t.base) && !renames.some((r) => r.to === t.base))
      renames.push({ from: g.sheet, to: t.base });
    else deletes.push(g.sheet);
  }
  if (!renames.length && !deletes.length) return { renames, deletes, snapshot: snap, ...(state ? { state } : {}) };
  const renamed = (n: string) => renames.find((r) => r.from === n)?.to ?? n;
  const grids: Grid[] = snap.grids
    .filter((g) => !deletes.includes(g.sheet))
    .map((g) =>
      renames.some((r) => r.from === g.sheet) ? { ...g, sheet: renamed(g.sheet), visibility: "visible" as const } : g,
    );
  // Names follow the sheets set right, as Excel's would: renamed with them, broken with the deleted ones.
  const quoted = (n: string) => `'${n.replace(/'/g, "''")}'!`;
  const movedNames = snap.names.map((n) => {
    const a = parseAnchor(n.formula);
    if (!a) return n;
    if (deletes.includes(a.sheet)) return { ...n, formula: "#REF!" };
    const to = renames.find((r) => r.from === a.sheet)?.to;
    return to ? { ...n, formula: quoted(to) + n.formula.slice(n.formula.indexOf("!") + 1) } : n;
  });
  return {
    renames,
    deletes,
    state,
    snapshot: {
      ...snap,
      grids,
      names: movedNames,
      sheetOrder: snap.sheetOrder.filter((n) => !deletes.includes(n)).map(renamed),
      protectedSheets: snap.protectedSheets.map(renamed),
    },
  };
}

// ---- the state written first ----

const overlapsCols = (a: OutputColumns, b: OutputColumns) =>
  a.sheet === b.sheet && a.headerRow === b.headerRow && a.c0 <= b.c1 + 1 && b.c0 <= a.c1 + 1;

/**
 * The state to write before any change: everything the last evaluation changed and everything
 * this one will, so Clear results undoes either whatever point a failure stops at. Columns of the
 * same table are one block; marks are the new ones (with their originals) and the old ones.
 */
export function pendingState(prev: Tc8State | undefined, next: Tc8State, extraSheets: readonly string[]): Tc8State {
  const out: Tc8State = JSON.parse(JSON.stringify(next));
  if (!prev) {
    out.sheets = [...new Set([...out.sheets, ...extraSheets])];
    return out;
  }
  // What TC8 wrote before and what it writes now are both its own until the final state.
  if (prev.written) {
    const w = { ...(out.written ?? {}) };
    for (const [h, list] of Object.entries(prev.written)) w[h] = [...new Set([...(w[h] ?? []), ...list])].sort();
    out.written = w;
  } else delete out.written;
  const mine = [out.verdictColumns, ...out.noteColumns].filter((c): c is OutputColumns => !!c);
  for (const p of [prev.verdictColumns, ...prev.noteColumns]) {
    if (!p) continue;
    const same = mine.find((c) => overlapsCols(c, p));
    if (same) {
      same.c0 = Math.min(same.c0, p.c0);
      same.c1 = Math.max(same.c1, p.c1);
      same.r1 = Math.max(same.r1, p.r1);
      if (p.tableRangeBefore) same.tableRangeBefore = p.tableRangeBefore;
      if (p.excelTable && !same.excelTable) same.excelTable = p.excelTable;
    } else {
      out.noteColumns.push({ ...p });
      mine.push(out.noteColumns[out.noteColumns.length - 1]);
    }
  }
  const cells = new Set(out.marks.map((m) => m.cell));
  for (const m of prev.marks) if (!cells.has(m.cell)) out.marks.push(m);
  out.sheets = [...new Set([...prev.sheets, ...out.sheets, ...extraSheets])];
  return out;
}
