/**
 * Applying a plan in Excel (docs/output.md, README.md). The order makes any failure recoverable:
 *   1. read what the marked cells look like now (one request for a district);
 *   2. write TC8's state first: every change about to be made, old and new, so that Clear results
 *      restores the workbook whichever request fails and wherever in it;
 *   3. restore the cells marked last time that still show TC8's colours, change TC8's columns,
 *      mark cells, build the summary and the checklist under temporary names, out of sight;
 *   4. put the new sheets in place of the old ones and write the final state.
 * Requests are filled up to an estimate of the UTF-8 bytes Office.js sends (wire.ts), each with
 * calculation suspended. With ExcelApi 1.9 marks and formats go by area lists (`getRanges`, some
 * hundreds of cells a call) grouped by sheet and kind; before it, cell by cell.
 */
import { applyInOrder, type ApplyOps } from "../../core/plan/apply";
import { anchorNames, isAnchorName, namedState, parseAnchor } from "../../core/state/anchors";
import {
  type NewSheet,
  type Plan,
  type SheetCell,
  type SheetUpdate,
  type StyleName,
  sheetCells,
} from "../../core/plan";
import {
  a1,
  colLetter,
  type DefinedName,
  type RangeRef,
  filledRows,
  parseCellAddress,
  quoteSheet,
  rangeA1,
  sameSheet,
} from "../../core/shared/grid";
import { serializeState, type SavedMark, type Tc8State } from "../../core/state/state";
import { BORDER_COLOR, FONT_NAME, MARK_COLORS, STYLES } from "../../core/plan/styles";
import type { Capabilities, Skipped } from "./capabilities";
import { columnRuns, lookAt, type Seen } from "./look";
import type { ExcelSnapshot } from "./read";
import {
  decodeOriginal,
  encodeOriginal,
  housekeeping,
  type Housekeeping,
  type Look,
  type LookChange,
  markShown,
  noteHash,
  type Original,
  pendingState,
  restoring,
  sameLook,
  tempName,
  tempTableName,
} from "./state";
import { Batcher, jsonBytes, opBytes, REQUEST_BUDGET, utf8Length, Wire } from "./wire";

export { MAX_REQUEST_BYTES } from "./wire";

export interface ApplyResult {
  skipped: Skipped[];
  /** Requests sent to Excel (context.sync calls) while applying. */
  requests: number;
}

export interface ApplyOptions {
  /** Request budget, for tests of the splitting. */
  maxBytes?: number;
  /** False for a plan that is no evaluation (the input template): TC8's state is left as it is. */
  writeState?: boolean;
  /** What an interrupted run left behind (state.ts), when the plan was made after it. */
  housekeeping?: Housekeeping;
}

/** An A1 address list for `getRanges` stays under this (Excel refuses some beyond 8,192 characters). */
const AREAS_CHARS = 2_000;
/** One write of values covers this much at most, so one request carries several. */
const BLOCK_BYTES = 300_000;
/** Rows of nothing inside a block of writes cost more than a second block beyond this. */
const BLOCK_GAP = 20;

const hex = (h: string) => `#${h}`;

/** The edges a bordered cell or block gets: its outline and the lines between its cells. */
const BORDER_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;

function applyStyle(fmt: Excel.RangeFormat, name: StyleName | undefined): void {
  const s = name ? STYLES[name] : {};
  if (s.fill) fmt.fill.color = hex(s.fill);
  fmt.font.name = FONT_NAME;
  if (s.font) fmt.font.color = hex(s.font);
  if (s.bold) fmt.font.bold = true;
  if (s.italic) fmt.font.italic = true;
  if (s.size) fmt.font.size = s.size;
  fmt.wrapText = !!s.wrap;
  fmt.verticalAlignment = s.valign === "center" ? "Center" : "Top";
  if (s.align) fmt.horizontalAlignment = s.align === "center" ? "Center" : s.align === "right" ? "Right" : "Left";
  if (s.border)
    for (const edge of BORDER_EDGES) {
      const b = fmt.borders.getItem(edge);
      b.style = "Continuous";
      b.color = hex(BORDER_COLOR);
    }
}
/** Actions one style costs at most: fill, five font properties, wrap, two alignments, two per border edge. */
const STYLE_ACTIONS = 10 + 2 * BORDER_EDGES.length;

interface CellOut {
  row: number;
  col: number;
  value: string | number | null;
  style?: StyleName;
  numFmt?: string;
}

/** Rectangles as A1 areas: each column's runs of consecutive rows. */
function areasOf(cells: { row: number; col: number }[]): string[] {
  const out: string[] = [];
  const byCol = new Map<number, number[]>();
  for (const c of cells) (byCol.get(c.col) ?? byCol.set(c.col, []).get(c.col)!).push(c.row);
  for (const [col, rows] of [...byCol].sort((a, b) => a[0] - b[0]))
    for (const [r0, r1] of columnRuns(rows, 1)) out.push(r0 === r1 ? a1(r0, col) : `${a1(r0, col)}:${a1(r1, col)}`);
  return out;
}

