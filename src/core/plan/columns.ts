/**
 * TC8's columns in the user's tables (docs/output.md §1, §3, §9): the verdict and note columns,
 * where they go, and how a cell in them is told to be TC8's or the user's.
 */
import { explanationLines } from "../engine/explain";
import type { CommuneResult } from "../engine/types";
import { VERDICT_TEXT } from "../i18n";
import type { Lang, LevelId, RuleSet } from "../ruleset/types";
import { whereNow } from "../state/anchors";
import {
  type Grid,
  filledRowsIn,
  findGrid,
  isBlank,
  isFormulaAt,
  isTaken,
  MAX_COLS,
  parseCellAddress,
  sameSheet,
  usedRange,
  valueAt,
  cellAddress,
} from "../shared/grid";
import { isOutputHeader, OUTPUT_HEADERS, outputVerdictHeaders, verdictHeadersOf } from "../read/headers";
import { headerKey, words } from "../shared/normalize";
import type { ReadResult } from "../read/read";
import { type Tc8State, fingerprint, fingerprint3, type OutputColumns } from "../state/state";
import { cellHeight, DEFAULT_ROW_HEIGHT_PT } from "./layout";
import { STYLES } from "./styles";
import { cellText, columnOf, type DetectedTable } from "../read/tables";
import { evidenceText } from "./texts";
import type { StyleName, CellWrite, Plan } from "./types";
import { msg } from "../i18n/format";

// "Đã có 7/12 tài liệu NTM; 0/11 tài liệu NTM nâng cao" on one line.
export const COLUMN_WIDTHS: Record<string, number> = {
  [OUTPUT_HEADERS.evidence]: 46,
  [OUTPUT_HEADERS.explanation]: 70,
  [OUTPUT_HEADERS.note]: 50,
};

export const VERDICT_STYLE = { pass: "pass", fail: "fail", missing: "missing" } as const;

export function verdictHeaders(rs: RuleSet, levels: readonly LevelId[]): string[] {
  const out: string[] = [];
  for (const level of rs.levels) {
    if (!levels.includes(level.id)) continue;
    out.push(...verdictHeadersOf(level));
  }
  return [...out, OUTPUT_HEADERS.evidence, OUTPUT_HEADERS.explanation];
}

