/** The parts of a sheet TC8 writes whole (Tổng hợp TC8, Minh chứng TC8, the input template, its state). */
import { a1, colLetter, contains, rangeA1 } from "../../core/shared/grid";
import { memoized } from "../../core/shared/memo";
import { type HeaderFooterLine, type NewSheet, type SheetCell, sheetCells } from "../../core/plan";
import { cellXml } from "./sheet";
import type { StyleBook } from "./stylebook";
import { escapeAttr, toBytes, Utf8Sink } from "./xml";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** `&L…&C…&R…` of a printed page's header or footer (Excel's codes kept, text XML-escaped). */
function headerFooter(line: HeaderFooterLine | undefined): string {
  if (!line) return "";
  return escapeAttr(
    `${line.left ? `&L${line.left}` : ""}${line.center ? `&C${line.center}` : ""}${line.right ? `&R${line.right}` : ""}`,
  );
}

/** Excel refuses an input message's title over 32 characters and its text over 255. */
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * The worksheet part; `tableRid` names the table's relationship when the sheet has one,
 * `legacyDrawingRid` the VML drawing of its notes.
 */
export function newSheetXml(
  spec: NewSheet,
  styles: StyleBook,
  tableRid?: string,
  legacyDrawingRid?: string,
  drawingRid?: string,
): Uint8Array[] {
  const formatAt = (row: number, col: number) => spec.numberFormats?.find((f) => contains(f.range, row, col))?.format;
  // Cells in row order, then column order (the planner's order: sorted only when it is not), with
  // cells only formatted in advance (the template's number formats, so typed values take them)
  // where no cell is written.
  type Out = { row: number; col: number; style?: SheetCell["style"]; numFmt?: string; value: SheetCell["value"] };
  // The body's rows (the checklist's) are written straight from their values; cells in their rows, or
  // number formats, make them cells like any other.
  let body = spec.rows;
  const bodyEnd = body ? body.r0 + body.values.length : 0;
  if (body && (spec.numberFormats?.length || spec.cells.some((c) => c.row >= body!.r0 && c.row < bodyEnd)))
    body = undefined;
  let cells: readonly Out[] = body ? spec.cells : sheetCells(spec);
  if (spec.numberFormats?.length) {
    const taken = new Set(cells.map((c) => `${c.row}|${c.col}`));
    const extra: Out[] = [];
    for (const f of spec.numberFormats)
      for (let r = f.range.r0; r <= f.range.r1; r++)
        for (let c = f.range.c0; c <= f.range.c1; c++)
          if (!taken.has(`${r}|${c}`)) extra.push({ row: r, col: c, numFmt: f.format, value: null });
    cells = [...cells, ...extra];
  }
  let sorted = true;
  for (let i = 1; i < cells.length && sorted; i++)
    sorted = cells[i - 1].row < cells[i].row || (cells[i - 1].row === cells[i].row && cells[i - 1].col < cells[i].col);
  if (!sorted) cells = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  // Formats by style where no number format is in play (every checklist cell): no key made per cell.
  const byStyle = new Map<string | undefined, number>();
  const xfOf = (c: Out) => {
    if (c.numFmt !== undefined || spec.numberFormats?.length)
      return styles.styleXf(c.style, c.numFmt ?? (spec.numberFormats?.length ? formatAt(c.row, c.col) : undefined));
    let xf = byStyle.get(c.style);
    if (xf === undefined) byStyle.set(c.style, (xf = styles.styleXf(c.style)));
    return xf;
  };
  let maxR = 0;
  let maxC = 0;
  for (const c of cells) {
    if (c.row > maxR) maxR = c.row;
    if (c.col > maxC) maxC = c.col;
  }
  let bodyCells = 0;
  if (body)
    for (let i = 0; i < body.values.length; i++) {
      const n = body.values[i].length;
      if (!n) continue;
      bodyCells += n;
      if (body.r0 + i > maxR) maxR = body.r0 + i;
      if (n - 1 > maxC) maxC = n - 1;
    }
  const out = new Utf8Sink((cells.length + bodyCells) * 64 + (1 << 16));
  out.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${RELS}">`);
  const fit = spec.print ? spec.print.fitToWidth : spec.landscape;
  if (fit) out.push(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`);
  out.push(`<dimension ref="${maxR || maxC ? `A1:${a1(maxR, maxC)}` : "A1"}"/>`);
  out.push(
    spec.freezeRows
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${spec.freezeRows}" topLeftCell="A${spec.freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${spec.freezeRows + 1}" sqref="A${spec.freezeRows + 1}"/></sheetView></sheetViews>`
      : `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`,
  );
  out.push(`<sheetFormatPr defaultRowHeight="15"/>`);
  if (spec.columnWidths?.length)
    out.push(
      `<cols>${spec.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`,
    );
  out.push(cells.length || bodyCells ? "<sheetData>" : "<sheetData/>");
  const heights = new Map((spec.rowHeights ?? []).map((h) => [h.row, h.height]));
  // A cell's XML as cellXml writes it, written into the buffer from pieces worked out once: its
  // text's escaped and encoded form (the checklist repeats the same few dozen texts per commune)
  // and its format's attribute; no string is made per cell.
  const tailOf = memoized(100_000, (v: string) => toBytes(cellXml("", 0, 0, 0, v).slice(`<c r="A1"`.length)));
  const sAttr: string[] = [];
  const cellTail = (v: SheetCell["value"]) => {
    if (typeof v === "string" && v !== "") out.raw(tailOf(v));
    else out.ascii(typeof v === "number" ? `><v>${Number.isFinite(v) ? v : 0}</v></c>` : "/>");
  };
  const cellHead = (col: number, rowNo: string, xf: number) => {
    out.ascii('<c r="');
    out.ascii(colLetter(col));
    out.ascii(rowNo);
    out.ascii(xf ? (sAttr[xf] ??= `" s="${xf}"`) : '"');
  };
  const rowHead = (r: number) => {
    const ht = heights.get(r);
    const rowNo = String(r + 1);
    out.ascii(ht ? `<row r="${rowNo}" ht="${ht}" customHeight="1">` : `<row r="${rowNo}">`);
    return rowNo;
  };
  const writeCells = (from: number, until: (row: number) => boolean) => {
    let i = from;
    while (i < cells.length && until(cells[i].row)) {
      const r = cells[i].row;
      const rowNo = rowHead(r);
      for (; i < cells.length && cells[i].row === r; i++) {
        const c = cells[i];
        if (i + 1 < cells.length && cells[i + 1].row === r && cells[i + 1].col === c.col) continue; // the last write wins
        cellHead(c.col, rowNo, xfOf(c));
        cellTail(c.value);
      }
      out.ascii("</row>");
    }
    return i;
  };
  if (body) {
    const b = body;
    const next = writeCells(0, (r) => r < b.r0);
    const xfCol = b.styles.map((style) => xfOf({ row: 0, col: 0, style, value: null }));
    const xfPlain = xfOf({ row: 0, col: 0, value: null });
    for (let i = 0; i < b.values.length; i++) {
      const values = b.values[i];
      if (!values.length) continue;
      const rowNo = rowHead(b.r0 + i);
      for (let col = 0; col < values.length; col++) {
        cellHead(col, rowNo, xfCol[col] ?? xfPlain);
        cellTail(values[col]);
      }
      out.ascii("</row>");
    }
    writeCells(next, () => true);
  } else writeCells(0, () => true);
  if (cells.length || bodyCells) out.push("</sheetData>");
  const x: string[] = [];
  if (spec.merges?.length)
    x.push(
      `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${rangeA1(m)}"/>`).join("")}</mergeCells>`,
    );
  // A cell takes one validation: a list and an input message over the same range go together.
  const validations: string[] = [];
  const prompts = [...(spec.prompts ?? [])];
  const promptAttrs = (pr: { title: string; text: string }) =>
    ` showInputMessage="1" promptTitle="${escapeAttr(clip(pr.title, 32))}" prompt="${escapeAttr(clip(pr.text, 255))}"`;
  for (const v of spec.validations ?? []) {
    // A message over the list's cells (and perhaps the header above them) goes with the list; its
    // other rows keep a message of their own.
    const i = prompts.findIndex(
      (pr) =>
        pr.range.c0 === v.range.c0 &&
        pr.range.c1 === v.range.c1 &&
        pr.range.r0 <= v.range.r0 &&
        pr.range.r1 >= v.range.r1,
    );
    const pr = i >= 0 ? prompts.splice(i, 1)[0] : undefined;
    if (pr && pr.range.r0 < v.range.r0) prompts.push({ ...pr, range: { ...pr.range, r1: v.range.r0 - 1 } });
    if (pr && pr.range.r1 > v.range.r1) prompts.push({ ...pr, range: { ...pr.range, r0: v.range.r1 + 1 } });
    validations.push(
      `<dataValidation type="list" allowBlank="1"${pr ? promptAttrs(pr) : ""} showErrorMessage="1" errorTitle="TC8" error="${escapeAttr(v.list.join(" / "))}" sqref="${rangeA1(v.range)}"><formula1>${escapeAttr(`"${v.list.join(",")}"`)}</formula1></dataValidation>`,
    );
  }
  for (const pr of prompts)
    validations.push(`<dataValidation allowBlank="1"${promptAttrs(pr)} sqref="${rangeA1(pr.range)}"/>`);
  if (validations.length)
    x.push(`<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>`);
  x.push(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
  const pr = spec.print;
  if (pr)
    x.push(
      `<pageSetup paperSize="9" orientation="${pr.orientation}"${pr.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`,
    );
  else if (spec.landscape) x.push(`<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`);
  if (pr?.header || pr?.footer)
    x.push(
      `<headerFooter>${pr.header ? `<oddHeader>${headerFooter(pr.header)}</oddHeader>` : ""}${pr.footer ? `<oddFooter>${headerFooter(pr.footer)}</oddFooter>` : ""}</headerFooter>`,
    );
  if (drawingRid) x.push(`<drawing r:id="${drawingRid}"/>`);
  if (legacyDrawingRid) x.push(`<legacyDrawing r:id="${legacyDrawingRid}"/>`);
  if (tableRid) x.push(`<tableParts count="1"><tablePart r:id="${tableRid}"/></tableParts>`);
  x.push(`</worksheet>`);
  out.push(x.join(""));
  // In pieces: a province's checklist is never copied into one buffer (docs/performance.md).
  return out.chunks();
}

/** The table part of a new sheet's table; column names are its header cells' text, unique. */
export function newTableXml(spec: NewSheet, id: number): string {
  const t = spec.table!;
  const names: string[] = [];
  const inBody = spec.rows && t.range.r0 >= spec.rows.r0 && t.range.r0 < spec.rows.r0 + spec.rows.values.length;
  const header = new Map(
    (inBody ? sheetCells(spec) : spec.cells).filter((x) => x.row === t.range.r0).map((x) => [x.col, x]),
  );
  for (let c = t.range.c0; c <= t.range.c1; c++) {
    const cell = header.get(c);
    const base =
      cell && cell.value !== null && String(cell.value) !== "" ? String(cell.value) : `Column${c - t.range.c0 + 1}`;
    let name = base;
    for (let i = 2; names.includes(name); i++) name = `${base}${i}`;
    names.push(name);
  }
  const ref = rangeA1(t.range);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN}" id="${id}" name="${escapeAttr(t.name)}" displayName="${escapeAttr(t.name)}" ref="${ref}"><autoFilter ref="${ref}"/>` +
    `<tableColumns count="${names.length}">${names.map((n, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(n)}"/>`).join("")}</tableColumns>` +
    `<tableStyleInfo name="${escapeAttr(t.style ?? "TableStyleLight9")}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}
