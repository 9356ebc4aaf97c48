/**
 * Applying a plan to an .xlsx package: the .xlsx host's write side (command line and browser page).
 * Parts are patched, never rewritten: see docs/DECISIONS.md, "The .xlsx host patches the package".
 */
import { applyNow, type ApplyOps } from "../../core/plan/apply";
import { anchorNames, isAnchorName, namedState } from "../../core/state/anchors";
import {
  colLetter,
  type DefinedName,
  parseCellAddress,
  quoteSheet,
  rangeA1,
  type RangeRef,
} from "../../core/shared/grid";
import { type NewSheet, type Plan, sheetCells } from "../../core/plan";
import { fingerprint, serializeState, type SavedMark, type SavedRow } from "../../core/state/state";
import { applyNotes, type NotesChange, readNotes } from "./notes";
import { chartXml, drawingXml } from "./chart";
import { newSheetXml, newTableXml } from "./newsheet";
import { CONTENT_TYPES, type Package, REL } from "./package";
import type { WorkbookModel } from "./read";
import { type CellOp, patchSheet, type RowHeightOp, type RowOriginal, type SheetPatch } from "./sheet";
import { StyleBook } from "./stylebook";
import {
  appendInto,
  attrOf,
  childOfRoot,
  childrenOf,
  escapeAttr,
  escapeText,
  insertInOrder,
  rootOf,
  setAttr,
  unescapeXml,
  WORKBOOK_ORDER,
} from "./xml";

/**
 * What the state keeps of a marked cell, to take the mark away again: the user's format (`xf`,
 * null when the cell had none) and TC8's mark format derived from it (`tc8Xf`), so a cell still
 * carrying TC8's format can be restored; whether TC8 made the cell (`created`) or its note (`noted`).
 */
export interface PackageOriginal {
  xf: number | null;
  tc8Xf: number;
  created: boolean;
  noted: boolean;
  /** The fingerprint of the note TC8 wrote: it is removed only while its text is still that. */
  h?: string;
  /** The fingerprint of the user's format as it was (StyleBook.describe): `xf` still means it. */
  u?: string;
  /** The user's fill record and font colour element (null: automatic), put back property by property when formats were renumbered or changed. */
  fill?: string;
  color?: string | null;
}

/**
 * How a marked cell gets its own format back, given its format now: unchanged since TC8 marked it
 * (its mark format, the user's format still at its index), the user's format exactly; otherwise
 * (LibreOffice or Excel renumbered the formats, or the user changed the cell's font or borders
 * since) the fill and the font colour that still show TC8's are put back, each on its own. A cell
 * that shows nothing of TC8's mark any more is the user's and is left alone.
 */
function restorer(o: PackageOriginal, kind: "fail" | "missing", styles: StyleBook): NonNullable<CellOp["restore"]> {
  return (s, empty) => {
    const now = s ?? 0;
    const shown = styles.markShown(now, kind);
    if (!shown.fill && !shown.font) return undefined;
    const same = o.u === undefined || fingerprint(styles.describe(o.xf ?? 0)) === o.u;
    if (now === o.tc8Xf && same) return o.created && empty ? "remove" : o.xf;
    if (o.fill === undefined) return undefined;
    return styles.restoreLook(now, shown.fill ? o.fill : undefined, shown.font ? (o.color ?? null) : undefined);
  };
}

function isRowOriginal(o: unknown): o is RowOriginal {
  return typeof o === "object" && o !== null && typeof (o as RowOriginal).tc8 === "number";
}

function isPackageOriginal(o: unknown): o is PackageOriginal {
  return typeof o === "object" && o !== null && typeof (o as PackageOriginal).tc8Xf === "number";
}

export interface ApplyReport {
  /** What the plan asked for that this host cannot do (an Excel chart). */
  skipped: string[];
}

const splitKey = (k: string): [string, number, number] => {
  const i = k.lastIndexOf("|");
  const j = k.lastIndexOf("|", i - 1);
  return [k.slice(0, j), Number(k.slice(j + 1, i)), Number(k.slice(i + 1))];
};