/** Area lists of at most AREAS_CHARS characters. */
function chunkAreas(areas: string[]): string[] {
  const out: string[] = [];
  let cur = "";
  for (const a of areas) {
    if (cur && cur.length + a.length + 1 > AREAS_CHARS) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

/** Contiguous spans of rows (a gap of one row joins them). */
function rowSpans(rows: number[]): [number, number][] {
  return columnRuns(rows, 1);
}

class Applier {
  readonly batch: Batcher;
  readonly skipped = new Set<Skipped>();
  constructor(
    readonly wire: Wire,
    readonly caps: Capabilities,
    budget: number,
  ) {
    this.batch = new Batcher(wire, budget);
  }

  add(bytes: number, sheets: string[], run: () => void): Promise<void> {
    return this.batch.add(bytes, run, sheets);
  }

  ws(name: string): Excel.Worksheet {
    return this.wire.sheet(name);
  }

  /** A dropdown list over a range (a new sheet's, or rows added to the checklist). */
  listValidation(name: string, v: { range: RangeRef; list: readonly string[] }): Promise<void> {
    return this.add(
      opBytes(3, 1, jsonBytes(v.list) + 80),
      [name],
      () =>
        (this.ws(name).getRange(rangeA1(v.range)).dataValidation.rule = {
          list: { inCellDropDown: true, source: v.list.join(",") },
        }),
    );
  }

  /** Values into cells, text formatted as text first (so nothing typed becomes a formula), in blocks of adjacent columns and rows. */
  async values(sheet: string, cells: readonly CellOut[]): Promise<void> {
    if (!cells.length) return;
    const cols = [...new Set(cells.map((c) => c.col))].sort((a, b) => a - b);
    const clusters: [number, number][] = [];
    for (const c of cols) {
      const last = clusters[clusters.length - 1];
      if (last && c - last[1] <= 3) last[1] = c;
      else clusters.push([c, c]);
    }
    for (const [c0, c1] of clusters) {
      const mine = cells.filter((c) => c.col >= c0 && c.col <= c1).sort((a, b) => a.row - b.row || a.col - b.col);
      let i = 0;
      while (i < mine.length) {
        // One block: consecutive rows up to BLOCK_BYTES of data, cut at a long gap.
        let j = i;
        let bytes = 0;
        while (j < mine.length && (j === i || (mine[j].row - mine[j - 1].row <= BLOCK_GAP && bytes < BLOCK_BYTES))) {
          bytes += jsonBytes(mine[j].value ?? "") + 8;
          j++;
        }
        // Whole rows only: a block never ends inside a row.
        while (j < mine.length && mine[j].row === mine[j - 1].row) j++;
        const part = mine.slice(i, j);
        i = j;
        const r0 = part[0].row;
        const r1 = part[part.length - 1].row;
        const width = c1 - c0 + 1;
        const values: (string | number | null)[][] = Array.from({ length: r1 - r0 + 1 }, () =>
          new Array(width).fill(null),
        );
        const formats: (string | null)[][] = Array.from({ length: r1 - r0 + 1 }, () => new Array(width).fill(null));
        let anyFormat = false;
        for (const c of part) {
          values[c.row - r0][c.col - c0] = c.value ?? "";
          const f = typeof c.value === "string" ? "@" : (c.numFmt ?? null);
          if (f) {
            formats[c.row - r0][c.col - c0] = f;
            anyFormat = true;
          }
        }
        const cellsCount = (r1 - r0 + 1) * width;
        const data = jsonBytes(values) + (anyFormat ? jsonBytes(formats) : 0);
        // Office.js sends arrays over 1,500 cells in slices, each its own range.
        const slices = Math.ceil(cellsCount / 1500) * (anyFormat ? 2 : 1);
        const address = `${a1(r0, c0)}:${a1(r1, c1)}`;
        await this.add(opBytes(1 + 3 * slices, 2 + 2 * slices, data), [sheet], () => {
          const r = this.ws(sheet).getRange(address);
          if (anyFormat) r.numberFormat = formats as unknown as string[][];
          r.values = values as unknown as string[][];
        });
      }
    }
  }

  /** TC8's styles: per style, the cells' areas in a few `getRanges` calls (ExcelApi 1.9), else per run of one column. */
  async styles(sheet: string, cells: readonly CellOut[]): Promise<void> {
    const groups = new Map<string, CellOut[]>();
    for (const c of cells) {
      const k = c.style ?? "";
      (groups.get(k) ?? groups.set(k, []).get(k)!).push(c);
    }
    for (const [k, list] of groups) {
      const style = (k || undefined) as StyleName | undefined;
      if (this.caps.rangeAreas) {
        for (const address of chunkAreas(areasOf(list)))
          await this.add(opBytes(4, STYLE_ACTIONS, utf8Length(address)), [sheet], () =>
            applyStyle(this.ws(sheet).getRanges(address).format, style),
          );
      } else {
        for (const address of areasOf(list))
          await this.add(opBytes(4, STYLE_ACTIONS, address.length), [sheet], () =>
            applyStyle(this.ws(sheet).getRange(address).format, style),
          );
      }
    }
  }

  /** Rows holding wrapped text TC8 wrote get their height fitted (whole rows: the user's cells count too). */
  async autofit(sheet: string, rows: number[]): Promise<void> {
    for (const [r0, r1] of rowSpans(rows)) await this.autofitSpan(sheet, r0, r1);
  }

  async autofitSpan(sheet: string, r0: number, r1: number): Promise<void> {
    await this.add(opBytes(3, 1), [sheet], () =>
      this.ws(sheet)
        .getRange(`${r0 + 1}:${r1 + 1}`)
        .format.autofitRows(),
    );
  }

  async widths(sheet: string, widths: readonly { col: number; width: number }[]): Promise<void> {
    const sorted = [...widths].sort((a, b) => a.col - b.col);
    let i = 0;
    while (i < sorted.length) {
      let j = i;
      while (
        j + 1 < sorted.length &&
        sorted[j + 1].col === sorted[j].col + 1 &&
        sorted[j + 1].width === sorted[i].width
      )
        j++;
      const address = `${colLetter(sorted[i].col)}:${colLetter(sorted[j].col)}`;
      const w = sorted[i].width;
      await this.add(opBytes(2, 1), [sheet], () => (this.ws(sheet).getRange(address).format.columnWidth = w * 7));
      i = j + 1;
    }
  }

  /** Cells given a look (or part of one): by lists of areas per look (ExcelApi 1.9), else cell by cell. */
  async paint(cells: { cell: string; look: LookChange }[]): Promise<void> {
    const groups = new Map<string, { sheet: string; look: LookChange; cells: { row: number; col: number }[] }>();
    for (const { cell, look } of cells) {
      if (!("fill" in look) && !("font" in look)) continue;
      const { sheet, row, col } = parseCellAddress(cell);
      const k = `${sheet}|${"fill" in look ? (look.fill ?? "none") : "-"}|${look.font ?? "-"}`;
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { sheet, look, cells: [] }));
      g.cells.push({ row, col });
    }
    const set = (fmt: Excel.RangeFormat, look: LookChange) => {
      if (look.fill) fmt.fill.color = look.fill;
      else if ("fill" in look) fmt.fill.clear();
      if (look.font) fmt.font.color = look.font;
    };
    for (const { sheet, look, cells: list } of groups.values()) {
      if (this.caps.rangeAreas) {
        for (const address of chunkAreas(areasOf(list)))
          await this.add(opBytes(4, 2, utf8Length(address)), [sheet], () =>
            set(this.ws(sheet).getRanges(address).format, look),
          );
      } else {
        for (const c of list)
          await this.add(opBytes(4, 2, 10), [sheet], () => set(this.ws(sheet).getRange(a1(c.row, c.col)).format, look));
      }
    }
  }

  /** Rows of TC8's state sheet holding text, as last read or written. */
  stateRows = 0;

  /**
   * TC8's state, in column A of its very hidden sheet. All of it is one write of values (the rows
   * the old state had beyond the new one emptied in the same write), so a failure leaves either
   * the old state or the new one, never half of each. A state too large for one request is
   * written in parts (some 30,000 marks); only then can a failure leave it unreadable.
   */
  async state(sheet: string, state: Tc8State, create: boolean): Promise<void> {
    const chunks = serializeState(state);
    const rows = Math.max(chunks.length, this.stateRows);
    const cells = Array.from({ length: rows }, (_, i) => chunks[i] ?? "");
    const parts: string[][] = [[]];
    let size = 0;
    for (const c of cells) {
      const b = jsonBytes(c) + 10;
      if (size + b > REQUEST_BUDGET / 2 && parts[parts.length - 1].length) {
        parts.push([]);
        size = 0;
      }
      parts[parts.length - 1].push(c);
      size += b;
    }
    let row = 0;
    for (const [i, part] of parts.entries()) {
      const r0 = row;
      row += part.length;
      const first = i === 0;
      await this.add(opBytes(first ? 5 : 2, first ? 4 : 2, jsonBytes(part) + part.length * 8), [sheet], () => {
        if (first && create) {
          const st = this.wire.context.workbook.worksheets.add(sheet);
          st.visibility = "VeryHidden";
          this.wire.forget(sheet);
        } else if (first) this.ws(sheet).visibility = "VeryHidden";
        const r = this.ws(sheet).getRange(`A${r0 + 1}:A${r0 + part.length}`);
        r.numberFormat = part.map(() => ["@"]);
        r.values = part.map((c) => [c]);
      });
    }
    this.stateRows = chunks.length;
  }

  async newSheet(spec: NewSheet, name: string, opts: { hidden: boolean; table?: string }): Promise<void> {
    await this.add(opBytes(2, 2, jsonBytes(name)), [], () => {
      const ws = this.wire.context.workbook.worksheets.add(name);
      if (opts.hidden) ws.visibility = "Hidden";
      this.wire.forget(name);
    });
    const all = sheetCells(spec);
    const cells: CellOut[] = all.map((c: SheetCell) => ({
      row: c.row,
      col: c.col,
      value: c.value,
      ...(c.style ? { style: c.style } : {}),
      ...(c.numFmt ? { numFmt: c.numFmt } : {}),
    }));
    await this.values(name, cells);
    await this.styles(name, cells);
    for (const m of spec.merges ?? [])
      await this.add(opBytes(1, 1, 20), [name], () => this.ws(name).getRange(rangeA1(m)).merge(false));
    await this.widths(
      name,
      (spec.columnWidths ?? []).map((width, col) => ({ col, width })),
    );
    for (const f of spec.numberFormats ?? []) {
      const rows = f.range.r1 - f.range.r0 + 1;
      const width = f.range.c1 - f.range.c0 + 1;
      const grid = Array.from({ length: rows }, () => new Array<string>(width).fill(f.format));
      await this.add(
        opBytes(1 + 3 * Math.ceil((rows * width) / 1500), 1 + Math.ceil((rows * width) / 1500), jsonBytes(grid)),
        [name],
        () => (this.ws(name).getRange(rangeA1(f.range)).numberFormat = grid),
      );
    }
    if (spec.freezeRows)
      await this.add(opBytes(2, 1), [name], () => this.ws(name).freezePanes.freezeRows(spec.freezeRows));
    if (spec.table) {
      const t = spec.table;
      const tableName = opts.table ?? t.name;
      // Through a range of its own sheet: an address alone would put the table on the active sheet.
      await this.add(opBytes(3, 3, 60), [name], () => {
        const ws = this.ws(name);
        const table = ws.tables.add(ws.getRange(rangeA1(t.range)), true);
        table.name = tableName;
        table.style = t.style ?? "TableStyleLight9";
      });
    }
    if (spec.validations?.length || spec.prompts?.length) {
      if (this.caps.dataValidation) {
        for (const v of spec.validations ?? []) await this.listValidation(name, v);
        // The template's input messages: what to enter, shown when a cell of the column is selected.
        for (const p of spec.prompts ?? [])
          await this.add(
            opBytes(3, 1, jsonBytes(p.title) + jsonBytes(p.text) + 60),
            [name],
            () =>
              (this.ws(name).getRange(rangeA1(p.range)).dataValidation.prompt = {
                showPrompt: true,
                title: p.title,
                message: p.text,
              }),
          );
      } else this.skipped.add("dataValidation");
    }
    const notes = all.filter((c) => c.note);
    if (notes.length) {
      if (this.caps.notes)
        for (const c of notes)
          await this.add(opBytes(2, 1, jsonBytes(c.note) + 40), [name], () =>
            this.wire.context.workbook.notes.add(`${quoteSheet(name)}!${a1(c.row, c.col)}`, c.note!),
          );
      else this.skipped.add("notes");
    }
    // Excel fits a row to its wrapped text itself, except text in merged cells: those rows take the
    // planner's heights. Consecutive rows of one height go in one write.
    const merged = new Set<number>();
    for (const c of all)
      if (
        c.style &&
        STYLES[c.style].wrap &&
        (spec.merges ?? []).some((m) => m.r0 === c.row && m.c0 === c.col && m.c1 > m.c0)
      )
        merged.add(c.row);
    const heights = (spec.rowHeights ?? []).filter((h) => merged.has(h.row)).sort((a, b) => a.row - b.row);
    for (let i = 0; i < heights.length; ) {
      let j = i;
      while (
        j + 1 < heights.length &&
        heights[j + 1].row === heights[j].row + 1 &&
        heights[j + 1].height === heights[i].height
      )
        j++;
      const address = `A${heights[i].row + 1}:A${heights[j].row + 1}`;
      const height = heights[i].height;
      await this.add(opBytes(3, 1), [name], () => (this.ws(name).getRange(address).format.rowHeight = height));
      i = j + 1;
    }
    if (spec.landscape || spec.print) {
      if (this.caps.pageLayout)
        await this.add(opBytes(12, 10, 400), [name], () => this.printSetup(this.ws(name).pageLayout, spec));
      else this.skipped.add("pageLayout");
    }
    if (spec.chart) {
      const c = spec.chart;
      await this.add(opBytes(5, 3, jsonBytes(c.title) + 40), [name], () => {
        const ws = this.ws(name);
        const chart = ws.charts.add("ColumnClustered", ws.getRange(rangeA1(c.range)), "Columns");
        chart.title.text = c.title;
        // Over the cells the planner left free for it, so it hides nothing.
        if (c.anchor) chart.setPosition(a1(c.anchor.r0, c.anchor.c0), a1(c.anchor.r1, c.anchor.c1));
        else chart.setPosition(a1(c.range.r0, c.range.c1 + 2));
      });
    }
    await this.autofit(
      name,
      cells.filter((c) => c.style && STYLES[c.style].wrap && !merged.has(c.row)).map((c) => c.row),
    );
  }

  /**
   * A sheet of TC8's making updated in place (the checklist): TC8's signature cells cleared and
   * unmerged, the table grown (ExcelApi 1.13), values written (a cell without a style keeps its
   * format), the new rows styled, the signature merged again, dropdowns on the new rows.
   */
  async updateSheet(u: SheetUpdate, rightHeader?: string): Promise<void> {
    const name = u.name;
    const h = u.headerRight;
    if (h && rightHeader === h.before)
      await this.add(
        opBytes(5, 1, jsonBytes(h.after)),
        [name],
        () => (this.ws(name).pageLayout.headersFooters.defaultForAllPages.rightHeader = h.after),
      );
    for (const r of u.clears)
      await this.add(opBytes(4, 1, 30), [name], () => clearKeepingNotes(this.ws(name).getRange(rangeA1(r))));
    for (const m of u.unmerges)
      await this.add(opBytes(2, 1, 30), [name], () => this.ws(name).getRange(rangeA1(m)).unmerge());
    if (u.table) {
      const t = u.table;
      if (this.caps.tableResize)
        await this.add(opBytes(3, 1, 60), [name], () =>
          this.wire.context.workbook.tables.getItem(t.name).resize(this.ws(name).getRange(rangeA1(t.range))),
        );
      else this.skipped.add("tableResize");
    }
    const cells: (CellOut & { keep?: true })[] = u.cells.map((c) => ({
      row: c.row,
      col: c.col,
      value: c.value,
      ...(c.style ? { style: c.style } : {}),
      ...(c.keep ? { keep: c.keep } : {}),
    }));
    await this.values(name, cells);
    await this.styles(
      name,
      cells.filter((c) => !c.keep),
    );
    for (const m of u.merges)
      await this.add(opBytes(1, 1, 20), [name], () => this.ws(name).getRange(rangeA1(m)).merge(false));
    if (u.validations.length) {
      if (this.caps.dataValidation) for (const v of u.validations) await this.listValidation(name, v);
      else this.skipped.add("dataValidation");
    }
    // Rows of merged wrapped text take the planner's heights; the new rows are fitted by Excel.
    const merged = new Set(u.merges.map((m) => m.r0));
    for (const h of u.rowHeights.filter((x) => merged.has(x.row)))
      await this.add(
        opBytes(3, 1),
        [name],
        () => (this.ws(name).getRange(`A${h.row + 1}`).format.rowHeight = h.height),
      );
    await this.autofit(
      name,
      cells.filter((c) => c.style && STYLES[c.style].wrap && !merged.has(c.row)).map((c) => c.row),
    );
  }

  /**
   * TC8's anchors: names it no longer needs deleted, new ones added hidden; a name already there
   * with the same reference is left as it is.
   */
  async anchors(
    before: readonly DefinedName[],
    after: readonly DefinedName[],
    replaced: ReadonlySet<string>,
  ): Promise<void> {
    const same = (a: string, b: string) => {
      const x = parseAnchor(a);
      const y = parseAnchor(b);
      // A sheet built anew (the summary) is another sheet: its old name refers to the one deleted.
      return !!x && !!y && x.sheet === y.sheet && !replaced.has(x.sheet) && rangeA1(x.range) === rangeA1(y.range);
    };
    const old = new Map(before.filter((n) => !n.scope && isAnchorName(n.name)).map((n) => [n.name.toUpperCase(), n]));
    const keep = new Set<string>();
    for (const n of after) {
      const o = old.get(n.name.toUpperCase());
      if (o && same(o.formula, n.formula) && o.hidden) keep.add(n.name.toUpperCase());
    }
    for (const [k, n] of old)
      if (!keep.has(k))
        await this.add(opBytes(2, 1, jsonBytes(n.name)), [], () =>
          this.wire.context.workbook.names.getItem(n.name).delete(),
        );
    for (const n of after) {
      if (keep.has(n.name.toUpperCase())) continue;
      await this.add(opBytes(3, 2, jsonBytes(n.name) + jsonBytes(n.formula)), [], () => {
        const item = this.wire.context.workbook.names.add(n.name, `=${n.formula}`);
        item.visible = false;
      });
    }
  }

  /** A4, landscape or portrait, one page wide, the title rows on every page, the header and footer. */
  printSetup(layout: Excel.PageLayout, spec: NewSheet): void {
    const p = spec.print;
    layout.orientation = p?.orientation === "portrait" ? "Portrait" : "Landscape";
    layout.paperSize = "A4";
    // One page wide, as many tall as it takes.
    if (p?.fitToWidth ?? spec.landscape) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (p?.titleRows) layout.setPrintTitleRows(`$${p.titleRows.first + 1}:$${p.titleRows.last + 1}`);
    if (spec.printArea) layout.setPrintArea(rangeA1(spec.printArea));
    const hf = layout.headersFooters.defaultForAllPages;
    if (p?.header?.left) hf.leftHeader = p.header.left;
    if (p?.header?.center) hf.centerHeader = p.header.center;
    if (p?.header?.right) hf.rightHeader = p.header.right;
    if (p?.footer?.left) hf.leftFooter = p.footer.left;
    if (p?.footer?.center) hf.centerFooter = p.footer.center;
    if (p?.footer?.right) hf.rightFooter = p.footer.right;
  }
}

