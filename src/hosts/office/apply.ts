/**
 * Applying a plan in Excel (SPEC §5, §7): calculation suspended, requests kept under 4 MB each
 * (Excel on the web rejects larger payloads) by splitting large writes, text written as text, each
 * marked cell's own formatting captured first so Clear results can restore it.
 */
import type { NewSheet, Plan, StyleName } from "../../core/workbook/plan";
import { a1, colLetter, parseCellAddress, quoteSheet, rangeA1 } from "../../core/workbook/grid";
import { STATE_SHEET } from "../../core/workbook/own";
import { serializeState, type SavedMark } from "../../core/workbook/state";
import { FONT_NAME, MARK_COLORS, STYLES } from "../../core/workbook/styles";
import type { Capabilities, Skipped } from "./capabilities";
import type { ExcelSnapshot } from "./read";

/** Below Excel on the web's 5 MB request limit, with room for the request's own envelope. */
export const MAX_REQUEST_BYTES = 4_000_000;
/** What a queued operation costs beyond its data, as an estimate of its share of the request. */
const OP_BYTES = 300;

/** The formatting of a marked cell before TC8 marked it, as saved in the state. */
export interface OfficeOriginal {
  fill: string | null;
  font: string | null;
  /** TC8 added the cell's note (a user's own note is never replaced). */
  noted: boolean;
}

export interface ApplyResult {
  skipped: Skipped[];
  /** Requests sent to Excel (context.sync calls) while applying. */
  requests: number;
}

/** Queues operations and sends them when the next one would take the request past the limit. */
export class RequestBatch {
  private bytes = 0;
  requests = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    readonly maxBytes: number = MAX_REQUEST_BYTES,
  ) {}

  /** Queues `op`, estimated at `size` bytes of request payload. */
  async add(size: number, op: () => void): Promise<void> {
    if (this.bytes > 0 && this.bytes + size + OP_BYTES > this.maxBytes) await this.flush();
    if (this.bytes === 0) this.context.application.suspendApiCalculationUntilNextSync();
    op();
    this.bytes += size + OP_BYTES;
  }

  async flush(): Promise<void> {
    if (this.bytes === 0) return;
    await this.context.sync();
    this.requests++;
    this.bytes = 0;
  }
}

const hex = (h: string) => `#${h}`;

function styleRange(r: Excel.Range, name: StyleName | undefined): void {
  const s = name ? STYLES[name] : {};
  if (s.fill) r.format.fill.color = hex(s.fill);
  r.format.font.name = FONT_NAME;
  if (s.font) r.format.font.color = hex(s.font);
  if (s.bold) r.format.font.bold = true;
  if (s.italic) r.format.font.italic = true;
  if (s.size) r.format.font.size = s.size;
  r.format.wrapText = !!s.wrap;
  r.format.verticalAlignment = "Top";
}

interface CellOut {
  row: number;
  col: number;
  value: string | number | null;
  style?: StyleName;
}

/**
 * Writes cells column by column: one values write per column run (null leaves a cell as it is),
 * text cells formatted as text first so nothing typed becomes a formula, one format per run of
 * equal styles.
 */
async function writeCells(batch: RequestBatch, ws: () => Excel.Worksheet, cells: CellOut[]): Promise<void> {
  const byCol = new Map<number, CellOut[]>();
  for (const c of cells) {
    const list = byCol.get(c.col);
    if (list) list.push(c);
    else byCol.set(c.col, [c]);
  }
  // A column's run is cut where one write would take a request past the limit.
  const runs: [number, CellOut[]][] = [];
  for (const [col, all] of byCol) {
    all.sort((a, b) => a.row - b.row);
    let run: CellOut[] = [];
    let size = 0;
    for (const c of all) {
      const n = JSON.stringify(c.value ?? "").length + 8;
      if (run.length && size + n > batch.maxBytes / 2) {
        runs.push([col, run]);
        run = [];
        size = 0;
      }
      run.push(c);
      size += n;
    }
    if (run.length) runs.push([col, run]);
  }
  for (const [col, list] of runs) {
    const r0 = list[0].row;
    const r1 = list[list.length - 1].row;
    const values: (string | number | null)[][] = Array.from({ length: r1 - r0 + 1 }, () => [null]);
    const formats: (string | null)[][] = Array.from({ length: r1 - r0 + 1 }, () => [null]);
    for (const c of list) {
      values[c.row - r0][0] = c.value ?? "";
      if (typeof c.value === "string") formats[c.row - r0][0] = "@";
    }
    const address = `${colLetter(col)}${r0 + 1}:${colLetter(col)}${r1 + 1}`;
    await batch.add(JSON.stringify(values).length + JSON.stringify(formats).length, () => {
      const r = ws().getRange(address);
      r.numberFormat = formats as unknown as string[][];
      r.values = values as unknown as string[][];
    });
    // Runs of one style.
    let start = 0;
    for (let i = 1; i <= list.length; i++) {
      const prev = list[i - 1];
      const cur = list[i];
      if (cur && cur.style === prev.style && cur.row === prev.row + 1) continue;
      const first = list[start];
      await batch.add(200, () => styleRange(ws().getRange(`${colLetter(col)}${first.row + 1}:${colLetter(col)}${prev.row + 1}`), first.style));
      start = i;
    }
  }
}