const RELS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** workbook.xml, edited in place. */
class WorkbookXml {
  xml: string;
  constructor(pkg: Package, part: string) {
    this.xml = pkg.text(part);
  }

  private relPrefix(): string {
    const root = rootOf(this.xml);
    const open = this.xml.slice(root.start, root.end);
    const m = new RegExp(`xmlns:([\\w.-]+)="${RELS_NS.replace(/[./]/g, "\\$&")}"`).exec(open);
    if (m) return m[1];
    this.xml = this.xml.slice(0, root.start) + setAttr(open, "xmlns:r", RELS_NS) + this.xml.slice(root.end);
    return "r";
  }

  sheetElements() {
    const sheets = childOfRoot(this.xml, "sheets");
    return (sheets ? childrenOf(this.xml, sheets.tag) : []).map((el) => {
      const open = this.xml.slice(el.tag.start, el.tag.end);
      return { el, open, name: attrOf(open, "name") ?? "", sheetId: Number(attrOf(open, "sheetId") ?? 0) };
    });
  }

  addSheet(name: string, rid: string, state?: string): void {
    const pfx = this.relPrefix();
    const list = this.sheetElements();
    const sheetId = Math.max(0, ...list.map((s) => s.sheetId)) + 1;
    const sheets = childOfRoot(this.xml, "sheets")!;
    const p = sheets.tag.name.slice(0, sheets.tag.name.length - sheets.tag.local.length);
    this.xml = appendInto(
      this.xml,
      sheets,
      `<${p}sheet name="${escapeAttr(name)}" sheetId="${sheetId}"${state ? ` state="${state}"` : ""} ${pfx}:id="${rid}"/>`,
    );
  }

  setState(name: string, state: string): void {
    const s = this.sheetElements().find((x) => x.name === name);
    if (!s || attrOf(s.open, "state") === state) return;
    this.xml = this.xml.slice(0, s.el.tag.start) + setAttr(s.open, "state", state) + this.xml.slice(s.el.tag.end);
  }

  /** The sheet's print titles and print area (`_xlnm.` names scoped to it), replacing TC8's earlier ones. */
  setPrintNames(name: string, titles: { first: number; last: number } | undefined, area: RangeRef | undefined): void {
    const idx = this.sheetElements().findIndex((x) => x.name === name);
    if (idx < 0) return;
    const q = quoteSheet(name);
    const wanted: [string, string][] = [];
    if (titles) wanted.push(["_xlnm.Print_Titles", `${q}!$${titles.first + 1}:$${titles.last + 1}`]);
    if (area)
      wanted.push([
        "_xlnm.Print_Area",
        `${q}!$${colLetter(area.c0)}$${area.r0 + 1}:$${colLetter(area.c1)}$${area.r1 + 1}`,
      ]);
    let names = childOfRoot(this.xml, "definedNames");
    // TC8's earlier names for this sheet go first.
    if (names)
      for (const n of [...childrenOf(this.xml, names.tag)].reverse()) {
        const open = this.xml.slice(n.tag.start, n.tag.end);
        if (
          attrOf(open, "localSheetId") === String(idx) &&
          ["_xlnm.Print_Titles", "_xlnm.Print_Area"].includes(attrOf(open, "name") ?? "")
        )
          this.xml = this.xml.slice(0, n.tag.start) + this.xml.slice(n.end);
      }
    names = childOfRoot(this.xml, "definedNames");
    if (names && !childrenOf(this.xml, names.tag).length) {
      this.xml = this.xml.slice(0, names.tag.start) + this.xml.slice(names.end);
      names = undefined;
    }
    if (!wanted.length) return;
    const root = rootOf(this.xml);
    const p = root.name.slice(0, root.name.length - root.local.length);
    const text = wanted
      .map(([n, ref]) => `<${p}definedName name="${n}" localSheetId="${idx}">${escapeText(ref)}</${p}definedName>`)
      .join("");
    this.xml = names
      ? appendInto(this.xml, names, text)
      : insertInOrder(this.xml, WORKBOOK_ORDER, "definedNames", `<${p}definedNames>${text}</${p}definedNames>`);
  }