/** What an applied plan will cost on the wire, roughly, before anything is read or sent (for the ribbon's limit). */
export function estimateWriteBytes(plan: Plan): number {
  let n = 0;
  for (const w of plan.writes) n += jsonBytes(w.value ?? "") + 20;
  for (const s of plan.sheets) {
    for (const c of s.cells) n += jsonBytes(c.value ?? "") + 20;
    for (const row of s.rows?.values ?? []) for (const v of row) n += jsonBytes(v ?? "") + 20;
  }
  n += (plan.marks.length + plan.unmarks.length) * 400;
  return n;
}

export async function applyPlan(
  contextOrWire: Excel.RequestContext | Wire,
  plan: Plan,
  snapshot: ExcelSnapshot,
  caps: Capabilities,
  opts: ApplyOptions = {},
): Promise<ApplyResult> {
  const wire = contextOrWire instanceof Wire ? contextOrWire : new Wire(contextOrWire);
  const start = wire.requests;
  const A = new Applier(wire, caps, opts.maxBytes ?? REQUEST_BUDGET);
  await applyInOrder(plan, excelOps(wire, A, plan, snapshot, caps, opts));
  await A.batch.flush();
  return { skipped: [...A.skipped], requests: wire.requests - start };
}

/**
 * The steps of docs/output.md, "Applying a plan", as requests to Excel. The new sheets are built
 * under temporary names, hidden, and take their place only at `placeSheets`; the state goes first
 * (`pendingState`) so that Clear results restores the workbook whichever request fails.
 */