function sheetOf(context: Excel.RequestContext, name: string): Excel.Worksheet {
  return context.workbook.worksheets.getItem(name);
}

async function writeSheet(context: Excel.RequestContext, batch: RequestBatch, spec: NewSheet, caps: Capabilities, position: number | undefined, skipped: Set<Skipped>): Promise<void> {
  await batch.add(spec.name.length, () => {
    if (position !== undefined) sheetOf(context, spec.name).delete();
    const ws = context.workbook.worksheets.add(spec.name);
    // A sheet written again keeps its place among the sheets.
    if (position !== undefined) ws.position = position;
  });
  const ws = () => sheetOf(context, spec.name);
  await writeCells(batch, ws, spec.cells);
  for (const m of spec.merges ?? []) await batch.add(50, () => ws().getRange(rangeA1(m)).merge(false));
  for (const [i, w] of (spec.columnWidths ?? []).entries()) await batch.add(50, () => (ws().getRange(`${colLetter(i)}:${colLetter(i)}`).format.columnWidth = w * 7));
  for (const f of spec.numberFormats ?? []) {
    const grid = Array.from({ length: f.range.r1 - f.range.r0 + 1 }, () => Array.from({ length: f.range.c1 - f.range.c0 + 1 }, () => f.format));
    await batch.add(JSON.stringify(grid).length, () => (ws().getRange(rangeA1(f.range)).numberFormat = grid));
  }
  if (spec.freezeRows) await batch.add(50, () => ws().freezePanes.freezeRows(spec.freezeRows));
  if (spec.table) {
    const t = spec.table;
    await batch.add(100, () => {
      const table = ws().tables.add(rangeA1(t.range), true);
      table.name = t.name;
      table.style = t.style ?? "TableStyleLight9";
    });
  }
  if (spec.validations?.length) {
    if (caps.dataValidation)
      for (const v of spec.validations)
        await batch.add(200, () => {
          ws().getRange(rangeA1(v.range)).dataValidation.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
        });
    else skipped.add("dataValidation");
  }
  if (spec.landscape) {
    if (caps.pageLayout) await batch.add(50, () => (ws().pageLayout.orientation = "Landscape"));
    else skipped.add("pageLayout");
  }
  if (spec.chart) {
    const c = spec.chart;
    await batch.add(200, () => {
      const chart = ws().charts.add("ColumnClustered", ws().getRange(rangeA1(c.range)), "Columns");
      chart.title.text = c.title;
      chart.setPosition(a1(c.range.r0, c.range.c1 + 2));
    });
  }
}

/** Captures what marking will change (fill, font colour, an existing note) and which of TC8's old notes are still there. */
async function capture(context: Excel.RequestContext, plan: Plan, caps: Capabilities) {
  const batch = new RequestBatch(context);
  const cells = plan.marks.map((m) => {
    const { sheet, row, col } = parseCellAddress(m.cell);
    const range = sheetOf(context, sheet).getRange(a1(row, col));
    range.format.fill.load("color");
    range.format.font.load("color");
    const note = caps.notes ? context.workbook.notes.getItemOrNullObject(m.cell) : undefined;
    note?.load("content");
    return { m, range, note };
  });
  const oldNotes = caps.notes
    ? plan.unmarks.filter((u) => (u.original as OfficeOriginal | undefined)?.noted).map((u) => ({ u, note: context.workbook.notes.getItemOrNullObject(u.cell) }))
    : [];
  for (const o of oldNotes) o.note.load("content");
  await batch.add(plan.marks.length * 150 + oldNotes.length * 100, () => undefined);
  await batch.flush();
  return { cells, oldNotes, requests: batch.requests };
}

export interface ApplyOptions {
  maxBytes?: number;
  /** False for a plan that is no evaluation (the input template): TC8's state is left as it is. */
  writeState?: boolean;
}