  /**
   * TC8's anchors (anchors.ts): its earlier names go, the new ones are appended, hidden. Names of
   * the user's are left where they are.
   */
  setAnchors(list: readonly DefinedName[]): void {
    let names = childOfRoot(this.xml, "definedNames");
    if (names) {
      // One pass: a district's workbook carries thousands of anchors, and cutting them one by one
      // copies the whole part each time.
      const parts: string[] = [];
      let from = 0;
      for (const n of childrenOf(this.xml, names.tag)) {
        const open = this.xml.slice(n.tag.start, n.tag.end);
        if (attrOf(open, "localSheetId") !== undefined || !isAnchorName(unescapeXml(attrOf(open, "name") ?? "")))
          continue;
        parts.push(this.xml.slice(from, n.tag.start));
        from = n.end;
      }
      if (parts.length) this.xml = parts.join("") + this.xml.slice(from);
    }
    names = childOfRoot(this.xml, "definedNames");
    if (names && !childrenOf(this.xml, names.tag).length) {
      this.xml = this.xml.slice(0, names.tag.start) + this.xml.slice(names.end);
      names = undefined;
    }
    if (!list.length) return;
    const root = rootOf(this.xml);
    const p = root.name.slice(0, root.name.length - root.local.length);
    const text = list
      .map((n) => `<${p}definedName name="${escapeAttr(n.name)}" hidden="1">${escapeText(n.formula)}</${p}definedName>`)
      .join("");
    this.xml = names
      ? appendInto(this.xml, names, text)
      : insertInOrder(this.xml, WORKBOOK_ORDER, "definedNames", `<${p}definedNames>${text}</${p}definedNames>`);
  }

  /** Removes a sheet's entry; names scoped to later sheets and the active tab keep pointing at the same sheets. */
  removeSheet(name: string): void {
    const list = this.sheetElements();
    const idx = list.findIndex((x) => x.name === name);
    if (idx < 0) return;
    const s = list[idx];
    this.xml = this.xml.slice(0, s.el.tag.start) + this.xml.slice(s.el.end);
    const names = childOfRoot(this.xml, "definedNames");
    if (names) {
      const items = childrenOf(this.xml, names.tag);
      for (const n of [...items].reverse()) {
        const open = this.xml.slice(n.tag.start, n.tag.end);
        const local = attrOf(open, "localSheetId");
        if (local === undefined) continue;
        const k = Number(local);
        if (k === idx) this.xml = this.xml.slice(0, n.tag.start) + this.xml.slice(n.end);
        else if (k > idx)
          this.xml =
            this.xml.slice(0, n.tag.start) + setAttr(open, "localSheetId", String(k - 1)) + this.xml.slice(n.tag.end);
      }
      const after = childOfRoot(this.xml, "definedNames")!;
      if (!childrenOf(this.xml, after.tag).length)
        this.xml = this.xml.slice(0, after.tag.start) + this.xml.slice(after.end);
    }
    const views = childOfRoot(this.xml, "bookViews");
    if (views)
      for (const v of [...childrenOf(this.xml, views.tag)].reverse()) {
        let open = this.xml.slice(v.tag.start, v.tag.end);
        for (const a of ["activeTab", "firstSheet"]) {
          const k = Number(attrOf(open, a) ?? 0);
          if (k > idx || k >= list.length - 1)
            open = setAttr(open, a, String(Math.max(0, Math.min(k - (k > idx ? 1 : 0), list.length - 2))));
        }
        this.xml = this.xml.slice(0, v.tag.start) + open + this.xml.slice(v.tag.end);
      }
  }
}