export function verdictCells(
  c: CommuneResult,
  rs: RuleSet,
  levels: readonly LevelId[],
  lang: Lang,
): { value: string; style?: StyleName }[] {
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
export function placeColumns(
  g: Grid,
  t: DetectedTable,
  width: number,
  free: (row: number, col: number) => boolean,
): { c0: number; inTable: boolean } | null {
  const rows = filledRowsIn(g, t.range.r0, t.range.r1);
  const taken = new Set<number>();
  for (const r of rows) {
    // A column found taken is not looked at again: a district's table has a hundred thousand cells.
    for (const c of g.rows.get(r)?.keys() ?? []) if (!taken.has(c) && isTaken(g, r, c) && !free(r, c)) taken.add(c);
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
export function canonicalHeader(text: string): string {
  const k = headerKey(text);
  return (
    [...outputVerdictHeaders(), OUTPUT_HEADERS.evidence, OUTPUT_HEADERS.explanation, OUTPUT_HEADERS.note].find(
      (h) => headerKey(h) === k,
    ) ?? text
  );
}

/**
 * The row a cell of TC8's columns belongs to, by what names it (the commune, village or postal
 * point of the table around it): a verdict is TC8's only while it is the value TC8 wrote for that
 * commune, whatever the edits moved. A row of a sheet holding tables read now that is none of their
 * data rows has no key (null: TC8 writes only in data rows); on other sheets a row's key is unknown.
 */
export function rowKeysOf(
  read: ReadResult,
  grids: readonly Grid[],
): (sheet: string, row: number) => string | null | undefined {
  const bySheet = new Map<string, Map<number, string>>();
  for (const t of read.tables) {
    const g = findGrid(grids, t.sheet);
    const cols = ["commune", "village", "postal_point"]
      .map((k) => columnOf(t, k)?.col)
      .filter((c): c is number => c !== undefined);
    if (!g || !cols.length) continue;
    let rows = bySheet.get(t.sheet);
    if (!rows) bySheet.set(t.sheet, (rows = new Map()));
    for (const r of t.dataRows)
      rows.set(r, `${t.kind}|${cols.map((c) => words(cellText(valueAt(g, r, c)))).join("|")}`);
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
export function printer(): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    let fp = memo.get(text);
    if (fp === undefined) memo.set(text, (fp = fingerprint(text)));
    return fp;
  };
}

/** The fingerprint of a value TC8 wrote in a row under a header, from the row key's and the value's own fingerprints. */
export const cellPrint = (keyPrint: string, header: string, valuePrint: string) =>
  fingerprint3(keyPrint, header, valuePrint);

/**
 * Tells TC8's cells in its columns from the user's: a cell is TC8's while it holds the value TC8
 * wrote there for that row's commune (or village, or point), or is blank. A formula is always the
 * user's, and so is a value in a row of the table's sheet that holds no commune (under the table,
 * say). Where the row's name changed since, or its sheet holds no table read now, a value TC8 wrote
 * anywhere in that column counts; with no fingerprints at all (no state, or one written
 * before them), the columns TC8's headers name are TC8's.
 */
export function tc8CellTest(
  prev: Tc8State | undefined,
  keyOf: (sheet: string, row: number) => string | null | undefined,
): (g: Grid, row: number, col: number, header: string) => boolean {
  const written = prev?.written
    ? new Map(Object.entries(prev.written).map(([h, list]) => [h, new Set(list)]))
    : undefined;
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
export function ownColumnRuns(
  g: Grid,
  headerRow: number,
  lastRow: number,
  col: number,
  header: string,
  isTc8: ReturnType<typeof tc8CellTest>,
): { tc8: number[]; runs: [number, number][]; user: number[] } {
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
function orphanColumns(
  read: ReadResult,
  grids: readonly Grid[],
  isTc8: ReturnType<typeof tc8CellTest>,
  known: ReadonlySet<string>,
) {
  const out: {
    sheet: string;
    col: number;
    header: string;
    headerRow: number;
    runs: [number, number][];
    typedOver?: true;
  }[] = [];
  if (!read.state?.written) return out;
  const own = new Set(Object.values(read.own));
  // A column whose header the user typed over, found by its anchor: TC8's values below it go, the user's header stays.
  for (const c of read.state.columns ?? []) {
    const a = whereNow(read.anchors, c.name);
    const g = a ? findGrid(grids, a.sheet) : undefined;
    if (
      !a ||
      !g ||
      own.has(g.sheet) ||
      known.has(`${g.sheet}|${a.range.r0}|${a.range.c0}`) ||
      valueAt(g, a.range.r0, a.range.c0) === c.header
    )
      continue;
    const used = usedRange(g);
    if (!used) continue;
    const found = ownColumnRuns(g, a.range.r0, used.r1, a.range.c0, c.header, isTc8);
    const runs = found.runs.flatMap(([r0, r1]): [number, number][] =>
      r0 === a.range.r0 ? (r1 > r0 ? [[r0 + 1, r1]] : []) : [[r0, r1]],
    );
    if (found.tc8.some((x) => x !== a.range.r0 && !isBlank(valueAt(g, x, a.range.c0))))
      out.push({ sheet: g.sheet, col: a.range.c0, header: c.header, headerRow: a.range.r0, runs, typedOver: true });
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
    if (
      own.has(g.sheet) ||
      (g.visibility && g.visibility !== "visible") ||
      !wroteInto.some((s) => sameSheet(s, g.sheet))
    )
      continue;
    const used = usedRange(g);
    if (!used) continue;
    for (const [r, cells] of g.rows)
      for (const [c, v] of cells) {
        if (
          typeof v !== "string" ||
          v.length > 16 ||
          !isOutputHeader(v) ||
          known.has(`${g.sheet}|${r}|${c}`) ||
          isFormulaAt(g, r, c)
        )
          continue;
        const found = ownColumnRuns(g, r, used.r1, c, v, isTc8);
        if (found.tc8.some((x) => x !== r && !isBlank(valueAt(g, x, c))))
          out.push({ sheet: g.sheet, col: c, header: v, headerRow: r, runs: found.runs });
      }
  }
  return out;
}

/**
 * What goes of TC8's columns outside the tables read now (on evaluating again and on Clear results):
 * their cells that still hold TC8's values; a header the user typed over TC8's is theirs, and only
 * TC8's look on it goes.
 */
export function orphanClears(
  read: ReadResult,
  grids: readonly Grid[],
  isTc8: ReturnType<typeof tc8CellTest>,
  known: ReadonlySet<string>,
): Plan["clears"] {
  const clears: Plan["clears"] = [];
  for (const o of orphanColumns(read, grids, isTc8, known)) {
    for (const [r0, r1] of o.runs) clears.push({ sheet: o.sheet, range: { r0, c0: o.col, r1, c1: o.col } });
    if (o.typedOver)
      clears.push({ sheet: o.sheet, range: { r0: o.headerRow, c0: o.col, r1: o.headerRow, c1: o.col }, formats: true });
  }
  return clears;
}

/** The height each row of the user's sheets needs for the wrapped text TC8 writes in it. */
export function wrappedRowHeights(
  writes: readonly CellWrite[],
  widths: Plan["columnWidths"],
): NonNullable<Plan["rowHeights"]> {
  const width = new Map(widths.map((w) => [`${w.sheet}|${w.col}`, w.width]));
  const need = new Map<string, { sheet: string; row: number; height: number }>();
  for (const w of writes) {
    if (!w.style || !STYLES[w.style].wrap || typeof w.value !== "string" || !w.value) continue;
    const h = cellHeight(w.value, width.get(`${w.sheet}|${w.col}`) ?? 12, STYLES[w.style].size ?? 11);
    const k = `${w.sheet}|${w.row}`;
    if (h > DEFAULT_ROW_HEIGHT_PT && h > (need.get(k)?.height ?? 0))
      need.set(k, { sheet: w.sheet, row: w.row, height: h });
  }
  return [...need.values()];
}

/** TC8's columns in a table (by their headers) and its cells in them, checked against what it wrote. */
export function ownColumnsOf(g: Grid, t: DetectedTable, isTc8: ReturnType<typeof tc8CellTest>) {
  return t.columns
    .filter((c) => c.output)
    .map((c) => {
      const header = canonicalHeader(cellText(valueAt(g, t.headerLast, c.col)) || c.header);
      return { col: c.col, header, ...ownColumnRuns(g, t.headerLast, t.range.r1, c.col, header, isTc8) };
    });
}

/**
 * Writes TC8's columns into the user's tables for one plan: each value only into a blank cell or
 * one of TC8's own (checked), with the fingerprints the state keeps of what TC8 wrote.
 */
export function columnWriter(read: ReadResult, grids: readonly Grid[], plan: Plan, state: Tc8State) {
  const prev = read.state;
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

  const write = (w: CellWrite, header: string, g: Grid = gridOf(w.sheet)) => {
    // Never over a user's cell: only blank cells (no formula, whatever its value) and TC8's own are written.
    if (isTaken(g, w.row, w.col) && !ownCells.has(`${w.sheet}|${w.row}|${w.col}`)) {
      plan.warnings.push({
        severity: "warning",
        cell: cellAddress(w.sheet, w.row, w.col),
        msg: msg("problem.cellTaken", {}),
      });
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

  const addColumns = (
    t: DetectedTable,
    headers: string[],
    rows: { row: number; values: { value: string | number | null; style?: StyleName }[] }[],
  ): OutputColumns | undefined => {
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
        plan.warnings.push({
          severity: "warning",
          cell: cellAddress(t.sheet, t.headerLast, t.range.c1),
          msg: msg("problem.noRoom", { count: headers.length }),
        });
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
    // A plain loop, the grid found once and the columns worked out once: a district writes tens of
    // thousands of cells here.
    const colAt = headers.map((_, i) => colOf(i));
    for (const r of rows)
      for (let i = 0; i < r.values.length; i++) {
        const v = r.values[i];
        const w: CellWrite = { sheet: t.sheet, row: r.row, col: colAt[i] ?? colOf(i), value: v.value };
        if (v.style) w.style = v.style;
        write(w, headers[i], g);
      }
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
      plan.warnings.push({
        severity: "warning",
        cell: cellAddress(t.sheet, t.headerLast, c0),
        msg: msg("problem.columnsOutsideTable", { table: t.excelTable }),
      });
    }
    // Loops, not spreads, over rows: a province has more rows than the stack takes arguments.
    let lastRow = t.headerLast;
    for (const r of rows) if (r.row > lastRow) lastRow = r.row;
    return {
      sheet: t.sheet,
      headerRow: t.headerLast,
      c0,
      c1,
      r1: lastRow,
      ...(t.excelTable ? { excelTable: t.excelTable } : {}),
    };
  };

  return {
    addColumns,
    isTc8,
    known: known as ReadonlySet<string>,
    /** A cell TC8 writes in its columns: never marked. */
    isOwn: (sheet: string, row: number, col: number) => ownCells.has(`${sheet}|${row}|${col}`),
    /** The fingerprints of what was written, into the state (sorted: evaluating twice writes the same state). */
    recordWritten() {
      state.written = Object.fromEntries(
        [...written].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([h, set]) => [h, [...set].sort()]),
      );
      state.writtenCells = [...writtenCells].sort();
      state.writtenRows = [...writtenRows].sort();
    },
  };
}