export async function applyPlan(context: Excel.RequestContext, plan: Plan, snapshot: ExcelSnapshot, caps: Capabilities, opts: ApplyOptions = {}): Promise<ApplyResult> {
  const maxBytes = opts.maxBytes ?? MAX_REQUEST_BYTES;
  const skipped = new Set<Skipped>();
  const captured = await capture(context, plan, caps);
  const batch = new RequestBatch(context, maxBytes);
  const existing = new Set(snapshot.grids.map((g) => g.sheet));

  // 1. Cells marked last time: their own fill and font colour back, TC8's notes removed.
  for (const u of plan.unmarks) {
    const o = u.original as OfficeOriginal | undefined;
    const { sheet, row, col } = parseCellAddress(u.cell);
    if (!o || !existing.has(sheet)) continue;
    await batch.add(200, () => {
      const r = sheetOf(context, sheet).getRange(a1(row, col));
      if (o.fill === null || o.fill.toUpperCase() === "#FFFFFF") r.format.fill.clear();
      else r.format.fill.color = o.fill;
      if (o.font) r.format.font.color = o.font;
    });
  }
  for (const { note } of captured.oldNotes) if (!note.isNullObject) await batch.add(100, () => note.delete());

  // 2. TC8's previous columns; tables narrowed or widened to TC8's columns.
  for (const t of plan.tableResizes)
    for (const h of t.removeHeaders ?? []) await batch.add(100, () => context.workbook.tables.getItem(t.table).columns.getItem(h).delete());
  for (const c of plan.clears) if (existing.has(c.sheet)) await batch.add(100, () => sheetOf(context, c.sheet).getRange(rangeA1(c.range)).clear("All"));
  for (const t of plan.tableResizes) for (const h of t.headers) await batch.add(100 + h.length, () => context.workbook.tables.getItem(t.table).columns.add(undefined, undefined, h));

  // 3. Values into TC8's columns.
  const bySheet = new Map<string, CellOut[]>();
  for (const w of plan.writes) {
    const list = bySheet.get(w.sheet);
    if (list) list.push(w);
    else bySheet.set(w.sheet, [w]);
  }
  for (const [sheet, cells] of bySheet) await writeCells(batch, () => sheetOf(context, sheet), cells);
  for (const w of plan.columnWidths) await batch.add(80, () => (sheetOf(context, w.sheet).getRange(`${colLetter(w.col)}:${colLetter(w.col)}`).format.columnWidth = w.width * 7));

  // 4. Marks.
  const saved: SavedMark[] = [];
  // A note at a marked cell is the user's unless TC8 put it there last time (and removes it above).
  const oldNoted = new Set(captured.oldNotes.map((o) => o.u.cell));
  for (const { m, range, note } of captured.cells) {
    const hasUserNote = !!note && !note.isNullObject && !oldNoted.has(m.cell);
    const noted = caps.notes && !hasUserNote;
    saved.push({ cell: m.cell, kind: m.kind, original: { fill: range.format.fill.color ?? null, font: range.format.font.color ?? null, noted } satisfies OfficeOriginal });
    const { sheet, row, col } = parseCellAddress(m.cell);
    await batch.add(200 + (noted ? m.note.length * 2 : 0), () => {
      const r = sheetOf(context, sheet).getRange(a1(row, col));
      r.format.fill.color = hex(MARK_COLORS[m.kind].fill);
      r.format.font.color = hex(MARK_COLORS[m.kind].font);
      if (noted) context.workbook.notes.add(`${quoteSheet(sheet)}!${a1(row, col)}`, m.note);
    });
  }
  if (!caps.notes && plan.marks.length) skipped.add("notes");

  // 5. Whole sheets.
  for (const name of plan.deleteSheets) if (existing.has(name)) await batch.add(50, () => sheetOf(context, name).delete());
  const remaining = snapshot.sheetOrder.filter((n) => !plan.deleteSheets.includes(n));
  for (const spec of plan.sheets) await writeSheet(context, batch, spec, caps, remaining.includes(spec.name) ? remaining.indexOf(spec.name) : undefined, skipped);

  // 6. The state, in a very hidden sheet.
  if (opts.writeState === false) {
    await batch.flush();
    return { skipped: [...skipped], requests: captured.requests + batch.requests };
  }
  const chunks = serializeState({ ...plan.state, marks: saved });
  await batch.add(chunks.reduce((n, c) => n + c.length, 0), () => {
    const st = existing.has(STATE_SHEET) ? sheetOf(context, STATE_SHEET) : context.workbook.worksheets.add(STATE_SHEET);
    st.getRange("A:A").clear("Contents");
    const r = st.getRange(`A1:A${chunks.length}`);
    r.numberFormat = chunks.map(() => ["@"]);
    r.values = chunks.map((c) => [c]);
    st.visibility = "VeryHidden";
  });
  await batch.flush();
  return { skipped: [...skipped], requests: captured.requests + batch.requests };
}