/** The largest table id in the package (ids are unique across the workbook). */
function maxTableId(pkg: Package): number {
  let max = 0;
  for (const n of pkg.names())
    if (/^xl\/tables\/[^/]+\.xml$/i.test(n)) {
      const xml = pkg.text(n);
      const root = rootOf(xml);
      max = Math.max(max, Number(attrOf(xml.slice(root.start, root.end), "id") ?? 0));
    }
  return max;
}

/**
 * Removes what a sheet of TC8's own holds (its tables, its relationships) before it is written
 * again or deleted; `keep` table parts stay, to be written again under the same name.
 */
function dropSheetParts(
  pkg: Package,
  sheetPart: string,
  keep = 0,
  keepChart = false,
): { tables: string[]; chart?: { drawing: string; chart: string } } {
  const tables = pkg
    .related(sheetPart, REL.table)
    .map((r) => r.part)
    .filter((p) => pkg.has(p));
  const notes = [...pkg.related(sheetPart, REL.comments), ...pkg.related(sheetPart, REL.vmlDrawing)]
    .map((r) => r.part)
    .filter((p) => pkg.has(p));
  // Its drawing and the chart on it (the summary's): kept, to be written again under the same
  // names, when the sheet has a chart again (so evaluating twice writes the same package).
  const drawings = pkg
    .related(sheetPart, REL.drawing)
    .map((r) => r.part)
    .filter((p) => pkg.has(p));
  const charts = drawings.map((d) =>
    pkg
      .related(d, REL.chart)
      .map((r) => r.part)
      .filter((p) => pkg.has(p)),
  );
  const reuse =
    keepChart && drawings.length === 1 && charts[0].length === 1
      ? { drawing: drawings[0], chart: charts[0][0] }
      : undefined;
  if (!reuse) for (const d of drawings) pkg.remove(d.replace(/([^/]+)$/, "_rels/$1.rels"));
  for (const part of [...tables.slice(keep), ...notes, ...(reuse ? [] : [...drawings, ...charts.flat()])]) {
    pkg.removeOverride(part);
    pkg.remove(part);
  }
  pkg.remove(sheetPart.replace(/([^/]+)$/, "_rels/$1.rels"));
  return { tables: tables.slice(0, keep), ...(reuse ? { chart: reuse } : {}) };
}

function resizeTable(pkg: Package, sheetPart: string, name: string, range: Plan["tableResizes"][number]): void {
  for (const { part } of pkg.related(sheetPart, REL.table)) {
    if (!pkg.has(part)) continue;
    let xml = pkg.text(part);
    const root = rootOf(xml);
    const open = xml.slice(root.start, root.end);
    if ((attrOf(open, "displayName") ?? attrOf(open, "name")) !== name && attrOf(open, "name") !== name) continue;
    const ref = rangeA1(range.range);
    xml = xml.slice(0, root.start) + setAttr(open, "ref", ref) + xml.slice(root.end);
    const af = childOfRoot(xml, "autoFilter");
    if (af)
      xml =
        xml.slice(0, af.tag.start) + setAttr(xml.slice(af.tag.start, af.tag.end), "ref", ref) + xml.slice(af.tag.end);
    const cols = childOfRoot(xml, "tableColumns");
    if (cols) {
      const p = cols.tag.name.slice(0, cols.tag.name.length - cols.tag.local.length);
      const items = childrenOf(xml, cols.tag);
      const remove = new Set(range.removeHeaders ?? []);
      const keep = items.filter(
        (c) => !remove.has(unescapeXml(attrOf(xml.slice(c.tag.start, c.tag.end), "name") ?? "")),
      );
      const ids = items.map((c) => Number(attrOf(xml.slice(c.tag.start, c.tag.end), "id") ?? 0));
      let next = Math.max(0, ...ids) + 1;
      const taken = new Set(keep.map((c) => attrOf(xml.slice(c.tag.start, c.tag.end), "name") ?? ""));
      const added = range.headers
        .filter((h) => !taken.has(h))
        .map((h) => `<${p}tableColumn id="${next++}" name="${escapeAttr(h)}"/>`)
        .join("");
      const width = range.range.c1 - range.range.c0 + 1;
      const body = keep.map((c) => xml.slice(c.tag.start, c.end)).join("") + added;
      const count = keep.length + range.headers.filter((h) => !taken.has(h)).length;
      if (count !== width) return; // the table's columns and its range would disagree: leave it as it was
      const openCols = setAttr(xml.slice(cols.tag.start, cols.tag.end), "count", String(count));
      xml = xml.slice(0, cols.tag.start) + openCols + body + `</${cols.tag.name}>` + xml.slice(cols.end);
    }
    pkg.set(part, xml);
    return;
  }
}