function excelOps(
  wire: Wire,
  A: Applier,
  plan: Plan,
  snapshot: ExcelSnapshot,
  caps: Capabilities,
  opts: ApplyOptions,
): ApplyOps {
  const writeState = opts.writeState !== false;
  // A plan that is no evaluation (the template) leaves TC8's own sheets as they are.
  const hk = opts.housekeeping ?? (writeState ? housekeeping(snapshot) : { renames: [], deletes: [], snapshot });
  const snap = hk.snapshot;
  const prev = hk.state;
  const stateSheet = plan.stateSheet;
  const stateGrid = snap.grids.find((g) => g.sheet === stateSheet);
  A.stateRows = 0;
  if (stateGrid) for (const r of filledRows(stateGrid)) A.stateRows = Math.max(A.stateRows, r + 1);
  const existing = new Set(snap.grids.map((g) => g.sheet));
  const taken = (n: string) => [...existing].some((x) => sameSheet(x, n));
  const origOf = (m: SavedMark): Original | undefined => decodeOriginal(m.original);
  const tc8Note = (m: SavedMark | undefined, s: Seen | undefined): boolean => {
    const o = m && origOf(m);
    if (!o?.noted || s?.note === null || s?.note === undefined) return false;
    return o.hash ? noteHash(s.note) === o.hash : true;
  };
  const prevMarks = plan.unmarks.filter((m) => existing.has(parseCellAddress(m.cell).sheet));

  // What `prepare` finds out, for the steps after it.
  let rightHeaders = new Map<string, string>();
  const saved: SavedMark[] = [];
  const toPaint: { cell: string; look: Look }[] = [];
  const toRestore: { cell: string; look: LookChange }[] = [];
  const noteDeletes: string[] = [];
  const noteAdds: { cell: string; text: string }[] = [];

  const builds = plan.sheets.map((spec) => {
    if (!writeState) return { spec, name: spec.name, temp: false as const };
    const name = tempName(spec.name, "new", taken);
    existing.add(name);
    const table = spec.table
      ? tempTableName(spec.table.name, (n) =>
          snap.grids.some((g) => g.tables.some((t) => t.name.toLowerCase() === n.toLowerCase())),
        )
      : undefined;
    return { spec, name, temp: true as const, table };
  });
  const buildOf = new Map(builds.map((b) => [b.spec, b]));
  const asides = builds
    .filter((b) => b.temp && snap.grids.some((g) => g.sheet === b.spec.name))
    .map((b) => ({ b, old: tempName(b.spec.name, "old", taken) }));
  for (const a of asides) existing.add(a.old);

  // Rows of the user's sheets TC8's wrapped text needs taller: Excel fits them (autofitRows), and
  // the state lists them so that Clear results fits them again — and no other row of the user's.
  const tallRows = (plan.rowHeights ?? [])
    .filter((r) => existing.has(r.sheet))
    .map((r) => ({ sheet: r.sheet, row: r.row }));
  let finalState: Tc8State = plan.state;
  const clearLike = !plan.marks.length && !plan.sheets.length && !plan.writes.length && !plan.sheetUpdates.length;
  const stateExists = snap.grids.some((g) => g.sheet === stateSheet);
  let stateCreated = stateExists;
  const unnamed = <T extends { name?: string }>(list: readonly T[]) => list.map(({ name: _name, ...x }) => x);

  return {
    // What marked cells look like now: the new marks' originals, the proof old marks are still TC8's.
    async prepare() {
      const prevByCell = new Map(prevMarks.map((m) => [m.cell, m]));
      const looked = [...new Set([...prevMarks.map((m) => m.cell), ...plan.marks.map((m) => m.cell)])];
      // The checklist's page header, read in the same request: its time changes only while it is TC8's.
      const headers = caps.pageLayout
        ? plan.sheetUpdates
            .filter((u) => u.headerRight && existing.has(u.name))
            .map((u) => {
              const hf = wire.sheet(u.name).pageLayout.headersFooters.defaultForAllPages;
              hf.load("rightHeader");
              return { name: u.name, hf };
            })
        : [];
      const seen: Map<string, Seen> = await lookAt(wire, caps, looked, caps.notes);
      if (headers.length && !looked.length) await wire.sync();
      rightHeaders = new Map(headers.map((h) => [h.name, h.hf.rightHeader]));
      // What each new mark saves and what it needs done.
      const markCells = new Set(plan.marks.map((m) => m.cell));
      for (const m of plan.marks) {
        const p = prevByCell.get(m.cell);
        const s = seen.get(m.cell);
        // The original: what the cell shows, except what still shows TC8's last mark (its saved original then).
        const now = s?.look ?? { fill: null, font: "#000000" };
        const shown = p ? markShown(s?.look, p.kind) : { fill: false, font: false };
        const before = p && origOf(p) ? origOf(p)!.look : now;
        const look: Look = { fill: shown.fill ? before.fill : now.fill, font: shown.font ? before.font : now.font };
        let noted = false;
        let hash: string | undefined;
        if (caps.notes) {
          const ours = tc8Note(p, s);
          const userNote = s?.note !== null && s?.note !== undefined && !ours;
          if (!userNote) {
            noted = true;
            hash = noteHash(m.note);
            if (ours && origOf(p!)!.hash !== hash) noteDeletes.push(m.cell);
            if (!ours || origOf(p!)!.hash !== hash) noteAdds.push({ cell: m.cell, text: m.note });
          }
        }
        saved.push({
          cell: m.cell,
          kind: m.kind,
          original: encodeOriginal({ look, noted, ...(hash ? { hash } : {}) }),
        });
        const c = MARK_COLORS[m.kind];
        const markLook = { fill: hex(c.fill), font: hex(c.font) };
        if (!s?.look || !sameLook(s.look, markLook)) toPaint.push({ cell: m.cell, look: markLook });
      }
      if (!caps.notes && plan.marks.length) A.skipped.add("notes");
      // Old marks not marked again: their own look back, only what still shows TC8's colours.
      for (const p of prevMarks) {
        if (markCells.has(p.cell)) continue;
        const o = origOf(p);
        if (!o) continue;
        toRestore.push({ cell: p.cell, look: restoring(seen.get(p.cell)?.look, p.kind, o.look) });
        if (caps.notes && tc8Note(p, seen.get(p.cell))) noteDeletes.push(p.cell);
      }
      finalState = namedState({ ...plan.state, marks: saved, ...(tallRows.length ? { rows: tallRows } : {}) });
    },

    // The state first: old and new changes together, the old marks where they are now. It names
    // no anchors: until the final state, marks are where the addresses say.
    async pendingState() {
      if (writeState && !clearLike) {
        await A.state(
          stateSheet,
          pendingState(prev && { ...prev, marks: unnamed(plan.unmarks) }, { ...finalState, marks: unnamed(saved) }, [
            ...builds.map((b) => b.name),
            ...asides.map((a) => a.old),
          ]),
          !stateExists,
        );
        stateCreated = true;
      }
      // What an interrupted run left: an old copy back under its name, other temporary sheets gone.
      for (const r of hk.renames)
        await A.add(opBytes(2, 2, 80), [r.from], () => {
          const ws = A.ws(r.from);
          ws.name = r.to;
          ws.visibility = "Visible";
          wire.forget(r.from, r.to);
        });
      for (const d of hk.deletes)
        await A.add(opBytes(2, 1), [d], () => {
          A.ws(d).delete();
          wire.forget(d);
        });
    },

    // Old marks restored, TC8's old notes removed.
    async restoreMarks() {
      await A.paint(toRestore);
      for (const cell of noteDeletes)
        await A.add(opBytes(2, 1, jsonBytes(cell)), [], () => wire.context.workbook.notes.getItem(cell).delete());
    },

    // TC8's previous columns; tables narrowed or widened to TC8's columns.
    async clearColumns({ clears, tableResizes }) {
      const removed = new Set<string>();
      const headersOf = (table: string): Set<string> => {
        for (const g of snap.grids) {
          const t = g.tables.find((x) => x.name === table);
          if (!t) continue;
          const out = new Set<string>();
          for (let c = t.range.c0; c <= t.range.c1; c++) {
            const v = g.rows.get(t.range.r0)?.get(c);
            if (v !== null && v !== undefined) out.add(String(v));
          }
          return out;
        }
        return new Set();
      };
      for (const t of tableResizes) {
        const present = headersOf(t.table);
        for (const h of t.removeHeaders ?? []) {
          const k = `${t.table}|${h}`;
          if (removed.has(k) || !present.has(h)) continue;
          removed.add(k);
          await A.add(opBytes(4, 1, jsonBytes(h) + 30), [], () =>
            wire.context.workbook.tables.getItem(t.table).columns.getItem(h).delete(),
          );
        }
      }
      for (const c of clears)
        if (existing.has(c.sheet))
          await A.add(opBytes(4, 1, 30), [c.sheet], () => {
            const range = A.ws(c.sheet).getRange(rangeA1(c.range));
            if (c.formats) range.clear("Formats");
            else clearKeepingNotes(range);
          });
      for (const t of tableResizes)
        for (const h of t.headers)
          await A.add(opBytes(4, 1, jsonBytes(h) + 30), [], () =>
            wire.context.workbook.tables.getItem(t.table).columns.add(undefined, undefined, h),
          );
    },

    // Values into TC8's columns, in TC8's look.
    async writeCells({ sheet, cells }) {
      await A.values(sheet, cells);
      await A.styles(sheet, cells);
    },

    async columnWidths({ sheet, widths }) {
      await A.widths(sheet, widths);
    },

    // Only rows whose TC8 text needs more than a line, and rows TC8 made taller last time: a row of
    // the user's (a header row of their own height, say) is otherwise left as it is.
    async rowHeights({ restoreRows }) {
      const fit = new Map<string, number[]>();
      for (const r of [...tallRows, ...restoreRows])
        if (existing.has(r.sheet)) (fit.get(r.sheet) ?? fit.set(r.sheet, []).get(r.sheet)!).push(r.row);
      // Clear results after a state that did not list its rows: the cleared rows are fitted, as before.
      if (clearLike && prev && prev.rows === undefined)
        for (const c of plan.clears) if (existing.has(c.sheet)) await A.autofitSpan(c.sheet, c.range.r0, c.range.r1);
      for (const [sheet, rows] of fit)
        await A.autofit(
          sheet,
          [...new Set(rows)].sort((a, b) => a - b),
        );
    },

    // Marks: TC8's colours, and its note where the user has none.
    async mark() {
      await A.paint(toPaint);
      for (const n of noteAdds)
        await A.add(opBytes(2, 1, jsonBytes([n.cell, n.text])), [], () =>
          wire.context.workbook.notes.add(n.cell, n.text),
        );
    },

    // The checklist, the user's document once made, updated in place.
    async updateSheet({ update }) {
      if (existing.has(update.name)) await A.updateSheet(update, rightHeaders.get(update.name));
    },

    // The summary (and a new checklist), out of sight.
    async newSheet({ sheet }) {
      const b = buildOf.get(sheet)!;
      await A.newSheet(b.spec, b.name, { hidden: b.temp, ...(b.temp && b.table ? { table: b.table } : {}) });
    },

    // The new sheets in place of the old ones.
    async placeSheets() {
      for (const b of builds) {
        if (!b.temp) continue;
        const aside = asides.find((a) => a.b === b);
        const position = snap.sheetOrder.indexOf(b.spec.name);
        if (aside)
          await A.add(opBytes(2, 1, 80), [b.spec.name], () => {
            A.ws(b.spec.name).name = aside.old;
            wire.forget(b.spec.name, aside.old);
          });
        await A.add(opBytes(2, 3, 80), [b.name], () => {
          const ws = A.ws(b.name);
          ws.name = b.spec.name;
          ws.visibility = "Visible";
          if (aside && position >= 0) ws.position = position;
          wire.forget(b.name, b.spec.name);
        });
        if (aside)
          await A.add(opBytes(2, 1), [aside.old], () => {
            A.ws(aside.old).delete();
            wire.forget(aside.old);
          });
        if (b.table && b.spec.table) {
          const final = b.spec.table.name;
          const temp = b.table;
          await A.add(opBytes(3, 1, 60), [], () => (wire.context.workbook.tables.getItem(temp).name = final));
        }
      }
    },

    // Sheets Clear results removes.
    async deleteSheet({ name }) {
      if (existing.has(name))
        await A.add(opBytes(2, 1), [name], () => {
          A.ws(name).delete();
          wire.forget(name);
        });
    },

    // The anchors, then the state that names them.
    async finalState() {
      if (!writeState) return;
      await A.anchors(
        snap.names,
        anchorNames(finalState),
        new Set([...plan.sheets.map((x) => x.name), ...plan.deleteSheets]),
      );
      await A.state(stateSheet, finalState, !stateCreated);
    },
  };
}

/** Values and formats go; a note or link the user put there stays (Excel's "All" would take them too). */
function clearKeepingNotes(range: Excel.Range): void {
  range.clear("Contents");
  range.clear("Formats");
}