export function applyPlan(model: WorkbookModel, plan: Plan, opts: { writeState?: boolean } = {}): ApplyReport {
  const skipped: string[] = [];
  applyNow(plan, packageOps(model, plan, opts));
  return { skipped };
}

/**
 * The steps of docs/output.md, "Applying a plan", as edits of package parts. Each step records
 * what changes in a sheet; the user's sheets are written once, at `finalState`, after TC8's own
 * (whose cells are let go by then). The package is written whole, so there is no part-way state
 * to record first.
 */
function packageOps(model: WorkbookModel, plan: Plan, opts: { writeState?: boolean }): ApplyOps<void> {
  const { pkg } = model;
  if (!model.stylesPart) {
    model.stylesPart = "xl/styles.xml";
    pkg.set(model.stylesPart, new StyleBook().toXml());
    pkg.addOverride(model.stylesPart, "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
    pkg.addRel(model.workbookPart, REL.styles, model.stylesPart);
  }
  const styles = new StyleBook(pkg.text(model.stylesPart));
  const partOf = new Map(model.sheets.filter((s) => s.part).map((s) => [s.name, s.part!]));
  const patches = new Map<string, SheetPatch>();
  const notes = new Map<string, NotesChange>();
  const patchOf = (sheet: string) => {
    let p = patches.get(sheet);
    if (!p) patches.set(sheet, (p = { ops: new Map(), clears: [], widths: new Map() }));
    return p;
  };
  const notesOf = (sheet: string) => {
    let n = notes.get(sheet);
    if (!n) notes.set(sheet, (n = { remove: [], add: [] }));
    return n;
  };
  const opOf = (sheet: string, row: number, col: number): CellOp => {
    const ops = patchOf(sheet).ops;
    let r = ops.get(row);
    if (!r) ops.set(row, (r = new Map()));
    let op = r.get(col);
    if (!op) r.set(col, (op = {}));
    return op;
  };
  const ownMarkXfs = new Set<number>();
  const unmarked = new Map<string, PackageOriginal>();
  const savedRows = new Map<string, SavedRow>();
  const heightOf = (sheet: string, row: number): RowHeightOp => {
    const p = patchOf(sheet);
    p.heights ??= new Map();
    let h = p.heights.get(row);
    if (!h) p.heights.set(row, (h = {}));
    return h;
  };
  const savedByCell = new Map<string, SavedMark>();
  const sheetXml = new Map<string, string>();
  const textOf = (sheet: string) => {
    let x = sheetXml.get(sheet);
    if (x === undefined) sheetXml.set(sheet, (x = pkg.text(partOf.get(sheet)!)));
    return x;
  };
  const current = new Map<string, ReturnType<typeof readNotes>>();
  const notesNow = (sheet: string) => {
    let n = current.get(sheet);
    if (!n) current.set(sheet, (n = readNotes(pkg, partOf.get(sheet)!, textOf(sheet))));
    return n;
  };
  /** The note on a cell TC8 marked last time is TC8's while its text is what TC8 wrote (by its author, for a state without fingerprints). */
  const tc8NoteAt = (sheet: string, row: number, col: number): boolean => {
    const o = unmarked.get(`${sheet}|${row}|${col}`);
    const note = o?.noted ? notesNow(sheet).notes.get(`${row}|${col}`) : undefined;
    if (!o || !note) return false;
    return o.h !== undefined ? fingerprint(note.text) === o.h : note.tc8Author;
  };
  const book = new WorkbookXml(pkg, model.workbookPart);
  const deleted = new Set<string>();
  // What a format looks like, worked out once per format: a district has thousands of marks over a handful of formats.
  const userLooks = new Map<number, string>();
  const baseLooks = new Map<number, { fill: string; color: string | null }>();
  const lookOf = (base: number, userXf: number) => {
    let u = userLooks.get(userXf);
    if (u === undefined) userLooks.set(userXf, (u = fingerprint(styles.describe(userXf))));
    let b = baseLooks.get(base);
    if (!b) baseLooks.set(base, (b = { fill: styles.fillOf(base), color: styles.fontColorOf(base) }));
    return { u, fill: b.fill, color: b.color };
  };

  const writeWhole = (spec: NewSheet, state?: string) => {
    let part = deleted.has(spec.name) ? undefined : partOf.get(spec.name);
    let reuse: string[] = [];
    let reuseChart: { drawing: string; chart: string } | undefined;
    if (part) ({ tables: reuse, chart: reuseChart } = dropSheetParts(pkg, part, spec.table ? 1 : 0, !!spec.chart));
    else {
      part = pkg.freeName("xl/worksheets/sheet", ".xml");
      pkg.addOverride(part, CONTENT_TYPES.worksheet);
      book.addSheet(spec.name, pkg.addRel(model.workbookPart, REL.worksheet, part), state);
    }
    if (state) book.setState(spec.name, state);
    let rid: string | undefined;
    if (spec.table) {
      // Written again under its own name and id, so evaluating again changes nothing else.
      const t = reuse[0] ?? pkg.freeName("xl/tables/table", ".xml");
      const id = reuse[0]
        ? Number(attrOf(pkg.text(t).slice(rootOf(pkg.text(t)).start, rootOf(pkg.text(t)).end), "id")) ||
          maxTableId(pkg) + 1
        : maxTableId(pkg) + 1;
      pkg.set(t, newTableXml(spec, id));
      pkg.addOverride(t, CONTENT_TYPES.table);
      rid = pkg.addRel(part, REL.table, t);
    }
    // Notes on its cells (the template's headers say what to enter).
    const noted = spec.cells.filter((c) => c.note);
    const vml = noted.length
      ? applyNotes(
          pkg,
          part,
          { notes: new Map() },
          { remove: [], add: noted.map((c) => ({ row: c.row, col: c.col, text: c.note! })) },
        )
      : undefined;
    // The chart over the cells the planner left for it.
    let drawingRid: string | undefined;
    if (spec.chart) {
      const chart = reuseChart?.chart ?? pkg.freeName("xl/charts/chart", ".xml");
      pkg.set(chart, chartXml(spec.name, spec.chart, sheetCells(spec)));
      const drawing = reuseChart?.drawing ?? pkg.freeName("xl/drawings/drawing", ".xml");
      const chartRid = reuseChart ? pkg.related(drawing, REL.chart)[0].rel.id : pkg.addRel(drawing, REL.chart, chart);
      const anchor = spec.chart.anchor ?? {
        r0: spec.chart.range.r0,
        c0: spec.chart.range.c1 + 2,
        r1: spec.chart.range.r0 + 15,
        c1: spec.chart.range.c1 + 9,
      };
      pkg.set(drawing, drawingXml(anchor, chartRid));
      if (!reuseChart) {
        pkg.addOverride(chart, CONTENT_TYPES.chart);
        pkg.addOverride(drawing, CONTENT_TYPES.drawing);
      }
      drawingRid = pkg.addRel(part, REL.drawing, drawing);
    }
    pkg.set(part, newSheetXml(spec, styles, rid, vml, drawingRid));
  };

  return {
    prepare() {},
    pendingState() {},

    // Cells TC8 marked last time (where they are now) get their own format back while they still
    // carry TC8's; TC8's notes on them go while their text is what TC8 wrote.
    restoreMarks({ unmarks, marks }) {
      for (const u of unmarks) {
        const { sheet, row, col } = parseCellAddress(u.cell);
        if (!partOf.has(sheet) || !isPackageOriginal(u.original)) continue;
        ownMarkXfs.add(u.original.tc8Xf);
        opOf(sheet, row, col).restore = restorer(u.original, u.kind, styles);
        unmarked.set(`${sheet}|${row}|${col}`, u.original);
      }
      // A cell marked again keeps or replaces its note at `mark`.
      const markedNow = new Set<string>();
      for (const m of marks) {
        const { sheet, row, col } = parseCellAddress(m.cell);
        markedNow.add(`${sheet}|${row}|${col}`);
      }
      for (const [k] of unmarked) {
        if (markedNow.has(k)) continue;
        const [sheet, row, col] = splitKey(k);
        if (tc8NoteAt(sheet, row, col)) notesOf(sheet).remove.push({ row, col });
      }
    },

    // TC8's previous columns; tables widened or narrowed to TC8's columns.
    clearColumns({ clears, tableResizes }) {
      for (const c of clears)
        if (!partOf.has(c.sheet)) continue;
        else if (c.formats) (patchOf(c.sheet).formatClears ??= []).push(c.range);
        else patchOf(c.sheet).clears.push(c.range);
      for (const t of tableResizes) if (partOf.has(t.sheet)) resizeTable(pkg, partOf.get(t.sheet)!, t.table, t);
    },

    writeCells({ sheet, cells }) {
      if (partOf.has(sheet))
        for (const w of cells) opOf(sheet, w.row, w.col).write = { value: w.value, xf: styles.styleXf(w.style) };
    },

    columnWidths({ sheet, widths }) {
      if (partOf.has(sheet)) for (const w of widths) patchOf(sheet).widths.set(w.col, w.width);
    },

    // Rows TC8's wrapped text needs taller: their own heights back first, then taller where too short.
    rowHeights({ rowHeights, restoreRows }) {
      for (const r of restoreRows)
        if (partOf.has(r.sheet) && isRowOriginal(r.original)) heightOf(r.sheet, r.row).restore = r.original;
      for (const r of rowHeights) {
        if (!partOf.has(r.sheet)) continue;
        const h = heightOf(r.sheet, r.row);
        h.need = r.height;
        h.saved = (original) => savedRows.set(`${r.sheet}|${r.row}`, { sheet: r.sheet, row: r.row, original });
      }
    },

    // Marks: TC8's format derived from each cell's own; a note only where the user has none.
    mark({ marks }) {
      for (const m of marks) {
        const { sheet, row, col } = parseCellAddress(m.cell);
        if (!partOf.has(sheet)) continue;
        const existing = notesNow(sheet).notes.get(`${row}|${col}`);
        const ours = existing !== undefined && tc8NoteAt(sheet, row, col);
        // A note of the user's stays as it is, and TC8 adds none there (the reason is in Giải thích TC8).
        const noted = !existing || ours;
        if (ours && existing.text !== m.note) notesOf(sheet).remove.push({ row, col });
        if (noted && (!existing || existing.text !== m.note)) notesOf(sheet).add.push({ row, col, text: m.note });
        const h = noted ? fingerprint(m.note) : undefined;
        opOf(sheet, row, col).mark = (base, created, userXf) => {
          const xf = styles.markXf(base, m.kind, ownMarkXfs);
          const look = lookOf(base, userXf ?? 0);
          savedByCell.set(m.cell, {
            cell: m.cell,
            kind: m.kind,
            original: { xf: userXf, tc8Xf: xf, created, noted, ...(h ? { h } : {}), ...look } satisfies PackageOriginal,
          });
          return xf;
        };
      }
    },

    // Sheets of TC8's making that are the user's now (the checklist), updated in place.
    updateSheet({ update: u }) {
      const part = partOf.get(u.name);
      if (!part) return;
      const patch = patchOf(u.name);
      for (const r of u.clears) patch.clears.push(r);
      for (const c of u.cells)
        opOf(u.name, c.row, c.col).write = { value: c.value, xf: c.keep ? "keep" : styles.styleXf(c.style) };
      if (u.unmerges.length || u.merges.length) patch.merges = { remove: u.unmerges, add: u.merges };
      if (u.validations.length) patch.validations = u.validations;
      if (u.headerRight) patch.headerRight = u.headerRight;
      for (const h of u.rowHeights) heightOf(u.name, h.row).need = h.height;
      if (u.table)
        resizeTable(pkg, part, u.table.name, { sheet: u.name, table: u.table.name, range: u.table.range, headers: [] });
    },

    newSheet({ sheet }) {
      writeWhole(sheet);
      // Written: its cells are let go (a district's checklist is two million of them), so the
      // collector does not walk them again while the user's sheets are patched.
      sheet.cells = [];
      sheet.rows = undefined;
    },

    // Print titles and areas: a sheet written on every evaluation (the summary) last, so its names
    // come back in the same place and evaluating twice writes the same workbook.xml.
    placeSheets({ sheets }) {
      for (const spec of [...sheets].reverse()) book.setPrintNames(spec.name, spec.print?.titleRows, spec.printArea);
    },

    deleteSheet({ name }) {
      const part = partOf.get(name);
      const info = model.sheets.find((s) => s.name === name);
      if (!part || !info) return;
      dropSheetParts(pkg, part);
      pkg.removeOverride(part);
      pkg.remove(part);
      pkg.removeRel(model.workbookPart, info.rid);
      book.removeSheet(name);
      deleted.add(name);
    },

    finalState() {
      // The user's sheets patched (after TC8's own, whose cells are let go by now).
      for (const [sheet, patch] of patches) {
        // A sheet deleted (the checklist on Clear results) takes its marks and notes with it.
        if (deleted.has(sheet)) continue;
        const part = partOf.get(sheet)!;
        const change = notes.get(sheet);
        if (change && (change.add.length || change.remove.length)) {
          const rid = applyNotes(pkg, part, notesNow(sheet), change);
          if (rid) patch.legacyDrawing = rid;
        }
        pkg.set(part, patchSheet(textOf(sheet), patch));
        // Its text has served (a district's sheet is tens of megabytes of string).
        sheetXml.delete(sheet);
        current.delete(sheet);
      }
      for (const [sheet, change] of notes) {
        if (
          patches.has(sheet) ||
          deleted.has(sheet) ||
          !partOf.has(sheet) ||
          (!change.add.length && !change.remove.length)
        )
          continue;
        const rid = applyNotes(pkg, partOf.get(sheet)!, notesNow(sheet), change);
        if (rid)
          pkg.set(
            partOf.get(sheet)!,
            patchSheet(textOf(sheet), { ops: new Map(), clears: [], widths: new Map(), legacyDrawing: rid }),
          );
      }

      // The state, in a very hidden sheet; each mark with what it takes to undo it, and its anchor:
      // a hidden name that follows it as the user inserts and deletes rows and columns.
      if (opts.writeState !== false) {
        const saved = plan.marks.map((m) => savedByCell.get(m.cell)).filter((s): s is SavedMark => !!s);
        // In the plan's order, so evaluating twice writes the same state.
        const rows = (plan.rowHeights ?? [])
          .map((r) => savedRows.get(`${r.sheet}|${r.row}`))
          .filter((r): r is SavedRow => !!r);
        const state = namedState({ ...plan.state, marks: saved, ...(rows.length ? { rows } : {}) });
        const chunks = serializeState(state);
        writeWhole(
          { name: plan.stateSheet, cells: chunks.map((value, row) => ({ row, col: 0, value })) },
          "veryHidden",
        );
        book.setAnchors(anchorNames(state));
      }

      if (styles.changed) pkg.set(model.stylesPart!, styles.toXml());
      if (book.xml !== pkg.text(model.workbookPart)) pkg.set(model.workbookPart, book.xml);
    },
  };
}
